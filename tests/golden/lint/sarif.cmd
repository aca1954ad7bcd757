lint --format sarif warnings.rf
