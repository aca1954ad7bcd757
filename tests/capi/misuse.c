/* Drives the installed C API (redflag.h, libredflag.so) through every NULL argument and every
 * call out of order, checking the exact status and message of each, then through a real
 * evaluation of misuse_kb.rf. install_and_compile.sh builds it with `pkg-config --cflags --libs
 * redflag` alone; tests/capi/CMakeLists.txt runs it plainly (under ASan in a sanitized build) and
 * under valgrind.
 * usage: misuse KB.rfb VERSION   (VERSION: the project's, which rf_version must report) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <redflag.h>

static int checks = 0;
static int failures = 0;

static void check(int ok, int line, const char* what) {
  ++checks;
  if (!ok) {
    fprintf(stderr, "misuse.c:%d: FAIL %s\n", line, what);
    ++failures;
  }
}
#define CHECK(condition) check((condition) != 0, __LINE__, #condition)

/* [actual] equals [expected]; NULL equals only NULL. */
static void check_string(const char* actual, const char* expected, int line, const char* what) {
  const int ok = (actual == NULL || expected == NULL) ? actual == expected : strcmp(actual, expected) == 0;
  ++checks;
  if (!ok) {
    fprintf(stderr, "misuse.c:%d: FAIL %s is \"%s\", expected \"%s\"\n", line, what, actual ? actual : "(NULL)",
            expected ? expected : "(NULL)");
    ++failures;
  }
}
#define CHECK_STRING(actual, expected) check_string((actual), (expected), __LINE__, #actual)

/* The most recent call on [kase] ended with [status] and the message [error]. */
static void check_outcome(const rf_case* kase, rf_status status, const char* error, int line) {
  ++checks;
  if (rf_case_status(kase) != status) {
    fprintf(stderr, "misuse.c:%d: FAIL status %s, expected %s\n", line, rf_status_string(rf_case_status(kase)),
            rf_status_string(status));
    ++failures;
  }
  check_string(rf_case_error(kase), error, line, "rf_case_error");
}
#define CHECK_OUTCOME(kase, status, error) check_outcome((kase), (status), (error), __LINE__)

/* A non-NULL pointer no function may return: out-parameters start as it, to see them cleared. */
static char sentinel;
#define NOT_SET ((void*)&sentinel)

/* The bytes of the file at [path] (malloc'd, *[size] of them), or NULL. */
static uint8_t* read_file(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  if (file == NULL) return NULL;
  uint8_t* bytes = NULL;
  if (fseek(file, 0, SEEK_END) == 0) {
    const long length = ftell(file);
    bytes = length > 0 ? malloc((size_t)length) : NULL;
    *size = (size_t)length;
    if (bytes != NULL && (fseek(file, 0, SEEK_SET) != 0 || fread(bytes, 1, *size, file) != *size)) {
      free(bytes);
      bytes = NULL;
    }
  }
  fclose(file);
  return bytes;
}

static void status_names(void) {
  CHECK_STRING(rf_status_string(RF_OK), "ok");
  CHECK_STRING(rf_status_string(RF_ERROR_NULL), "NULL argument");
  CHECK_STRING(rf_status_string(RF_ERROR_NOT_EVALUATED), "case not evaluated");
  CHECK_STRING(rf_status_string(RF_ERROR_RANGE), "index out of range");
  CHECK_STRING(rf_status_string(RF_ERROR_UNKNOWN_FACT), "unknown fact");
  CHECK_STRING(rf_status_string(RF_ERROR_TYPE), "wrong type for the fact");
  CHECK_STRING(rf_status_string(RF_ERROR_VALUE), "value refused by the fact");
  CHECK_STRING(rf_status_string(RF_ERROR_IO), "cannot read the file");
  CHECK_STRING(rf_status_string(RF_ERROR_BYTECODE), "bad bytecode");
  CHECK_STRING(rf_status_string(RF_ERROR_NOMEM), "out of memory");
  CHECK_STRING(rf_status_string((rf_status)99), "unknown status");
  CHECK_STRING(rf_status_string((rf_status)-1), "unknown status");
}

