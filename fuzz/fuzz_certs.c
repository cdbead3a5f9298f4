/*
 * libFuzzer target for the certificate and key loader: arbitrary bytes
 * as a file a config names as certificate, key, chain and DH parameters
 * (PEM, DER, PKCS#8, encrypted keys with the test passphrase file, any
 * mix of blocks), then the pair analysis on it: leaf choice, key match,
 * chain verification against the test root. Seeds: testdata/pki.
 */
#include <stddef.h>
#include <stdint.h>

#include "../src/analysis.h"
#include "../src/certstore.h"
#include "../src/fsroot.h"
#include "../src/pair.h"
#include "../src/truststore.h"
#include "fuzz_files.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_arena *arena = tl_arena_new();
	const char *dir = fuzz_dir(), *error = NULL;
	const char *input = fuzz_input_file(data, size);
	struct tl_fs fs;
	struct tl_analysis an = {0};
	struct tl_cert_pair self = {0}, with_www = {0};

	tl_fs_init(&fs, arena, NULL);
	an.arena = arena;
	an.fs = &fs;
	an.certs = tl_certstore_new(arena, &fs);
	an.trust =
		tl_trust_store_new(arena, tl_arena_printf(arena, "%s/root.crt", dir), NULL, &error);
	an.now = 1780272000; /* 2026-06-01 */
	if (an.trust == NULL)
		abort();
	/* The input as certificate and key at once (HAProxy's combined PEM). */
	self.cert.written = self.cert.path = input;
	self.key.written = self.key.path = input;
	(void)tl_pair_info_get(&an, &self);
	/* As the chain of a good leaf, and as the key of a good certificate. */
	with_www.cert.written = with_www.cert.path = tl_arena_printf(arena, "%s/www.crt", dir);
	with_www.key.written = with_www.key.path = input;
	with_www.chain.written = with_www.chain.path = input;
	(void)tl_pair_info_get(&an, &with_www);
	tl_arena_free(arena);
	return 0;
}
