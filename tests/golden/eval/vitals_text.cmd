eval vitals_kb.rf vitals.jsonl --format text
