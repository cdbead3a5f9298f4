/*
 * libFuzzer target for the baseline reader: arbitrary bytes as a
 * --baseline file applied to findings of one config (three findings, two
 * alike). A refusal must say why. Seeds: fuzz/corpus/baseline.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../src/baseline.h"
#include "../src/catalogue.h"
#include "fuzz_files.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char config[] = "server {\n    ssl_protocols TLSv1 TLSv1.2;\n"
			     "    ssl_protocols TLSv1 TLSv1.2;\n    ssl_ciphers ALL;\n}\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_arena *arena = tl_arena_new();
	const char *dir = fuzz_dir(), *input = fuzz_input_file(data, size), *error = NULL;
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_source *src;

	tl_sources_init(&sources, arena);
	tl_diag_init(&diag, arena);
	src = tl_sources_add(&sources, tl_arena_printf(arena, "%s/nginx.conf", dir), NULL, config,
			     strlen(config));
	tl_diag_add(&diag, TL_CK_PROTO_LEGACY, tl_loc_make(src, 13, 13), "TLSv1 enabled");
	tl_diag_add(&diag, TL_CK_PROTO_LEGACY, tl_loc_make(src, 46, 13), "TLSv1 enabled");
	tl_diag_add(&diag, TL_CK_CIPHER_INSECURE, tl_loc_make(src, 79, 11), "ALL");
	if (tl_baseline_apply(input, &diag, dir, arena, &error) != 0 && error == NULL)
		__builtin_trap();
	tl_arena_free(arena);
	return 0;
}