/* The version is the project's, and the bytecode format the one the build's own .rfb has
 * (header bytes 8-9 major, 10-11 minor, little-endian: docs/bytecode.md "Header"). */
static void version(const uint8_t* kb_bytes, const char* expected) {
  unsigned major = 0, minor = 0;
  CHECK_STRING(rf_version(NULL, NULL), expected);
  CHECK_STRING(rf_version(&major, NULL), expected);
  CHECK(major == (unsigned)(kb_bytes[8] | kb_bytes[9] << 8));
  CHECK_STRING(rf_version(NULL, &minor), expected);
  CHECK(minor == (unsigned)(kb_bytes[10] | kb_bytes[11] << 8));
}

static void open_refusals(const char* path, const uint8_t* bytes, size_t size) {
  char error[128];
  rf_kb* kb = NOT_SET;
  CHECK(rf_kb_open_file(NULL, &kb, error, sizeof error) == RF_ERROR_NULL);
  CHECK(kb == NULL);
  CHECK_STRING(error, "rf_kb_open_file: path is NULL");
  CHECK(rf_kb_open_file(path, NULL, error, sizeof error) == RF_ERROR_NULL);
  CHECK_STRING(error, "rf_kb_open_file: kb is NULL");
  kb = NOT_SET;
  CHECK(rf_kb_open_bytes(NULL, 0, &kb, error, sizeof error) == RF_ERROR_NULL);
  CHECK(kb == NULL);
  CHECK_STRING(error, "rf_kb_open_bytes: data is NULL");
  CHECK(rf_kb_open_bytes(bytes, size, NULL, error, sizeof error) == RF_ERROR_NULL);
  CHECK_STRING(error, "rf_kb_open_bytes: kb is NULL");

  kb = NOT_SET;
  CHECK(rf_kb_open_file("no-such-dir/missing.rfb", &kb, error, sizeof error) == RF_ERROR_IO);
  CHECK(kb == NULL);
  CHECK_STRING(error, "cannot read no-such-dir/missing.rfb: No such file or directory");
  CHECK(rf_kb_open_file(".", &kb, error, sizeof error) == RF_ERROR_IO);
  CHECK_STRING(error, "cannot read .: Is a directory");
  kb = NOT_SET;
  CHECK(rf_kb_open_bytes(bytes, 16, &kb, error, sizeof error) == RF_ERROR_BYTECODE);
  CHECK(kb == NULL);
  CHECK_STRING(error, "bad bytecode (truncated header (16 of 72 bytes))");
  CHECK(rf_kb_open_bytes(bytes, 0, &kb, error, sizeof error) == RF_ERROR_BYTECODE);
  CHECK_STRING(error, "bad bytecode (truncated header (0 of 72 bytes))");

  /* The reason is cut to the buffer, and no buffer at all is allowed. */
  CHECK(rf_kb_open_bytes(bytes, 16, &kb, error, 8) == RF_ERROR_BYTECODE);
  CHECK_STRING(error, "bad byt");
  CHECK(rf_kb_open_bytes(bytes, 16, &kb, error, 1) == RF_ERROR_BYTECODE);
  CHECK_STRING(error, "");
  strcpy(error, "untouched");
  CHECK(rf_kb_open_bytes(bytes, 16, &kb, error, 0) == RF_ERROR_BYTECODE);
  CHECK_STRING(error, "untouched");
  CHECK(rf_kb_open_file(NULL, &kb, NULL, 64) == RF_ERROR_NULL);
  CHECK(kb == NULL);

  rf_kb_free(NULL);
  CHECK(rf_kb_hash(NULL) == NULL);
}

