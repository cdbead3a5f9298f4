/*
 * The server's first flight, decided by OpenSSL, for ClientHellos captured
 * from real clients (testdata/clients/hello): the version, suite and group
 * read from its bytes, a HelloRetryRequest, and a refusal with its alert.
 * Usage: test_first_flight PKI_DIR HELLO_DIR
 */
#include <stdio.h>
#include <stdlib.h>

#include <openssl/ssl.h>

#include "../sim/first_flight.h"
#include "unit.h"

static const char *pki, *hellos;

static unsigned char *
read_hello(const char *id, size_t *len)
{
	char path[4096];
	FILE *f;
	unsigned char *buf = malloc(65536);

	snprintf(path, sizeof(path), "%s/%s.bin", hellos, id);
	f = fopen(path, "rb");
	if (f == NULL || buf == NULL) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	*len = fread(buf, 1, 65536, f);
	fclose(f);
	return buf;
}

/* A server context with the test PKI's www certificate, CIPHERS and at most MAX_VERSION. */
static SSL_CTX *
server(const char *ciphers, int max_version, const char *groups)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
	char cert[4096], key[4096];

	snprintf(cert, sizeof(cert), "%s/www.fullchain.crt", pki);
	snprintf(key, sizeof(key), "%s/www.key", pki);
	CHECK(SSL_CTX_use_certificate_chain_file(ctx, cert) == 1);
	CHECK(SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) == 1);
	if (ciphers != NULL)
		CHECK(SSL_CTX_set_cipher_list(ctx, ciphers) == 1);
	if (max_version != 0)
		CHECK(SSL_CTX_set_max_proto_version(ctx, max_version) == 1);
	if (groups != NULL)
		CHECK(SSL_CTX_set1_groups_list(ctx, groups) == 1);
	return ctx;
}

static void
flight(const char *id, SSL_CTX *ctx, struct tl_first_flight *out)
{
	size_t len;
	unsigned char *hello = read_hello(id, &len);

	CHECK_INT(tl_first_flight(ctx, hello, len, out), 0);
	free(hello);
}

static void
test_tls13(void)
{
	SSL_CTX *ctx = server(NULL, 0, NULL);
	struct tl_first_flight r;

	/* curl offers TLS_AES_256_GCM_SHA384 first and an x25519 share; OpenSSL takes both. */
	flight("curl-7.88-linux", ctx, &r);
	CHECK(r.answered && !r.retry);
	CHECK_INT(r.version, 0x0304);
	CHECK_INT(r.suite, 0x1302);
	CHECK_INT(r.group, 0x001d);
	CHECK_INT(r.alert, -1);
	CHECK(r.certificate != NULL);
	/* Every captured client of Debian 12 gets TLS 1.3 from a default server. */
	flight("firefox-153esr-linux", ctx, &r);
	CHECK_INT(r.version, 0x0304);
	flight("java-17-linux", ctx, &r);
	CHECK_INT(r.version, 0x0304);
	SSL_CTX_free(ctx);
}

static void
test_tls12(void)
{
	SSL_CTX *ctx = server("ECDHE-RSA-AES128-GCM-SHA256", TLS1_2_VERSION, NULL);
	struct tl_first_flight r;

	/* TLS 1.2: the version is the ServerHello's own, the group the ServerKeyExchange's. */
	flight("openssl-3.0-linux", ctx, &r);
	CHECK(r.answered);
	CHECK_INT(r.version, 0x0303);
	CHECK_INT(r.suite, 0xc02f);
	CHECK_INT(r.group, 0x001d);
	SSL_CTX_free(ctx);
	/* Static RSA key exchange: no ServerKeyExchange, no group. */
	ctx = server("AES128-SHA", TLS1_2_VERSION, NULL);
	flight("openssl-3.0-linux", ctx, &r);
	CHECK_INT(r.suite, 0x002f);
	CHECK_INT(r.group, 0);
	SSL_CTX_free(ctx);
}

static void
test_retry_and_refusal(void)
{
	SSL_CTX *ctx = server(NULL, 0, "P-384");
	struct tl_first_flight r;

	/* curl sends an x25519 share only: a server that takes P-384 alone asks again. */
	flight("curl-7.88-linux", ctx, &r);
	CHECK(r.answered && r.retry);
	CHECK_INT(r.group, 0x0018);
	CHECK(r.certificate == NULL);
	SSL_CTX_free(ctx);
	/* A TLS 1.2 server whose only suite the client lacks: handshake_failure, "no shared
	 * cipher". */
	ctx = server("DHE-RSA-CHACHA20-POLY1305", TLS1_2_VERSION, NULL);
	flight("openssl-3.0-linux", ctx, &r);
	CHECK(!r.answered);
	CHECK_INT(r.alert, 40);
	CHECK_STR(r.reason, "no shared cipher");
	SSL_CTX_free(ctx);
}

static void
test_not_tls(void)
{
	SSL_CTX *ctx = server(NULL, 0, NULL);
	struct tl_first_flight r;
	static const unsigned char junk[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

	/* Plain HTTP to a TLS port: OpenSSL refuses without writing a record, and says why. */
	CHECK_INT(tl_first_flight(ctx, junk, sizeof(junk) - 1, &r), 0);
	CHECK(!r.answered);
	CHECK_INT(r.alert, -1);
	CHECK_STR(r.reason, "http request");
	SSL_CTX_free(ctx);
}

int
main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: test_first_flight PKI_DIR HELLO_DIR\n");
		return 2;
	}
	pki = argv[1];
	hellos = argv[2];
	test_tls13();
	test_tls12();
	test_retry_and_refusal();
	test_not_tls();
	return tl_unit_result();
}
