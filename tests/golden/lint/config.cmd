lint config
