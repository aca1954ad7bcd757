show when_kb.rf bmi_ish
