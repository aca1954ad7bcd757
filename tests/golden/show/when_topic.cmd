show when_kb.rf back_advice
