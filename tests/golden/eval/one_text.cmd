eval kb.rf one.json --format text
