explain unused-facts