/* Opening the file and its bytes gives the hash the header carries (bytes 40-71). */
static void open_good(const char* path, uint8_t* bytes, size_t size) {
  static const char hex[] = "0123456789abcdef";
  char expected[65];
  for (int i = 0; i < 32; ++i) {
    expected[2 * i] = hex[bytes[40 + i] >> 4];
    expected[2 * i + 1] = hex[bytes[40 + i] & 15];
  }
  expected[64] = '\0';
  char error[128] = "untouched";
  rf_kb* from_file = NOT_SET;
  rf_kb* from_bytes = NOT_SET;
  CHECK(rf_kb_open_file(path, &from_file, error, sizeof error) == RF_OK);
  CHECK(rf_kb_open_bytes(bytes, size, &from_bytes, error, sizeof error) == RF_OK);
  CHECK_STRING(error, "untouched");
  memset(bytes, 0, size); /* the KB keeps its own copy */
  CHECK_STRING(rf_kb_hash(from_file), expected);
  CHECK_STRING(rf_kb_hash(from_bytes), expected);
  rf_kb_free(from_file);
  rf_kb_free(from_bytes);
}

static void case_new(const rf_kb* kb) {
  rf_case* kase = NOT_SET;
  CHECK(rf_case_new(NULL, &kase) == RF_ERROR_NULL);
  CHECK(kase == NULL);
  CHECK(rf_case_new(kb, NULL) == RF_ERROR_NULL);
  rf_case_free(NULL);
}

/* Every getter on [kase] answers NULL, 0 or NaN; with a case, the status is [status] and the
 * message "<getter>: [reason]"; a NULL case has RF_ERROR_NULL. */
