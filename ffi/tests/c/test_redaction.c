/* The redaction audit from C (issue 10): every error text the C API gives in the audit's cases
 * is collected (status name, last error message, last error JSON with its argument, field and
 * config errors) and searched for every token the run saw, anything shaped like a JWT, the
 * client secret and every secret the test put in a config. The group ends with one line,
 * `redaction: N texts searched, T tokens, S secrets`, and fails when T or S is not zero.
 *
 * Cases (numbered as in the issue; 3, the log hook, does not apply: the C API has none):
 *   1. token routes (operator, scoped, widget) answering 2xx with the body cut at every byte
 *      offset, and with bodies of the wrong shape;
 *   2. header values with control bytes: user_agent_suffix, a caller-given scoped token, a
 *      token the server sends;
 *   5. the misuse errors for NULL handles (C's stand-in for use after close);
 *   6. 8 MiB arguments give bounded errors; a base URL's password never shows;
 *   7. 5 MB config bodies (refused by the sandbox with 413) give bounded errors. */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness.h"

#define KIB 1024
/* The most an error text may hold after a huge argument or body. */
#define BOUND (8 * KIB)
#define BIG_ARG (8 * 1024 * 1024)
#define BIG_BODY (5 * 1000 * 1000)
/* A token route's answer is at most this long (the sweep stops there if no call succeeded). */
#define MAX_TOKEN_BODY 4096

#define POSTGRES "decd338e-5647-4c0b-adf4-da0e75f5a750"
#define ORIGIN "https://app.example.com"
#define WORKSPACE "redaction-audit"
#define PG_SECRET "pg-pass-0a9c-secret"
#define BIG_SECRET "big-secret-4e1a-"
#define URL_SECRET "pw-7f3e-secret"

/* Any failure but a bug (PANIC, INTERNAL) or OK. */
#define ANY_FAILURE (-1)

/* ---- what is searched, and what for ---- */

typedef struct {
    char **items;
    size_t len, cap;
} list;

static list texts, tokens, secrets;

static char *copy(const char *s) {
    size_t n = strlen(s) + 1;
    char *out = malloc(n);
    memcpy(out, s, n);
    return out;
}

static int has(const list *l, const char *s) {
    for (size_t i = 0; i < l->len; i++) {
        if (strcmp(l->items[i], s) == 0) {
            return 1;
        }
    }
    return 0;
}

static void push(list *l, const char *s) {
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->items = realloc(l->items, l->cap * sizeof *l->items);
    }
    l->items[l->len++] = copy(s);
}

