lint --config bad_table.toml warnings.rf
