# Each kind of structural change, in text; a patch bump is reported as too small.
diff base.rf changed.rf --max-cases 4
