eval ../../../kb/back_pain kb.rf --input-format fhir --format json