static void free_list(list *l) {
    for (size_t i = 0; i < l->len; i++) {
        free(l->items[i]);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

static void add_text(const char *s) {
    if (s != NULL) {
        push(&texts, s);
    }
}

static void add_secret(const char *s) {
    if (s != NULL && *s != '\0' && !has(&secrets, s)) {
        push(&secrets, s);
    }
}

/* A token the run saw, and its JWT signature alone. */
static void add_token(const char *t) {
    if (t == NULL || strlen(t) < 8) {
        return;
    }
    if (!has(&tokens, t)) {
        push(&tokens, t);
    }
    const char *dot = strrchr(t, '.');
    if (dot != NULL && strlen(dot + 1) >= 16 && !has(&tokens, dot + 1)) {
        push(&tokens, dot + 1);
    }
}

static int b64url(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_';
}

static size_t run_of(const char *p, int (*in)(char)) {
    size_t n = 0;
    while (p[n] != '\0' && in(p[n])) {
        n++;
    }
    return n;
}

static int b64any(char c) { return b64url(c) || c == '+' || c == '/'; }

/* Whether `p` starts `a.b.c` with runs of at least `min` base64url characters each. */
static size_t three_segments(const char *p, size_t min) {
    size_t a = run_of(p, b64url);
    if (a < min || p[a] != '.') {
        return 0;
    }
    size_t b = run_of(p + a + 1, b64url);
    if (b < min || p[a + 1 + b] != '.') {
        return 0;
    }
    size_t c = run_of(p + a + b + 2, b64url);
    return c < min ? 0 : a + b + c + 2;
}

/* The first token-shaped text in `s` (its length in *len), or NULL: a JWT
 * (`eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}`), three dot-separated
 * base64url runs of 16+ characters, or a fragment of one: `eyJ` (base64 of `{"`, how every JWT
 * and widget token starts) followed by 8+ base64 characters, what a body cut short would show. */
static const char *token_shape(const char *s, size_t *len) {
    for (const char *p = s; *p != '\0'; p++) {
        if (strncmp(p, "eyJ", 3) == 0) {
            size_t n = three_segments(p + 3, 6);
            if (n > 0) {
                *len = n + 3;
                return p;
            }
            n = run_of(p + 3, b64any);
            if (n >= 8) {
                *len = n + 3;
                return p;
            }
        }
        if (b64url(*p) && (p == s || !b64url(p[-1]))) {
            size_t n = three_segments(p, 16);
            if (n > 0) {
                *len = n;
                return p;
            }
        }
    }
    return NULL;
}

/* A copy of `s` fit to print: every token, secret and token shape cut to its first 6
 * characters and at most 300 characters in all. Free with free(). */
static char *masked(const char *s) {
    char *out = copy(s ? s : "");
    for (int pass = 0; pass < 2; pass++) {
        const list *l = pass == 0 ? &tokens : &secrets;
        for (size_t i = 0; i < l->len; i++) {
            size_t n = strlen(l->items[i]);
            if (n <= 6) {
                continue;
            }
            for (char *at = strstr(out, l->items[i]); at != NULL; at = strstr(at + n, l->items[i])) {
                memset(at + 6, '*', n - 6);
            }
        }
    }
    size_t len = 0;
    for (char *at = (char *)token_shape(out, &len); at != NULL; at = (char *)token_shape(at + len, &len)) {
        memset(at + 6, '*', len - 6);
    }
    if (strlen(out) > 300) {
        strcpy(out + 297, "...");
    }
    return out;
}

/* ---- the last error ---- */

static char message[64 * KIB];
static size_t message_len;
static int message_fit;
static char *error_json; /* a malloc'd copy of the last error's JSON */

/* Collects the calling thread's last error: its status name, message and JSON. */
static void collect_error(void) {
    add_text(airbyte_status_name((int)airbyte_last_error_status()));
    message_len = 0;
    message_fit = airbyte_last_error_message(message, sizeof message, &message_len) ==
                  AIRBYTE_STATUS_OK;
    add_text(message);
    char *json = airbyte_last_error_json();
    free(error_json);
    error_json = copy(json ? json : "");
    airbyte_string_free(json);
    add_text(error_json);
}

/* Checks that `got` is `expected` (ANY_FAILURE: any status but OK, PANIC and INTERNAL) and
 * collects the error. Prints only masked text. */
static void expect_fail_at(airbyte_status got, int expected, const char *what, const char *file,
                           int line) {
    collect_error();
    int ok = expected == ANY_FAILURE
                 ? got != AIRBYTE_STATUS_OK && got != AIRBYTE_STATUS_PANIC &&
                       got != AIRBYTE_STATUS_INTERNAL
                 : (int)got == expected;
    check_at(ok, what, file, line);
    if (!ok) {
        char *m = masked(message);
        printf("       returned %s, expected %s: %s\n", airbyte_status_name((int)got),
               expected == ANY_FAILURE ? "a failure" : airbyte_status_name(expected), m);
        free(m);
    }
}
#define EXPECT_FAIL(call, expected) expect_fail_at((call), (expected), #call, __FILE__, __LINE__)

/* Checks that the last collected error names `argument`. */
static void expect_argument_at(const char *argument, const char *file, int line) {
    char *got = jget(error_json, "/argument");
    int ok = got != NULL && strcmp(got, argument) == 0;
    check_at(ok, argument, file, line);
    if (!ok) {
        printf("       the error names %s, expected %s\n", got ? got : "no argument", argument);
    }
    airbyte_string_free(got);
}
#define EXPECT_ARGUMENT(argument) expect_argument_at((argument), __FILE__, __LINE__)

/* Checks that the last collected error's message and JSON are under BOUND bytes. */
static void expect_bounded_at(const char *what, const char *file, int line) {
    size_t json_len = strlen(error_json);
    int ok = message_fit && message_len < BOUND && json_len < BOUND;
    check_at(ok, what, file, line);
    if (!ok) {
        printf("       message %zu bytes%s, JSON %zu bytes (bound %d)\n", message_len,
               message_fit ? "" : " or more", json_len, BOUND);
    }
}
#define EXPECT_BOUNDED(what) expect_bounded_at((what), __FILE__, __LINE__)

/* Checks that a call succeeded; on a failure collects and prints the (masked) error. */
static int expect_ok_at(airbyte_status got, const char *what, const char *file, int line) {
    check_at(got == AIRBYTE_STATUS_OK, what, file, line);
    if (got != AIRBYTE_STATUS_OK) {
        collect_error();
        char *m = masked(message);
        printf("       returned %s: %s\n", airbyte_status_name((int)got), m);
        free(m);
    }
    return got == AIRBYTE_STATUS_OK;
}
#define EXPECT_OK(call) expect_ok_at((call), #call, __FILE__, __LINE__)

/* ---- the sandbox ---- */

/* GET /_sandbox/PATH, whole response (HTTP/1.0: no chunked encoding), or NULL. Free with free(). */
static char *sandbox_get(const char *path) {
    const char *host = strstr(sandbox_url(), "://");
    const char *colon = host ? strchr(host + 3, ':') : NULL;
    if (colon == NULL) {
        return NULL;
    }
    int port = atoi(colon + 1);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return NULL;
    }
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        close(fd);
        return NULL;
    }
    char request[512];
    int n = snprintf(request, sizeof request,
                     "GET /_sandbox/%s HTTP/1.0\r\nHost: 127.0.0.1:%d\r\n\r\n", path, port);
    if (n < 0 || write(fd, request, (size_t)n) != n) {
        close(fd);
        return NULL;
    }
    size_t len = 0, cap = 64 * KIB;
    char *out = malloc(cap);
    ssize_t got;
    while ((got = read(fd, out + len, cap - len - 1)) > 0) {
        len += (size_t)got;
        if (cap - len < 2) {
            cap *= 2;
            out = realloc(out, cap);
        }
    }
    close(fd);
    out[len] = '\0';
    return out;
}

