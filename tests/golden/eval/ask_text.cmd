eval ask_kb.rf ask.jsonl --ask --format text
