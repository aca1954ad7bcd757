# The fact moves from mg/dL to g/L: no case changes, but a bare number in a case file is read in
# the canonical unit, so the unit change itself is a major change.
diff glucose_mg.rf glucose_g.rf --fail-on-change --check-version
