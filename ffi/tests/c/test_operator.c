/* Every operator function against the sandbox: configuration, tokens, templates, tags,
 * definitions, workspaces (and their pages) and the operator's view of sources. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define POSTGRES "decd338e-5647-4c0b-adf4-da0e75f5a750"
#define S3 "4816b78f-1489-44c1-9060-4b19d5fa9362"

static void configuration(airbyte_operator_client *op) {
    char *out = NULL;
    CHECK_OK(airbyte_operator_client_config(op, &out));
    CHECK(jis(out, "/base_url", sandbox_url()));
    CHECK(jis(out, "/organization_id", "null"));
    CHECK(jis(out, "/retry/max_retries", "0"));
    CHECK(jis(out, "/connect_timeout_ms", "10000"));
    CHECK(contains(out, "airbyte-embedded-rust/"));
    CHECK(!contains(out, client_secret()));
    airbyte_string_free(out);

    /* No response yet: no rate-limit numbers (OK and NULL). */
    airbyte_operator_client *fresh = new_operator();
    out = (char *)1;
    CHECK_OK(airbyte_operator_client_last_rate_limit(fresh, &out));
    CHECK(out == NULL);
    airbyte_operator_client_free(fresh);

    /* Every option reaches the configuration. */
    char *options = config_json("\"organization_id\": \"9b2c7f40-5d1e-4a8b-8c3f-6e0d1a2b3c4d\","
                                " \"region_id\": \"" AIRBYTE_REGION_EU "\","
                                " \"connect_timeout_ms\": 1000, \"read_timeout_ms\": 2000,"
                                " \"request_timeout_ms\": 3000, \"token_refresh_margin_ms\": 5000,"
                                " \"token_routes\": \"embedded\", \"user_agent_suffix\": \"c-tests/1\","
                                " \"pacing\": {\"below_remaining\": 5}, \"no_proxy\": true,"
                                " \"template_cache_ttl_ms\": 60000");
    airbyte_operator_client *custom = NULL;
    CHECK_OK(airbyte_operator_client_new(options, client_id(), client_secret(), &custom));
    free(options);
    CHECK_OK(airbyte_operator_client_config(custom, &out));
    CHECK(jis(out, "/region_id", AIRBYTE_REGION_EU));
    CHECK(jis(out, "/request_timeout_ms", "3000"));
    CHECK(jis(out, "/pacing/below_remaining", "5"));
    CHECK(contains(out, "c-tests/1"));
    airbyte_string_free(out);
    airbyte_operator_client_free(custom);
    airbyte_operator_client *uncached = NULL;
    CHECK_STATUS(airbyte_operator_client_new("{\"template_cache_ttl_ms\": 0}", client_id(),
                                             client_secret(), &uncached),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "template_cache_ttl"));
    /* A Redis token store: a URL that is not one is refused, naming it... */
    char *bad_store = config_json("\"token_store\": {\"redis_url\": \"http://host\"}");
    CHECK_STATUS(airbyte_operator_client_new(bad_store, client_id(), client_secret(), &uncached),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "redis_url"));
    free(bad_store);
    /* ...and a Redis that does not answer never fails a call: the client caches on its own. */
    char *down = config_json("\"token_store\": {\"redis_url\": \"redis://127.0.0.1:1/0\","
                             " \"timeout_ms\": 200}");
    airbyte_operator_client *unshared = NULL;
    CHECK_OK(airbyte_operator_client_new(down, client_id(), client_secret(), &unshared));
    free(down);
    CHECK_OK(airbyte_operator_workspaces_stats(unshared, &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_workspaces_stats(unshared, &out));
    airbyte_string_free(out);
    airbyte_operator_client_free(unshared);

    /* From the environment (the test runner sets AIRBYTE_API_URL and the credentials). */
    airbyte_operator_client *from_env = NULL;
    CHECK_OK(airbyte_operator_client_from_env(&from_env));
    CHECK_OK(airbyte_operator_tags_list(from_env, &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_client_last_rate_limit(from_env, &out));
    CHECK(out != NULL && contains(out, "\"limit\""));
    airbyte_string_free(out);
    airbyte_operator_client_free(from_env);
}

static void tokens(airbyte_operator_client *op) {
    char *token = NULL;
    CHECK_OK(airbyte_operator_mint_scoped_token(op, "ops-tokens", NULL, &token));
    CHECK(token != NULL && strlen(token) > 20);
    char *claims = NULL;
    CHECK_OK(airbyte_scoped_token_claims(token, &claims));
    char *workspace = jget(claims, "/workspace_id");
    CHECK(workspace != NULL && strlen(workspace) == 36);
    CHECK(contains(claims, "EMBEDDED_END_USER"));
    airbyte_string_free(claims);
    airbyte_string_free(token);
    CHECK_OK(airbyte_operator_mint_scoped_token(op, "ops-tokens", AIRBYTE_REGION_US, &token));
    airbyte_string_free(token);

    /* The cached one: the same token twice. */
    char *first = NULL;
    char *second = NULL;
    CHECK_OK(airbyte_operator_scoped_token(op, "ops-tokens", &first));
    CHECK_OK(airbyte_operator_scoped_token(op, "ops-tokens", &second));
    CHECK(first && second && strcmp(first, second) == 0);
    airbyte_string_free(first);
    airbyte_string_free(second);

    char *widget = NULL;
    CHECK_OK(airbyte_operator_mint_widget_token(
        op,
        "{\"workspace_name\": \"ops-tokens\", \"allowed_origin\": \"https://app.example.com\","
        " \"selected_source_template_tags\": [], \"selected_connection_template_tags_mode\": \"all\"}",
        &widget));
    CHECK(contains(widget, "\"widget_url\":\"http"));
    char *raw = jget(widget, "/token");
    char *decoded = NULL;
    CHECK_OK(airbyte_widget_token_decode(raw, &decoded));
    CHECK(decoded != NULL && strcmp(decoded, widget) == 0);
    airbyte_string_free(decoded);
    airbyte_string_free(raw);
    airbyte_string_free(widget);

    /* The end-user client the operator mints for. */
    airbyte_end_user_client *eu = NULL;
    CHECK_OK(airbyte_operator_end_user_client(op, "ops-tokens", &eu));
    char *id = NULL;
    CHECK_OK(airbyte_end_user_workspace_id(eu, &id));
    CHECK(id && workspace && strcmp(id, workspace) == 0);
    airbyte_string_free(id);
    airbyte_end_user_client_free(eu);
    airbyte_string_free(workspace);
}

static void tags_and_definitions(airbyte_operator_client *op) {
    char *out = NULL;
    CHECK_OK(airbyte_operator_tags_create(op, "ops-tag", &out));
    CHECK(jis(out, "/name", "ops-tag"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_tags_rename(op, "ops-tag", "ops-tag-2", &out));
    CHECK(jis(out, "/name", "ops-tag-2"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_tags_list(op, &out));
    CHECK(contains(out, "\"ops-tag-2\""));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_tags_delete(op, "ops-tag-2", &out));
    CHECK(contains(out, "deleted_at"));
    airbyte_string_free(out);

    CHECK_OK(airbyte_operator_definitions_list_sources(op, NULL, &out));
    CHECK(contains(out, POSTGRES));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_definitions_list_sources(op, "POSTGRES", &out));
    CHECK(jis(out, "/0/sourceDefinitionId", POSTGRES));
    char *second = jget(out, "/1");
    CHECK(second == NULL); /* one match only */
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_definitions_get_source(op, POSTGRES, &out));
    CHECK(jis(out, "/id", POSTGRES));
    CHECK(contains(out, "connectionSpecification"));
    airbyte_string_free(out);
}