/* Every bearer token in the sandbox's request log (the operator tokens the SDK minted and the
 * scoped tokens it sent) joins the tokens searched for. */
static void harvest_tokens(void) {
    char *log = sandbox_get("requests");
    CHECK(log != NULL && contains(log, " 200 "));
    for (char *at = log ? strstr(log, "Bearer ") : NULL; at != NULL; at = strstr(at, "Bearer ")) {
        at += strlen("Bearer ");
        size_t n = 0;
        while (at[n] != '\0' && at[n] != '"' && at[n] != '\\') {
            n++;
        }
        char saved = at[n];
        at[n] = '\0';
        add_token(at);
        at[n] = saved;
    }
    free(log);
}

/* `s` as the inside of a JSON string. Free with free(). */
static char *json_escape(const char *s) {
    char *out = malloc(strlen(s) * 6 + 1);
    char *o = out;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            *o++ = '\\';
            *o++ = (char)*p;
        } else if (*p < 0x20) {
            o += sprintf(o, "\\u%04x", *p);
        } else {
            *o++ = (char)*p;
        }
    }
    *o = '\0';
    return out;
}

/* Makes the next POST under `prefix` answer `status` with `body` (of `content_type`). */
static int respond(const char *prefix, int status, const char *body, const char *content_type) {
    char *escaped = json_escape(body);
    size_t n = strlen(escaped) + strlen(prefix) + 256;
    char *fault = malloc(n);
    snprintf(fault, n,
             "{\"method\": \"POST\", \"path_prefix\": \"%s\", \"count\": 1, \"action\": {\"kind\":"
             " \"respond\", \"status\": %d, \"body\": \"%s\", \"content_type\": \"%s\"}}",
             prefix, status, escaped, content_type);
    int ok = inject_fault(fault);
    free(fault);
    free(escaped);
    return ok;
}

static int truncate_next(const char *prefix, int bytes) {
    char fault[256];
    snprintf(fault, sizeof fault,
             "{\"method\": \"POST\", \"path_prefix\": \"%s\", \"count\": 1, \"action\": {\"kind\":"
             " \"truncate_body\", \"bytes\": %d}}",
             prefix, bytes);
    return inject_fault(fault);
}

/* A string of `len` bytes: `unit` repeated. Free with free(). */
static char *repeat(const char *unit, size_t len) {
    size_t u = strlen(unit);
    char *out = malloc(len + 1);
    for (size_t i = 0; i < len; i++) {
        out[i] = unit[i % u];
    }
    out[len] = '\0';
    return out;
}

/* printf into a new string. Free with free(). */
static char *format(const char *fmt, const char *a, const char *b) {
    size_t n = strlen(fmt) + strlen(a) + (b ? strlen(b) : 0) + 1;
    char *out = malloc(n);
    snprintf(out, n, fmt, a, b ? b : "");
    return out;
}

/* ---- case 1: token routes answering 2xx with a body cut short or of the wrong shape ---- */

#define OPERATOR_ROUTE "/account/applications/token"
#define SCOPED_ROUTE "/embedded/scoped-token"
#define WIDGET_ROUTE "/embedded/widget-token"
#define WIDGET_REQUEST "{\"workspace_name\": \"" WORKSPACE "\", \"allowed_origin\": \"" ORIGIN "\"}"

enum route { OPERATOR, SCOPED, WIDGET };

/* One call that needs `route`'s answer; keeps what a success gives as tokens. */
static airbyte_status call_route(airbyte_operator_client *op, enum route route) {
    char *out = NULL;
    airbyte_status status;
    switch (route) {
    case OPERATOR:
        status = airbyte_operator_workspaces_stats(op, &out);
        break;
    case SCOPED:
        status = airbyte_operator_mint_scoped_token(op, WORKSPACE, NULL, &out);
        add_token(out);
        break;
    default:
        status = airbyte_operator_mint_widget_token(op, WIDGET_REQUEST, &out);
        if (out != NULL) {
            char *raw = jget(out, "/token");
            char *scoped = jget(out, "/scoped_token");
            add_token(raw);
            add_token(scoped);
            airbyte_string_free(raw);
            airbyte_string_free(scoped);
        }
        break;
    }
    airbyte_string_free(out);
    return status;
}

/* Cuts `route`'s 2xx answer at every byte offset from 0 until the call succeeds (the offset is
 * then the body's whole length). Every shorter body must be a DECODE error. */
static void truncation_sweep(airbyte_operator_client *op, enum route route, const char *prefix) {
    int decode = 0, other = 0, full = -1;
    for (int bytes = 0; bytes <= MAX_TOKEN_BODY; bytes++) {
        if (!truncate_next(prefix, bytes)) {
            CHECK(!"the sandbox took the truncate_body fault");
            break;
        }
        airbyte_status status = call_route(op, route);
        if (status == AIRBYTE_STATUS_OK) {
            full = bytes;
            break;
        }
        collect_error();
        if (status == AIRBYTE_STATUS_DECODE) {
            decode++;
        } else {
            other++;
            char *m = masked(message);
            printf("  FAIL %s cut at %d bytes: %s, expected decode: %s\n", prefix, bytes,
                   airbyte_status_name((int)status), m);
            free(m);
        }
    }
    clear_faults();
    printf("  %s: cut at 0..%d bytes: %d decode errors, %d others; whole at %d bytes\n", prefix,
           full - 1, decode, other, full);
    /* The shortest answer (`{"token":"eyJ…"}` with a JWT) is well over 100 bytes: a success
     * earlier means the fault did not fire. */
    CHECK(full > 100);
    CHECK(other == 0);
    CHECK(decode == full);
}

