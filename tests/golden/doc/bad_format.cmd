doc small.rf --format pdf -o {tmp}/handbook.pdf
