build ../codegen/topics.rf -o {tmp}/topics.rfb