/* Makes the next answer of `route` `body` (200, `content_type`), calls it once and collects the
 * error if any (the shape may be one the SDK accepts: then the call succeeds). */
static void wrong_shape(const char *cfg, enum route route, const char *prefix, const char *body,
                        const char *content_type) {
    /* A fresh client for the operator route (so the answer is minted again), and one with a
     * cached operator token for the others. */
    airbyte_operator_client *op = NULL;
    if (!EXPECT_OK(airbyte_operator_client_new(cfg, client_id(), client_secret(), &op))) {
        return;
    }
    char *out = NULL;
    if (route != OPERATOR) {
        EXPECT_OK(airbyte_operator_workspaces_stats(op, &out));
        airbyte_string_free(out);
    }
    CHECK(respond(prefix, 200, body, content_type));
    airbyte_status status = call_route(op, route);
    if (status != AIRBYTE_STATUS_OK) {
        expect_fail_at(status, ANY_FAILURE, "a 2xx token answer of the wrong shape", __FILE__,
                       __LINE__);
    }
    clear_faults();
    airbyte_operator_client_free(op);
}

static void case_token_bodies(const char *cfg, const char *known_token) {
    airbyte_operator_client *op = NULL;
    EXPECT_OK(airbyte_operator_client_new(cfg, client_id(), client_secret(), &op));
    truncation_sweep(op, OPERATOR, OPERATOR_ROUTE);
    harvest_tokens();
    /* The operator token is cached now: the scoped and widget routes alone are cut. */
    truncation_sweep(op, SCOPED, SCOPED_ROUTE);
    truncation_sweep(op, WIDGET, WIDGET_ROUTE);
    harvest_tokens();
    airbyte_operator_client_free(op);

    /* Wrong shapes, each holding a real token where one could be quoted. */
    char *t = json_escape(known_token);
    const char *json = "application/json";
    char *bodies[] = {
        format("{\"access_token\": 5}", "", NULL),
        format("\"%s\"", t, NULL),
        format("{\"token\": \"%s\"}", t, NULL),
        format("{\"access_token\": \"%s\"}", t, NULL),
        format("{\"access_token\": \"%s\", \"expires_in\": \"soon\"}", t, NULL),
        format("<html><body>your token: %s</body></html>", t, NULL),
        format("not json at all %s", t, NULL),
        format("{\"token\": 5, \"echo\": \"%s\"}", t, NULL),
        format("[\"%s\"]", t, NULL),
    };
    size_t count = sizeof bodies / sizeof bodies[0];
    for (size_t i = 0; i < count; i++) {
        const char *type = bodies[i][0] == '<' ? "text/html" : json;
        wrong_shape(cfg, OPERATOR, OPERATOR_ROUTE, bodies[i], type);
        wrong_shape(cfg, SCOPED, SCOPED_ROUTE, bodies[i], type);
        wrong_shape(cfg, WIDGET, WIDGET_ROUTE, bodies[i], type);
        free(bodies[i]);
    }
    free(t);
}

/* ---- case 2: header values with control bytes ---- */

