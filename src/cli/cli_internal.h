/*
 * Pieces of the command-line and config-file code shared between the files
 * of src/cli/ and their unit tests, but not with the rest of tlslint.
 */
#ifndef TL_CLI_INTERNAL_H
#define TL_CLI_INTERNAL_H

#include <stddef.h>
#include <time.h>

/*
 * Parses an ISO 8601 instant for --now (see cli_time.c for the forms).
 * Returns 0 and sets *t, or -1 with *why saying what is wrong
 * ("day out of range", …).
 */
int tl_cli_parse_time(const char *s, time_t *t, const char **why);

/* The long option names tl_cli_parse() knows, for the --help coverage test. */
const char *const *tl_cli_long_options(size_t *count);

#endif
