fmt --check missing.rf
