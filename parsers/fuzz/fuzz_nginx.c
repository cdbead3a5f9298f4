/*
 * libFuzzer target for the nginx parser: arbitrary bytes as standard input,
 * which exercises the lexer, error recovery and the nginx -T splitter.
 * Built only with -Dfuzz=true (clang).
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_env.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_env f;
	struct tl_tree tree;

	fuzz_env_init(&f);
	(void)tl_nginx_parse_text(&f.env, "fuzz.conf", (const char *)data, size, &tree);
	fuzz_env_finish(&f);
	return 0;
}
