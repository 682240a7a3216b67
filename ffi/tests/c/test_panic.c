/* A panic inside an entry point (the test-only airbyte_test_panic) becomes a status code and
 * the host carries on. */
#include <string.h>

#include "harness.h"
#include "test_hooks.h"

void test_panic(void) {
    group("panic: caught at the boundary, reported, and the host survives");
    for (int i = 0; i < 3; i++) {
        CHECK_STATUS(airbyte_test_panic(), AIRBYTE_STATUS_PANIC);
        CHECK(airbyte_last_error_status() == AIRBYTE_STATUS_PANIC);
        CHECK(contains(last_message(), "airbyte_test_panic was called"));
        CHECK(last_error_has("/kind", "panic"));
    }
    /* The library still works, and the panic's error does not linger. */
    char *out = NULL;
    CHECK_OK(airbyte_json_pointer("{\"after\": \"panic\"}", "/after", &out));
    CHECK(out != NULL && strcmp(out, "panic") == 0);
    airbyte_string_free(out);
    CHECK(airbyte_last_error_json() == NULL);
    airbyte_operator_client *op = new_operator();
    CHECK_OK(airbyte_operator_tags_list(op, &out));
    airbyte_string_free(out);
    airbyte_operator_client_free(op);
}
