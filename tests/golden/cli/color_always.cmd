check --color always broken.rf
