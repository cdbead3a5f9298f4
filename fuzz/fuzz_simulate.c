/*
 * libFuzzer target for the handshake simulation: arbitrary bytes as an
 * nginx config, whose model three clients (a current browser, an old one,
 * Java) are simulated against, with real OpenSSL server contexts built
 * from the fuzzed settings (fuzz_lint.h). Seeds: testdata/nginx.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_lint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_lint("nginx", data, size, "chromium-156-linux,ie-11-win7,java-17-linux");
	return 0;
}
