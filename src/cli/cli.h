/*
 * The command line of SPEC §2 and the .tlslint.yaml config file of SPEC §4.
 * Both fill a struct tl_options; main merges them (command line wins).
 * Every problem is one line naming what is wrong, and a hint.
 */
#ifndef TL_CLI_H
#define TL_CLI_H

#include <stdio.h>

#include "../arena.h"
#include "../options.h"

/*
 * Parses argv into OPTS (which it initialises first). Returns 0, or -1
 * with *error set to a one-line reason (e.g. "unknown format 'xml'") and
 * *hint to a suggestion (e.g. "expected one of: text, json, sarif, gcc").
 * Strings in OPTS point into argv or the arena. The rules (subcommand
 * detection, --help ending the parse, …) are described atop cli.c.
 */
int tl_cli_parse(int argc, char **argv, struct tl_arena *arena, struct tl_options *opts,
		 const char **error, const char **hint);

void tl_cli_usage(FILE *out);

/* The first .tlslint.yaml in START_DIR or its parents; NULL if none. */
const char *tl_config_find(struct tl_arena *arena, const char *start_dir);

/*
 * Loads PATH strictly into OPTS (which it initialises first): unknown keys,
 * wrong types, unknown check ids or profile names are errors. Paths inside
 * are relative to PATH's directory. An empty file sets nothing. Returns 0,
 * or -1 with *error as "FILE:LINE:COL: message" ("FILE: message" when the
 * file cannot be read or exceeds 1 MiB); OPTS is then left at the defaults.
 */
int tl_config_load(struct tl_arena *arena, const char *path, struct tl_options *opts,
		   const char **error);

#endif
