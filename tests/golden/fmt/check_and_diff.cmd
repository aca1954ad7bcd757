fmt --check --diff messy.rf
