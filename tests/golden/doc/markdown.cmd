doc small.rf -o -
