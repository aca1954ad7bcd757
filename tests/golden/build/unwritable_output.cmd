build ../codegen/topics.rf -o {tmp}/no/such/dir/x.rfb
