/* Every 2xx and 3xx status end to end, with faults injected into the sandbox, and what the
 * last error carries for each (HTTP status, field errors, rate-limit numbers). */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* A client whose calls fail fast: no retries, short timeouts. */
static airbyte_operator_client *fast_operator(void) {
    char *config = config_json("\"read_timeout_ms\": 400, \"request_timeout_ms\": 800");
    airbyte_operator_client *op = NULL;
    CHECK_OK(airbyte_operator_client_new(config, client_id(), client_secret(), &op));
    free(config);
    return op;
}

static void http_errors(airbyte_operator_client *op) {
    char *out = NULL;
    /* 401: wrong credentials. */
    char *config = config_json(NULL);
    airbyte_operator_client *wrong = NULL;
    CHECK_OK(airbyte_operator_client_new(config, client_id(), "not-the-secret", &wrong));
    CHECK_STATUS(airbyte_operator_tags_list(wrong, &out), AIRBYTE_STATUS_UNAUTHORIZED);
    CHECK(airbyte_last_error_http_status() == 401);
    CHECK(last_error_has("/kind", "unauthorized"));
    CHECK(!contains(last_message(), "not-the-secret"));
    airbyte_operator_client_free(wrong);
    /* 401: a scoped token that is not one (final: it cannot be refreshed). */
    airbyte_end_user_client *bogus = NULL;
    CHECK_OK(airbyte_end_user_client_new(config, "a.b.c", &bogus));
    CHECK_STATUS(airbyte_end_user_token_info(bogus, &out), AIRBYTE_STATUS_UNAUTHORIZED);
    airbyte_end_user_client_free(bogus);
    free(config);

    /* 400/422 with field errors: a tag name that is taken. */
    CHECK_OK(airbyte_operator_tags_create(op, "err-dup", &out));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_tags_create(op, "err-dup", &out), AIRBYTE_STATUS_VALIDATION);
    int http = airbyte_last_error_http_status();
    CHECK(http == 400 || http == 422);
    CHECK(last_error_has("/kind", "validation"));
    CHECK_OK(airbyte_operator_tags_delete(op, "err-dup", &out));
    airbyte_string_free(out);

    /* 429 with the rate-limit headers. */
    CHECK(inject_fault("{\"method\": \"GET\", \"path_prefix\": \"/workspaces/stats\", \"action\":"
                       " {\"kind\": \"respond\", \"status\": 429, \"body\": \"{\\\"message\\\":"
                       " \\\"slow down\\\", \\\"errors\\\": []}\", \"headers\": [[\"retry-after\","
                       " \"2\"], [\"x-ratelimit-limit\", \"1000\"], [\"x-ratelimit-remaining\","
                       " \"0\"], [\"x-ratelimit-reset\", \"1760000000\"]]}}"));
    CHECK_STATUS(airbyte_operator_workspaces_stats(op, &out), AIRBYTE_STATUS_RATE_LIMITED);
    CHECK(airbyte_last_error_http_status() == 429);
    CHECK(last_error_has("/rate_limit/retry_after_ms", "2000"));
    CHECK(last_error_has("/rate_limit/remaining", "0"));
    CHECK(last_error_has("/rate_limit/limit", "1000"));
    CHECK(contains(last_message(), "slow down"));

    /* 5xx. */
    CHECK(inject_fault("{\"method\": \"GET\", \"path_prefix\": \"/workspaces/stats\", \"action\":"
                       " {\"kind\": \"respond\", \"status\": 503, \"body\": \"<html>down</html>\","
                       " \"content_type\": \"text/html\"}}"));
    CHECK_STATUS(airbyte_operator_workspaces_stats(op, &out), AIRBYTE_STATUS_SERVER);
    CHECK(airbyte_last_error_http_status() == 503);
    CHECK(contains(last_message(), "down"));

    /* Any other status. */
    CHECK(inject_fault("{\"method\": \"GET\", \"path_prefix\": \"/workspaces/stats\", \"action\":"
                       " {\"kind\": \"respond\", \"status\": 409, \"body\": \"{\\\"detail\\\":"
                       " \\\"conflict\\\"}\"}}"));
    CHECK_STATUS(airbyte_operator_workspaces_stats(op, &out), AIRBYTE_STATUS_UNEXPECTED_STATUS);
    CHECK(airbyte_last_error_http_status() == 409);
    CHECK(out == NULL);
}

