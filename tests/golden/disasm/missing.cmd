disasm no_such_file.rfb
