/*
 * libFuzzer target for the HAProxy reader: arbitrary bytes as a config read
 * from standard input (words, quotes, escapes, "${VAR}", sections and
 * .if conditions), with an empty environment, lowered into a model (so
 * bind and server words, addresses and ACLs are fuzzed too), then as a
 * crt-list file.
 * Built only with -Dfuzz=true (clang).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../haproxy.h"
#include "../haproxy_crtlist.h"
#include "../haproxy_lower.h"
#include "fuzz_env.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_env f;
	struct tl_tree tree;
	struct tl_haproxy_options opts = {NULL, 0, true, {3, 4, 0}};
	struct tl_crtlist list;
	struct tl_source *src;
	struct tl_model model;
	struct tl_lower_env lenv;
	char *text;

	fuzz_env_init(&f);
	if (tl_haproxy_parse_text(&f.env, &opts, "fuzz.cfg", (const char *)data, size, &tree) ==
	    0) {
		lenv = (struct tl_lower_env){f.arena, &f.diag, opts.version};
		tl_model_init(&model, f.arena);
		tl_haproxy_lower(&lenv, &f.fs, &f.sources, &tree, &model);
	}
	text = tl_arena_alloc(f.arena, size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	src = tl_sources_add(&f.sources, "fuzz.list", NULL, text, size);
	(void)tl_haproxy_crtlist_parse(f.arena, &f.diag, src, &list);
	fuzz_env_finish(&f);
	return 0;
}