static void source_templates(airbyte_operator_client *op) {
    char *out = NULL;
    CHECK_OK(airbyte_operator_tags_create(op, "ops-st", &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_create(
        op,
        "{\"actor_definition_id\": \"" POSTGRES "\", \"name\": \"PG ops\","
        " \"partial_default_config\": {\"port\": 5432, \"start\": \"2024-01-01T00:00:00.000Z\"},"
        " \"customization\": {\"stream_selection_mode\": \"all\"}}",
        &out));
    char *id = jget(out, "/id");
    CHECK(id != NULL);
    CHECK(jis(out, "/partial_default_config/start", "2024-01-01T00:00:00.000Z"));
    CHECK(jis(out, "/source_definition_id", POSTGRES));
    airbyte_string_free(out);

    CHECK_OK(airbyte_operator_source_templates_get(op, id, &out));
    CHECK(jis(out, "/name", "PG ops"));
    CHECK(contains(out, "user_config_spec"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_update(
        op, id, "{\"name\": \"PG ops 2\", \"partial_default_config\": {\"port\": 6543}}", &out));
    CHECK(jis(out, "/name", "PG ops 2"));
    CHECK(jis(out, "/partial_default_config/port", "6543"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_add_tag(op, id, "ops-st", &out));
    CHECK(jis(out, "/tags/0", "ops-st"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_list(op, "{\"tags\": [\"ops-st\"]}", &out));
    CHECK(jis(out, "/0/id", id));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_list(op, NULL, &out));
    CHECK(contains(out, id));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_remove_tag(op, id, "ops-st", &out));
    CHECK(contains(out, "deleted_at"));
    airbyte_string_free(out);

    CHECK_OK(airbyte_operator_source_templates_clone(op, id, "PG ops copy", &out));
    char *copy = jget(out, "/id");
    CHECK(jis(out, "/name", "PG ops copy"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_clone(op, id, NULL, &out));
    char *copy2 = jget(out, "/id");
    airbyte_string_free(out);

    CHECK_OK(airbyte_operator_source_templates_delete(op, copy, &out));
    CHECK(jis(out, "/id", copy));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_delete(op, copy2, &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_delete(op, id, &out));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_source_templates_get(op, id, &out), AIRBYTE_STATUS_NOT_FOUND);
    CHECK(airbyte_last_error_http_status() == 404);
    CHECK_OK(airbyte_operator_tags_delete(op, "ops-st", &out));
    airbyte_string_free(out);
    airbyte_string_free(copy);
    airbyte_string_free(copy2);
    airbyte_string_free(id);
}

static void connection_templates(airbyte_operator_client *op) {
    char *out = NULL;
    CHECK_OK(airbyte_operator_tags_create(op, "ops-ct", &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_create(
        op,
        "{\"destination_name\": \"S3 ops\", \"destination_definition_id\": \"" S3 "\","
        " \"destination_config\": {\"s3_bucket_name\": \"b\", \"s3_bucket_path\": \"p\","
        " \"s3_bucket_region\": \"us-east-1\", \"access_key_id\": \"AKIA\","
        " \"secret_access_key\": \"shh\", \"format\": {\"format_type\": \"JSONL\"}},"
        " \"cron_expression\": \"0 0 12 * * ?\", \"non_breaking_changes_preference\": \"disable\","
        " \"sync_on_create\": false}",
        &out));
    char *id = jget(out, "/id");
    CHECK(id != NULL);
    CHECK(jis(out, "/destination_config/secret_access_key", AIRBYTE_SECRET_MASK));
    CHECK(jis(out, "/non_breaking_changes_preference", "disable"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_get(op, id, &out));
    CHECK(jis(out, "/destination_name", "S3 ops"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_update(
        op, id, "{\"destination_name\": \"S3 ops 2\", \"sync_on_create\": true}", &out));
    CHECK(jis(out, "/destination_name", "S3 ops 2"));
    CHECK(jis(out, "/sync_on_create", "true"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_add_tag(op, id, "ops-ct", &out));
    CHECK(jis(out, "/tags/0", "ops-ct"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_list(
        op, "{\"tags\": [\"ops-ct\", \"nope\"], \"mode\": \"any\"}", &out));
    CHECK(jis(out, "/0/id", id));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_list(op, NULL, &out));
    CHECK(contains(out, id));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_remove_tag(op, id, "ops-ct", &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_describe_cron(op, "0 0 12 * * ?", &out));
    CHECK(jis(out, "/is_valid", "true"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_describe_cron(op, "0 12 * * *", &out));
    CHECK(jis(out, "/is_valid", "false"));
    airbyte_string_free(out);
    /* A 5-field cron is refused before anything is sent. */
    CHECK_STATUS(airbyte_operator_connection_templates_update(
                     op, id, "{\"cron_expression\": \"0 12 * * *\"}", &out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "cron_expression"));
    /* A copy needs the masked secrets again; without them nothing is created. */
    CHECK_STATUS(airbyte_operator_connection_templates_clone(op, id, "S3 copy", NULL, &out),
                 AIRBYTE_STATUS_INVALID_CONFIG);
    CHECK(out == NULL);
    char *why = airbyte_last_error_json();
    CHECK(contains(why, "/secret_access_key"));
    airbyte_string_free(why);
    CHECK_OK(airbyte_operator_connection_templates_clone(
        op, id, "S3 copy", "{\"access_key_id\": \"AKIA\", \"secret_access_key\": \"shh\"}",
        &out));
    char *copy = jget(out, "/id");
    CHECK(jis(out, "/destination_name", "S3 copy"));
    CHECK(jis(out, "/destination_config/s3_bucket_name", "b"));
    CHECK(jis(out, "/sync_on_create", "true"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_delete(op, copy, &out));
    airbyte_string_free(out);
    airbyte_string_free(copy);
    CHECK_OK(airbyte_operator_connection_templates_delete(op, id, &out));
    CHECK(jis(out, "/id", id));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_create(
        op, "{\"data_hosting_type\": \"airbyte_hosted\"}", &out));
    char *hosted = jget(out, "/id");
    CHECK(jis(out, "/data_hosting_type", "airbyte_hosted"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_connection_templates_delete(op, hosted, &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_tags_delete(op, "ops-ct", &out));
    airbyte_string_free(out);
    airbyte_string_free(hosted);
    airbyte_string_free(id);
}

static void destinations_and_global_templates(airbyte_operator_client *op) {
    char *out = NULL;
    /* The global templates, and a clone of the Sample Data one. */
    CHECK_OK(airbyte_operator_source_templates_list_global(op, &out));
    CHECK(contains(out, "\"Postgres (Airbyte)\""));
    CHECK(jis(out, "/2/name", "Sample Data (Airbyte)"));
    char *global = jget(out, "/2/id");
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_clone(op, global, "Sample ops", &out));
    char *template_id = jget(out, "/id");
    CHECK(template_id != NULL && global != NULL && strcmp(template_id, global) != 0);
    airbyte_string_free(out);

    /* Destination definitions: all, by id (the key repeated), one with its spec. */
    CHECK_OK(airbyte_operator_definitions_list_destinations(op, NULL, &out));
    CHECK(contains(out, S3));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_definitions_list_destinations(
        op, "[\"" S3 "\", \"00000000-0000-4000-8000-00000000abcd\"]", &out));
    CHECK(jis(out, "/0/id", S3));
    CHECK(jis(out, "/0/name", "S3"));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_definitions_list_destinations(op, "[\"\"]", &out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "ids"));
    CHECK_STATUS(airbyte_operator_definitions_list_destinations(op, "{}", &out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK_OK(airbyte_operator_definitions_get_destination(op, S3, &out));
    CHECK(jis(out, "/id", S3));
    CHECK(contains(out, "connectionSpecification"));
    airbyte_string_free(out);

    /* A source made in a new workspace gets the connection template's destination. */
    CHECK_OK(airbyte_operator_connection_templates_create(
        op,
        "{\"destination_name\": \"Lake ops\", \"destination_definition_id\": \"" S3 "\","
        " \"destination_config\": {\"s3_bucket_name\": \"b\", \"s3_bucket_path\": \"p\","
        " \"s3_bucket_region\": \"us-east-1\", \"access_key_id\": \"AKIA\","
        " \"secret_access_key\": \"shh-ops\", \"format\": {\"format_type\": \"JSONL\"}}}",
        &out));
    char *connection_template = jget(out, "/id");
    airbyte_string_free(out);
    airbyte_end_user_client *eu = NULL;
    CHECK_OK(airbyte_operator_end_user_client(op, "ops-dest", &eu));
    char *workspace = NULL;
    CHECK_OK(airbyte_end_user_workspace_id(eu, &workspace));
    char body[512];
    snprintf(body, sizeof body,
             "{\"workspace_id\": \"%s\", \"source_template_id\": \"%s\","
             " \"source_config\": {}}",
             workspace ? workspace : "", template_id ? template_id : "");
    CHECK_OK(airbyte_end_user_sources_create(eu, body, NULL, &out));
    airbyte_string_free(out);
    airbyte_end_user_client_free(eu);

    char filter[256];
    snprintf(filter, sizeof filter, "{\"workspace_id\": \"%s\", \"limit\": 1}",
             workspace ? workspace : "");
    CHECK_OK(airbyte_operator_destinations_list_page(op, filter, NULL, &out));
    CHECK(jis(out, "/data/0/name", "Lake ops"));
    CHECK(jis(out, "/data/0/destination_definition_id", S3));
    char *destination = jget(out, "/data/0/id");
    airbyte_string_free(out);
    airbyte_destination_pages *pages = NULL;
    CHECK_OK(airbyte_operator_destinations_pages(op, filter, &pages));
    int seen = 0;
    for (;;) {
        char *page = NULL;
        CHECK_OK(airbyte_destination_pages_next_page(pages, &page));
        if (page == NULL) {
            break;
        }
        seen += contains(page, "\"Lake ops\"");
        airbyte_string_free(page);
    }
    CHECK(seen == 1);
    airbyte_destination_pages_free(pages);
    CHECK_OK(airbyte_operator_destinations_get(op, destination, &out));
    CHECK(jis(out, "/destination_config/secret_access_key", AIRBYTE_SECRET_MASK));
    CHECK(!contains(out, "shh-ops"));
    airbyte_string_free(out);
    /* No workspace_id: refused, nothing sent; the walk reports it on its first page. */
    CHECK_STATUS(airbyte_operator_destinations_list_page(op, "{}", NULL, &out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK_OK(airbyte_operator_destinations_pages(op, "{\"workspace_id\": \"\"}", &pages));
    CHECK_STATUS(airbyte_destination_pages_next_page(pages, &out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "workspace_id"));
    CHECK_OK(airbyte_destination_pages_next_page(pages, &out));
    CHECK(out == NULL);
    airbyte_destination_pages_free(pages);
    CHECK_STATUS(airbyte_operator_destinations_get(op, "00000000-0000-4000-8000-00000000abcd", &out),
                 AIRBYTE_STATUS_NOT_FOUND);

    CHECK_OK(airbyte_operator_connection_templates_delete(op, connection_template, &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_delete(op, template_id, &out));
    airbyte_string_free(out);
    airbyte_string_free(destination);
    airbyte_string_free(connection_template);
    airbyte_string_free(workspace);
    airbyte_string_free(template_id);
    airbyte_string_free(global);
}

static void stream_catalogs(airbyte_operator_client *op) {
    char *out = NULL;
    CHECK_OK(airbyte_operator_source_templates_create(
        op, "{\"actor_definition_id\": \"" POSTGRES "\", \"partial_default_config\": {}}", &out));
    char *t = jget(out, "/id");
    airbyte_string_free(out);

    CHECK_OK(airbyte_operator_template_catalog_get(op, t, false, &out));
    CHECK(jis(out, "/source_template_id", t));
    CHECK(jis(out, "/sonar_catalog/streams/0/name", "customers"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_template_catalog_query(op, t, "streams[].name", &out));
    CHECK(strcmp(out ? out : "", "[\"customers\",\"orders\",\"users\"]") == 0);
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_template_catalog_query(op, t, "streams[?", &out),
                 AIRBYTE_STATUS_VALIDATION);
    CHECK_OK(airbyte_operator_template_catalog_patch(
        op, t, "[{\"op\": \"add\", \"path\": \"/selected_streams\", \"value\": [\"orders\"]}]",
        &out));
    CHECK(jis(out, "/selected_streams/0", "orders"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_template_catalog_get(op, t, true, &out));
    CHECK(jis(out, "/sonar_catalog/streams/0/name", "orders"));
    CHECK(jget(out, "/sonar_catalog/streams/1") == NULL);
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_template_catalog_patch(op, t, "{}", &out),
                 AIRBYTE_STATUS_INVALID_JSON);

    CHECK_OK(airbyte_operator_template_catalog_add_stream(
        op, t, "{\"name\": \"events\", \"x_custom\": 1}", &out));
    CHECK(jis(out, "/x_custom", "1"));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_template_catalog_add_stream(op, t, "{}", &out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "stream.name"));
    CHECK_OK(airbyte_operator_template_catalog_patch_stream(
        op, t, "events", "[{\"op\": \"add\", \"path\": \"/description\", \"value\": \"Clicks\"}]",
        &out));
    CHECK(jis(out, "/description", "Clicks"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_template_catalog_delete_stream(op, t, "events", &out));
    CHECK(jis(out, "/stream_name", "events"));
    airbyte_string_free(out);

    CHECK_OK(airbyte_operator_template_catalog_replace(
        op, t, "{\"streams\": [{\"name\": \"only\"}]}", &out));
    char *catalog_id = out;
    CHECK(catalog_id != NULL && strlen(catalog_id) == 36);
    CHECK_OK(airbyte_operator_template_catalog_get(op, t, false, &out));
    CHECK(jis(out, "/id", catalog_id));
    CHECK(jis(out, "/sonar_catalog/streams/0/name", "only"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_template_catalog_replace(op, t, NULL, &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_template_catalog_delete(op, t, &out));
    CHECK(jis(out, "/id", catalog_id));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_template_catalog_get(op, t, false, &out),
                 AIRBYTE_STATUS_NOT_FOUND);
    airbyte_string_free(catalog_id);

    CHECK_OK(airbyte_operator_definition_catalog_get(op, POSTGRES, false, &out));
    CHECK(jis(out, "/name", "Postgres"));
    CHECK(jis(out, "/catalog_type", "structured"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_definition_catalog_patch(op, POSTGRES, "{\"blessed\": true}", &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_definition_catalog_get(op, POSTGRES, false, &out));
    CHECK(jis(out, "/blessed", "true"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_definition_catalog_query(op, POSTGRES, "length(streams)", &out));
    CHECK(strcmp(out ? out : "", "3") == 0);
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_definition_catalog_add_stream(op, POSTGRES, "{\"name\": \"c_audit\"}", &out));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_definition_catalog_patch_stream(
        op, POSTGRES, "c_audit", "[{\"op\": \"replace\", \"path\": \"/suggested\", \"value\": true}]",
        &out));
    CHECK(jis(out, "/suggested", "true"));
    airbyte_string_free(out);

    CHECK_OK(airbyte_operator_source_templates_delete(op, t, &out));
    airbyte_string_free(out);
    airbyte_string_free(t);
}

static void workspaces_and_sources(airbyte_operator_client *op) {
    char *out = NULL;
    /* Three workspaces, made by minting tokens. */
    const char *names[] = {"ops-ws-a", "ops-ws-b", "ops-ws-c"};
    for (int i = 0; i < 3; i++) {
        CHECK_OK(airbyte_operator_mint_scoped_token(op, names[i], NULL, &out));
        airbyte_string_free(out);
    }
    CHECK_OK(airbyte_operator_workspaces_list_page(
        op, "{\"name_contains\": \"ops-ws-\", \"limit\": 2}", NULL, &out));
    char *second_id = jget(out, "/data/1/id");
    CHECK(second_id != NULL);
    airbyte_string_free(second_id);
    char *next = jget(out, "/next");
    CHECK(contains(next, "cursor="));
    char *cursor = next ? strstr(next, "cursor=") : NULL;
    char *first_id = jget(out, "/data/0/id");
    airbyte_string_free(out);
    if (cursor != NULL) {
        CHECK_OK(airbyte_operator_workspaces_list_page(
            op, "{\"name_contains\": \"ops-ws-\", \"limit\": 2}", cursor + 7, &out));
        CHECK(jis(out, "/data/0/name", "ops-ws-c"));
        CHECK(jis(out, "/next", "null"));
        airbyte_string_free(out);
    }
    airbyte_string_free(next);

    /* The walk: 2 + 1 workspaces, then NULL, and NULL again. */
    airbyte_workspace_pages *pages = NULL;
    CHECK_OK(airbyte_operator_workspaces_pages(
        op, "{\"name_contains\": \"ops-ws-\", \"limit\": 2, \"status\": \"active\"}", &pages));
    int page_count = 0;
    int seen_c = 0;
    for (;;) {
        char *page = NULL;
        CHECK_OK(airbyte_workspace_pages_next_page(pages, &page));
        if (page == NULL) {
            break;
        }
        page_count++;
        seen_c += contains(page, "\"ops-ws-c\"");
        airbyte_string_free(page);
    }
    CHECK(page_count == 2 && seen_c == 1);
    CHECK_OK(airbyte_workspace_pages_next_page(pages, &out));
    CHECK(out == NULL);
    airbyte_workspace_pages_free(pages);

    CHECK_OK(airbyte_operator_workspaces_stats(op, &out));
    char *total = jget(out, "/total_count");
    CHECK(total != NULL && atoi(total) >= 3);
    airbyte_string_free(total);
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_workspaces_get(op, first_id, &out));
    CHECK(jis(out, "/id", first_id));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_workspaces_update(op, first_id, "{\"name\": \"ops-ws-renamed\"}",
                                                &out));
    CHECK(jis(out, "/name", "ops-ws-renamed"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_workspaces_deactivate(op, first_id, &out));
    CHECK(jis(out, "/status", "inactive"));
    airbyte_string_free(out);

    /* The operator's view of sources in that workspace. */
    CHECK_OK(airbyte_operator_source_templates_create(
        op, "{\"actor_definition_id\": \"" POSTGRES "\", \"partial_default_config\": {\"port\": 5432}}",
        &out));
    char *template_id = jget(out, "/id");
    airbyte_string_free(out);
    char body[1024];
    snprintf(body, sizeof body,
             "{\"workspace_id\": \"%s\", \"source_template_id\": \"%s\", \"name\": \"ops src\","
             " \"source_config\": {\"host\": \"db.example\", \"database\": \"d\","
             " \"username\": \"u\", \"password\": \"p\"}}",
             first_id, template_id);
    CHECK_OK(airbyte_operator_sources_check_config(op, body, NULL, &out));
    char *job = jget(out, "/id");
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_sources_check_status(op, job, &out));
    CHECK(contains(out, "\"status\""));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_sources_wait_for_check(op, job, "{\"initial_interval_ms\": 50}", &out));
    CHECK(jis(out, "/status", "succeeded"));
    airbyte_string_free(out);
    airbyte_string_free(job);

    CHECK_OK(airbyte_operator_sources_create(op, body, NULL, &out));
    char *source_id = jget(out, "/id");
    CHECK(jis(out, "/source_config/password", AIRBYTE_SECRET_MASK));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_sources_get(op, source_id, &out));
    CHECK(jis(out, "/name", "ops src"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_sources_update(op, source_id,
                                             "{\"source_config\": {\"host\": \"db2.example\","
                                             " \"database\": \"d\", \"username\": \"u\","
                                             " \"password\": \"p2\"}}",
                                             "{\"validate\": true}", &out));
    CHECK(jis(out, "/source_config/host", "db2.example"));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_sources_list(op, first_id, &out));
    CHECK(jis(out, "/0/id", source_id));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_sources_check(
        op, source_id, "{\"source_config\": {\"host\": \"db.invalid\", \"database\": \"d\","
                       " \"username\": \"u\", \"password\": \"p\"}}",
        NULL, &out));
    job = jget(out, "/id");
    airbyte_string_free(out);
    /* A failed check is an answer, not an error. */
    CHECK_OK(airbyte_operator_sources_wait_for_check(op, job, NULL, &out));
    CHECK(jis(out, "/status", "failed"));
    CHECK(jis(out, "/failure_reason/failure_type", "config_error"));
    airbyte_string_free(out);
    airbyte_string_free(job);
    CHECK_OK(airbyte_operator_sources_delete(op, source_id, &out));
    CHECK(jis(out, "/id", source_id));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_source_templates_delete(op, template_id, &out));
    airbyte_string_free(out);

    CHECK_OK(airbyte_operator_workspaces_delete(op, first_id, &out));
    CHECK(jis(out, "/id", first_id));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_workspaces_get(op, first_id, &out), AIRBYTE_STATUS_NOT_FOUND);
    airbyte_string_free(source_id);
    airbyte_string_free(template_id);
    airbyte_string_free(first_id);
}

void test_operator(void) {
    group("operator client: configuration, tokens, tags, definitions, templates, catalogs, "
          "destinations, "
          "workspaces, sources");
    airbyte_operator_client *op = new_operator();
    if (op == NULL) {
        return;
    }
    configuration(op);
    tokens(op);
    tags_and_definitions(op);
    source_templates(op);
    connection_templates(op);
    destinations_and_global_templates(op);
    stream_catalogs(op);
    workspaces_and_sources(op);
    airbyte_operator_client_free(op);
}
