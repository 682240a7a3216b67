/* Misuse: NULL where a pointer is required (every function), invalid UTF-8, JSON of the wrong
 * shape, and freeing then making handles again. Nothing here reaches the network. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define NUL AIRBYTE_STATUS_NULL_ARGUMENT

/* Checks that a call returned NULL_ARGUMENT naming `arg`. */
#define CHECK_NULL_ARG(call, arg)                   \
    do {                                            \
        CHECK_STATUS(call, NUL);                    \
        CHECK(last_error_has("/argument", arg));    \
    } while (0)

static void null_arguments(void) {
    airbyte_operator_client *op = new_operator();
    airbyte_end_user_client *eu = NULL;
    CHECK_OK(airbyte_end_user_client_new(NULL, "a.b.c", &eu));
    char *out = NULL;
    airbyte_operator_client *op_out = NULL;
    airbyte_end_user_client *eu_out = NULL;
    airbyte_workspace_pages *pages_out = NULL;

    /* Constructors and accessors. */
    CHECK_NULL_ARG(airbyte_operator_client_new(NULL, NULL, "s", &op_out), "client_id");
    CHECK_NULL_ARG(airbyte_operator_client_new(NULL, "id", NULL, &op_out), "client_secret");
    CHECK_NULL_ARG(airbyte_operator_client_new(NULL, "id", "s", NULL), "out");
    CHECK_NULL_ARG(airbyte_operator_client_from_env(NULL), "out");
    CHECK_NULL_ARG(airbyte_operator_client_config(NULL, &out), "client");
    CHECK_NULL_ARG(airbyte_operator_client_config(op, NULL), "out_json");
    CHECK_NULL_ARG(airbyte_operator_client_last_rate_limit(NULL, &out), "client");
    CHECK_NULL_ARG(airbyte_operator_mint_scoped_token(op, NULL, NULL, &out), "workspace_name");
    CHECK_NULL_ARG(airbyte_operator_mint_scoped_token(op, "w", NULL, NULL), "out_token");
    CHECK_NULL_ARG(airbyte_operator_scoped_token(NULL, "w", &out), "client");
    CHECK_NULL_ARG(airbyte_operator_mint_widget_token(op, NULL, &out), "request_json");
    CHECK_NULL_ARG(airbyte_operator_end_user_client(op, NULL, &eu_out), "workspace_name");
    CHECK_NULL_ARG(airbyte_operator_end_user_client(op, "w", NULL), "out");
    CHECK_NULL_ARG(airbyte_end_user_client_new(NULL, NULL, &eu_out), "scoped_token");
    CHECK_NULL_ARG(airbyte_end_user_client_new(NULL, "t", NULL), "out");
    CHECK_NULL_ARG(airbyte_end_user_client_config(NULL, &out), "client");
    CHECK_NULL_ARG(airbyte_end_user_client_last_rate_limit(eu, NULL), "out_json");
    CHECK_NULL_ARG(airbyte_end_user_token_info(NULL, &out), "client");
    CHECK_NULL_ARG(airbyte_end_user_workspace_id(eu, NULL), "out_id");

    /* Operator areas. */
    CHECK_NULL_ARG(airbyte_operator_source_templates_list(NULL, NULL, &out), "client");
    CHECK_NULL_ARG(airbyte_operator_source_templates_get(op, NULL, &out), "id");
    CHECK_NULL_ARG(airbyte_operator_source_templates_create(op, NULL, &out), "template_json");
    CHECK_NULL_ARG(airbyte_operator_source_templates_clone(op, NULL, NULL, &out), "original_id");
    CHECK_NULL_ARG(airbyte_operator_source_templates_update(op, "t", NULL, &out), "update_json");
    CHECK_NULL_ARG(airbyte_operator_source_templates_delete(op, "t", NULL), "out_json");
    CHECK_NULL_ARG(airbyte_operator_source_templates_add_tag(op, "t", NULL, &out), "tag");
    CHECK_NULL_ARG(airbyte_operator_source_templates_remove_tag(op, NULL, "x", &out), "id");
    CHECK_NULL_ARG(airbyte_operator_connection_templates_list(op, NULL, NULL), "out_json");
    CHECK_NULL_ARG(airbyte_operator_connection_templates_get(op, NULL, &out), "id");
    CHECK_NULL_ARG(airbyte_operator_connection_templates_create(op, NULL, &out), "template_json");
    CHECK_NULL_ARG(airbyte_operator_connection_templates_update(op, NULL, "{}", &out), "id");
    CHECK_NULL_ARG(airbyte_operator_connection_templates_delete(NULL, "c", &out), "client");
    CHECK_NULL_ARG(airbyte_operator_connection_templates_add_tag(op, "c", NULL, &out), "tag");
    CHECK_NULL_ARG(airbyte_operator_connection_templates_remove_tag(op, "c", NULL, &out), "tag");
    CHECK_NULL_ARG(airbyte_operator_connection_templates_describe_cron(op, NULL, &out),
                   "cron_expression");
    CHECK_NULL_ARG(airbyte_operator_tags_list(NULL, &out), "client");
    CHECK_NULL_ARG(airbyte_operator_tags_create(op, NULL, &out), "name");
    CHECK_NULL_ARG(airbyte_operator_tags_rename(op, "a", NULL, &out), "new_name");
    CHECK_NULL_ARG(airbyte_operator_tags_delete(op, NULL, &out), "name");
    CHECK_NULL_ARG(airbyte_operator_definitions_list_sources(op, NULL, NULL), "out_json");
    CHECK_NULL_ARG(airbyte_operator_definitions_get_source(op, NULL, &out), "id");
    CHECK_NULL_ARG(airbyte_operator_workspaces_list_page(NULL, NULL, NULL, &out), "client");
    CHECK_NULL_ARG(airbyte_operator_workspaces_pages(op, NULL, NULL), "out");
    CHECK_NULL_ARG(airbyte_operator_workspaces_pages(NULL, NULL, &pages_out), "client");
    CHECK_NULL_ARG(airbyte_workspace_pages_next_page(NULL, &out), "pages");
    CHECK_NULL_ARG(airbyte_operator_workspaces_stats(op, NULL), "out_json");
    CHECK_NULL_ARG(airbyte_operator_workspaces_get(op, NULL, &out), "id");
    CHECK_NULL_ARG(airbyte_operator_workspaces_update(op, "w", NULL, &out), "update_json");
    CHECK_NULL_ARG(airbyte_operator_workspaces_deactivate(op, NULL, &out), "id");
    CHECK_NULL_ARG(airbyte_operator_workspaces_delete(op, NULL, &out), "id");

    /* Sources, both clients. */
    CHECK_NULL_ARG(airbyte_operator_sources_list(op, NULL, &out), "workspace_id");
    CHECK_NULL_ARG(airbyte_operator_sources_get(op, NULL, &out), "id");
    CHECK_NULL_ARG(airbyte_operator_sources_create(op, NULL, NULL, &out), "source_json");
    CHECK_NULL_ARG(airbyte_operator_sources_update(op, "s", NULL, NULL, &out), "update_json");
    CHECK_NULL_ARG(airbyte_operator_sources_delete(NULL, "s", &out), "client");
    CHECK_NULL_ARG(airbyte_operator_sources_check_config(op, NULL, NULL, &out), "source_json");
    CHECK_NULL_ARG(airbyte_operator_sources_check(op, NULL, NULL, NULL, &out), "id");
    CHECK_NULL_ARG(airbyte_operator_sources_check_status(op, NULL, &out), "check_id");
    CHECK_NULL_ARG(airbyte_operator_sources_wait_for_check(op, NULL, NULL, &out), "check_id");
    CHECK_NULL_ARG(airbyte_end_user_sources_list(eu, NULL, &out), "workspace_id");
    CHECK_NULL_ARG(airbyte_end_user_sources_get(NULL, "s", &out), "client");
    CHECK_NULL_ARG(airbyte_end_user_sources_create(eu, NULL, NULL, &out), "source_json");
    CHECK_NULL_ARG(airbyte_end_user_sources_update(eu, NULL, "{}", NULL, &out), "id");
    CHECK_NULL_ARG(airbyte_end_user_sources_delete(eu, "s", NULL), "out_json");
    CHECK_NULL_ARG(airbyte_end_user_sources_check_config(eu, NULL, NULL, &out), "source_json");
    CHECK_NULL_ARG(airbyte_end_user_sources_check(eu, "s", NULL, NULL, NULL), "out_json");
    CHECK_NULL_ARG(airbyte_end_user_sources_check_status(eu, NULL, &out), "check_id");
    CHECK_NULL_ARG(airbyte_end_user_sources_wait_for_check(NULL, "c", NULL, &out), "client");
    CHECK_NULL_ARG(airbyte_end_user_source_templates_list(NULL, NULL, &out), "client");
    CHECK_NULL_ARG(airbyte_end_user_source_templates_get(eu, NULL, &out), "id");

    /* Offline helpers. */
    CHECK_NULL_ARG(airbyte_widget_token_decode(NULL, &out), "widget_token");
    CHECK_NULL_ARG(airbyte_scoped_token_claims("t", NULL), "out_json");
    CHECK_NULL_ARG(airbyte_validate_allowed_origin(NULL), "origin");
    CHECK_NULL_ARG(airbyte_validate_source_config(NULL, NULL, "{}", NULL, &out), "spec_json");
    CHECK_NULL_ARG(airbyte_validate_source_config("{}", NULL, NULL, NULL, &out),
                   "source_config_json");
    CHECK_NULL_ARG(airbyte_merge_config("{}", NULL, NULL, &out), "source_config_json");
    CHECK_NULL_ARG(airbyte_mask_secrets("{}", NULL, &out), "config_json");
    CHECK_NULL_ARG(airbyte_redact_config(NULL, "{}", &out), "spec_json");
    CHECK_NULL_ARG(airbyte_secret_paths(NULL, &out), "spec_json");
    CHECK_NULL_ARG(airbyte_masked_secret_paths("{}", "{}", NULL), "out_json");
    CHECK_NULL_ARG(airbyte_user_config_spec(NULL, NULL, &out), "connector_spec_json");
    CHECK_NULL_ARG(airbyte_form_model(NULL, NULL, &out), "spec_json");
    CHECK_NULL_ARG(airbyte_json_pointer("{}", NULL, &out), "pointer");
    CHECK(out == NULL && op_out == NULL && eu_out == NULL && pages_out == NULL);

    /* Every free accepts NULL. */
    airbyte_operator_client_free(NULL);
    airbyte_end_user_client_free(NULL);
    airbyte_workspace_pages_free(NULL);
    airbyte_string_free(NULL);
    CHECK(1);

    airbyte_end_user_client_free(eu);
    airbyte_operator_client_free(op);
}

