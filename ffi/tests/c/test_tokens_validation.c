/* The offline functions: widget tokens, token claims, origins, and config validation against a
 * connector spec. */
#include <string.h>

#include "harness.h"

/* base64 of {"token":"a.eyJleHAiOjE3NjAwMDAwMDB9.c","widgetUrl":"https://w.example/x"} */
#define WIDGET "eyJ0b2tlbiI6ImEuZXlKbGVIQWlPakUzTmpBd01EQXdNREI5LmMiLCJ3aWRnZXRVcmwiOiJodHRwczovL3cuZXhhbXBsZS94In0="

static const char *SPEC =
    "{\"connectionSpecification\": {\"type\": \"object\","
    " \"required\": [\"host\", \"port\", \"password\"],"
    " \"properties\": {\"host\": {\"type\": \"string\", \"title\": \"Host\", \"order\": 0},"
    " \"port\": {\"type\": \"integer\", \"default\": 5432, \"order\": 1},"
    " \"password\": {\"type\": \"string\", \"airbyte_secret\": true, \"order\": 2},"
    " \"start\": {\"type\": \"string\", \"format\": \"date-time\"}}}}";

static void tokens(void) {
    char *out = NULL;
    CHECK_OK(airbyte_widget_token_decode("  " WIDGET "\n", &out));
    CHECK(jis(out, "/scoped_token", "a.eyJleHAiOjE3NjAwMDAwMDB9.c"));
    CHECK(jis(out, "/widget_url", "https://w.example/x"));
    CHECK(jis(out, "/token", WIDGET));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_widget_token_decode("not base64 !!!", &out),
                 AIRBYTE_STATUS_INVALID_WIDGET_TOKEN);
    CHECK(out == NULL);
    CHECK(last_error_has("/kind", "invalid_widget_token"));

    CHECK_OK(airbyte_scoped_token_claims("a.eyJleHAiOjE3NjAwMDAwMDB9.c", &out));
    CHECK(jis(out, "/expires_at_unix", "1760000000"));
    CHECK(jis(out, "/workspace_id", "null"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_scoped_token_claims("garbage", &out)); /* unreadable: no claims */
    CHECK(jis(out, "/roles", "[]"));
    airbyte_string_free(out);

    CHECK_OK(airbyte_validate_allowed_origin("https://app.example.com"));
    CHECK_OK(airbyte_validate_allowed_origin("null"));
    CHECK_STATUS(airbyte_validate_allowed_origin("https://app.example.com/"),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "allowed_origin"));
    CHECK(contains(last_message(), "slash"));
}

