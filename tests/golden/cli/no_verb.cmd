# no arguments at all
