eval kb.rf batch.jsonl --format text
