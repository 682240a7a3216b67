/* Test-only entry points of a library built with `--features test-panic`. The shipped header
 * never declares them. */
#ifndef AIRBYTE_TEST_HOOKS_H
#define AIRBYTE_TEST_HOOKS_H

#include "airbyte_embedded.h"

/* Panics inside the library's panic guard; returns AIRBYTE_STATUS_PANIC. */
airbyte_status airbyte_test_panic(void);

#endif
