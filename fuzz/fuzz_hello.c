/*
 * libFuzzer target for the simulator's TLS readers: arbitrary bytes as
 * the records of a ClientHello, read by tlslint's offer reader and fed to
 * a real OpenSSL server (TLS 1.2 and 1.3, an RSA certificate), whose
 * first flight tlslint reads back. When both readers succeed, OpenSSL's
 * choice must be one the offer reader saw offered: a suite and a version
 * outside the offer mean one of the readers misread its bytes. Seeds: the
 * captured hellos of testdata/clients/hello.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "../src/sim/first_flight.h"
#include "../src/sim/hello_offer.h"

#ifndef TL_FUZZ_PKI
#error "TL_FUZZ_PKI names testdata/pki (fuzz/meson.build)"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static SSL_CTX *
server_ctx(void)
{
	static SSL_CTX *ctx;

	if (ctx == NULL) {
		ctx = SSL_CTX_new(TLS_server_method());
		if (ctx == NULL ||
		    SSL_CTX_use_certificate_chain_file(ctx, TL_FUZZ_PKI "/www.fullchain.crt") !=
			    1 ||
		    SSL_CTX_use_PrivateKey_file(ctx, TL_FUZZ_PKI "/www.key", SSL_FILETYPE_PEM) != 1)
			abort();
		SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	}
	return ctx;
}

static bool
offered_suite(const struct tl_hello_offer *o, unsigned suite)
{
	for (size_t i = 0; i < o->nsuites; i++)
		if (o->suites[i] == suite)
			return true;
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_hello_offer offer;
	struct tl_first_flight flight = {0};
	bool read = tl_hello_offer_read(data, size, &offer);

	if (tl_first_flight(server_ctx(), data, size, &flight) == 0 && read && flight.answered &&
	    offer.nsuites < TL_OFFER_MAX) {
		if (!offered_suite(&offer, flight.suite) ||
		    !tl_hello_offer_version(&offer, flight.version)) {
			fprintf(stderr,
				"OpenSSL chose suite %04x version %04x, not in the offer read\n",
				flight.suite, flight.version);
			__builtin_trap();
		}
	}
	ERR_clear_error();
	return 0;
}
