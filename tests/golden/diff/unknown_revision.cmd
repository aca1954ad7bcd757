diff no-such-revision-xyz:kb/back_pain base.rf
