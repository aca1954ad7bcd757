/* The C embedding API: opaque handles over runtime/redflag.hpp, for callers that cannot use C++.
 *
 * Same model as the C++ API: open a KB (verified on load), make a case, set facts by name,
 * evaluate, read results by index. Functions never throw or abort: failures return NULL or -1
 * and leave a message (rf_kb_open_* write it into the caller's buffer; setters keep it in the
 * case, see rf_case_error). Every returned string is owned by the KB or the case and stays
 * valid until that handle is freed (result strings: until the next rf_case_evaluate).
 * docs/embedding.md shows a complete example. */
#ifndef REDFLAG_RUNTIME_REDFLAG_H
#define REDFLAG_RUNTIME_REDFLAG_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rf_kb rf_kb;
typedef struct rf_case rf_case;

/* Loading: NULL on failure, with the reason (NUL-terminated, truncated to [error_size])
 * written to [error] when it is not NULL. */
rf_kb* rf_kb_open_file(const char* path, char* error, size_t error_size);
rf_kb* rf_kb_open_bytes(const uint8_t* data, size_t size, char* error, size_t error_size);
void rf_kb_free(rf_kb* kb);
/* The content hash, 64 lowercase hex digits. */
const char* rf_kb_hash(const rf_kb* kb);

/* A case keeps its KB alive; the KB may be freed first. */
rf_case* rf_case_new(const rf_kb* kb);
void rf_case_free(rf_case* kase);

/* Setters: 0 on success, -1 on failure (rf_case_error says why). */
int rf_case_set_bool(rf_case* kase, const char* fact, int value);
int rf_case_set_number(rf_case* kase, const char* fact, double value);
int rf_case_set_quantity(rf_case* kase, const char* fact, double value, const char* unit);
int rf_case_set_enum(rf_case* kase, const char* fact, const char* value);
int rf_case_set_text(rf_case* kase, const char* fact, const char* text);
int rf_case_set_unknown(rf_case* kase, const char* fact);
void rf_case_clear(rf_case* kase);
/* The reason the last setter failed, or "" after a success. */
const char* rf_case_error(const rf_case* kase);

/* Evaluates the facts set so far; the getters below read its results. */
void rf_case_evaluate(rf_case* kase);
const char* rf_case_urgency(const rf_case* kase);
/* 1 when no flag is undetermined, else 0. */
int rf_case_complete(const rf_case* kase);

/* Fired flags [i] < rf_case_fired_count: name, level, and evidence facts [j]. Out-of-range
 * indices give NULL (strings) or 0 (counts). */
size_t rf_case_fired_count(const rf_case* kase);
const char* rf_case_fired_name(const rf_case* kase, size_t i);
const char* rf_case_fired_level(const rf_case* kase, size_t i);
size_t rf_case_fired_evidence_count(const rf_case* kase, size_t i);
const char* rf_case_fired_evidence_fact(const rf_case* kase, size_t i, size_t j);

/* The exact numeric values [j] fired flag [i] read (numeric defines, scores, score items):
 * name, value and unit (a UCUM code, "1" when dimensionless). Out-of-range indices give NULL,
 * 0 (counts) or NaN (values). */
size_t rf_case_fired_computed_count(const rf_case* kase, size_t i);
const char* rf_case_fired_computed_name(const rf_case* kase, size_t i, size_t j);
double rf_case_fired_computed_value(const rf_case* kase, size_t i, size_t j);
const char* rf_case_fired_computed_unit(const rf_case* kase, size_t i, size_t j);

/* Undetermined flags [i]: name, and the unknown facts [j] it needs. */
size_t rf_case_undetermined_count(const rf_case* kase);
const char* rf_case_undetermined_name(const rf_case* kase, size_t i);
size_t rf_case_undetermined_needs_count(const rf_case* kase, size_t i);
const char* rf_case_undetermined_needs_fact(const rf_case* kase, size_t i, size_t j);

/* Scores [i] < rf_case_score_count, in the KB's order: name, the bounds of its value (equal
 * when it is exact; bounds when facts it reads are unknown), and those unknown facts [j].
 * Out-of-range indices give NULL, 0 (counts) or NaN (bounds). */
size_t rf_case_score_count(const rf_case* kase);
const char* rf_case_score_name(const rf_case* kase, size_t i);
double rf_case_score_low(const rf_case* kase, size_t i);
double rf_case_score_high(const rf_case* kase, size_t i);
size_t rf_case_score_needs_count(const rf_case* kase, size_t i);
const char* rf_case_score_needs_fact(const rf_case* kase, size_t i, size_t j);

#ifdef __cplusplus
}
#endif

#endif /* REDFLAG_RUNTIME_REDFLAG_H */
