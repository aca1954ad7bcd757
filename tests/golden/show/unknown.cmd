show ../eval/kb.rf weight_los
