/* What redflag.h says about threads, tried on the installed library: one rf_kb shared by several
 * threads, each with its own rf_case, evaluating different cases at once; the KB handle freed
 * while their cases are still in use. Every result must be the one its facts give.
 * usage: threads KB.rfb   (tests/capi/misuse_kb.rf built) */
#include <stdio.h>
#include <string.h>
#include <threads.h>

#include <redflag.h>

enum { kThreads = 4, kRounds = 300 };

static rf_kb* kb;
static mtx_t lock;
static cnd_t ready_changed;
static int ready = 0; /* threads that have made their case */

/* Thread [arg] (its index): even ones evaluate a febrile 60-year-old (systemic fires,
 * immediate), odd ones an afebrile 30-year-old (nothing fires, routine). Returns the number of
 * wrong results, or -1 when it could not make its case. */
static int evaluate_cases(void* arg) {
  const int febrile = *(const int*)arg % 2 == 0;
  rf_case* kase = NULL;
  const rf_status made = rf_case_new(kb, &kase);
  mtx_lock(&lock);
  ++ready;
  cnd_broadcast(&ready_changed);
  mtx_unlock(&lock);
  if (made != RF_OK) return -1;

  int wrong = 0;
  for (int round = 0; round < kRounds; ++round) {
    rf_case_clear(kase);
    rf_case_set_bool(kase, "fever", febrile);
    rf_case_set_number(kase, "age", febrile ? 60 : 30);
    if (rf_case_evaluate(kase) != RF_OK) {
      ++wrong;
      continue;
    }
    const char* urgency = rf_case_urgency(kase);
    const size_t fired = rf_case_fired_count(kase);
    if (urgency == NULL || strcmp(urgency, febrile ? "immediate" : "routine") != 0 || fired != (febrile ? 1u : 0u)) {
      ++wrong;
    }
  }
  rf_case_free(kase);
  return wrong;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: threads KB.rfb\n");
    return 2;
  }
  char error[256];
  if (rf_kb_open_file(argv[1], &kb, error, sizeof error) != RF_OK) {
    fprintf(stderr, "threads: %s\n", error);
    return 2;
  }
  mtx_init(&lock, mtx_plain);
  cnd_init(&ready_changed);
  thrd_t threads[kThreads];
  int indices[kThreads];
  for (int i = 0; i < kThreads; ++i) {
    indices[i] = i;
    if (thrd_create(&threads[i], evaluate_cases, &indices[i]) != thrd_success) {
      fprintf(stderr, "threads: cannot start thread %d\n", i);
      return 2;
    }
  }
  /* Once every case exists, the KB handle goes: the cases keep the KB itself alive. */
  mtx_lock(&lock);
  while (ready < kThreads) cnd_wait(&ready_changed, &lock);
  mtx_unlock(&lock);
  rf_kb_free(kb);

  int failures = 0;
  for (int i = 0; i < kThreads; ++i) {
    int wrong = 0;
    thrd_join(threads[i], &wrong);
    if (wrong != 0) {
      fprintf(stderr, "threads: thread %d: %d wrong results of %d\n", i, wrong, kRounds);
      ++failures;
    }
  }
  cnd_destroy(&ready_changed);
  mtx_destroy(&lock);
  printf("threads: %d threads x %d cases on one KB, %d threads with wrong results\n", kThreads, kRounds, failures);
  return failures == 0 ? 0 : 1;
}
