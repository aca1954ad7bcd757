lint --config config/redflag.toml warnings.rf
