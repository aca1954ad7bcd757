diff base.rf changed.rf --format json --max-cases 2
