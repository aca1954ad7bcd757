lint --today 2026-13 warnings.rf
