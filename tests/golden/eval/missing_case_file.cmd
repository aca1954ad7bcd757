eval kb.rf missing.json one.json --format json
