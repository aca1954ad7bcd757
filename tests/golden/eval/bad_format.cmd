eval kb.rf one.json --format xml
