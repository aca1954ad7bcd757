questionnaire ../../../kb/back_pain
