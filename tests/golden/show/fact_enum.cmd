show when_kb.rf site
