lint draft.rf
