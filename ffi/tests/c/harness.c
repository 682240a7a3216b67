/* The test runner: runs every group and prints the closing line `N passed, N failed`. */
#define _POSIX_C_SOURCE 200809L

#include "harness.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int tests_passed = 0;
int tests_failed = 0;

void check_at(int ok, const char *what, const char *file, int line) {
    if (ok) {
        tests_passed++;
    } else {
        tests_failed++;
        printf("  FAIL %s:%d: %s\n", file, line, what);
    }
}

/* The last error as it was right after the latest CHECK_STATUS: the helpers that read JSON
 * (jis, jget) call the library, which clears the calling thread's last error. */
static char captured_message[2048];
static char *captured_json = NULL;

static void capture_last_error(void) {
    size_t written = 0;
    airbyte_last_error_message(captured_message, sizeof captured_message, &written);
    airbyte_string_free(captured_json);
    captured_json = airbyte_last_error_json();
}

void check_status_at(airbyte_status got, airbyte_status expected, const char *what,
                     const char *file, int line) {
    capture_last_error();
    if (got == expected) {
        tests_passed++;
        return;
    }
    tests_failed++;
    printf("  FAIL %s:%d: %s\n       returned %d (%s), expected %d (%s): %s\n", file, line, what,
           (int)got, airbyte_status_name((int)got), (int)expected,
           airbyte_status_name((int)expected), last_message());
}

void group(const char *name) { printf("- %s\n", name); }

static const char *env(const char *name) {
    const char *v = getenv(name);
    if (v == NULL || *v == '\0') {
        fprintf(stderr, "%s is not set: run the tests with scripts/test-c\n", name);
        exit(2);
    }
    return v;
}

const char *sandbox_url(void) { return env("AIRBYTE_API_URL"); }
const char *client_id(void) { return env("AIRBYTE_CLIENT_ID"); }
const char *client_secret(void) { return env("AIRBYTE_CLIENT_SECRET"); }

char *config_json(const char *extra) {
    const char *url = sandbox_url();
    size_t n = strlen(url) + (extra ? strlen(extra) : 0) + 64;
    char *out = malloc(n);
    snprintf(out, n, "{\"base_url\": \"%s\", \"retry\": {\"max_retries\": 0}%s%s}", url,
             extra ? ", " : "", extra ? extra : "");
    return out;
}

airbyte_operator_client *new_operator(void) {
    char *config = config_json(NULL);
    airbyte_operator_client *client = NULL;
    CHECK_OK(airbyte_operator_client_new(config, client_id(), client_secret(), &client));
    free(config);
    return client;
}

const char *last_message(void) { return captured_message; }

int last_error_has(const char *pointer, const char *value) {
    return captured_json != NULL && jis(captured_json, pointer, value);
}

char *jget(const char *json, const char *pointer) {
    char *out = NULL;
    if (airbyte_json_pointer(json, pointer, &out) != AIRBYTE_STATUS_OK) {
        return NULL;
    }
    return out;
}

int jis(const char *json, const char *pointer, const char *value) {
    char *v = jget(json, pointer);
    int ok = v != NULL && strcmp(v, value) == 0;
    if (!ok) {
        printf("       %s is %s, expected %s\n", pointer, v ? v : "(absent)", value);
    }
    airbyte_string_free(v);
    return ok;
}

int contains(const char *haystack, const char *needle) {
    return haystack != NULL && needle != NULL && strstr(haystack, needle) != NULL;
}

int sandbox_admin(const char *method, const char *path, const char *body) {
    /* AIRBYTE_API_URL is http://127.0.0.1:PORT/api/v1 */
    const char *url = sandbox_url();
    const char *host = strstr(url, "://");
    if (host == NULL) {
        return -1;
    }
    host += 3;
    const char *colon = strchr(host, ':');
    if (colon == NULL) {
        return -1;
    }
    int port = atoi(colon + 1);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return -1;
    }
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    char request[4096];
    size_t len = body ? strlen(body) : 0;
    int n = snprintf(request, sizeof request,
                     "%s /_sandbox/%s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: "
                     "application/json\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s",
                     method, path, port, len, body ? body : "");
    if (n < 0 || (size_t)n >= sizeof request || write(fd, request, (size_t)n) != n) {
        close(fd);
        return -1;
    }
    char response[64] = {0};
    ssize_t got = read(fd, response, sizeof response - 1);
    char drain[1024];
    while (read(fd, drain, sizeof drain) > 0) {
    }
    close(fd);
    int status = -1;
    if (got > 0) {
        sscanf(response, "HTTP/1.%*d %d", &status);
    }
    return status;
}

int inject_fault(const char *fault_json) {
    return sandbox_admin("POST", "faults", fault_json) == 200;
}

void clear_faults(void) { sandbox_admin("DELETE", "faults", NULL); }

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("airbyte-embedded %s C API tests against %s\n", airbyte_version(), sandbox_url());
    test_conventions();
    test_misuse();
    test_operator();
    test_connectors();
    test_files();
    test_end_user();
    test_errors();
    test_tokens_and_validation();
    test_spec();
    test_threads();
    test_cycles();
    test_redaction();
    test_panic();
    airbyte_string_free(captured_json);
    printf("%d passed, %d failed\n", tests_passed, tests_failed);
    return tests_failed == 0 ? 0 : 1;
}
