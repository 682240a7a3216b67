/* Files through a source, the API proxy and source search from C: folder pages and their
 * walk, a file read in chunks (the 50 MiB one with the process's peak memory checked), a body
 * cut part way, the proxy's replay rule and its headers kept out of error text, and search
 * conditions checked before sending. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "harness.h"

#define SAMPLE_DATA "dfd88b22-b603-4c3d-aad7-3701784586b1"
#define LARGE_FILE_LEN (50u * 1024u * 1024u)
/* The most the peak resident set may rise while the large file is read (20 MiB). */
#define MEMORY_BOUND_KIB (20L * 1024L)
#define UPSTREAM_SECRET "sk_live_c-upstream-93be"

/* A Sample Data source with 5 users in a new workspace: its id (free with
 * airbyte_string_free), and the workspace's id through *workspace. */
static char *new_source(airbyte_operator_client *op, char **workspace) {
    char *out = NULL;
    CHECK_OK(airbyte_operator_source_templates_create(
        op, "{\"actor_definition_id\": \"" SAMPLE_DATA "\", \"partial_default_config\": {}}",
        &out));
    char *template_id = jget(out, "/id");
    airbyte_string_free(out);
    airbyte_end_user_client *eu = NULL;
    CHECK_OK(airbyte_operator_end_user_client(op, "c-files", &eu));
    CHECK_OK(airbyte_end_user_workspace_id(eu, workspace));
    airbyte_end_user_client_free(eu);
    char body[512];
    snprintf(body, sizeof body,
             "{\"workspace_id\": \"%s\", \"source_template_id\": \"%s\","
             " \"source_config\": {\"count\": 5}}",
             *workspace ? *workspace : "", template_id ? template_id : "");
    CHECK_OK(airbyte_operator_sources_create(op, body, NULL, &out));
    char *source = jget(out, "/id");
    airbyte_string_free(out);
    airbyte_string_free(template_id);
    return source;
}

/* The peak resident set so far, KiB. */
static long peak_kib(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

static void folders(airbyte_operator_client *op, const char *source, const char *workspace) {
    char *out = NULL;
    CHECK_OK(airbyte_operator_files_sources(op, workspace, &out));
    CHECK(jis(out, "/0/id", source));
    CHECK(jis(out, "/0/source_type", "faker"));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_files_sources(op, "", &out), AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "workspace_id"));
    CHECK_OK(airbyte_operator_files_drives(op, source, &out));
    CHECK(jis(out, "/0/id", "main"));
    CHECK(jis(out, "/1/id", "shared"));
    airbyte_string_free(out);

    char folder[256];
    snprintf(folder, sizeof folder,
             "{\"source_id\": \"%s\", \"path\": \"reports/2025\", \"limit\": 3}", source);
    CHECK_OK(airbyte_operator_files_list_page(op, folder, NULL, &out));
    CHECK(jis(out, "/items/0/relative_path", "reports/2025/q1 summary.csv"));
    CHECK(jis(out, "/items/0/type", "file"));
    char *next = jget(out, "/next");
    CHECK(next != NULL && strcmp(next, "null") != 0);
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_files_list_page(op, folder, next, &out));
    CHECK(jis(out, "/items/0/relative_path", "reports/2025/q4 summary.csv"));
    CHECK(jis(out, "/next", "null"));
    airbyte_string_free(out);
    airbyte_string_free(next);

    /* The walk: 3 + 1 entries, then NULL, and NULL again. */
    airbyte_file_pages *pages = NULL;
    CHECK_OK(airbyte_operator_files_pages(op, folder, &pages));
    int entries = 0;
    for (;;) {
        char *page = NULL;
        CHECK_OK(airbyte_file_pages_next_page(pages, &page));
        if (page == NULL) {
            break;
        }
        for (const char *p = page; (p = strstr(p, "\"relative_path\"")) != NULL; p++) {
            entries++;
        }
        airbyte_string_free(page);
    }
    CHECK(entries == 4);
    CHECK_OK(airbyte_file_pages_next_page(pages, &out));
    CHECK(out == NULL);
    airbyte_file_pages_free(pages);

    /* The shared drive; an empty path is refused by the walk's first call, nothing sent. */
    snprintf(folder, sizeof folder,
             "{\"source_id\": \"%s\", \"path\": \"/\", \"drive_id\": \"shared\"}", source);
    CHECK_OK(airbyte_operator_files_list_page(op, folder, NULL, &out));
    CHECK(jis(out, "/items/0/relative_path", "Team Notes"));
    CHECK(jis(out, "/items/0/type", "folder"));
    airbyte_string_free(out);
    snprintf(folder, sizeof folder, "{\"source_id\": \"%s\", \"path\": \"\"}", source);
    CHECK_OK(airbyte_operator_files_pages(op, folder, &pages));
    CHECK_STATUS(airbyte_file_pages_next_page(pages, &out), AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "path"));
    airbyte_file_pages_free(pages);
    CHECK_STATUS(airbyte_operator_files_list_page(op, "{\"path\": \"/\"}", NULL, &out),
                 AIRBYTE_STATUS_INVALID_JSON);
}

