explain unused-fact
