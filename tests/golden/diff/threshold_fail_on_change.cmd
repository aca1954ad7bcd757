diff base.rf threshold.rf --fail-on-change --check-version --max-cases 2