static void case_header_values(const char *cfg) {
    int refused = 0;
    for (int b = 0; b <= 0x7f; b = b == 0x1f ? 0x7f : b + 1) {
        /* user_agent_suffix, NUL included: the JSON config carries it as \u0000. */
        char extra[128];
        snprintf(extra, sizeof extra, "\"user_agent_suffix\": \"my-app\\u%04x1.0\"", b);
        char *config = config_json(extra);
        airbyte_operator_client *op = NULL;
        EXPECT_FAIL(airbyte_operator_client_new(config, client_id(), client_secret(), &op),
                    AIRBYTE_STATUS_INVALID_ARGUMENT);
        EXPECT_ARGUMENT("user_agent_suffix");
        airbyte_end_user_client *eu = NULL;
        EXPECT_FAIL(airbyte_end_user_client_new(config, "eyJhbGciOiJIUzI1NiJ9.e30.c2ln", &eu),
                    AIRBYTE_STATUS_INVALID_ARGUMENT);
        EXPECT_ARGUMENT("user_agent_suffix");
        free(config);
        refused += op == NULL && eu == NULL;
        /* A caller-given scoped token (a C string cannot hold NUL). */
        if (b != 0) {
            char token[64];
            snprintf(token, sizeof token, "eyJhbGciOiJIUzI1NiJ9.abc%cdef.c2lnbmF0dXJl", b);
            EXPECT_FAIL(airbyte_end_user_client_new(cfg, token, &eu),
                        AIRBYTE_STATUS_INVALID_ARGUMENT);
            EXPECT_ARGUMENT("token");
            refused += eu == NULL;
        }
    }
    printf("  user_agent_suffix and scoped token with each of 0x00-0x1f, 0x7f: %d refused\n",
           refused);

    /* Tokens the server sends with a control byte: a typed DECODE error, never a panic. */
    airbyte_operator_client *op = NULL;
    EXPECT_OK(airbyte_operator_client_new(cfg, client_id(), client_secret(), &op));
    char *out = NULL;
    CHECK(respond(OPERATOR_ROUTE, 200, "{\"access_token\":\"abc\\u000adef\",\"expires_in\":900}",
                  "application/json"));
    EXPECT_FAIL(airbyte_operator_workspaces_stats(op, &out), AIRBYTE_STATUS_DECODE);
    CHECK(respond(OPERATOR_ROUTE, 200, "{\"access_token\":\"abc\\u000ddef\",\"expires_in\":900}",
                  "application/json"));
    EXPECT_FAIL(airbyte_operator_workspaces_stats(op, &out), AIRBYTE_STATUS_DECODE);
    EXPECT_OK(airbyte_operator_workspaces_stats(op, &out));
    airbyte_string_free(out);
    CHECK(respond(SCOPED_ROUTE, 200, "{\"token\":\"a\\u0001b\"}", "application/json"));
    EXPECT_FAIL(airbyte_operator_mint_scoped_token(op, WORKSPACE, NULL, &out),
                AIRBYTE_STATUS_DECODE);
    CHECK(respond(SCOPED_ROUTE, 200, "{\"token\":\"a\\u0000b\"}", "application/json"));
    EXPECT_FAIL(airbyte_operator_mint_scoped_token(op, WORKSPACE, NULL, &out),
                AIRBYTE_STATUS_DECODE);
    /* base64 of {"token":"a\u0001b","widgetUrl":"https://app.airbyte.ai/embedded-widget"} */
    CHECK(respond(WIDGET_ROUTE, 200,
                  "{\"token\":\"eyJ0b2tlbiI6ImFcdTAwMDFiIiwid2lkZ2V0VXJsIjoiaHR0cHM6Ly9hcHAuYWly"
                  "Ynl0ZS5haS9lbWJlZGRlZC13aWRnZXQifQ==\"}",
                  "application/json"));
    /* The widget token itself is clean, so the SDK may accept it (it never sends the scoped
     * token inside); that scoped token is then refused where it would become a header. */
    airbyte_status status = airbyte_operator_mint_widget_token(op, WIDGET_REQUEST, &out);
    if (status == AIRBYTE_STATUS_OK) {
        char *inner = jget(out, "/scoped_token");
        CHECK(inner != NULL && strcmp(inner, "a\001b") == 0);
        airbyte_end_user_client *eu = NULL;
        EXPECT_FAIL(airbyte_end_user_client_new(cfg, inner ? inner : "a\001b", &eu),
                    AIRBYTE_STATUS_INVALID_ARGUMENT);
        EXPECT_ARGUMENT("token");
        airbyte_string_free(inner);
        printf("  a widget token whose scoped token holds 0x01: accepted; that scoped token is"
               " refused by airbyte_end_user_client_new\n");
    } else {
        expect_fail_at(status, ANY_FAILURE, "widget token holding a control byte", __FILE__,
                       __LINE__);
    }
    airbyte_string_free(out);
    clear_faults();
    airbyte_operator_client_free(op);
}

/* ---- case 5: misuse errors (NULL handles) ---- */

static void case_null_handles(void) {
    char *out = NULL;
    EXPECT_FAIL(airbyte_operator_workspaces_stats(NULL, &out), AIRBYTE_STATUS_NULL_ARGUMENT);
    EXPECT_FAIL(airbyte_operator_mint_scoped_token(NULL, WORKSPACE, NULL, &out),
                AIRBYTE_STATUS_NULL_ARGUMENT);
    EXPECT_FAIL(airbyte_operator_mint_widget_token(NULL, WIDGET_REQUEST, &out),
                AIRBYTE_STATUS_NULL_ARGUMENT);
    EXPECT_FAIL(airbyte_end_user_token_info(NULL, &out), AIRBYTE_STATUS_NULL_ARGUMENT);
    EXPECT_FAIL(airbyte_end_user_sources_list(NULL, "w", &out), AIRBYTE_STATUS_NULL_ARGUMENT);
    EXPECT_FAIL(airbyte_workspace_pages_next_page(NULL, &out), AIRBYTE_STATUS_NULL_ARGUMENT);
    EXPECT_FAIL(airbyte_operator_client_new(NULL, client_id(), NULL, NULL),
                AIRBYTE_STATUS_NULL_ARGUMENT);
    EXPECT_FAIL(airbyte_end_user_client_new(NULL, "eyJhbGciOiJIUzI1NiJ9.e30.c2ln", NULL),
                AIRBYTE_STATUS_NULL_ARGUMENT);
    EXPECT_FAIL(airbyte_operator_client_new(NULL, client_id(), "\xff\xfe", NULL), ANY_FAILURE);
}

/* ---- case 6: unbounded arguments ---- */

