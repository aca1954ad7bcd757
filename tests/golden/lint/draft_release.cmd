lint --release draft.rf
