diff base.rf raise.rf --check-version --fail-on-change --max-cases 2
