diff base.rf threshold.rf --format yaml
