show when_kb.rf febrile_older
