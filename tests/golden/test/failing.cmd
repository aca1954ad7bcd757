test failing.rf
