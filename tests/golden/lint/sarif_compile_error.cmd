lint --format sarif broken.rf
