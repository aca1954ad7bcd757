diff base.rf text_only.rf --check-version --fail-on-change
