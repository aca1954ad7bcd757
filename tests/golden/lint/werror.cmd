lint --werror warnings.rf