static void validation(void) {
    char *out = NULL;
    CHECK_OK(airbyte_validate_source_config(
        SPEC, "{\"port\": 6543}",
        "{\"host\": \"db\", \"password\": \"p\", \"start\": \"2024-01-01T00:00:00.000Z\"}", NULL,
        &out));
    CHECK(jis(out, "/merged/port", "6543"));
    CHECK(jis(out, "/source_config/start", "2024-01-01T00:00:00.000Z"));
    CHECK(jis(out, "/coercions", "[]"));
    airbyte_string_free(out);
    /* A required default is injected. */
    CHECK_OK(airbyte_validate_source_config(SPEC, NULL, "{\"host\": \"db\", \"password\": \"p\"}",
                                            NULL, &out));
    CHECK(jis(out, "/defaults_applied/0", "/port"));
    airbyte_string_free(out);
    /* Every problem, each with a JSON pointer. */
    CHECK_STATUS(airbyte_validate_source_config(SPEC, NULL,
                                                "{\"port\": \"x\", \"start\": \"yesterday\"}",
                                                NULL, &out),
                 AIRBYTE_STATUS_INVALID_CONFIG);
    CHECK(out == NULL);
    char *error = airbyte_last_error_json();
    CHECK(contains(error, "\"path\":\"/host\""));
    CHECK(contains(error, "\"path\":\"/port\""));
    CHECK(contains(error, "\"path\":\"/start\""));
    airbyte_string_free(error);
    /* Options: coercion and masked secrets. */
    CHECK_OK(airbyte_validate_source_config(
        SPEC, NULL, "{\"host\": \"db\", \"port\": \"15\", \"password\": \"p\"}",
        "{\"coerce_scalars\": true}", &out));
    CHECK(jis(out, "/source_config/port", "15"));
    CHECK(jis(out, "/coercions/0/path", "/port"));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_validate_source_config(
                     SPEC, NULL, "{\"host\": \"db\", \"password\": \"" AIRBYTE_SECRET_MASK "\"}",
                     NULL, &out),
                 AIRBYTE_STATUS_INVALID_CONFIG);
    CHECK(last_error_has("/config_errors/0/keyword", "airbyte_secret"));
    CHECK_OK(airbyte_validate_source_config(
        SPEC, NULL, "{\"host\": \"db\", \"password\": \"" AIRBYTE_SECRET_MASK "\"}",
        "{\"skip_masked_secrets\": true}", &out));
    CHECK(jis(out, "/skipped_masked_secrets/0", "/password"));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_validate_source_config(SPEC, NULL, "{}", "{\"strict\": true}", &out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK(last_error_has("/argument", "options_json"));
    /* A spec that is not a schema. */
    CHECK_STATUS(airbyte_secret_paths("{\"connectionSpecification\": {\"type\": 12}}", &out),
                 AIRBYTE_STATUS_INVALID_SPEC);
    CHECK(last_error_has("/kind", "invalid_spec"));
}

static void secrets_and_forms(void) {
    char *out = NULL;
    CHECK_OK(airbyte_merge_config(SPEC, "{\"port\": 1, \"host\": \"a\"}", "{\"host\": \"b\"}",
                                  &out));
    CHECK(jis(out, "/host", "b"));
    CHECK(jis(out, "/port", "1"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_merge_config(SPEC, NULL, "{\"host\": \"b\"}", &out));
    CHECK(strcmp(out, "{\"host\":\"b\"}") == 0);
    airbyte_string_free(out);
    CHECK_OK(airbyte_mask_secrets(SPEC, "{\"host\": \"h\", \"password\": \"s3cr3t\"}", &out));
    CHECK(jis(out, "/password", AIRBYTE_SECRET_MASK));
    CHECK(jis(out, "/host", "h"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_redact_config(SPEC, "{\"host\": \"h\", \"extra\": \"x\", \"password\": \"s\"}",
                                   &out));
    CHECK(jis(out, "/extra", AIRBYTE_SECRET_MASK));
    CHECK(jis(out, "/password", AIRBYTE_SECRET_MASK));
    CHECK(jis(out, "/host", "h"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_secret_paths(SPEC, &out));
    CHECK(strcmp(out, "[\"/password\"]") == 0);
    airbyte_string_free(out);
    CHECK_OK(airbyte_masked_secret_paths(SPEC, "{\"password\": \"" AIRBYTE_SECRET_MASK "\"}",
                                         &out));
    CHECK(strcmp(out, "[\"/password\"]") == 0);
    airbyte_string_free(out);
    CHECK_OK(airbyte_user_config_spec(SPEC, "{\"port\": 5432}", &out));
    CHECK(jis(out, "/connectionSpecification/required", "[\"host\",\"password\"]"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_user_config_spec(SPEC, NULL, &out));
    CHECK(jis(out, "/connectionSpecification/required", "[\"host\",\"port\",\"password\"]"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_form_model(SPEC, "{\"port\": 5432}", &out));
    CHECK(jis(out, "/fields/0/key", "host"));
    CHECK(jis(out, "/fields/2/secret", "true"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_form_model(SPEC, NULL, &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_clear_spec_cache());
}

void test_tokens_and_validation(void) {
    group("tokens and validation (offline)");
    tokens();
    validation();
    secrets_and_forms();
}