static void case_big_arguments(airbyte_operator_client *op) {
    char *big = repeat("x", BIG_ARG);
    char *out = NULL;

    char *widget = format("{\"workspace_name\": \"" WORKSPACE "\", \"allowed_origin\": \"%s\"}",
                          big, NULL);
    EXPECT_FAIL(airbyte_operator_mint_widget_token(op, widget, &out),
                AIRBYTE_STATUS_INVALID_ARGUMENT);
    EXPECT_ARGUMENT("allowed_origin");
    EXPECT_BOUNDED("8 MiB allowed_origin");
    free(widget);
    EXPECT_FAIL(airbyte_validate_allowed_origin(big), AIRBYTE_STATUS_INVALID_ARGUMENT);
    EXPECT_BOUNDED("8 MiB origin to validate");

    char *config = format("{\"base_url\": \"%s\"}", big, NULL);
    airbyte_operator_client *bad = NULL;
    EXPECT_FAIL(airbyte_operator_client_new(config, client_id(), client_secret(), &bad),
                AIRBYTE_STATUS_INVALID_ARGUMENT);
    EXPECT_ARGUMENT("base_url");
    EXPECT_BOUNDED("8 MiB base_url");
    free(config);
    config = format("{\"base_url\": \"https://api.example.com/api/v1?q=%s\"}", big, NULL);
    EXPECT_FAIL(airbyte_operator_client_new(config, client_id(), client_secret(), &bad),
                AIRBYTE_STATUS_INVALID_ARGUMENT);
    EXPECT_ARGUMENT("base_url");
    EXPECT_BOUNDED("8 MiB base_url query");
    free(config);
    config = format("{\"organization_id\": \"%s\"}", big, NULL);
    EXPECT_FAIL(airbyte_operator_client_new(config, client_id(), client_secret(), &bad),
                AIRBYTE_STATUS_INVALID_ARGUMENT);
    EXPECT_ARGUMENT("organization_id");
    EXPECT_BOUNDED("8 MiB organization_id");
    free(config);

    /* A workspace name the SDK sends (the sandbox refuses the body, or the SDK the name). */
    EXPECT_FAIL(airbyte_operator_mint_scoped_token(op, big, NULL, &out), ANY_FAILURE);
    EXPECT_BOUNDED("8 MiB workspace name");

    /* JSON arguments that do not parse, or not into the documented shape. */
    const char *shapes[] = {
        "{\"base_url\": \"%s",                  /* cut short */
        "{\"connect_timeout_ms\": \"%s\"}",     /* a string for a number */
        "{\"retry\": \"%s\"}",                  /* a string for an object */
        "{\"%s\": 1}",                          /* an unknown field named by 8 MiB */
        "{\"base_url\": [\"%s\"]}",             /* an array for a string */
        "[\"%s\"]",                             /* not an object */
    };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        config = format(shapes[i], big, NULL);
        EXPECT_FAIL(airbyte_operator_client_new(config, client_id(), client_secret(), &bad),
                    AIRBYTE_STATUS_INVALID_JSON);
        EXPECT_ARGUMENT("config_json");
        EXPECT_BOUNDED(shapes[i]);
        free(config);
    }
    char *request = format("{\"workspace_name\": \"w\", \"allowed_origin\": \"%s\"", big, NULL);
    EXPECT_FAIL(airbyte_operator_mint_widget_token(op, request, &out), AIRBYTE_STATUS_INVALID_JSON);
    EXPECT_BOUNDED("8 MiB widget request cut short");
    free(request);
    request = format("{\"workspace_name\": \"%s\", \"allowed_origin\": 5}", big, NULL);
    EXPECT_FAIL(airbyte_operator_mint_widget_token(op, request, &out), AIRBYTE_STATUS_INVALID_JSON);
    EXPECT_BOUNDED("8 MiB widget request of the wrong shape");
    free(request);
    free(big);

    /* User info in a base URL is refused, and its password never shown. */
    EXPECT_FAIL(airbyte_operator_client_new(
                    "{\"base_url\": \"https://admin:" URL_SECRET "@api.example.com/api/v1\"}",
                    client_id(), client_secret(), &bad),
                AIRBYTE_STATUS_INVALID_ARGUMENT);
    EXPECT_ARGUMENT("base_url");
    airbyte_end_user_client *eu = NULL;
    EXPECT_FAIL(airbyte_end_user_client_new(
                    "{\"base_url\": \"http://admin:" URL_SECRET "@127.0.0.1:1/api/v1\"}",
                    "eyJhbGciOiJIUzI1NiJ9.e30.c2ln", &eu),
                AIRBYTE_STATUS_INVALID_ARGUMENT);
    EXPECT_ARGUMENT("base_url");
}

/* ---- case 7: big bodies, and configs holding secrets ---- */

