/* The conventions every function follows: status names, versions, the last error and how it
 * is cleared, string ownership, the JSON pointer helper. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static void status_names(void) {
    CHECK(strcmp(airbyte_status_name(AIRBYTE_STATUS_OK), "ok") == 0);
    CHECK(strcmp(airbyte_status_name(AIRBYTE_STATUS_NOT_FOUND), "not_found") == 0);
    CHECK(strcmp(airbyte_status_name(AIRBYTE_STATUS_RATE_LIMITED), "rate_limited") == 0);
    CHECK(strcmp(airbyte_status_name(AIRBYTE_STATUS_OUTCOME_UNKNOWN), "outcome_unknown") == 0);
    CHECK(strcmp(airbyte_status_name(AIRBYTE_STATUS_PANIC), "panic") == 0);
    CHECK(strcmp(airbyte_status_name(12345), "unknown") == 0);
    CHECK(strcmp(airbyte_status_name(-1), "unknown") == 0);
    /* The numbering is part of the ABI. */
    CHECK(AIRBYTE_STATUS_NULL_ARGUMENT == 100 && AIRBYTE_STATUS_INVALID_UTF8 == 101);
    CHECK(AIRBYTE_STATUS_UNAUTHORIZED == 200 && AIRBYTE_STATUS_UNEXPECTED_STATUS == 206);
    CHECK(AIRBYTE_STATUS_TRANSPORT == 300 && AIRBYTE_STATUS_OUTCOME_UNKNOWN == 303);
    CHECK(AIRBYTE_STATUS_INVALID_CONFIG == 400 && AIRBYTE_STATUS_PAGINATION == 403);
    CHECK(AIRBYTE_STATUS_PANIC == 900 && AIRBYTE_STATUS_INTERNAL == 901);
}

static void versions(void) {
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", AIRBYTE_EMBEDDED_VERSION_MAJOR,
             AIRBYTE_EMBEDDED_VERSION_MINOR, AIRBYTE_EMBEDDED_VERSION_PATCH);
    CHECK(strcmp(expected, AIRBYTE_EMBEDDED_VERSION) == 0);
    CHECK(strcmp(airbyte_version(), AIRBYTE_EMBEDDED_VERSION) == 0);
    CHECK(strlen(AIRBYTE_SECRET_MASK) == 10);
    CHECK(strlen(AIRBYTE_REGION_US) == 36 && strlen(AIRBYTE_REGION_EU) == 36);
}

static void last_error_lifecycle(void) {
    /* No error yet on this thread after a success. */
    CHECK_OK(airbyte_clear_spec_cache());
    CHECK(airbyte_last_error_status() == AIRBYTE_STATUS_OK);
    CHECK(airbyte_last_error_http_status() == 0);
    CHECK(airbyte_last_error_json() == NULL);
    char buf[64];
    size_t written = 99;
    CHECK_OK(airbyte_last_error_message(buf, sizeof buf, &written));
    CHECK(written == 0 && buf[0] == '\0');

    /* A failure records kind, argument and message... */
    char *out = NULL;
    CHECK_STATUS(airbyte_json_pointer(NULL, "/a", &out), AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK(out == NULL);
    CHECK(airbyte_last_error_status() == AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK(contains(last_message(), "`json`"));
    /* ...which the readers leave in place... */
    char *json = airbyte_last_error_json();
    CHECK(json != NULL);
    CHECK(airbyte_last_error_status() == AIRBYTE_STATUS_NULL_ARGUMENT);
    /* ...and a truncated copy says so, cut at a character boundary, NUL-terminated. */
    char small[8];
    memset(small, 'x', sizeof small);
    CHECK(airbyte_last_error_message(small, sizeof small, &written) ==
          AIRBYTE_STATUS_BUFFER_TOO_SMALL);
    CHECK(written == 7 && small[7] == '\0');
    CHECK(airbyte_last_error_message(NULL, 0, NULL) == AIRBYTE_STATUS_BUFFER_TOO_SMALL);
    CHECK(airbyte_last_error_message(NULL, 10, &written) == AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK(written == 0);
    CHECK(airbyte_last_error_status() == AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK(airbyte_last_error_http_status() == 0);
    /* The JSON form (reading it with jis clears the last error: jis calls the library). */
    CHECK(jis(json, "/kind", "null_argument"));
    CHECK(jis(json, "/status", "100"));
    CHECK(jis(json, "/argument", "json"));
    CHECK(jis(json, "/http_status", "null"));
    CHECK(jis(json, "/field_errors", "[]"));
    CHECK(jis(json, "/config_errors", "[]"));
    CHECK(jis(json, "/rate_limit", "null"));
    airbyte_string_free(json);

    /* An error after a success, and a success after an error: never stale text. */
    CHECK_OK(airbyte_json_pointer("{\"a\": 1}", "/a", &out));
    CHECK(out != NULL && strcmp(out, "1") == 0);
    airbyte_string_free(out);
    CHECK(airbyte_last_error_status() == AIRBYTE_STATUS_OK);
    CHECK(airbyte_last_error_json() == NULL);
    CHECK_OK(airbyte_last_error_message(buf, sizeof buf, &written));
    CHECK(written == 0 && strcmp(buf, "") == 0);
    CHECK_STATUS(airbyte_json_pointer("{", "/a", &out), AIRBYTE_STATUS_INVALID_JSON);
    CHECK(contains(last_message(), "`json`"));
    CHECK(!contains(last_message(), "must not be NULL"));
}

static void strings_and_json(void) {
    airbyte_string_free(NULL); /* a no-op */
    char *out = (char *)1;
    const char *doc = "{\"id\": \"t1\", \"n\": 5, \"ok\": true, \"list\": [{\"name\": \"a\\\"b\"}],"
                      " \"none\": null, \"text\": \"h\\u00e9\"}";
    CHECK_OK(airbyte_json_pointer(doc, "/id", &out));
    CHECK(out != NULL && strcmp(out, "t1") == 0);
    airbyte_string_free(out);
    CHECK(jis(doc, "/n", "5"));
    CHECK(jis(doc, "/ok", "true"));
    CHECK(jis(doc, "/list/0/name", "a\"b"));
    CHECK(jis(doc, "/none", "null"));
    CHECK(jis(doc, "/text", "h\xc3\xa9"));
    CHECK(jis(doc, "/list", "[{\"name\":\"a\\\"b\"}]"));
    out = (char *)1;
    CHECK_OK(airbyte_json_pointer(doc, "/list/1", &out));
    CHECK(out == NULL); /* absent: OK and NULL */
    CHECK_OK(airbyte_json_pointer(doc, "", &out));
    CHECK(out != NULL && out[0] == '{');
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_json_pointer("{\"a\": \"x\\u0000y\"}", "/a", &out),
                 AIRBYTE_STATUS_INTERNAL);
    CHECK(out == NULL);
    CHECK_STATUS(airbyte_json_pointer("[1]", "/0", NULL), AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK(last_error_has("/argument", "out"));
}

void test_conventions(void) {
    group("conventions: status names, versions, last error, strings, JSON");
    status_names();
    versions();
    last_error_lifecycle();
    strings_and_json();
}
