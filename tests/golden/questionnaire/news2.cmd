questionnaire ../../../examples/kb/news2
