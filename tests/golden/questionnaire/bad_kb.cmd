questionnaire ../check/fail_fhir_bad_coding.rf
