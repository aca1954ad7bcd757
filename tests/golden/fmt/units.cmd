fmt --diff units_messy.rf
