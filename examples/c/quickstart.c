/*
 * The whole Airbyte Embedded story in C, step by step (the same story as
 * examples/quickstart.rs).
 *
 * The operator signs in, looks up source and destination connectors, creates a connection
 * template and tags, creates a source template and clones one of Airbyte's global ones, mints
 * a widget token and a scoped token for the workspace `acme-corp`; the end user lists
 * templates and creates a source; the operator lists the destinations the service made for
 * it; the end user checks, updates and lists sources; the operator lists workspaces, reads
 * stats and deactivates the workspace, then removes what the run created.
 *
 * It reads AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET and optionally AIRBYTE_API_URL and
 * AIRBYTE_ORGANIZATION_ID. `make -C examples/c run` starts a local sandbox and sets them when
 * they are not set already.
 *
 * Ownership, as everywhere in this API: every char * the library writes through an
 * out-pointer is ours and goes back through airbyte_string_free; every handle goes back
 * through its *_free.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "airbyte_embedded.h"

/* ---- small helpers: failing loudly, formatting JSON, reading JSON ---- */

/* Exits with the calling thread's last error when `status` is not OK. */
static void check(airbyte_status status, const char *what) {
    if (status == AIRBYTE_STATUS_OK) {
        return;
    }
    char message[1024];
    size_t written = 0;
    airbyte_last_error_message(message, sizeof message, &written);
    fprintf(stderr, "\nquickstart failed: %s: %s (%s, HTTP %u)\n", what, message,
            airbyte_status_name((int)status), (unsigned)airbyte_last_error_http_status());
    exit(1);
}

static void fail(const char *what) {
    fprintf(stderr, "\nquickstart failed: %s\n", what);
    exit(1);
}

/* printf into a new heap string (ours: free()). Used to build request JSON; the values we
 * format are ids and names we made, so they need no JSON escaping. */
static char *format(const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    if (n < 0) {
        fail("format");
    }
    char *out = malloc((size_t)n + 1);
    if (out == NULL) {
        fail("out of memory");
    }
    va_start(args, fmt);
    vsnprintf(out, (size_t)n + 1, fmt, args);
    va_end(args);
    return out;
}

/* The value at a JSON pointer (a string unquoted, anything else as JSON), or NULL when absent.
 * Free with airbyte_string_free. */
static char *get(const char *json, const char *pointer) {
    char *value = NULL;
    check(airbyte_json_pointer(json, pointer, &value), "airbyte_json_pointer");
    return value;
}

/* The value at a JSON pointer, which must be there. */
static char *need(const char *json, const char *pointer) {
    char *value = get(json, pointer);
    if (value == NULL) {
        fprintf(stderr, "\nquickstart failed: no %s in %s\n", pointer, json);
        exit(1);
    }
    return value;
}

static void step(const char *title) { printf("\n== %s\n", title); }

/* ---- the story ---- */

