/*
 * What every parser fuzz target sets up and checks: a parse environment
 * whose files resolve under a root that does not exist (so a fuzzed
 * include never wanders over this machine), small limits that keep runs
 * fast, and the rule that every finding's place lies inside its source.
 */
#ifndef TL_FUZZ_ENV_H
#define TL_FUZZ_ENV_H

#include "../../src/fsroot.h"
#include "../nginx.h"

struct fuzz_env {
	struct tl_arena *arena;
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_fs fs;
	struct tl_parse_env env;
};

static inline void
fuzz_env_init(struct fuzz_env *f)
{
	f->arena = tl_arena_new();
	tl_sources_init(&f->sources, f->arena);
	tl_diag_init(&f->diag, f->arena);
	tl_fs_init(&f->fs, f->arena, "/nonexistent-tlslint-fuzz-root");
	f->env = (struct tl_parse_env){f->arena, &f->sources, &f->diag, &f->fs,
				       tl_default_parse_limits};
	f->env.limits.max_nesting = 32;
	f->env.limits.max_files = 64;
}

/* Traps when a finding points outside its source; frees everything. */
static inline void
fuzz_env_finish(struct fuzz_env *f)
{
	for (size_t i = 0; i < f->diag.findings.len; i++) {
		const struct tl_finding *x = f->diag.findings.items[i];
		unsigned line, col;

		if (x->loc.src != NULL && (size_t)x->loc.off + x->loc.len > x->loc.src->len)
			__builtin_trap();
		tl_loc_linecol(&x->loc, &line, &col);
	}
	tl_arena_free(f->arena);
}

#endif
