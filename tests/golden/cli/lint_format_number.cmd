lint --format 2 broken.rf
