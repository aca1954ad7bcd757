eval ../../../kb/back_pain ../../data/fhir/cds-hooks-patient-view-request.json ../../data/fhir/condition-example.json --input-format fhir --now 2026-12-02T00:00:00Z --format json
