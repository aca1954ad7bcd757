eval ../../../kb/back_pain ../../data/fhir/back-pain-response.json --input-format fhir --now yesterday
