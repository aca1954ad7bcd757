test passing.rf --require-coverage
