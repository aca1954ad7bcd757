build ../codegen/topics.rf