static void transport_errors(airbyte_operator_client *op) {
    char *out = NULL;
    /* Nothing listens on port 1. */
    airbyte_operator_client *nowhere = NULL;
    CHECK_OK(airbyte_operator_client_new(
        "{\"base_url\": \"http://127.0.0.1:1/api/v1\", \"retry\": {\"max_retries\": 0}}",
        client_id(), client_secret(), &nowhere));
    CHECK_STATUS(airbyte_operator_tags_list(nowhere, &out), AIRBYTE_STATUS_TRANSPORT);
    CHECK(airbyte_last_error_http_status() == 0);
    airbyte_operator_client_free(nowhere);

    /* A slow answer. */
    CHECK(inject_fault("{\"method\": \"GET\", \"path_prefix\": \"/workspaces/stats\", \"action\":"
                       " {\"kind\": \"delay\", \"millis\": 1500}}"));
    CHECK_STATUS(airbyte_operator_workspaces_stats(op, &out), AIRBYTE_STATUS_TIMEOUT);

    /* A success whose body is not the contract's. */
    CHECK(inject_fault("{\"method\": \"GET\", \"path_prefix\": \"/workspaces/stats\", \"action\":"
                       " {\"kind\": \"respond\", \"status\": 200, \"body\": \"not json\"}}"));
    CHECK_STATUS(airbyte_operator_workspaces_stats(op, &out), AIRBYTE_STATUS_DECODE);
    CHECK(airbyte_last_error_http_status() == 200);

    /* A create whose answer never came: it may have happened, so it is not repeated. */
    CHECK(inject_fault("{\"method\": \"POST\", \"path_prefix\": \"/integrations/templates/tags\","
                       " \"action\": {\"kind\": \"reset_after_commit\"}}"));
    CHECK_STATUS(airbyte_operator_tags_create(op, "err-maybe", &out),
                 AIRBYTE_STATUS_OUTCOME_UNKNOWN);
    CHECK(contains(last_message(), "POST"));
    CHECK(last_error_has("/kind", "outcome_unknown"));
    CHECK_OK(airbyte_operator_tags_delete(op, "err-maybe", &out)); /* it did happen */
    airbyte_string_free(out);
}

static void pagination_error(airbyte_operator_client *op) {
    char *out = NULL;
    CHECK(inject_fault("{\"method\": \"GET\", \"path_prefix\": \"/workspaces\", \"action\":"
                       " {\"kind\": \"respond\", \"status\": 200, \"body\": \"{\\\"data\\\": [],"
                       " \\\"next\\\": \\\"http://evil.example/api/v1/workspaces?cursor=x\\\"}\"}}"));
    airbyte_workspace_pages *pages = NULL;
    CHECK_OK(airbyte_operator_workspaces_pages(op, NULL, &pages));
    CHECK_OK(airbyte_workspace_pages_next_page(pages, &out));
    CHECK(out != NULL && strcmp(out, "[]") == 0);
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_workspace_pages_next_page(pages, &out), AIRBYTE_STATUS_PAGINATION);
    CHECK(contains(last_message(), "evil.example"));
    CHECK_OK(airbyte_workspace_pages_next_page(pages, &out)); /* over after an error */
    CHECK(out == NULL);
    airbyte_workspace_pages_free(pages);
}

void test_errors(void) {
    group("errors: every HTTP and transport status, end to end");
    clear_faults();
    airbyte_operator_client *op = fast_operator();
    char *warm = NULL; /* mint the operator token before faults are injected */
    CHECK_OK(airbyte_operator_tags_list(op, &warm));
    airbyte_string_free(warm);
    http_errors(op);
    transport_errors(op);
    pagination_error(op);
    clear_faults();
    airbyte_operator_client_free(op);
}