static void case_big_bodies(airbyte_operator_client *op, const char *workspace_id) {
    char *out = NULL;
    char *big = repeat(BIG_SECRET, BIG_BODY);
    char *body = format("{\"actor_definition_id\": \"" POSTGRES "\", \"name\": \"big\","
                        " \"partial_default_config\": {\"host\": \"db\", \"password\": \"%s\"}}",
                        big, NULL);
    airbyte_status status = airbyte_operator_source_templates_create(op, body, &out);
    if (status == AIRBYTE_STATUS_OK) {
        printf("  a 5 MB source template was accepted (no body limit in the sandbox)\n");
        add_text(out);
        char *id = jget(out, "/id");
        airbyte_string_free(out);
        airbyte_operator_source_templates_delete(op, id, &out);
        airbyte_string_free(id);
    } else {
        expect_fail_at(status, ANY_FAILURE, "5 MB source template", __FILE__, __LINE__);
        printf("  5 MB source template: %s (HTTP %u), %zu-byte message\n",
               airbyte_status_name((int)status), (unsigned)airbyte_last_error_http_status(),
               message_len);
        EXPECT_BOUNDED("5 MB source template");
    }
    airbyte_string_free(out);
    out = NULL;
    free(body);

    /* A small template to create sources from. */
    char *template_id = NULL;
    if (EXPECT_OK(airbyte_operator_source_templates_create(
            op, "{\"actor_definition_id\": \"" POSTGRES "\", \"partial_default_config\": {\"port\": 5432}}",
            &out))) {
        template_id = jget(out, "/id");
    }
    airbyte_string_free(out);
    out = NULL;
    if (template_id == NULL || workspace_id == NULL) {
        CHECK(!"a template and a workspace for the source cases");
        free(big);
        airbyte_string_free(template_id);
        return;
    }
    const char *options[] = {"{\"validate\": false}", NULL};
    for (int i = 0; i < 2; i++) {
        char *source = format("{\"workspace_id\": \"%s\", \"source_template_id\": \"%s\", \"name\":"
                              " \"big\", \"source_config\": {\"host\": \"db\", \"database\": \"d\","
                              " \"username\": \"u\", \"password\": \"",
                              workspace_id, template_id);
        size_t n = strlen(source);
        source = realloc(source, n + strlen(big) + 8);
        strcpy(source + n, big);
        strcat(source, "\"}}");
        status = airbyte_operator_sources_create(op, source, options[i], &out);
        if (status == AIRBYTE_STATUS_OK) {
            printf("  a 5 MB source was accepted (no body limit in the sandbox)\n");
            add_text(out);
            char *id = jget(out, "/id");
            airbyte_string_free(out);
            airbyte_operator_sources_delete(op, id, &out);
            airbyte_string_free(id);
        } else {
            expect_fail_at(status, ANY_FAILURE, "5 MB source", __FILE__, __LINE__);
            printf("  5 MB source (%s): %s (HTTP %u), %zu-byte message\n",
                   options[i] ? "not validated" : "validated", airbyte_status_name((int)status),
                   (unsigned)airbyte_last_error_http_status(), message_len);
            EXPECT_BOUNDED("5 MB source");
        }
        airbyte_string_free(out);
        out = NULL;
        free(source);
    }
    free(big);

    /* An ordinary secret: refused by validation (no host, a password that is not a string),
     * accepted (and masked in every answer), refused again on update, and echoed back by the
     * service in a 422 (the SDK scrubs the request's own config strings from it). */
    char *source = format("{\"workspace_id\": \"%s\", \"source_template_id\": \"%s\", \"source_config\":"
                          " {\"database\": \"d\", \"username\": \"u\", \"password\": [\"" PG_SECRET "\"],"
                          " \"port\": \"not-a-port\"}}",
                          workspace_id, template_id);
    EXPECT_FAIL(airbyte_operator_sources_create(op, source, NULL, &out), AIRBYTE_STATUS_INVALID_CONFIG);
    free(source);
    source = format("{\"workspace_id\": \"%s\", \"source_template_id\": \"%s\", \"name\": \"pg\", \"source_config\":"
                    " {\"host\": \"db\", \"database\": \"d\", \"username\": \"u\", \"password\": \"" PG_SECRET "\"}}",
                    workspace_id, template_id);
    if (EXPECT_OK(airbyte_operator_sources_create(op, source, NULL, &out))) {
        add_text(out);
        char *id = jget(out, "/id");
        airbyte_string_free(out);
        out = NULL;
        if (EXPECT_OK(airbyte_operator_sources_get(op, id, &out))) {
            add_text(out);
        }
        airbyte_string_free(out);
        out = NULL;
        EXPECT_FAIL(airbyte_operator_sources_update(
                        op, id, "{\"source_config\": {\"host\": \"db\", \"password\": {\"v\": \"" PG_SECRET "\"}, \"port\": 5432}}",
                        NULL, &out),
                    AIRBYTE_STATUS_INVALID_CONFIG);
        CHECK(respond("/integrations/sources", 422,
                      "{\"detail\": [{\"loc\": [\"body\", \"source_config\", \"password\"], \"msg\":"
                      " \"bad password " PG_SECRET "\", \"type\": \"value_error\"}]}",
                      "application/json"));
        EXPECT_FAIL(airbyte_operator_sources_create(op, source, NULL, &out), AIRBYTE_STATUS_VALIDATION);
        clear_faults();
        EXPECT_OK(airbyte_operator_sources_delete(op, id, &out));
        airbyte_string_free(out);
        out = NULL;
        airbyte_string_free(id);
    }
    airbyte_string_free(out);
    free(source);
    EXPECT_OK(airbyte_operator_source_templates_delete(op, template_id, &out));
    airbyte_string_free(out);
    airbyte_string_free(template_id);
}

/* ---- the search ---- */

/* Counts the tokens (exact ones and token shapes) and the secrets in `text`, printing the
 * first leaks of the run (masked) when `report` is set. */
