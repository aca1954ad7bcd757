diff base.rf changed.rf --check-version --max-cases 1
