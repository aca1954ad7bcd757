# Hostile case lines through `redflag eval` (README.md lists each with its expected outcome):
# one record per line, in order; exit 2.
eval ../golden/eval/kb.rf cases.jsonl --format json
