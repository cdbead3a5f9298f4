/*
 * libFuzzer target for the httpd parser: arbitrary bytes as a config read
 * from standard input (lines, continuations, sections, ${VAR}, Define,
 * conditions, mod_macro). Includes resolve under a root that does not
 * exist. Built only with -Dfuzz=true (clang).
 */
#include <stddef.h>
#include <stdint.h>

#include "../../src/fsroot.h"
#include "../apache.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_arena *arena = tl_arena_new();
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_parse_env env = {0};
	struct tl_fs fs;
	struct tl_apache_parse parse;
	struct tl_apache_options opts = {NULL, 0, {2, 4, 71}};

	tl_sources_init(&sources, arena);
	tl_diag_init(&diag, arena);
	tl_fs_init(&fs, arena, "/nonexistent-tlslint-fuzz-root");
	env.arena = arena;
	env.sources = &sources;
	env.diag = &diag;
	env.fs = &fs;
	env.limits = tl_default_parse_limits;
	env.limits.max_nesting = 32;
	env.limits.max_files = 64;
	(void)tl_apache_parse_text(&env, &opts, "fuzz.conf", (const char *)data, size, &parse);
	for (size_t i = 0; i < diag.findings.len; i++) {
		const struct tl_finding *f = diag.findings.items[i];
		unsigned line, col;

		/* Every location must lie inside its source. */
		if (f->loc.src != NULL && (size_t)f->loc.off + f->loc.len > f->loc.src->len)
			__builtin_trap();
		tl_loc_linecol(&f->loc, &line, &col);
	}
	tl_arena_free(arena);
	return 0;
}
