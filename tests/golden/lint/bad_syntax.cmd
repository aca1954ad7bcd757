lint --config bad_syntax.toml warnings.rf
