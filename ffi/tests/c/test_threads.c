/* One client handle shared by many threads, and the last error kept per thread. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

#define THREADS 8
#define CALLS 25

struct worker {
    airbyte_operator_client *op;
    int index;
    int ok;
    int failed;
};

static void *work(void *arg) {
    struct worker *w = arg;
    for (int i = 0; i < CALLS; i++) {
        char *out = NULL;
        if (airbyte_operator_tags_list(w->op, &out) == AIRBYTE_STATUS_OK && out != NULL) {
            w->ok++;
        } else {
            w->failed++;
        }
        airbyte_string_free(out);
        /* Odd threads fail a call, even threads succeed: each sees only its own last error. */
        if (w->index % 2) {
            airbyte_status s = airbyte_operator_source_templates_get(w->op, "", &out);
            int own = s == AIRBYTE_STATUS_INVALID_ARGUMENT &&
                      airbyte_last_error_status() == AIRBYTE_STATUS_INVALID_ARGUMENT;
            own ? w->ok++ : w->failed++;
        } else {
            char *json = airbyte_last_error_json();
            json == NULL ? w->ok++ : w->failed++;
            airbyte_string_free(json);
        }
    }
    return NULL;
}

void test_threads(void) {
    group("threads: one operator client shared by 8 threads; per-thread last error");
    airbyte_operator_client *op = new_operator();
    pthread_t threads[THREADS];
    struct worker workers[THREADS];
    for (int i = 0; i < THREADS; i++) {
        workers[i] = (struct worker){.op = op, .index = i, .ok = 0, .failed = 0};
        CHECK(pthread_create(&threads[i], NULL, work, &workers[i]) == 0);
    }
    int ok = 0;
    int failed = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(threads[i], NULL);
        ok += workers[i].ok;
        failed += workers[i].failed;
    }
    CHECK(ok == THREADS * CALLS * 2);
    CHECK(failed == 0);
    if (failed != 0) {
        printf("       %d of %d calls in threads failed\n", failed, ok + failed);
    }
    airbyte_operator_client_free(op);
}
