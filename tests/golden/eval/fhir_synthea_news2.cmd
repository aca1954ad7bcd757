eval ../../../examples/kb/news2 ../../data/fhir/synthea-936988e9.json --input-format fhir --now 2024-09-11T06:00:00Z --format json
