#include "first_flight.h"

#include <string.h>

#include <openssl/err.h>

#include "tls_reader.h"

#define REC_HANDSHAKE 22
#define REC_ALERT 21
#define HS_SERVER_HELLO 2
#define HS_SERVER_KEY_EXCHANGE 12
#define EXT_SUPPORTED_VERSIONS 43
#define EXT_KEY_SHARE 51
#define NAMED_CURVE 3

/* SHA-256("HelloRetryRequest"): the random of a HelloRetryRequest (RFC 8446, 4.1.3). */
static const unsigned char hrr_random[32] = {
	0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c,
	0x02, 0x1e, 0x65, 0xb8, 0x91, 0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb,
	0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
};

static void
server_hello(struct tl_tls_reader m, struct tl_first_flight *out)
{
	struct tl_tls_reader exts;

	out->answered = true;
	out->version = tl_tls_get(&m, 2);
	if (m.n >= 32 && memcmp(m.p, hrr_random, 32) == 0)
		out->retry = true;
	(void)tl_tls_sub(&m, 32);
	(void)tl_tls_sub(&m, tl_tls_get(&m, 1)); /* legacy_session_id_echo */
	out->suite = tl_tls_get(&m, 2);
	(void)tl_tls_get(&m, 1); /* compression */
	if (m.n == 0)
		return;
	exts = tl_tls_sub(&m, tl_tls_get(&m, 2));
	while (exts.n >= 4 && !exts.bad) {
		unsigned type = tl_tls_get(&exts, 2);
		struct tl_tls_reader body = tl_tls_sub(&exts, tl_tls_get(&exts, 2));

		if (type == EXT_SUPPORTED_VERSIONS)
			out->version = tl_tls_get(&body, 2);
		else if (type == EXT_KEY_SHARE)
			out->group = tl_tls_get(
				&body, 2); /* the group first, in both ServerHello and HRR */
	}
}

/* TLS <= 1.2 ECDHE: ServerKeyExchange starts with curve_type named_curve and the group. */
static void
server_key_exchange(struct tl_tls_reader m, struct tl_first_flight *out)
{
	if (out->version < 0x0304 && tl_tls_get(&m, 1) == NAMED_CURVE)
		out->group = tl_tls_get(&m, 2);
}

/* Walks the handshake messages of the plaintext handshake records in OUT_BYTES. */
static int
read_flight(const unsigned char *bytes, size_t len, struct tl_first_flight *out)
{
	struct tl_tls_reader all = {bytes, len, false};
	unsigned char hs[16384 * 4];
	size_t hs_len = 0;

	while (all.n >= 5) {
		unsigned type = tl_tls_get(&all, 1);
		struct tl_tls_reader rec;

		(void)tl_tls_get(&all, 2);
		rec = tl_tls_sub(&all, tl_tls_get(&all, 2));
		if (rec.bad)
			return -1;
		if (type == REC_ALERT && rec.n >= 2) {
			(void)tl_tls_get(&rec, 1);
			out->alert = (int)tl_tls_get(&rec, 1);
			break;
		}
		/* After ServerHello a TLS 1.3 server encrypts: only type 22 plaintext counts. */
		if (type != REC_HANDSHAKE)
			break;
		if (rec.n > sizeof(hs) - hs_len)
			break;
		memcpy(hs + hs_len, rec.p, rec.n);
		hs_len += rec.n;
	}
	{
		struct tl_tls_reader msgs = {hs, hs_len, false};

		while (msgs.n >= 4) {
			unsigned type = tl_tls_get(&msgs, 1);
			struct tl_tls_reader m = tl_tls_sub(&msgs, tl_tls_get(&msgs, 3));

			if (m.bad)
				break;
			if (type == HS_SERVER_HELLO)
				server_hello(m, out);
			else if (type == HS_SERVER_KEY_EXCHANGE)
				server_key_exchange(m, out);
		}
	}
	return all.bad ? -1 : 0;
}

int
tl_first_flight(SSL_CTX *ctx, const unsigned char *hello, size_t len, struct tl_first_flight *out)
{
	SSL *ssl;
	BIO *in, *wr;
	char *data;
	long n;
	int rc;
	unsigned long err;

	memset(out, 0, sizeof(*out));
	out->alert = -1;
	ERR_clear_error();
	ssl = SSL_new(ctx);
	in = BIO_new(BIO_s_mem());
	wr = BIO_new(BIO_s_mem());
	if (ssl == NULL || in == NULL || wr == NULL) {
		SSL_free(ssl);
		BIO_free(in);
		BIO_free(wr);
		return -1;
	}
	SSL_set_bio(ssl, in, wr);
	if (BIO_write(in, hello, (int)len) != (int)len) {
		SSL_free(ssl);
		return -1;
	}
	rc = SSL_accept(ssl);
	/* The client's hello is all there is: a server that answered now waits for more. */
	if (rc <= 0 && SSL_get_error(ssl, rc) != SSL_ERROR_WANT_READ) {
		err = ERR_peek_error();
		if (err != 0)
			snprintf(out->reason, sizeof(out->reason), "%s",
				 ERR_reason_error_string(err) ? ERR_reason_error_string(err) : "?");
	}
	n = BIO_get_mem_data(wr, &data);
	rc = n > 0 ? read_flight((const unsigned char *)data, (size_t)n, out) : 0;
	if (out->answered && !out->retry)
		out->certificate = SSL_get_certificate(ssl);
	SSL_free(ssl);
	ERR_clear_error();
	return rc;
}
