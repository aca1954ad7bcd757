diff missing.rf base.rf
