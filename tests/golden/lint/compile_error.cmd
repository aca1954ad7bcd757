lint broken.rf
