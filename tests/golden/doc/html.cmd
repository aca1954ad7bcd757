doc small.rf --format html -o -
