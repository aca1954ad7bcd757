eval no_such_kb one.json
