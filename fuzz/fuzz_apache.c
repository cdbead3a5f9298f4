/*
 * libFuzzer target: arbitrary bytes as the apache config of a whole run
 * (fuzz_lint.h). Seeds: the golden configs of testdata/apache.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_lint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_lint("apache", data, size, NULL);
	return 0;
}
