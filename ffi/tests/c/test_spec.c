/* Compiled specs (airbyte_spec_*): the same answers as the free functions on every case of
 * tests/fixtures (run from the repository root), and clean failures for a spec that does not
 * load and for a released handle. Offline. */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define FIXTURES "tests/fixtures"

/* The whole file, NUL-terminated (free with free()), or NULL. */
static char *read_text(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    size_t got = text ? fread(text, 1, (size_t)size, f) : 0;
    fclose(f);
    if (text == NULL || got != (size_t)size) {
        free(text);
        return NULL;
    }
    text[size] = '\0';
    return text;
}

static int same(const char *a, const char *b) {
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* What one validation answered: its status, its output, and the last error's config_errors. */
typedef struct {
    airbyte_status status;
    char *out;
    char *errors;
} answer;

static answer answered(airbyte_status status, char *out) {
    /* Read the last error before any other call clears it. */
    char *error = airbyte_last_error_json();
    answer a = {status, out, error ? jget(error, "/config_errors") : NULL};
    airbyte_string_free(error);
    return a;
}

static void forget(answer *a) {
    airbyte_string_free(a->out);
    airbyte_string_free(a->errors);
}

/* Every case of one fixture spec, through the free functions and through a compiled spec. */
static void one_spec(const char *name) {
    char path[512];
    snprintf(path, sizeof path, FIXTURES "/specs/%s.json", name);
    char *spec_text = read_text(path);
    snprintf(path, sizeof path, FIXTURES "/cases/%s.json", name);
    char *cases = read_text(path);
    CHECK(spec_text != NULL && cases != NULL);
    if (spec_text == NULL || cases == NULL) {
        free(spec_text);
        free(cases);
        return;
    }
    airbyte_spec *spec = NULL;
    CHECK_OK(airbyte_spec_compile(spec_text, &spec));

    char *out = NULL;
    char *held = NULL;
    CHECK_OK(airbyte_secret_paths(spec_text, &out));
    CHECK_OK(airbyte_spec_secret_paths(spec, &held));
    CHECK(same(out, held));
    airbyte_string_free(out);
    airbyte_string_free(held);

    for (int i = 0;; i++) {
        char at[64];
        snprintf(at, sizeof at, "/%d", i);
        char *c = jget(cases, at);
        if (c == NULL) {
            CHECK(i > 0);
            break;
        }
        char *defaults = jget(c, "/partial_default_config");
        char *config = jget(c, "/source_config");
        char *options = jget(c, "/options");
        char *valid = jget(c, "/valid");

        out = NULL;
        airbyte_status status =
            airbyte_validate_source_config(spec_text, defaults, config, options, &out);
        answer free_fn = answered(status, out);
        out = NULL;
        status = airbyte_spec_validate(spec, defaults, config, options, &out);
        answer compiled = answered(status, out);
        airbyte_status expected =
            same(valid, "true") ? AIRBYTE_STATUS_OK : AIRBYTE_STATUS_INVALID_CONFIG;
        CHECK(free_fn.status == expected);
        CHECK(compiled.status == free_fn.status);
        /* The yes/no answer: validate's, with no defaults and the strict options. */
        if (defaults == NULL || same(defaults, "{}")) {
            if (options == NULL) {
                bool is_valid = !(expected == AIRBYTE_STATUS_OK);
                CHECK_OK(airbyte_spec_is_valid(spec, config, &is_valid));
                CHECK(is_valid == (expected == AIRBYTE_STATUS_OK));
            }
        }
        CHECK(same(compiled.out, free_fn.out));
        CHECK(same(compiled.errors, free_fn.errors));
        /* A valid case has an output and no errors; an invalid one the reverse. */
        CHECK((free_fn.out == NULL) == (expected != AIRBYTE_STATUS_OK));
        CHECK((free_fn.errors == NULL) == (expected == AIRBYTE_STATUS_OK));
        if (!same(compiled.errors, free_fn.errors)) {
            printf("       %s case %d: %s vs %s\n", name, i, compiled.errors, free_fn.errors);
        }
        forget(&free_fn);
        forget(&compiled);

        out = NULL;
        held = NULL;
        CHECK_OK(airbyte_mask_secrets(spec_text, config, &out));
        CHECK_OK(airbyte_spec_mask_secrets(spec, config, &held));
        CHECK(same(out, held));
        airbyte_string_free(out);
        airbyte_string_free(held);

        out = NULL;
        held = NULL;
        CHECK_OK(airbyte_form_model(spec_text, defaults, &out));
        CHECK_OK(airbyte_spec_form(spec, defaults, &held));
        CHECK(same(out, held));
        airbyte_string_free(out);
        airbyte_string_free(held);

        airbyte_string_free(c);
        airbyte_string_free(defaults);
        airbyte_string_free(config);
        airbyte_string_free(options);
        airbyte_string_free(valid);
    }
    airbyte_spec_free(spec);
    free(spec_text);
    free(cases);
}

static void fixture_cases(void) {
    DIR *dir = opendir(FIXTURES "/specs");
    CHECK(dir != NULL);
    if (dir == NULL) {
        return;
    }
    int specs = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        size_t len = strlen(entry->d_name);
        if (len > 5 && strcmp(entry->d_name + len - 5, ".json") == 0) {
            char name[256];
            snprintf(name, sizeof name, "%.*s", (int)(len - 5), entry->d_name);
            one_spec(name);
            specs++;
        }
    }
    closedir(dir);
    CHECK(specs >= 7);
}

