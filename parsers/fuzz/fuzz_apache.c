/*
 * libFuzzer target for the httpd parser: arbitrary bytes as a config read
 * from standard input (lines, continuations, sections, ${VAR}, Define,
 * conditions, mod_macro). Built only with -Dfuzz=true (clang).
 */
#include <stddef.h>
#include <stdint.h>

#include "../apache.h"
#include "fuzz_env.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_env f;
	struct tl_apache_parse parse;
	struct tl_apache_options opts = {NULL, 0, {2, 4, 71}};

	fuzz_env_init(&f);
	(void)tl_apache_parse_text(&f.env, &opts, "fuzz.conf", (const char *)data, size, &parse);
	fuzz_env_finish(&f);
	return 0;
}