static void no_result(const rf_case* kase, rf_status status, const char* reason, int line) {
  char error[256];
#define NO_ANSWER(call, getter, empty)                                                 \
  do {                                                                                 \
    check(empty(call), line, #call);                                                   \
    snprintf(error, sizeof error, "%s: %s", getter, reason);                           \
    check_outcome(kase, kase ? status : RF_ERROR_NULL, kase ? error : "rf_case_error: kase is NULL", line); \
  } while (0)
#define IS_NULL(x) ((x) == NULL)
#define IS_ZERO(x) ((x) == 0)
#define IS_NAN(x) isnan(x)
  NO_ANSWER(rf_case_urgency(kase), "rf_case_urgency", IS_NULL);
  NO_ANSWER(rf_case_complete(kase), "rf_case_complete", IS_ZERO);
  NO_ANSWER(rf_case_fired_count(kase), "rf_case_fired_count", IS_ZERO);
  NO_ANSWER(rf_case_fired_name(kase, 0), "rf_case_fired_name", IS_NULL);
  NO_ANSWER(rf_case_fired_level(kase, 0), "rf_case_fired_level", IS_NULL);
  NO_ANSWER(rf_case_fired_evidence_count(kase, 0), "rf_case_fired_evidence_count", IS_ZERO);
  NO_ANSWER(rf_case_fired_evidence_fact(kase, 0, 0), "rf_case_fired_evidence_fact", IS_NULL);
  NO_ANSWER(rf_case_fired_computed_count(kase, 0), "rf_case_fired_computed_count", IS_ZERO);
  NO_ANSWER(rf_case_fired_computed_name(kase, 0, 0), "rf_case_fired_computed_name", IS_NULL);
  NO_ANSWER(rf_case_fired_computed_value(kase, 0, 0), "rf_case_fired_computed_value", IS_NAN);
  NO_ANSWER(rf_case_fired_computed_unit(kase, 0, 0), "rf_case_fired_computed_unit", IS_NULL);
  NO_ANSWER(rf_case_undetermined_count(kase), "rf_case_undetermined_count", IS_ZERO);
  NO_ANSWER(rf_case_undetermined_name(kase, 0), "rf_case_undetermined_name", IS_NULL);
  NO_ANSWER(rf_case_undetermined_needs_count(kase, 0), "rf_case_undetermined_needs_count", IS_ZERO);
  NO_ANSWER(rf_case_undetermined_needs_fact(kase, 0, 0), "rf_case_undetermined_needs_fact", IS_NULL);
  NO_ANSWER(rf_case_score_count(kase), "rf_case_score_count", IS_ZERO);
  NO_ANSWER(rf_case_score_name(kase, 0), "rf_case_score_name", IS_NULL);
  NO_ANSWER(rf_case_score_low(kase, 0), "rf_case_score_low", IS_NAN);
  NO_ANSWER(rf_case_score_high(kase, 0), "rf_case_score_high", IS_NAN);
  NO_ANSWER(rf_case_score_needs_count(kase, 0), "rf_case_score_needs_count", IS_ZERO);
  NO_ANSWER(rf_case_score_needs_fact(kase, 0, 0), "rf_case_score_needs_fact", IS_NULL);
#undef NO_ANSWER
}
#define NO_RESULT(kase, status, reason) no_result((kase), (status), (reason), __LINE__)

/* A NULL case: every function says RF_ERROR_NULL, or answers NULL, 0 or NaN. */
static void null_case(void) {
  CHECK(rf_case_set_bool(NULL, "fever", 1) == RF_ERROR_NULL);
  CHECK(rf_case_set_number(NULL, "age", 1) == RF_ERROR_NULL);
  CHECK(rf_case_set_quantity(NULL, "weight_loss", 1, "kg") == RF_ERROR_NULL);
  CHECK(rf_case_set_enum(NULL, "cancer_type", "lung") == RF_ERROR_NULL);
  CHECK(rf_case_set_text(NULL, "notes", "x") == RF_ERROR_NULL);
  CHECK(rf_case_set_unknown(NULL, "fever") == RF_ERROR_NULL);
  CHECK(rf_case_clear(NULL) == RF_ERROR_NULL);
  CHECK(rf_case_evaluate(NULL) == RF_ERROR_NULL);
  CHECK(rf_case_status(NULL) == RF_ERROR_NULL);
  CHECK_STRING(rf_case_error(NULL), "rf_case_error: kase is NULL");
  NO_RESULT(NULL, RF_ERROR_NULL, "");
}

/* NULL strings handed to setters, and facts a setter refuses: each its own code. */
static void setter_refusals(rf_case* kase) {
  CHECK(rf_case_set_bool(kase, NULL, 1) == RF_ERROR_NULL);
  CHECK_OUTCOME(kase, RF_ERROR_NULL, "rf_case_set_bool: fact is NULL");
  CHECK(rf_case_set_number(kase, NULL, 1) == RF_ERROR_NULL);
  CHECK_OUTCOME(kase, RF_ERROR_NULL, "rf_case_set_number: fact is NULL");
  CHECK(rf_case_set_quantity(kase, NULL, 1, "kg") == RF_ERROR_NULL);
  CHECK_OUTCOME(kase, RF_ERROR_NULL, "rf_case_set_quantity: fact is NULL");
  CHECK(rf_case_set_quantity(kase, "weight_loss", 1, NULL) == RF_ERROR_NULL);
  CHECK_OUTCOME(kase, RF_ERROR_NULL, "rf_case_set_quantity: unit is NULL");
  CHECK(rf_case_set_enum(kase, NULL, "lung") == RF_ERROR_NULL);
  CHECK_OUTCOME(kase, RF_ERROR_NULL, "rf_case_set_enum: fact is NULL");
  CHECK(rf_case_set_enum(kase, "cancer_type", NULL) == RF_ERROR_NULL);
  CHECK_OUTCOME(kase, RF_ERROR_NULL, "rf_case_set_enum: value is NULL");
  CHECK(rf_case_set_text(kase, NULL, "x") == RF_ERROR_NULL);
  CHECK_OUTCOME(kase, RF_ERROR_NULL, "rf_case_set_text: fact is NULL");
  CHECK(rf_case_set_text(kase, "notes", NULL) == RF_ERROR_NULL);
  CHECK_OUTCOME(kase, RF_ERROR_NULL, "rf_case_set_text: text is NULL");
  CHECK(rf_case_set_unknown(kase, NULL) == RF_ERROR_NULL);
  CHECK_OUTCOME(kase, RF_ERROR_NULL, "rf_case_set_unknown: fact is NULL");

  CHECK(rf_case_set_bool(kase, "fevr", 1) == RF_ERROR_UNKNOWN_FACT);
  CHECK_OUTCOME(kase, RF_ERROR_UNKNOWN_FACT, "unknown fact `fevr`; did you mean `fever`?");
  CHECK(rf_case_set_unknown(kase, "pulse") == RF_ERROR_UNKNOWN_FACT);
  CHECK_OUTCOME(kase, RF_ERROR_UNKNOWN_FACT, "unknown fact `pulse`");
  CHECK(rf_case_set_bool(kase, "age", 1) == RF_ERROR_TYPE);
  CHECK_OUTCOME(kase, RF_ERROR_TYPE, "`age` expects a number, got true");
  CHECK(rf_case_set_number(kase, "fever", 1) == RF_ERROR_TYPE);
  CHECK_OUTCOME(kase, RF_ERROR_TYPE, "`fever` expects true or false, got 1");
  CHECK(rf_case_set_quantity(kase, "age", 1, "kg") == RF_ERROR_TYPE);
  CHECK_OUTCOME(kase, RF_ERROR_TYPE, "`age` expects a number, got \"1 kg\"");
  CHECK(rf_case_set_enum(kase, "notes", "lung") == RF_ERROR_TYPE);
  CHECK_OUTCOME(kase, RF_ERROR_TYPE, "`notes` expects a string, got \"lung\"");
  CHECK(rf_case_set_text(kase, "cancer_type", "lung") == RF_ERROR_TYPE);
  CHECK_OUTCOME(kase, RF_ERROR_TYPE, "`cancer_type` expects one of \"breast\" or \"lung\", got \"lung\"");
  CHECK(rf_case_set_number(kase, "age", 200) == RF_ERROR_VALUE);
  CHECK_OUTCOME(kase, RF_ERROR_VALUE, "`age` expects a number from 0 to 130, got 200");
  CHECK(rf_case_set_number(kase, "gcs", 14.5) == RF_ERROR_VALUE);
  CHECK_OUTCOME(kase, RF_ERROR_VALUE, "`gcs` expects an integer, got 14.5");
  CHECK(rf_case_set_number(kase, "age", NAN) == RF_ERROR_VALUE);
  CHECK_OUTCOME(kase, RF_ERROR_VALUE, "`age` expects a finite number, got nan");
  CHECK(rf_case_set_quantity(kase, "weight_loss", 5, "mmol/L") == RF_ERROR_VALUE);
  CHECK_OUTCOME(kase, RF_ERROR_VALUE, "`weight_loss` is in `kg`; cannot convert `mmol/L` to `kg`: different dimensions (m-3 against g)");
  CHECK(rf_case_set_enum(kase, "cancer_type", "liver") == RF_ERROR_VALUE);
  CHECK_OUTCOME(kase, RF_ERROR_VALUE, "`cancer_type` expects one of \"breast\" or \"lung\", got \"liver\"");
}

/* Every list of an evaluated case, and each index one past its end. */
static void results(rf_case* kase) {
  CHECK(rf_case_set_bool(kase, "fever", 2) == RF_OK); /* any non-zero int is true */
  CHECK_OUTCOME(kase, RF_OK, "");
  CHECK(rf_case_set_number(kase, "age", 60) == RF_OK);
  CHECK(rf_case_set_enum(kase, "cancer_type", "lung") == RF_OK);
  CHECK(rf_case_set_text(kase, "notes", "seen in clinic") == RF_OK);
  CHECK(rf_case_evaluate(kase) == RF_OK);
  CHECK_OUTCOME(kase, RF_OK, "");

  CHECK_STRING(rf_case_urgency(kase), "immediate");
  CHECK(rf_case_complete(kase) == 0); /* weight_loss and gcs are unknown */
  CHECK(rf_case_fired_count(kase) == 2);
  CHECK_STRING(rf_case_fired_name(kase, 0), "cancer_history");
  CHECK_STRING(rf_case_fired_level(kase, 0), "consult");
  CHECK(rf_case_fired_evidence_count(kase, 0) == 1);
  CHECK_STRING(rf_case_fired_evidence_fact(kase, 0, 0), "cancer_type");
  CHECK(rf_case_fired_computed_count(kase, 0) == 0);
  CHECK_STRING(rf_case_fired_name(kase, 1), "systemic");
  CHECK_STRING(rf_case_fired_level(kase, 1), "immediate");
  CHECK(rf_case_fired_evidence_count(kase, 1) == 2);
  CHECK_STRING(rf_case_fired_evidence_fact(kase, 1, 0), "fever");
  CHECK_STRING(rf_case_fired_evidence_fact(kase, 1, 1), "age");
  CHECK(rf_case_fired_computed_count(kase, 1) == 1);
  CHECK_STRING(rf_case_fired_computed_name(kase, 1, 0), "danger");
  CHECK(rf_case_fired_computed_value(kase, 1, 0) == 2);
  CHECK_STRING(rf_case_fired_computed_unit(kase, 1, 0), "1");
  CHECK(rf_case_undetermined_count(kase) == 2);
  CHECK_STRING(rf_case_undetermined_name(kase, 0), "weight_loss_flag");
  CHECK(rf_case_undetermined_needs_count(kase, 0) == 1);
  CHECK_STRING(rf_case_undetermined_needs_fact(kase, 0, 0), "weight_loss");
  CHECK_STRING(rf_case_undetermined_name(kase, 1), "drowsy");
  CHECK_STRING(rf_case_undetermined_needs_fact(kase, 1, 0), "gcs");
  CHECK(rf_case_score_count(kase) == 1);
  CHECK_STRING(rf_case_score_name(kase, 0), "danger");
  CHECK(rf_case_score_low(kase, 0) == 2);
  CHECK(rf_case_score_high(kase, 0) == 2);
  CHECK(rf_case_score_needs_count(kase, 0) == 0);
  CHECK_OUTCOME(kase, RF_OK, "");

  CHECK(rf_case_fired_name(kase, 2) == NULL);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE, "rf_case_fired_name: index 2 is past the end of the fired flags (2)");
  CHECK(rf_case_fired_level(kase, 2) == NULL);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE, "rf_case_fired_level: index 2 is past the end of the fired flags (2)");
  CHECK(rf_case_fired_evidence_count(kase, 5) == 0);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE, "rf_case_fired_evidence_count: index 5 is past the end of the fired flags (2)");
  CHECK(rf_case_fired_evidence_fact(kase, 0, 1) == NULL);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE, "rf_case_fired_evidence_fact: index 1 is past the end of fired flag 0's evidence (1)");
  CHECK(rf_case_fired_computed_count(kase, 2) == 0);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE, "rf_case_fired_computed_count: index 2 is past the end of the fired flags (2)");
  CHECK(rf_case_fired_computed_name(kase, 0, 0) == NULL);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE,
                "rf_case_fired_computed_name: index 0 is past the end of fired flag 0's computed values (0)");
  CHECK(isnan(rf_case_fired_computed_value(kase, 1, 1)));
  CHECK_OUTCOME(kase, RF_ERROR_RANGE,
                "rf_case_fired_computed_value: index 1 is past the end of fired flag 1's computed values (1)");
  CHECK(rf_case_fired_computed_unit(kase, 3, 0) == NULL);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE, "rf_case_fired_computed_unit: index 3 is past the end of the fired flags (2)");
  CHECK(rf_case_undetermined_name(kase, 2) == NULL);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE,
                "rf_case_undetermined_name: index 2 is past the end of the undetermined flags (2)");
  CHECK(rf_case_undetermined_needs_count(kase, 2) == 0);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE,
                "rf_case_undetermined_needs_count: index 2 is past the end of the undetermined flags (2)");
  CHECK(rf_case_undetermined_needs_fact(kase, 1, 1) == NULL);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE,
                "rf_case_undetermined_needs_fact: index 1 is past the end of undetermined flag 1's needs (1)");
  CHECK(rf_case_score_name(kase, 1) == NULL);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE, "rf_case_score_name: index 1 is past the end of the scores (1)");
  CHECK(isnan(rf_case_score_low(kase, 1)));
  CHECK_OUTCOME(kase, RF_ERROR_RANGE, "rf_case_score_low: index 1 is past the end of the scores (1)");
  CHECK(isnan(rf_case_score_high(kase, 1)));
  CHECK_OUTCOME(kase, RF_ERROR_RANGE, "rf_case_score_high: index 1 is past the end of the scores (1)");
  CHECK(rf_case_score_needs_count(kase, 1) == 0);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE, "rf_case_score_needs_count: index 1 is past the end of the scores (1)");
  CHECK(rf_case_score_needs_fact(kase, 0, 0) == NULL);
  CHECK_OUTCOME(kase, RF_ERROR_RANGE, "rf_case_score_needs_fact: index 0 is past the end of score 0's needs (0)");
  CHECK(rf_case_fired_count(kase) == 2); /* a success clears the last failure */
  CHECK_OUTCOME(kase, RF_OK, "");
}

