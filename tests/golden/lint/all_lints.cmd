lint --today 2026-11-24 all_lints.rf
