/*
 * libFuzzer target: arbitrary bytes as the HAProxy config of a whole run
 * (fuzz_lint.h), then as a crt-list file. Seeds: the golden configs of
 * testdata/haproxy.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../parsers/haproxy_crtlist.h"
#include "fuzz_lint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_arena *arena;
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_source *src;
	struct tl_crtlist list;
	char *text;

	fuzz_lint("haproxy", data, size, NULL);

	arena = tl_arena_new();
	tl_sources_init(&sources, arena);
	tl_diag_init(&diag, arena);
	text = tl_arena_alloc(arena, size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	src = tl_sources_add(&sources, "fuzz.list", NULL, text, size);
	(void)tl_haproxy_crtlist_parse(arena, &diag, src, &list);
	fuzz_check_places(&diag);
	tl_arena_free(arena);
	return 0;
}
