lint --formt json broken.rf
