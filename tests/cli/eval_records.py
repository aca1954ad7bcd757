"""What the tests of `redflag eval`'s output share: a large batch made from the golden one, and
the records of an output, each checked to be whole (docs/cli.md gives the formats)."""
import csv
import io
import json

CSV_HEADER = ["id", "urgency", "status", "fired", "undetermined", "error"]


def write_repeated_batch(golden_batch: str, path: str, repeats: int) -> int:
    """Writes the lines of [golden_batch] [repeats] times to [path], each copy's ids made distinct;
    returns the number of lines, which is the number of records eval writes for it."""
    with open(golden_batch, encoding="utf-8") as file:
        lines = file.read().splitlines()
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(repeats):
            for line in lines:
                out.write(line.replace('"id": "', f'"id": "{copy}-', 1) + "\n")
    return repeats * len(lines)


def whole_records(form: str, output: bytes) -> list:
    """The records of [output] in [form] (json and summary: objects; csv: rows without the header;
    text: reports); raises AssertionError or ValueError when one is cut or malformed."""
    text = output.decode("utf-8")
    if not text:
        return []
    if form in ("json", "summary"):
        assert text.endswith("\n"), "the last JSON record is cut"
        records = [json.loads(line) for line in text.split("\n")[:-1]]
        for record in records:
            assert isinstance(record, dict) and ("error" in record or "status" in record or form == "summary"), record
        return records
    if form == "csv":
        assert text.endswith("\n"), "the last CSV row is cut"
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert rows[0] == CSV_HEADER, rows[0]
        for row in rows[1:]:
            assert len(row) == len(CSV_HEADER) and row[2] in ("complete", "incomplete", "error"), row
        return rows[1:]
    assert text.endswith("\n\n"), "the last text record is cut"
    reports = text[:-2].split("\n\n")
    for report in reports:
        lines = report.split("\n")
        assert lines[0].startswith("case "), report
        assert ": error: " in lines[0] or lines[-1].startswith("  kb: "), report
    return reports
