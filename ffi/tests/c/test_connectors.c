/* The 2026 connectors and the organisation's OAuth apps against the sandbox: a connector's
 * life through every airbyte_operator_connectors_* function, what is refused unsent, and the
 * OAuth app set and idempotent delete. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define STRIPE "e094cb9a-26de-4645-8761-65c0c425d1de"
#define S3 "4816b78f-1489-44c1-9060-4b19d5fa9362"

/* `prefix` + id + `suffix` as a new string (free with free()). */
static char *with_id(const char *prefix, const char *id, const char *suffix) {
    size_t n = strlen(prefix) + strlen(id) + strlen(suffix) + 1;
    char *out = malloc(n);
    snprintf(out, n, "%s%s%s", prefix, id, suffix);
    return out;
}

static void connector_life(airbyte_operator_client *op) {
    char *out = NULL;
    CHECK_OK(airbyte_operator_source_templates_create(
        op,
        "{\"actor_definition_id\": \"" STRIPE "\", \"name\": \"Stripe for connectors\","
        " \"partial_default_config\": {\"lookback_window_days\": 2}}",
        &out));
    char *template_id = jget(out, "/id");
    airbyte_string_free(out);

    char *create = with_id("{\"workspace_name\": \"c-connectors\", \"source_template_id\": \"",
                           template_id,
                           "\", \"name\": \"c connector\", \"replication_config\":"
                           " {\"account_id\": \"acct_c\", \"client_secret\": \"c-secret-1\","
                           " \"start_date\": \"2025-01-01T00:00:00Z\"}}");
    CHECK_OK(airbyte_operator_connectors_check_config(op, create, &out));
    CHECK(jis(out, "/status", "succeeded"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connectors_create(op, create, &out));
    CHECK(jis(out, "/name", "c connector"));
    CHECK(jis(out, "/replication_config/client_secret", AIRBYTE_SECRET_MASK));
    CHECK(jis(out, "/replication_config/lookback_window_days", "2"));
    CHECK(!contains(out, "c-secret-1"));
    char *id = jget(out, "/id");
    airbyte_string_free(out);
    free(create);

    CHECK_OK(airbyte_operator_connectors_list(
        op, "{\"customer_name\": \"c-connectors\"}", &out));
    CHECK(jis(out, "/0/id", id));
    char *second = jget(out, "/1");
    CHECK(second == NULL);
    airbyte_string_free(second);
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connectors_list(op, NULL, &out));
    CHECK(contains(out, id));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connectors_get(op, id, &out));
    CHECK(jis(out, "/source_template/id", template_id));
    airbyte_string_free(out);

    CHECK_OK(airbyte_operator_connectors_update(
        op, id, "{\"name\": \"c renamed\", \"replication_config\": {\"lookback_window_days\": 4}}",
        &out));
    CHECK(jis(out, "/name", "c renamed"));
    CHECK(jis(out, "/replication_config/lookback_window_days", "4"));
    airbyte_string_free(out);

    /* Checks of the stored config (NULL update) and of a change that fails the rule. */
    CHECK_OK(airbyte_operator_connectors_check(op, id, NULL, &out));
    CHECK(jis(out, "/status", "succeeded"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connectors_check(
        op, id, "{\"replication_config\": {\"client_secret\": \"wrong-secret\"}}", &out));
    CHECK(jis(out, "/status", "failed"));
    CHECK(jis(out, "/failure_reason/failure_type", "config_error"));
    airbyte_string_free(out);

    /* Executes: a write, then a search that finds it. */
    CHECK_OK(airbyte_operator_connectors_execute(
        op, id,
        "{\"entity\": \"customers\", \"action\": \"create\","
        " \"params\": {\"data\": {\"name\": \"C Programmer\"}}}",
        &out));
    CHECK(jis(out, "/status", "success"));
    CHECK(jis(out, "/execution_metadata/connector_instance_id", id));
    char *record = jget(out, "/result/id");
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connectors_execute(
        op, id,
        "{\"entity\": \"customers\", \"action\": \"search\", \"params\": {\"query\": \"c prog\"}}",
        &out));
    CHECK(jis(out, "/result/0/id", record));
    airbyte_string_free(out);
    airbyte_string_free(record);
    CHECK_STATUS(airbyte_operator_connectors_execute(
                     op, id, "{\"entity\": \"customers\", \"action\": \"explode\"}", &out),
                 AIRBYTE_STATUS_VALIDATION);
    CHECK(out == NULL);

    CHECK_OK(airbyte_operator_connectors_delete(op, id, &out));
    CHECK(jis(out, "/id", id));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_connectors_get(op, id, &out), AIRBYTE_STATUS_NOT_FOUND);
    airbyte_string_free(id);
    airbyte_string_free(template_id);
}

