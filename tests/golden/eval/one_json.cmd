eval kb.rf one.json --format json