static void reading(airbyte_operator_client *op, const char *source) {
    char *out = NULL;
    airbyte_file *file = NULL;
    /* A small file through a 7-byte buffer. */
    CHECK_OK(airbyte_operator_files_open(op, source, NULL, "README.md", &file));
    CHECK_OK(airbyte_file_info(file, &out));
    CHECK(jis(out, "/content_type", "text/markdown"));
    CHECK(jis(out, "/bytes_read", "0"));
    char *length = jget(out, "/content_length");
    airbyte_string_free(out);
    char text[2048];
    size_t total = 0;
    for (;;) {
        size_t n = 0;
        CHECK_OK(airbyte_file_read(file, (uint8_t *)text + total, 7, &n));
        if (n == 0 || total + n + 7 >= sizeof text) {
            break;
        }
        total += n;
    }
    text[total] = '\0';
    CHECK(strncmp(text, "# Files of source ", 18) == 0);
    CHECK(contains(text, source));
    CHECK(length != NULL && (size_t)strtoul(length, NULL, 10) == total);
    airbyte_string_free(length);
    size_t n = 99;
    CHECK_OK(airbyte_file_read(file, NULL, 0, &n));
    CHECK(n == 0);
    CHECK_STATUS(airbyte_file_read(file, NULL, 8, &n), AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(airbyte_file_read(file, (uint8_t *)text, 8, NULL), AIRBYTE_STATUS_NULL_ARGUMENT);
    airbyte_file_free(file);
    airbyte_file_free(NULL);

    /* A nested path with a space, on the shared drive. */
    CHECK_OK(airbyte_operator_files_open(op, source, "shared", "Team Notes/meeting 02.txt", &file));
    n = 0;
    CHECK_OK(airbyte_file_read(file, (uint8_t *)text, sizeof text - 1, &n));
    text[n] = '\0';
    CHECK(strncmp(text, "Meeting 02", 10) == 0);
    airbyte_file_free(file);

    /* The large file in 64 KiB chunks: every byte arrives, the peak memory barely moves. */
    long before = peak_kib();
    CHECK_OK(airbyte_operator_files_open(op, source, NULL, "exports/large export.bin", &file));
    uint8_t *chunk = malloc(64 * 1024);
    unsigned long long bytes = 0;
    uint64_t sum = 0xcbf29ce484222325ull;
    for (;;) {
        n = 0;
        airbyte_status status = airbyte_file_read(file, chunk, 64 * 1024, &n);
        if (status != AIRBYTE_STATUS_OK) {
            CHECK_OK(status);
            break;
        }
        if (n == 0) {
            break;
        }
        for (size_t i = 0; i < n; i++) {
            sum = (sum ^ chunk[i]) * 0x100000001b3ull;
        }
        bytes += n;
    }
    free(chunk);
    long rise = peak_kib() - before;
    printf("  read %llu bytes of the large file; peak resident set rose %ld KiB\n", bytes, rise);
    CHECK(bytes == LARGE_FILE_LEN);
    CHECK(sum != 0xcbf29ce484222325ull);
    CHECK(rise < MEMORY_BOUND_KIB);
    airbyte_file_free(file);

    /* Cut after 4 KiB: the bytes, then a transport error, and the same again. */
    CHECK(inject_fault("{\"method\": \"GET\", \"path_prefix\": \"/sonar/files\","
                       " \"action\": {\"kind\": \"reset_during_body\", \"after_bytes\": 4096}}"));
    CHECK_OK(airbyte_operator_files_open(op, source, NULL, "exports/large export.bin", &file));
    uint8_t small[1024];
    size_t got = 0;
    airbyte_status status = AIRBYTE_STATUS_OK;
    for (;;) {
        n = 0;
        status = airbyte_file_read(file, small, sizeof small, &n);
        if (status != AIRBYTE_STATUS_OK || n == 0) {
            break;
        }
        got += n;
    }
    CHECK(got == 4096);
    CHECK_STATUS(status, AIRBYTE_STATUS_TRANSPORT);
    CHECK_STATUS(airbyte_file_read(file, small, sizeof small, &n), AIRBYTE_STATUS_TRANSPORT);
    CHECK(n == 0);
    CHECK_OK(airbyte_file_info(file, &out));
    CHECK(jis(out, "/bytes_read", "4096"));
    airbyte_string_free(out);
    airbyte_file_free(file);
    clear_faults();

    /* Refused before sending, and not found. */
    CHECK_STATUS(airbyte_operator_files_open(op, source, NULL, "", &file),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "path"));
    CHECK(file == NULL);
    CHECK_STATUS(airbyte_operator_files_open(op, source, "nope", "README.md", &file),
                 AIRBYTE_STATUS_NOT_FOUND);
    CHECK_STATUS(airbyte_operator_files_open(op, source, NULL, "reports", &file),
                 AIRBYTE_STATUS_NOT_FOUND);
}

