explain E012 extra
