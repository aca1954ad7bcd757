show when_kb.rf older
