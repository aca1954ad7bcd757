diff glucose_mg.rf glucose_g_raised.rf --check-version
