eval kb.rf batch.jsonl --format json
