eval kb.rf
