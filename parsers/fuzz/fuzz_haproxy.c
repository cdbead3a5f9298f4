/*
 * libFuzzer target for the HAProxy reader: arbitrary bytes as a config read
 * from standard input (words, quotes, escapes, "${VAR}", sections and
 * .if conditions), with an empty environment, then as a crt-list file.
 * Built only with -Dfuzz=true (clang).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../haproxy.h"
#include "../haproxy_crtlist.h"
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
	char *text;

	fuzz_env_init(&f);
	(void)tl_haproxy_parse_text(&f.env, &opts, "fuzz.cfg", (const char *)data, size, &tree);
	text = tl_arena_alloc(f.arena, size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	src = tl_sources_add(&f.sources, "fuzz.list", NULL, text, size);
	(void)tl_haproxy_crtlist_parse(f.arena, &f.diag, src, &list);
	fuzz_env_finish(&f);
	return 0;
}
