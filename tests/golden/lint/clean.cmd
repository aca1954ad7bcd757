lint --today 2026-11-24 ../../../kb/back_pain
