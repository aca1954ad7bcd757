show ../eval/kb.rf workup
