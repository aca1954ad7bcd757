eval ask_together_kb.rf ask_together.jsonl --ask --format text
