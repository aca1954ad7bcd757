eval scores_kb.rf scores.jsonl --format json