/* Results describe the facts last evaluated: a refused setter keeps them, a change hides them. */
static void stale_results(rf_case* kase) {
  CHECK(rf_case_set_number(kase, "age", 200) == RF_ERROR_VALUE);
  CHECK_STRING(rf_case_urgency(kase), "immediate");
  CHECK(rf_case_set_unknown(kase, "fever") == RF_OK);
  NO_RESULT(kase, RF_ERROR_NOT_EVALUATED, "the facts changed since the last rf_case_evaluate");
  CHECK(rf_case_evaluate(kase) == RF_OK);
  CHECK_STRING(rf_case_urgency(kase), "consult");
  CHECK(rf_case_score_low(kase, 0) == 1);
  CHECK(rf_case_score_high(kase, 0) == 2);
  CHECK_STRING(rf_case_score_needs_fact(kase, 0, 0), "fever");
  CHECK(rf_case_clear(kase) == RF_OK);
  CHECK_OUTCOME(kase, RF_OK, "");
  NO_RESULT(kase, RF_ERROR_NOT_EVALUATED, "the facts changed since the last rf_case_evaluate");
  CHECK(rf_case_evaluate(kase) == RF_OK);
  CHECK_STRING(rf_case_urgency(kase), "routine");
  CHECK(rf_case_complete(kase) == 0);
  CHECK(rf_case_fired_count(kase) == 0);
  CHECK(rf_case_score_needs_count(kase, 0) == 2);
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: misuse KB.rfb VERSION\n");
    return 2;
  }
  size_t size = 0;
  uint8_t* bytes = read_file(argv[1], &size);
  if (bytes == NULL || size < 72) {
    fprintf(stderr, "misuse: cannot read %s\n", argv[1]);
    free(bytes);
    return 2;
  }
  status_names();
  version(bytes, argv[2]);
  open_refusals(argv[1], bytes, size);
  null_case();

  char error[128];
  rf_kb* kb = NULL;
  if (rf_kb_open_file(argv[1], &kb, error, sizeof error) != RF_OK) {
    fprintf(stderr, "misuse: %s\n", error);
    free(bytes);
    return 2;
  }
  case_new(kb);
  rf_case* kase = NULL;
  CHECK(rf_case_new(kb, &kase) == RF_OK);
  rf_kb_free(kb); /* the case keeps the KB alive */
  CHECK_OUTCOME(kase, RF_OK, "");
  NO_RESULT(kase, RF_ERROR_NOT_EVALUATED, "the case has not been evaluated (call rf_case_evaluate)");
  setter_refusals(kase);
  NO_RESULT(kase, RF_ERROR_NOT_EVALUATED, "the case has not been evaluated (call rf_case_evaluate)");
  results(kase);
  stale_results(kase);
  rf_case_free(kase);

  open_good(argv[1], bytes, size); /* last: it zeroes [bytes] */
  free(bytes);
  printf("misuse: %d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
