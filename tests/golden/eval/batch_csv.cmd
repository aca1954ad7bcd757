eval kb.rf batch.jsonl one.json --format csv
