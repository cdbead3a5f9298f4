/*
 * libFuzzer target for the nginx parser: arbitrary bytes as standard input,
 * which exercises the lexer, error recovery and the nginx -T splitter.
 * Includes resolve on disk relative to the current directory, so run it in
 * an empty directory. Built only with -Dfuzz=true (clang).
 */
#include <stddef.h>
#include <stdint.h>

#include "../../src/fsroot.h"
#include "../nginx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_arena *arena = tl_arena_new();
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_parse_env env = {0};
	struct tl_tree tree;
	struct tl_fs fs;

	tl_sources_init(&sources, arena);
	tl_diag_init(&diag, arena);
	env.arena = arena;
	env.sources = &sources;
	env.diag = &diag;
	/* Includes must not wander over this machine's filesystem: a root that does not exist. */
	tl_fs_init(&fs, arena, "/nonexistent-tlslint-fuzz-root");
	env.fs = &fs;
	env.limits = tl_default_parse_limits;
	/* Small limits keep each run fast; the behaviour at the limits is what matters. */
	env.limits.max_nesting = 32;
	env.limits.max_files = 64;
	(void)tl_nginx_parse_text(&env, "fuzz.conf", (const char *)data, size, &tree);
	for (size_t i = 0; i < diag.findings.len; i++) {
		const struct tl_finding *f = diag.findings.items[i];
		unsigned line;
		unsigned col;

		/* Every location must lie inside its source. */
		if (f->loc.src != NULL && (size_t)f->loc.off + f->loc.len > f->loc.src->len)
			__builtin_trap();
		tl_loc_linecol(&f->loc, &line, &col);
	}
	tl_arena_free(arena);
	return 0;
}
