disasm truncated.rfb.bin
