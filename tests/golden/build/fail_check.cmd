build ../check/fail_unknown_unit.rf -o {tmp}/x.rfb
