# A score: what it reads and each item's rows, decompiled.
show ../eval/scores_kb.rf qsofa
