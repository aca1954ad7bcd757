check --color sometimes broken.rf
