check --color never broken.rf
