disasm ../codegen/junctions.rf
