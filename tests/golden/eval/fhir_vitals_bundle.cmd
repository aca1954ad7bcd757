eval ../../../examples/kb/news2 ../../data/fhir/vitals-bundle.json --input-format fhir --now 2026-12-02T06:00:00Z --format json
