/*
 * libFuzzer target for the YAML readers: arbitrary bytes as a
 * .tlslint.yaml config file and as a policy file over the intermediate
 * profile. A refusal must say why. Seeds: fuzz/corpus/config.
 */
#include <stddef.h>
#include <stdint.h>

#include "../src/cli/cli.h"
#include "../src/policy.h"
#include "../src/policy_file.h"
#include "fuzz_files.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_arena *arena = tl_arena_new();
	const char *input = fuzz_input_file(data, size), *error = NULL;
	const struct tl_policy *base, *policy;
	struct tl_options opts;

	if (tl_config_load(arena, input, &opts, &error) != 0 && error == NULL)
		__builtin_trap();
	error = NULL;
	base = tl_policy_resolve(arena, "intermediate", &error);
	if (base == NULL)
		abort();
	policy = tl_policy_load(arena, input, base, &error);
	if (policy == NULL && error == NULL)
		__builtin_trap();
	tl_arena_free(arena);
	return 0;
}
