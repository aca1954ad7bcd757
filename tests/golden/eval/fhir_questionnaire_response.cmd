eval ../../../kb/back_pain ../../data/fhir/back-pain-response.json --input-format fhir --now 2026-12-02T00:00:00Z --format json
