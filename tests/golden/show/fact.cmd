# A fact: its type, range, ask, meaning and the flags that read it.
show when_kb.rf age
