fmt --check clean.rf
