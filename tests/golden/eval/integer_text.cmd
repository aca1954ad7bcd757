eval integer_kb.rf integer.jsonl --format text
