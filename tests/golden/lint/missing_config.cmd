lint --config missing.toml warnings.rf
