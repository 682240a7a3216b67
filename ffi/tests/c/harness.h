/* A tiny test harness for the C API tests: assertion counters, the sandbox's address and
 * credentials, JSON lookups and the sandbox's admin routes. */
#ifndef AIRBYTE_TEST_HARNESS_H
#define AIRBYTE_TEST_HARNESS_H

#include <stddef.h>

#include "airbyte_embedded.h"

extern int tests_passed;
extern int tests_failed;

/* Counts one assertion; prints it when it fails. */
void check_at(int ok, const char *what, const char *file, int line);
#define CHECK(cond) check_at((cond) ? 1 : 0, #cond, __FILE__, __LINE__)

/* Checks that `call` returns `expected`; on a mismatch prints the last error too. */
void check_status_at(airbyte_status got, airbyte_status expected, const char *what,
                     const char *file, int line);
#define CHECK_STATUS(call, expected) \
    check_status_at((call), (expected), #call, __FILE__, __LINE__)
#define CHECK_OK(call) CHECK_STATUS(call, AIRBYTE_STATUS_OK)

/* Starts a named group of checks (printed). */
void group(const char *name);

/* The sandbox under test: AIRBYTE_API_URL, AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET. */
const char *sandbox_url(void);
const char *client_id(void);
const char *client_secret(void);

/* {"base_url": <sandbox>, "retry": {"max_retries": 0}} plus `extra` fields (e.g.
 * "\"request_timeout_ms\": 300"), or NULL extra. Free with free(). */
char *config_json(const char *extra);

/* A new operator client for the sandbox (retries off, so injected faults show directly). */
airbyte_operator_client *new_operator(void);

/* The last error's message as captured right after the latest CHECK_STATUS. */
const char *last_message(void);
/* Whether the last error's JSON, as captured right after the latest CHECK_STATUS, has `value`
 * (a string unquoted) at JSON pointer `pointer`. */
int last_error_has(const char *pointer, const char *value);

/* The value at `pointer` in `json` (a string unquoted), or NULL. Free with airbyte_string_free. */
char *jget(const char *json, const char *pointer);
/* Whether `json` has `value` at `pointer`. */
int jis(const char *json, const char *pointer, const char *value);
/* Whether `haystack` contains `needle` (NULL-safe). */
int contains(const char *haystack, const char *needle);

/* Sends METHOD /_sandbox/PATH with a JSON body (or NULL) to the sandbox; returns the HTTP
 * status, or -1 when the request could not be made. */
int sandbox_admin(const char *method, const char *path, const char *body);
/* Injects a fault (see tests/sandbox/src/faults.rs); returns whether the sandbox took it. */
int inject_fault(const char *fault_json);
void clear_faults(void);

/* Test groups, one file each. */
void test_conventions(void);
void test_misuse(void);
void test_operator(void);
void test_connectors(void);
void test_files(void);
void test_end_user(void);
void test_errors(void);
void test_tokens_and_validation(void);
void test_spec(void);
void test_cycles(void);
void test_threads(void);
void test_panic(void);
void test_redaction(void);

#endif
