doc small.rf -o {tmp}/handbook.html
