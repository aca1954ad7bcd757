show ../eval/kb.rf weight_loss
