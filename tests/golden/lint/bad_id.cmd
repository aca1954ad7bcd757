lint --config bad_id.toml warnings.rf
