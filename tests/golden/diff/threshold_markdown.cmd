# The threshold moved from 4 to 6 weeks: no KB test catches it, the generated 4 and 5 wk cases do.
diff base.rf threshold.rf --format markdown --max-cases 4
