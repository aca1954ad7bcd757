eval bad.rfb.bin one.json
