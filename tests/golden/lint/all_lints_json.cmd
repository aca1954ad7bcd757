lint --today 2026-11-24 --format json all_lints.rf
