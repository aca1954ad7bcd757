doc ../check/fail_unknown_unit.rf -o {tmp}/handbook.md
