eval broken.rf two_cases.jsonl -J 2
