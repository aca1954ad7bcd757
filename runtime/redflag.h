/* The C embedding API: opaque handles over runtime/redflag.hpp, for callers that cannot use C++.
 *
 * Same model as the C++ API: open a KB (verified on load), make a case, set facts by name,
 * evaluate, read results by index. docs/embedding.md shows a complete example and the link line
 * (`pkg-config --cflags --libs redflag` for the installed libredflag.so).
 *
 * Errors. No function throws, aborts or crashes on a NULL argument or a call out of order.
 * Functions that act return an rf_status: RF_OK (0) on success, else a code rf_status_string
 * names. Getters return NULL, 0 or NaN when they have no answer and keep the code in the case:
 * rf_case_status and rf_case_error describe the most recent call on a case (RF_OK and "" after a
 * success). Every pointer argument must be non-NULL unless it says "may be NULL"; a NULL one is
 * RF_ERROR_NULL. rf_kb_free and rf_case_free accept NULL and do nothing, like free().
 *
 * Results. Getters answer only for the facts as they were last evaluated. Before the first
 * rf_case_evaluate, after a setter succeeds or rf_case_clear, and after an evaluate that failed,
 * they return NULL, 0 or NaN with RF_ERROR_NOT_EVALUATED: never a default or stale result (a
 * case not evaluated is not "routine, complete").
 *
 * Ownership. Every returned string is owned by the KB or the case and stays valid until that
 * handle is freed (result strings: until the next rf_case_evaluate).
 *
 * Threads. An rf_kb is immutable once opened: any number of threads may read it and make cases
 * from it at the same time. An rf_case belongs to one thread at a time (its getters record their
 * status in it): give each thread its own case. A case keeps its KB alive, so rf_kb_free may run
 * while cases made from it are in use elsewhere, once no thread uses the rf_kb handle itself.
 * The library has no other shared state. */
#ifndef REDFLAG_RUNTIME_REDFLAG_H
#define REDFLAG_RUNTIME_REDFLAG_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The one mark on every exported function: libredflag.so is built with hidden visibility. */
#if defined(__GNUC__)
#define RF_API __attribute__((visibility("default")))
#else
#define RF_API
#endif

typedef struct rf_kb rf_kb;
typedef struct rf_case rf_case;

typedef enum rf_status {
  RF_OK = 0,
  RF_ERROR_NULL = 1,          /* a required pointer argument is NULL */
  RF_ERROR_NOT_EVALUATED = 2, /* results read from a case not evaluated since its facts changed */
  RF_ERROR_RANGE = 3,         /* an index past the end of its list */
  RF_ERROR_UNKNOWN_FACT = 4,  /* a setter named a fact the KB does not declare */
  RF_ERROR_TYPE = 5,          /* a setter of the wrong kind for the fact (set_bool on a number) */
  RF_ERROR_VALUE = 6,         /* a value the fact refuses: range, unit, enum value, not finite */
  RF_ERROR_IO = 7,            /* the KB file cannot be read */
  RF_ERROR_BYTECODE = 8,      /* the bytes are not a valid .rfb (bad bytecode (...)) */
  RF_ERROR_NOMEM = 9          /* out of memory */
} rf_status;

/* A short English name of [status], e.g. "NULL argument"; "unknown status" for other values. */
RF_API const char* rf_status_string(rf_status status);

/* The library's version, "MAJOR.MINOR.PATCH". [bytecode_major] and [bytecode_minor] (each may be
 * NULL) receive the .rfb format it reads: that major, and any minor up to this one. */
RF_API const char* rf_version(unsigned* bytecode_major, unsigned* bytecode_minor);

/* Loading: RF_OK with *[kb] set, or RF_ERROR_NULL, RF_ERROR_IO (file only), RF_ERROR_BYTECODE or
 * RF_ERROR_NOMEM with *[kb] = NULL and the reason (NUL-terminated, truncated to [error_size])
 * written to [error], which may be NULL. [data] may not be NULL, even with [size] 0. */
RF_API rf_status rf_kb_open_file(const char* path, rf_kb** kb, char* error, size_t error_size);
RF_API rf_status rf_kb_open_bytes(const uint8_t* data, size_t size, rf_kb** kb, char* error,
                                  size_t error_size);
RF_API void rf_kb_free(rf_kb* kb);
/* The content hash, 64 lowercase hex digits; NULL for a NULL [kb]. */
RF_API const char* rf_kb_hash(const rf_kb* kb);

/* A case with every fact unknown: RF_OK with *[kase] set, or RF_ERROR_NULL / RF_ERROR_NOMEM with
 * *[kase] = NULL. A case keeps its KB alive; the KB may be freed first. */
