fmt --check ../check/fail_and_without_operand.rf clean.rf
