lint warnings.rf