static int shown_leaks = 0;
static void leaks_in(const char *text, size_t index, int report, int *token_leaks,
                     int *secret_leaks) {
    for (int pass = 0; pass < 2; pass++) {
        const list *l = pass == 0 ? &tokens : &secrets;
        for (size_t j = 0; j < l->len; j++) {
            if (strstr(text, l->items[j]) == NULL) {
                continue;
            }
            pass == 0 ? (*token_leaks)++ : (*secret_leaks)++;
            if (report && shown_leaks++ < 10) {
                char *m = masked(text);
                printf("  LEAK %s `%.6s…` in text %zu: %s\n", pass == 0 ? "token" : "secret",
                       l->items[j], index, m);
                free(m);
            }
        }
    }
    size_t len = 0;
    const char *at = token_shape(text, &len);
    if (at != NULL) {
        (*token_leaks)++;
        if (report && shown_leaks++ < 10) {
            char *m = masked(text);
            printf("  LEAK token shape `%.6s…` (%zu chars) in text %zu: %s\n", at, len, index, m);
            free(m);
        }
    }
}

/* The search finds what it should: each kind of leak planted in a sample text. */
static void search_finds_plants(void) {
    char plant[1024];
    const char *token = tokens.len > 0 ? tokens.items[0] : "";
    const char *signature = strrchr(token, '.');
    const char *samples[] = {"error: %s!", "sig=%s;", "bearer %s.", "ends early near `%.40s`"};
    const char *values[] = {token, signature ? signature + 1 : token, token, token};
    for (size_t i = 0; i < 4; i++) {
        int t = 0, sec = 0;
        snprintf(plant, sizeof plant, samples[i], values[i]);
        leaks_in(plant, 0, 0, &t, &sec);
        CHECK(t > 0 && sec == 0);
    }
    const char *shapes[] = {
        "x eyJhbGciOiJIUzI1.eyJzdWIiOiIx.c2lnbmF0dXJl y",
        "AAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBB.CCCCCCCCCCCCCCCCCCCC",
        "body {\"access_token\":\"eyJhbGciOiJIUz",
        "eyJ0b2tlbiI6ImV5SmhiR2NpT2lK",
    };
    for (size_t i = 0; i < 4; i++) {
        int t = 0, sec = 0;
        leaks_in(shapes[i], 0, 0, &t, &sec);
        CHECK(t == 1 && sec == 0);
    }
    for (size_t i = 0; i < secrets.len; i++) {
        int t = 0, sec = 0;
        snprintf(plant, sizeof plant, "config {\"password\": \"%s\"}", secrets.items[i]);
        leaks_in(plant, 0, 0, &t, &sec);
        CHECK(t == 0 && sec == 1);
    }
    int t = 0, sec = 0;
    leaks_in("invalid argument `base_url`: `https://api.example.com/api/v1?q=xxxx…` (8388641 "
             "characters in all) must not carry a query or fragment",
             0, 0, &t, &sec);
    CHECK(t == 0 && sec == 0);
}

static void search(void) {
    search_finds_plants();
    int token_leaks = 0, secret_leaks = 0;
    for (size_t i = 0; i < texts.len; i++) {
        leaks_in(texts.items[i], i, 1, &token_leaks, &secret_leaks);
    }
    printf("redaction: %zu texts searched, %d tokens, %d secrets\n", texts.len, token_leaks,
           secret_leaks);
    CHECK(token_leaks == 0);
    CHECK(secret_leaks == 0);
}

void test_redaction(void) {
    group("redaction audit: token bodies, header values, misuse, huge arguments and bodies");
    add_secret(client_secret());
    add_secret(PG_SECRET);
    add_secret(BIG_SECRET);
    add_secret(URL_SECRET);
    char *cfg = config_json(NULL);
    clear_faults();

    /* Ordinary calls first: the tokens they give are searched for everywhere. */
    airbyte_operator_client *op = new_operator();
    char *out = NULL;
    char *scoped = NULL;
    EXPECT_OK(airbyte_operator_mint_scoped_token(op, WORKSPACE, NULL, &scoped));
    add_token(scoped);
    EXPECT_OK(airbyte_operator_mint_widget_token(op, WIDGET_REQUEST, &out));
    if (out != NULL) {
        char *raw = jget(out, "/token");
        char *inner = jget(out, "/scoped_token");
        add_token(raw);
        add_token(inner);
        airbyte_string_free(raw);
        airbyte_string_free(inner);
    }
    airbyte_string_free(out);
    out = NULL;
    EXPECT_OK(airbyte_operator_source_templates_list(op, NULL, &out));
    airbyte_string_free(out);
    out = NULL;
    char *workspace_id = NULL;
    if (EXPECT_OK(airbyte_scoped_token_claims(scoped, &out))) {
        workspace_id = jget(out, "/workspace_id");
    }
    airbyte_string_free(out);
    harvest_tokens();

    case_token_bodies(cfg, scoped ? scoped : "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJlLXNpZ25hdHVyZQ");
    case_header_values(cfg);
    case_null_handles();
    case_big_arguments(op);
    case_big_bodies(op, workspace_id);
    harvest_tokens();
    printf("  %zu tokens and signatures, %zu secrets searched for\n", tokens.len, secrets.len);
    CHECK(tokens.len >= 6);

    search();

    airbyte_string_free(workspace_id);
    airbyte_string_free(scoped);
    airbyte_operator_client_free(op);
    free(cfg);
    free(error_json);
    error_json = NULL;
    free_list(&texts);
    free_list(&tokens);
    free_list(&secrets);
}
