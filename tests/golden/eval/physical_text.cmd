eval physical_kb.rf physical.jsonl --format text