static void proxy(airbyte_operator_client *op, const char *source) {
    char *out = NULL;
    const char *get = "{\"url\": \"https://api.example.com/v1/invoices\", \"method\": \"GET\","
                      " \"headers\": {\"X-Api-Key\": \"" UPSTREAM_SECRET "\"}}";
    CHECK_OK(airbyte_operator_proxy_request(op, source, get, &out));
    CHECK(jis(out, "/response_status_code", "200"));
    CHECK(contains(out, "x-api-key"));
    CHECK(!contains(out, UPSTREAM_SECRET));
    airbyte_string_free(out);
    CHECK_OK(airbyte_operator_proxy_request(
        op, source, "{\"url\": \"https://api.example.com/status/404\", \"method\": \"GET\"}",
        &out));
    CHECK(jis(out, "/response_status_code", "404"));
    airbyte_string_free(out);

    /* A proxied POST is never sent twice: 502 leaves its outcome unknown. */
    char path[128];
    snprintf(path, sizeof path, "/sonar/apis/%s/request", source);
    char fault[512];
    snprintf(fault, sizeof fault,
             "{\"method\": \"POST\", \"path_prefix\": \"%s\", \"action\": {\"kind\": \"respond\","
             " \"status\": 502, \"body\": \"{\\\"message\\\": \\\"bad gateway " UPSTREAM_SECRET
             "\\\"}\"}}",
             path);
    CHECK(inject_fault(fault));
    CHECK_STATUS(airbyte_operator_proxy_request(
                     op, source,
                     "{\"url\": \"https://api.example.com/v1/charges\", \"method\": \"POST\","
                     " \"headers\": {\"X-Api-Key\": \"" UPSTREAM_SECRET "\"}, \"body\": \"{}\"}",
                     &out),
                 AIRBYTE_STATUS_OUTCOME_UNKNOWN);
    CHECK(!contains(last_message(), UPSTREAM_SECRET));
    CHECK(inject_fault(fault));
    /* (Retries are off in these tests: a proxied GET gets the 502 itself.) */
    CHECK_STATUS(airbyte_operator_proxy_request(op, source, get, &out), AIRBYTE_STATUS_SERVER);
    CHECK(!contains(last_message(), UPSTREAM_SECRET));
    clear_faults();
    CHECK_STATUS(airbyte_operator_proxy_request(
                     op, source, "{\"url\": \"\", \"method\": \"GET\"}", &out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "url"));
    CHECK_STATUS(airbyte_operator_proxy_request(op, source, "{\"url\": \"https://x/y\"}", &out),
                 AIRBYTE_STATUS_INVALID_JSON);
}

static void search(airbyte_operator_client *op, const char *source) {
    char *out = NULL;
    CHECK_OK(airbyte_operator_sources_search(
        op, source, "users",
        "{\"or\": [{\"eq\": {\"id\": 2}}, {\"and\": [{\"gte\": {\"id\": 4}}, {\"not\": {\"eq\":"
        " {\"id\": 5}}}]}]}",
        &out));
    CHECK(jis(out, "/total", "2"));
    CHECK(jis(out, "/hits/0/data/id", "2"));
    CHECK(jis(out, "/hits/1/id", "4"));
    airbyte_string_free(out);
    CHECK_STATUS(airbyte_operator_sources_search(op, source, "users", "{\"and\": {}}", &out),
                 AIRBYTE_STATUS_INVALID_ARGUMENT);
    CHECK(last_error_has("/argument", "condition"));
    CHECK_STATUS(airbyte_operator_sources_search(op, source, "users", "[1]", &out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK_STATUS(
        airbyte_operator_sources_search(op, source, "nope", "{\"eq\": {\"id\": 1}}", &out),
        AIRBYTE_STATUS_NOT_FOUND);
}

void test_files(void) {
    group("operator client: files through a source, the API proxy, source search");
    airbyte_operator_client *op = new_operator();
    if (op == NULL) {
        return;
    }
    char *workspace = NULL;
    char *source = new_source(op, &workspace);
    if (source != NULL && workspace != NULL) {
        folders(op, source, workspace);
        reading(op, source);
        proxy(op, source);
        search(op, source);
    }
    airbyte_string_free(source);
    airbyte_string_free(workspace);
    airbyte_operator_client_free(op);
}
