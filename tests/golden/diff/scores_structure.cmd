# Scores, items and numeric defines are compared as decompiled expressions: a moved band or a
# rewritten define is a minor change, a new score title a patch.
diff scores_old.rf scores_new.rf --max-cases 2
