fmt --diff messy.rf
