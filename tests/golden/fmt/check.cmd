fmt --check messy.rf clean.rf
