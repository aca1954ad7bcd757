fmt clean.rf
