eval kb.rf batch.jsonl --format json --jobs 2
