diff base.rf base.rf --fail-on-change --check-version
