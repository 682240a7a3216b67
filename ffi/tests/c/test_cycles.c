/* Many create/call/free cycles: with AddressSanitizer's leak checker, any handle, string or
 * error the library fails to release shows up at exit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define CYCLES 10000
#define NETWORK_CYCLES 200

void test_cycles(void) {
    group("cycles: 10,000 create/call/free, 200 of them over the network");
    char *config = config_json(NULL);
    int failures = 0;
    for (int i = 0; i < CYCLES; i++) {
        airbyte_operator_client *op = NULL;
        airbyte_end_user_client *eu = NULL;
        char *out = NULL;
        failures += airbyte_operator_client_new(config, client_id(), client_secret(), &op) !=
                    AIRBYTE_STATUS_OK;
        failures += airbyte_operator_client_config(op, &out) != AIRBYTE_STATUS_OK;
        airbyte_string_free(out);
        /* A failing call: refused before sending, leaving an error behind to be replaced. */
        failures += airbyte_operator_source_templates_get(op, " ", &out) !=
                    AIRBYTE_STATUS_INVALID_ARGUMENT;
        char *error = airbyte_last_error_json();
        failures += error == NULL;
        airbyte_string_free(error);
        failures += airbyte_operator_end_user_client(op, "cycles", &eu) != AIRBYTE_STATUS_OK;
        failures += airbyte_end_user_client_config(eu, &out) != AIRBYTE_STATUS_OK;
        airbyte_string_free(out);
        failures += airbyte_widget_token_decode("bad", &out) != AIRBYTE_STATUS_INVALID_WIDGET_TOKEN;
        if (i < NETWORK_CYCLES) {
            failures += airbyte_operator_tags_list(op, &out) != AIRBYTE_STATUS_OK;
            airbyte_string_free(out);
            failures += airbyte_end_user_workspace_id(eu, &out) != AIRBYTE_STATUS_OK;
            airbyte_string_free(out);
            airbyte_workspace_pages *pages = NULL;
            failures += airbyte_operator_workspaces_pages(op, NULL, &pages) != AIRBYTE_STATUS_OK;
            failures += airbyte_workspace_pages_next_page(pages, &out) != AIRBYTE_STATUS_OK;
            airbyte_string_free(out);
            airbyte_workspace_pages_free(pages);
        }
        airbyte_end_user_client_free(eu);
        airbyte_operator_client_free(op);
    }
    free(config);
    CHECK(failures == 0);
    if (failures != 0) {
        printf("       %d calls failed in the cycles: %s\n", failures, last_message());
    }
}