int main(void) {
    unsigned suffix = (unsigned)(time(NULL) % 100000);
    airbyte_operator_client *op = NULL;
    check(airbyte_operator_client_from_env(&op),
          "operator client (set AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET, or use `make run`)");
    char *config = NULL;
    check(airbyte_operator_client_config(op, &config), "config");
    char *base_url = need(config, "/base_url");
    printf("airbyte-embedded %s (header %s), using %s\n", airbyte_version(),
           AIRBYTE_EMBEDDED_VERSION, base_url);
    airbyte_string_free(base_url);
    airbyte_string_free(config);

    step("1. The operator signs in and looks up connectors");
    char *found = NULL;
    check(airbyte_operator_definitions_list_sources(op, "postgres", &found), "definitions");
    char *postgres_id = get(found, "/0/sourceDefinitionId");
    char *postgres_name = get(found, "/0/name");
    airbyte_string_free(found);
    check(airbyte_operator_definitions_list_sources(op, "stripe", &found), "definitions");
    char *stripe_id = get(found, "/0/sourceDefinitionId");
    char *stripe_name = get(found, "/0/name");
    airbyte_string_free(found);
    if (postgres_id == NULL || stripe_id == NULL) {
        fail("no Postgres or Stripe connector in the catalogue");
    }
    printf("connector %-10s %s\n", postgres_name, postgres_id);
    printf("connector %-10s %s\n", stripe_name, stripe_id);
    airbyte_string_free(postgres_name);
    airbyte_string_free(stripe_name);
    /* The S3 destination connector, by its definition id, and what its config needs. */
    check(airbyte_operator_definitions_list_destinations(
              op, "[\"4816b78f-1489-44c1-9060-4b19d5fa9362\"]", &found),
          "destination definitions");
    char *s3_id = need(found, "/0/id");
    airbyte_string_free(found);
    check(airbyte_operator_definitions_get_destination(op, s3_id, &found),
          "destination definition");
    char *s3_required = get(found, "/definition/spec/connectionSpecification/required");
    printf("destination S3 %s: a connection template needs %s\n", s3_id,
           s3_required ? s3_required : "null");
    airbyte_string_free(s3_required);
    airbyte_string_free(found);

    step("2. A connection template (S3) and two tags");
    char *crm_name = format("crm-%u", suffix);
    char *databases_name = format("databases-%u", suffix);
    char *tag = NULL;
    check(airbyte_operator_tags_create(op, crm_name, &tag), "create tag");
    airbyte_string_free(tag);
    check(airbyte_operator_tags_create(op, databases_name, &tag), "create tag");
    airbyte_string_free(tag);
    printf("tags: %s, %s\n", crm_name, databases_name);
    char *s3 = format(
        "{\"destination_name\": \"Acme S3\","
        " \"destination_definition_id\": \"%s\","
        " \"destination_config\": {\"s3_bucket_name\": \"acme-exports\", \"s3_bucket_path\": "
        "\"airbyte\", \"s3_bucket_region\": \"us-east-1\", \"access_key_id\": \"AKIAEXAMPLE\","
        " \"secret_access_key\": \"example-secret-access-key\", \"format\": {\"format_type\": "
        "\"JSONL\"}},"
        " \"cron_expression\": \"0 0 12 * * ?\"}",
        s3_id);
    char *connection = NULL;
    check(airbyte_operator_connection_templates_create(op, s3, &connection),
          "create connection template");
    free(s3);
    char *connection_id = need(connection, "/id");
    airbyte_string_free(connection);
    check(airbyte_operator_connection_templates_add_tag(op, connection_id, crm_name,
                                                         &connection),
          "tag connection template");
    char *cron = NULL;
    check(airbyte_operator_connection_templates_describe_cron(op, "0 0 12 * * ?", &cron),
          "describe cron");
    char *destination = need(connection, "/destination_name");
    char *schedule = need(connection, "/cron_expression");
    char *meaning = need(cron, "/description");
    char *tags = need(connection, "/tags");
    printf("connection template %s -> %s, schedule %s (%s), tags %s\n", connection_id,
           destination, schedule, meaning, tags);
    char *stored = need(connection, "/destination_config");
    printf("destination config as stored: %s\n", stored);
    airbyte_string_free(destination);
    airbyte_string_free(schedule);
    airbyte_string_free(meaning);
    airbyte_string_free(tags);
    airbyte_string_free(stored);
    airbyte_string_free(cron);
    airbyte_string_free(connection);

    step("3. A source template, and a clone of Airbyte's global Stripe template");
    char *body = format("{\"actor_definition_id\": \"%s\", \"partial_default_config\": "
                        "{\"port\": 5432}, \"name\": \"Postgres (%u)\"}",
                        postgres_id, suffix);
    char *template = NULL;
    check(airbyte_operator_source_templates_create(op, body, &template),
          "create Postgres template");
    free(body);
    char *pg_template_id = need(template, "/id");
    airbyte_string_free(template);
    check(airbyte_operator_source_templates_add_tag(op, pg_template_id, databases_name,
                                                     &template),
          "tag Postgres template");
    char *name = need(template, "/name");
    tags = need(template, "/tags");
    printf("source template %s \"%s\" tags %s\n", pg_template_id, name, tags);
    airbyte_string_free(name);
    airbyte_string_free(tags);
    airbyte_string_free(template);

    /* Airbyte maintains global templates; cloning one offers a connector with its defaults. */
    char *global = NULL;
    check(airbyte_operator_source_templates_list_global(op, &global), "global templates");
    char *stripe_global = NULL;
    int global_count = 0;
    for (;; global_count++) {
        char pointer[32];
        snprintf(pointer, sizeof pointer, "/%d/name", global_count);
        char *global_name = get(global, pointer);
        if (global_name == NULL) {
            break;
        }
        if (stripe_global == NULL && strstr(global_name, "Stripe") != NULL) {
            snprintf(pointer, sizeof pointer, "/%d/id", global_count);
            stripe_global = need(global, pointer);
        }
        airbyte_string_free(global_name);
    }
    airbyte_string_free(global);
    printf("%d global source template(s)\n", global_count);
    char *stripe_name_copy = format("Stripe (%u)", suffix);
    if (stripe_global != NULL) {
        check(airbyte_operator_source_templates_clone(op, stripe_global, stripe_name_copy,
                                                      &template),
              "clone the global Stripe template");
    } else {
        body = format("{\"actor_definition_id\": \"%s\", \"partial_default_config\": "
                      "{\"lookback_window_days\": 7}, \"name\": \"%s\"}",
                      stripe_id, stripe_name_copy);
        check(airbyte_operator_source_templates_create(op, body, &template),
              "create Stripe template");
        free(body);
    }
    free(stripe_name_copy);
    airbyte_string_free(stripe_global);
    char *stripe_template_id = need(template, "/id");
    airbyte_string_free(template);
    check(airbyte_operator_source_templates_add_tag(op, stripe_template_id, crm_name,
                                                     &template),
          "tag Stripe template");
    name = need(template, "/name");
    tags = need(template, "/tags");
    printf("source template %s \"%s\" tags %s\n", stripe_template_id, name, tags);
    airbyte_string_free(name);
    airbyte_string_free(tags);
    airbyte_string_free(template);

    step("4. Tokens for the end user `acme-corp`");
    body = format("{\"workspace_name\": \"acme-corp\", \"allowed_origin\": "
                  "\"https://app.acme.example\", \"selected_source_template_tags\": "
                  "[\"%s\", \"%s\"], \"selected_source_template_tags_mode\": \"any\"}",
                  databases_name, crm_name);
    char *widget = NULL;
    check(airbyte_operator_mint_widget_token(op, body, &widget), "mint widget token");
    free(body);
    char *widget_url = need(widget, "/widget_url");
    char *inner = need(widget, "/scoped_token");
    char *claims = NULL;
    check(airbyte_scoped_token_claims(inner, &claims), "read claims");
    char *scope = need(claims, "/workspace_id");
    char *expiry = need(claims, "/expires_at_unix");
    printf("widget token decoded: widget URL %s\n", widget_url);
    printf("  carries a scoped token for workspace %s, expiring at %s (Unix seconds)\n", scope,
           expiry);
    airbyte_string_free(scope);
    airbyte_string_free(expiry);
    airbyte_string_free(claims);
    airbyte_string_free(inner);
    airbyte_string_free(widget_url);
    airbyte_string_free(widget);
    char *scoped = NULL;
    check(airbyte_operator_scoped_token(op, "acme-corp", &scoped), "scoped token");
    printf("scoped token: %zu characters (never log the token itself)\n", strlen(scoped));
    airbyte_string_free(scoped);

    step("5. The end user lists templates and creates a source");
    airbyte_end_user_client *end_user = NULL;
    check(airbyte_operator_end_user_client(op, "acme-corp", &end_user), "end-user client");
    char *workspace_id = NULL;
    check(airbyte_end_user_workspace_id(end_user, &workspace_id), "workspace id");
    printf("end user's workspace: %s\n", workspace_id);
    char *offered = NULL;
    check(airbyte_end_user_source_templates_list(end_user, NULL, &offered), "list templates");
    for (int i = 0;; i++) {
        char pointer[32];
        snprintf(pointer, sizeof pointer, "/%d/id", i);
        char *id = get(offered, pointer);
        if (id == NULL) {
            break;
        }
        snprintf(pointer, sizeof pointer, "/%d/name", i);
        name = need(offered, pointer);
        snprintf(pointer, sizeof pointer, "/%d/tags", i);
        tags = need(offered, pointer);
        printf("offered: %s \"%s\" tags %s\n", id, name, tags);
        airbyte_string_free(id);
        airbyte_string_free(name);
        airbyte_string_free(tags);
    }
    airbyte_string_free(offered);
    check(airbyte_end_user_source_templates_get(end_user, pg_template_id, &template),
          "read template");
    char *required = get(template, "/user_config_spec/connectionSpecification/required");
    printf("the end user must fill: %s\n", required ? required : "null");
    airbyte_string_free(required);
    airbyte_string_free(template);

    body = format("{\"workspace_id\": \"%s\", \"source_template_id\": \"%s\", \"name\": \"Acme "
                  "production DB\", \"source_config\": {\"host\": \"db.acme.example\", "
                  "\"database\": \"app\", \"username\": \"airbyte\", \"password\": "
                  "\"correct-horse-battery-staple\"}}",
                  workspace_id, pg_template_id);
    char *source = NULL;
    check(airbyte_end_user_sources_create(end_user, body, NULL, &source), "create source");
    free(body);
    char *source_id = need(source, "/id");
    stored = need(source, "/source_config");
    printf("source %s created; config as stored: %s\n", source_id, stored);
    airbyte_string_free(stored);
    airbyte_string_free(source);

    step("6. The operator lists the destinations the service made for the new source");
    char *filter = format("{\"workspace_id\": \"%s\"}", workspace_id);
    airbyte_destination_pages *destinations = NULL;
    check(airbyte_operator_destinations_pages(op, filter, &destinations), "destination walk");
    free(filter);
    for (;;) {
        char *page = NULL;
        check(airbyte_destination_pages_next_page(destinations, &page), "destinations page");
        if (page == NULL) {
            break;
        }
        for (int i = 0;; i++) {
            char pointer[32];
            snprintf(pointer, sizeof pointer, "/%d/id", i);
            char *destination_id = get(page, pointer);
            if (destination_id == NULL) {
                break;
            }
            char *one = NULL;
            check(airbyte_operator_destinations_get(op, destination_id, &one), "destination");
            char *one_name = need(one, "/name");
            char *one_type = need(one, "/destination_type");
            char *one_config = need(one, "/destination_config");
            printf("destination %s \"%s\" (%s); config as stored: %s\n", destination_id, one_name,
                   one_type, one_config);
            airbyte_string_free(one_name);
            airbyte_string_free(one_type);
            airbyte_string_free(one_config);
            airbyte_string_free(one);
            airbyte_string_free(destination_id);
        }
        airbyte_string_free(page);
    }
    airbyte_destination_pages_free(destinations);

    step("7. The end user checks the source");
    char *job = NULL;
    check(airbyte_end_user_sources_check(end_user, source_id, NULL, NULL, &job), "start check");
    char *job_id = need(job, "/id");
    airbyte_string_free(job);
    char *outcome = NULL;
    check(airbyte_end_user_sources_wait_for_check(end_user, job_id, NULL, &outcome),
          "wait for check");
    char *state = need(outcome, "/status");
    printf("check %s: %s\n", job_id, state);
    if (strcmp(state, "succeeded") != 0) {
        char *why = get(outcome, "/error_message");
        fprintf(stderr, "\nquickstart failed: check ended %s: %s\n", state, why ? why : "?");
        return 1;
    }
    airbyte_string_free(state);
    airbyte_string_free(outcome);
    airbyte_string_free(job_id);

    step("8. The end user updates and lists sources");
    check(airbyte_end_user_sources_update(end_user, source_id,
                                          "{\"name\": \"Acme production DB (replica)\"}", NULL,
                                          &source),
          "rename source");
    name = need(source, "/name");
    printf("renamed to \"%s\"\n", name);
    airbyte_string_free(name);
    airbyte_string_free(source);
    char *sources = NULL;
    check(airbyte_end_user_sources_list(end_user, workspace_id, &sources), "list sources");
    for (int i = 0;; i++) {
        char pointer[32];
        snprintf(pointer, sizeof pointer, "/%d/id", i);
        char *id = get(sources, pointer);
        if (id == NULL) {
            break;
        }
        snprintf(pointer, sizeof pointer, "/%d/name", i);
        name = need(sources, pointer);
        printf("source %s \"%s\"\n", id, name);
        airbyte_string_free(id);
        airbyte_string_free(name);
    }
    airbyte_string_free(sources);

    step("9. The operator reviews workspaces and deactivates acme-corp");
    airbyte_workspace_pages *pages = NULL;
    check(airbyte_operator_workspaces_pages(op, "{\"limit\": 50}", &pages), "pages");
    char *acme_id = NULL;
    int count = 0;
    char *page = NULL;
    while (1) {
        check(airbyte_workspace_pages_next_page(pages, &page), "next page");
        if (page == NULL) {
            break; /* the last page has been read */
        }
        for (int i = 0;; i++, count++) {
            char pointer[32];
            snprintf(pointer, sizeof pointer, "/%d/name", i);
            char *workspace_name = get(page, pointer);
            if (workspace_name == NULL) {
                break;
            }
            if (strcmp(workspace_name, "acme-corp") == 0 && acme_id == NULL) {
                snprintf(pointer, sizeof pointer, "/%d/id", i);
                acme_id = need(page, pointer);
            }
            airbyte_string_free(workspace_name);
        }
        airbyte_string_free(page);
    }
    airbyte_workspace_pages_free(pages);
    printf("%d workspace(s) in the organisation\n", count);
    char *stats = NULL;
    check(airbyte_operator_workspaces_stats(op, &stats), "stats");
    char *active = need(stats, "/active_count");
    char *inactive = need(stats, "/inactive_count");
    char *total = need(stats, "/total_count");
    printf("stats: %s active, %s inactive, %s in all\n", active, inactive, total);
    airbyte_string_free(active);
    airbyte_string_free(inactive);
    airbyte_string_free(total);
    airbyte_string_free(stats);
    if (acme_id == NULL) {
        fail("workspace acme-corp not listed");
    }
    char *workspace = NULL;
    check(airbyte_operator_workspaces_deactivate(op, acme_id, &workspace), "deactivate");
    state = need(workspace, "/status");
    printf("workspace %s is now %s\n", acme_id, state);
    airbyte_string_free(state);
    airbyte_string_free(workspace);
    airbyte_string_free(acme_id);

    step("10. Clean up what this run created");
    char *receipt = NULL;
    check(airbyte_end_user_sources_delete(end_user, source_id, &receipt), "delete source");
    airbyte_string_free(receipt);
    check(airbyte_operator_source_templates_delete(op, pg_template_id, &receipt),
          "delete template");
    airbyte_string_free(receipt);
    check(airbyte_operator_source_templates_delete(op, stripe_template_id, &receipt),
          "delete template");
    airbyte_string_free(receipt);
    check(airbyte_operator_connection_templates_delete(op, connection_id, &receipt),
          "delete connection template");
    airbyte_string_free(receipt);
    check(airbyte_operator_tags_delete(op, crm_name, &receipt), "delete tag");
    airbyte_string_free(receipt);
    check(airbyte_operator_tags_delete(op, databases_name, &receipt), "delete tag");
    airbyte_string_free(receipt);
    char *rate_limit = NULL;
    check(airbyte_operator_client_last_rate_limit(op, &rate_limit), "rate limit");
    if (rate_limit != NULL) {
        char *remaining = need(rate_limit, "/remaining");
        char *limit = need(rate_limit, "/limit");
        printf("rate limit: %s of %s requests left this window\n", remaining, limit);
        airbyte_string_free(remaining);
        airbyte_string_free(limit);
        airbyte_string_free(rate_limit);
    }

    airbyte_string_free(source_id);
    airbyte_string_free(workspace_id);
    airbyte_string_free(pg_template_id);
    airbyte_string_free(stripe_template_id);
    airbyte_string_free(connection_id);
    airbyte_string_free(postgres_id);
    airbyte_string_free(stripe_id);
    airbyte_string_free(s3_id);
    free(crm_name);
    free(databases_name);
    airbyte_end_user_client_free(end_user);
    airbyte_operator_client_free(op);
    printf("\nDone.\n");
    return 0;
}