RF_API rf_status rf_case_new(const rf_kb* kb, rf_case** kase);
RF_API void rf_case_free(rf_case* kase);

/* Setters: RF_OK, else RF_ERROR_NULL, RF_ERROR_UNKNOWN_FACT, RF_ERROR_TYPE, RF_ERROR_VALUE or
 * RF_ERROR_NOMEM, with the reason in rf_case_error and the fact left as it was. */
RF_API rf_status rf_case_set_bool(rf_case* kase, const char* fact, int value);
RF_API rf_status rf_case_set_number(rf_case* kase, const char* fact, double value);
RF_API rf_status rf_case_set_quantity(rf_case* kase, const char* fact, double value, const char* unit);
RF_API rf_status rf_case_set_enum(rf_case* kase, const char* fact, const char* value);
RF_API rf_status rf_case_set_text(rf_case* kase, const char* fact, const char* text);
RF_API rf_status rf_case_set_unknown(rf_case* kase, const char* fact);
/* Makes every fact unknown again. */
RF_API rf_status rf_case_clear(rf_case* kase);

/* The code of the most recent call on [kase] (RF_ERROR_NULL for a NULL [kase]). */
RF_API rf_status rf_case_status(const rf_case* kase);
/* Why the most recent call on [kase] failed, or "" after a success; never NULL. A refused value
 * is said in the case reader's words ("`age` expects a number from 0 to 130, got 200"), any
 * other failure names the function and the argument ("rf_case_set_enum: value is NULL"). */
RF_API const char* rf_case_error(const rf_case* kase);

/* Evaluates the facts set so far (RF_OK, RF_ERROR_NULL or RF_ERROR_NOMEM); the getters below
 * read its results. */
RF_API rf_status rf_case_evaluate(rf_case* kase);
/* The case urgency: the highest fired level, the first level when none fired. */
RF_API const char* rf_case_urgency(const rf_case* kase);
/* 1 when no flag is undetermined; 0 when some is, or when there is no result (see above). */
RF_API int rf_case_complete(const rf_case* kase);

/* Fired flags [i] < rf_case_fired_count: name, level, and evidence facts [j]. Out-of-range
 * indices give NULL (strings) or 0 (counts) with RF_ERROR_RANGE. */
RF_API size_t rf_case_fired_count(const rf_case* kase);
RF_API const char* rf_case_fired_name(const rf_case* kase, size_t i);
RF_API const char* rf_case_fired_level(const rf_case* kase, size_t i);
RF_API size_t rf_case_fired_evidence_count(const rf_case* kase, size_t i);
RF_API const char* rf_case_fired_evidence_fact(const rf_case* kase, size_t i, size_t j);

/* The exact numeric values [j] fired flag [i] read (numeric defines, scores, score items):
 * name, value and unit (a UCUM code, "1" when dimensionless). Out-of-range indices give NULL,
 * 0 (counts) or NaN (values) with RF_ERROR_RANGE. */
RF_API size_t rf_case_fired_computed_count(const rf_case* kase, size_t i);
RF_API const char* rf_case_fired_computed_name(const rf_case* kase, size_t i, size_t j);
RF_API double rf_case_fired_computed_value(const rf_case* kase, size_t i, size_t j);
RF_API const char* rf_case_fired_computed_unit(const rf_case* kase, size_t i, size_t j);

/* Undetermined flags [i]: name, and the unknown facts [j] it needs. Out-of-range indices give
 * NULL or 0 with RF_ERROR_RANGE. */
RF_API size_t rf_case_undetermined_count(const rf_case* kase);
RF_API const char* rf_case_undetermined_name(const rf_case* kase, size_t i);
RF_API size_t rf_case_undetermined_needs_count(const rf_case* kase, size_t i);
RF_API const char* rf_case_undetermined_needs_fact(const rf_case* kase, size_t i, size_t j);

/* Scores [i] < rf_case_score_count, in the KB's order: name, the bounds of its value (equal
 * when it is exact; bounds when facts it reads are unknown), and those unknown facts [j].
 * Out-of-range indices give NULL, 0 (counts) or NaN (bounds) with RF_ERROR_RANGE. */
RF_API size_t rf_case_score_count(const rf_case* kase);
RF_API const char* rf_case_score_name(const rf_case* kase, size_t i);
RF_API double rf_case_score_low(const rf_case* kase, size_t i);
RF_API double rf_case_score_high(const rf_case* kase, size_t i);
RF_API size_t rf_case_score_needs_count(const rf_case* kase, size_t i);
RF_API const char* rf_case_score_needs_fact(const rf_case* kase, size_t i, size_t j);

#ifdef __cplusplus
}
#endif

#endif /* REDFLAG_RUNTIME_REDFLAG_H */