static void failures(void) {
    airbyte_spec *spec = (airbyte_spec *)&spec; /* not NULL: the failed call must set it */
    CHECK_STATUS(airbyte_spec_compile("{\"type\": \"wat\"}", &spec), AIRBYTE_STATUS_INVALID_SPEC);
    CHECK(spec == NULL);
    CHECK_STATUS(airbyte_spec_compile("{\"$ref\": \"https://example.com/s.json\"}", &spec),
                 AIRBYTE_STATUS_INVALID_SPEC);
    CHECK(contains(last_message(), "remote"));
    CHECK_STATUS(airbyte_spec_compile("{not json", &spec), AIRBYTE_STATUS_INVALID_JSON);
    CHECK(last_error_has("/argument", "spec_json"));
    CHECK_STATUS(airbyte_spec_compile(NULL, &spec), AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(airbyte_spec_compile("{}", NULL), AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK(last_error_has("/argument", "out"));

    CHECK_OK(airbyte_spec_compile(
        "{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\"}}}", &spec));
    char *out = NULL;
    CHECK_STATUS(airbyte_spec_validate(spec, NULL, "[1]", NULL, &out), AIRBYTE_STATUS_INVALID_JSON);
    CHECK(last_error_has("/argument", "source_config_json"));
    CHECK_STATUS(airbyte_spec_validate(spec, NULL, "{}", "{\"strict\": true}", &out),
                 AIRBYTE_STATUS_INVALID_JSON);
    CHECK(last_error_has("/argument", "options_json"));
    CHECK_STATUS(airbyte_spec_validate(spec, NULL, "{\"n\": \"1\"}", NULL, &out),
                 AIRBYTE_STATUS_INVALID_CONFIG);
    CHECK(last_error_has("/config_errors/0/path", "/n"));
    CHECK(out == NULL);
    CHECK_OK(airbyte_spec_validate(spec, NULL, "{\"n\": 1}", NULL, &out));
    CHECK(jis(out, "/source_config/n", "1"));
    airbyte_string_free(out);
    bool valid = true;
    CHECK_OK(airbyte_spec_is_valid(spec, "{\"n\": \"1\"}", &valid));
    CHECK(!valid);
    CHECK_OK(airbyte_spec_is_valid(spec, "{\"n\": 1}", &valid));
    CHECK(valid);
    CHECK_STATUS(airbyte_spec_is_valid(spec, "[1]", &valid), AIRBYTE_STATUS_INVALID_JSON);
    CHECK(!valid);
    CHECK(last_error_has("/argument", "source_config_json"));
    CHECK_STATUS(airbyte_spec_is_valid(spec, "{}", NULL), AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK(last_error_has("/argument", "out_valid"));

    /* A released handle is gone: the caller's variable is set to NULL, which every call refuses. */
    airbyte_spec_free(spec);
    spec = NULL;
    airbyte_spec_free(spec);
    CHECK_STATUS(airbyte_spec_validate(spec, NULL, "{}", NULL, &out), AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK(last_error_has("/argument", "spec"));
    valid = true;
    CHECK_STATUS(airbyte_spec_is_valid(spec, "{}", &valid), AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK(!valid);
    CHECK_STATUS(airbyte_spec_mask_secrets(spec, "{}", &out), AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(airbyte_spec_secret_paths(spec, &out), AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(airbyte_spec_form(spec, NULL, &out), AIRBYTE_STATUS_NULL_ARGUMENT);
    CHECK(out == NULL);
}

void test_spec(void) {
    group("compiled specs (offline)");
    fixture_cases();
    failures();
}
