/* Every end-user function against the sandbox: a client from a scoped token and one minted by
 * the operator, token info, offered templates, sources and checks, client-side validation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define POSTGRES "decd338e-5647-4c0b-adf4-da0e75f5a750"

void test_end_user(void) {
    group("end-user client: token info, templates, sources, checks, validation");
    airbyte_operator_client *op = new_operator();
    char *out = NULL;
    CHECK_OK(airbyte_operator_source_templates_create(
        op, "{\"actor_definition_id\": \"" POSTGRES "\", \"partial_default_config\": {\"port\": 5432}}",
        &out));
    char *template_id = jget(out, "/id");
    airbyte_string_free(out);

    /* A client from a scoped token handed over as text. */
    char *token = NULL;
    CHECK_OK(airbyte_operator_mint_scoped_token(op, "eu-acme", NULL, &token));
    char *config = config_json(NULL);
    airbyte_end_user_client *eu = NULL;
    CHECK_OK(airbyte_end_user_client_new(config, token, &eu));
    free(config);
    airbyte_string_free(token);

    CHECK_OK(airbyte_end_user_client_config(eu, &out));
    CHECK(jis(out, "/base_url", sandbox_url()));
    airbyte_string_free(out);
    CHECK_OK(airbyte_end_user_client_last_rate_limit(eu, &out));
    CHECK(out == NULL);
    CHECK_OK(airbyte_end_user_token_info(eu, &out));
    char *workspace_id = jget(out, "/workspace_id");
    CHECK(workspace_id != NULL);
    CHECK(jis(out, "/organization_id", "9b2c7f40-5d1e-4a8b-8c3f-6e0d1a2b3c4d"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_end_user_workspace_id(eu, &out));
    CHECK(out && workspace_id && strcmp(out, workspace_id) == 0);
    airbyte_string_free(out);
    CHECK_OK(airbyte_end_user_client_last_rate_limit(eu, &out));
    CHECK(out != NULL && contains(out, "remaining"));
    airbyte_string_free(out);

    CHECK_OK(airbyte_end_user_source_templates_list(eu, NULL, &out));
    CHECK(contains(out, template_id));
    airbyte_string_free(out);
    CHECK_OK(airbyte_end_user_source_templates_list(eu, "{\"tags\": [\"none-such\"]}", &out));
    CHECK(strcmp(out, "[]") == 0);
    airbyte_string_free(out);
    CHECK_OK(airbyte_end_user_source_templates_get(eu, template_id, &out));
    CHECK(contains(out, "connectionSpecification"));
    airbyte_string_free(out);

    /* Client-side validation: every problem listed, nothing sent. */
    char body[1024];
    snprintf(body, sizeof body,
             "{\"workspace_id\": \"%s\", \"source_template_id\": \"%s\","
             " \"source_config\": {\"host\": \"db.example\", \"port\": \"5432\"}}",
             workspace_id, template_id);
    CHECK_STATUS(airbyte_end_user_sources_create(eu, body, NULL, &out),
                 AIRBYTE_STATUS_INVALID_CONFIG);
    CHECK(out == NULL);
    char *error = airbyte_last_error_json();
    CHECK(contains(error, "\"config_errors\":[{"));
    CHECK(contains(error, "/database"));
    CHECK(contains(error, "/port"));
    CHECK(jis(error, "/http_status", "null"));
    airbyte_string_free(error);
    /* With coercion on, "5432" becomes 5432; still missing fields. */
    CHECK_STATUS(airbyte_end_user_sources_check_config(
                     eu, body, "{\"validation\": {\"coerce_scalars\": true}}", &out),
                 AIRBYTE_STATUS_INVALID_CONFIG);
    CHECK(!contains(last_message(), "/port"));
    /* Unvalidated, the service answers instead (422). */
    CHECK_STATUS(airbyte_end_user_sources_create(eu, body, "{\"validate\": false}", &out),
                 AIRBYTE_STATUS_VALIDATION);
    CHECK(airbyte_last_error_http_status() == 422);

    snprintf(body, sizeof body,
             "{\"workspace_id\": \"%s\", \"source_template_id\": \"%s\", \"name\": \"eu src\","
             " \"source_config\": {\"host\": \"db.example\", \"database\": \"app\","
             " \"username\": \"u\", \"password\": \"wrong-password\"},"
             " \"selected_connection_template_tags\": [], "
             "\"selected_connection_template_tags_mode\": \"any\"}",
             workspace_id, template_id);
    CHECK_OK(airbyte_end_user_sources_check_config(eu, body, NULL, &out));
    char *job = jget(out, "/id");
    airbyte_string_free(out);
    CHECK_OK(airbyte_end_user_sources_wait_for_check(eu, job, "{\"timeout_ms\": 30000}", &out));
    CHECK(jis(out, "/status", "failed"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_end_user_sources_check_status(eu, job, &out));
    CHECK(jis(out, "/status", "failed"));
    airbyte_string_free(out);
    airbyte_string_free(job);

    CHECK_OK(airbyte_end_user_sources_create(eu, body, NULL, &out));
    char *source_id = jget(out, "/id");
    CHECK(jis(out, "/source_config/password", AIRBYTE_SECRET_MASK));
    CHECK(jis(out, "/source_config/port", "5432"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_end_user_sources_get(eu, source_id, &out));
    CHECK(jis(out, "/name", "eu src"));
    airbyte_string_free(out);
    /* Sending the mask back is refused: send the real secret. */
    CHECK_STATUS(airbyte_end_user_sources_update(
                     eu, source_id,
                     "{\"source_config\": {\"host\": \"db.example\", \"database\": \"app\","
                     " \"username\": \"u\", \"password\": \"" AIRBYTE_SECRET_MASK "\"}}",
                     NULL, &out),
                 AIRBYTE_STATUS_INVALID_CONFIG);
    CHECK(last_error_has("/config_errors/0/keyword", "airbyte_secret"));
    CHECK_OK(airbyte_end_user_sources_update(
        eu, source_id,
        "{\"name\": \"eu src 2\", \"source_config\": {\"host\": \"db.example\","
        " \"database\": \"app\", \"username\": \"u\", \"password\": \"right\"}}",
        NULL, &out));
    CHECK(jis(out, "/name", "eu src 2"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_end_user_sources_check(eu, source_id, NULL, NULL, &out));
    job = jget(out, "/id");
    airbyte_string_free(out);
    CHECK_OK(airbyte_end_user_sources_wait_for_check(eu, job, NULL, &out));
    CHECK(jis(out, "/status", "succeeded"));
    airbyte_string_free(out);
    airbyte_string_free(job);
    CHECK_OK(airbyte_end_user_sources_list(eu, workspace_id, &out));
    CHECK(jis(out, "/0/name", "eu src 2"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_end_user_sources_delete(eu, source_id, &out));
    CHECK(jis(out, "/id", source_id));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_end_user_sources_get(eu, source_id, &out), AIRBYTE_STATUS_NOT_FOUND);

    /* Another workspace's sources: 403. */
    airbyte_end_user_client *other = NULL;
    CHECK_OK(airbyte_operator_end_user_client(op, "eu-other", &other));
    CHECK_STATUS(airbyte_end_user_sources_list(other, workspace_id, &out),
                 AIRBYTE_STATUS_FORBIDDEN);
    CHECK(airbyte_last_error_http_status() == 403);
    airbyte_end_user_client_free(other);

    airbyte_end_user_client_free(eu);
    CHECK_OK(airbyte_operator_source_templates_delete(op, template_id, &out));
    airbyte_string_free(out);
    airbyte_string_free(source_id);
    airbyte_string_free(workspace_id);
    airbyte_string_free(template_id);
    airbyte_operator_client_free(op);
}