static void invalid_utf8(void) {
    airbyte_operator_client *op = new_operator();
    char *out = NULL;
    airbyte_operator_client *op_out = NULL;
    const char *bad = "ab\xff\xfe"; /* not UTF-8 from offset 2 */
    CHECK_STATUS(airbyte_operator_client_new(NULL, bad, "s", &op_out), AIRBYTE_STATUS_INVALID_UTF8);
    CHECK(last_error_has("/argument", "client_id"));
    CHECK(contains(last_message(), "offset 2"));
    CHECK(op_out == NULL);
    CHECK_STATUS(airbyte_operator_tags_create(op, bad, &out), AIRBYTE_STATUS_INVALID_UTF8);
    CHECK(last_error_has("/argument", "name"));
    CHECK_STATUS(airbyte_operator_source_templates_get(op, "\xc3", &out),
                 AIRBYTE_STATUS_INVALID_UTF8);
    CHECK(last_error_has("/argument", "id"));
    CHECK_STATUS(airbyte_operator_sources_create(op, "{\"a\": \"\xff\"}", NULL, &out),
                 AIRBYTE_STATUS_INVALID_UTF8);
    CHECK(last_error_has("/argument", "source_json"));
    CHECK_STATUS(airbyte_validate_allowed_origin("https://\xe2\x82"), AIRBYTE_STATUS_INVALID_UTF8);
    CHECK_STATUS(airbyte_operator_definitions_list_sources(op, bad, &out),
                 AIRBYTE_STATUS_INVALID_UTF8); /* optional strings are checked too */
    CHECK(out == NULL);
    airbyte_operator_client_free(op);
}