static void refused_unsent(airbyte_operator_client *op) {
    char *out = (char *)1;
    CHECK_STATUS(airbyte_operator_connectors_create(
                     op, "{\"workspace_name\": \"c-connectors\", \"connector_type\": \"stripe\"}",
                     &out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(out == NULL);
    CHECK(last_error_has("/argument", "replication_config"));
    CHECK_STATUS(airbyte_operator_connectors_create(
                     op, "{\"customer_name\": \"c\", \"connector_type\": \"stripe\", \"tags\": []}",
                     &out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK_STATUS(airbyte_operator_connectors_list(op, "{\"workspace_name\": \"\"}", &out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "workspace_name"));
    CHECK_STATUS(airbyte_operator_connectors_execute(op, "c1", "{\"action\": \"list\"}", &out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK_STATUS(airbyte_operator_connectors_check(op, NULL, NULL, &out),
                 AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(airbyte_operator_oauth_credentials_set(
                     op, "{\"configuration\": {\"client_id\": \"x\"}}", &out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "connector_type"));
    CHECK_STATUS(airbyte_operator_oauth_credentials_delete(op, ""),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(airbyte_operator_oauth_credentials_delete(NULL, "hubspot"),
                 AIRBYTE_STATUS_NULL_ARGUMENT);
}

static void oauth_apps(airbyte_operator_client *op) {
    char *out = NULL;
    CHECK_OK(airbyte_operator_oauth_credentials_set(
        op,
        "{\"connector_type\": \"hubspot\","
        " \"configuration\": {\"client_id\": \"c-app\", \"client_secret\": \"c-app-secret\"}}",
        &out));
    CHECK(jis(out, "/connector_type", "source"));
    CHECK(jis(out, "/scope_type", "organization"));
    CHECK(!contains(out, "c-app-secret"));
    char *first = jget(out, "/id");
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_oauth_credentials_set(
        op, "{\"connector_definition_id\": \"" S3 "\", \"configuration\": {}}", &out));
    CHECK(jis(out, "/connector_type", "destination"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_oauth_credentials_delete(op, "hubspot"));
    CHECK_OK(airbyte_operator_oauth_credentials_delete(op, "hubspot"));
    CHECK_OK(airbyte_operator_oauth_credentials_set(
        op, "{\"connector_type\": \"hubspot\", \"configuration\": {}}", &out));
    char *again = jget(out, "/id");
    CHECK(again != NULL && first != NULL && strcmp(again, first) != 0);
    airbyte_string_free(again);
    airbyte_string_free(out);
    airbyte_string_free(first);
    CHECK_STATUS(airbyte_operator_oauth_credentials_set(
                     op, "{\"connector_type\": \"mysql\", \"configuration\": {}}", &out),
                 AIRBYTE_STATUS_NOT_FOUND);
}

void test_connectors(void) {
    group("connectors and OAuth apps");
    airbyte_operator_client *op = new_operator();
    connector_life(op);
    refused_unsent(op);
    oauth_apps(op);
    airbyte_operator_client_free(op);
}
