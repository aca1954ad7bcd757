lint --config bad_level.toml warnings.rf
