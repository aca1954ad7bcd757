eval kb.rf - --format json
