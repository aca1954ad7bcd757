lint --format SARIF broken.rf
