lint broken.rf --frob