static void invalid_json(void) {
    airbyte_operator_client *op = new_operator();
    airbyte_operator_client *op_out = NULL;
    char *out = NULL;
    /* Not JSON. */
    CHECK_STATUS(airbyte_operator_tags_list(op, &out), AIRBYTE_STATUS_OK);
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_source_templates_create(op, "{not json", &out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK(last_error_has("/argument", "template_json"));
    CHECK(contains(last_message(), "line 1"));
    /* JSON of the wrong shape: an unknown field, a missing field, a wrong type. */
    CHECK_STATUS(airbyte_operator_client_new("{\"base_ur\": \"x\"}", "id", "s", &op_out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK(contains(last_message(), "base_ur"));
    CHECK_STATUS(airbyte_operator_mint_widget_token(op, "{\"workspace_name\": \"w\"}", &out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK(contains(last_message(), "allowed_origin"));
    CHECK_STATUS(airbyte_operator_workspaces_list_page(op, "{\"limit\": \"ten\"}", NULL, &out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK(last_error_has("/argument", "filter_json"));
    CHECK_STATUS(airbyte_validate_source_config("{}", NULL, "[1, 2]", NULL, &out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK(last_error_has("/argument", "source_config_json"));
    /* Refused by the SDK's own checks: 1xx invalid argument, nothing sent. */
    CHECK_STATUS(airbyte_operator_client_new("{\"base_url\": \"ftp://x\"}", "id", "s", &op_out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "base_url"));
    CHECK_STATUS(airbyte_operator_client_new(NULL, "", "s", &op_out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "client_id"));
    CHECK_STATUS(airbyte_operator_workspaces_list_page(op, "{\"limit\": 0}", NULL, &out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "limit"));
    CHECK(out == NULL && op_out == NULL);
    airbyte_operator_client_free(op);
}

static void freed_then_new(void) {
    /* A handle freed and a new one made (the allocator likely reuses the memory) works. */
    for (int i = 0; i < 3; i++) {
        airbyte_operator_client *op = new_operator();
        char *tags = NULL;
        CHECK_OK(airbyte_operator_tags_list(op, &tags));
        CHECK(tags != NULL && tags[0] == '[');
        airbyte_string_free(tags);
        airbyte_end_user_client *eu = NULL;
        CHECK_OK(airbyte_operator_end_user_client(op, "freed-then-new", &eu));
        airbyte_operator_client_free(op); /* the end-user client keeps its own reference */
        char *id = NULL;
        CHECK_OK(airbyte_end_user_workspace_id(eu, &id));
        CHECK(id != NULL && strlen(id) > 0);
        airbyte_string_free(id);
        airbyte_end_user_client_free(eu);
    }
}

void test_misuse(void) {
    group("misuse: NULL arguments, invalid UTF-8, invalid JSON, freed-then-new");
    null_arguments();
    invalid_utf8();
    invalid_json();
    freed_then_new();
}
