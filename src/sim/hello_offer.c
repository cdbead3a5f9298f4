#include "hello_offer.h"

#include <string.h>

#include "tls_reader.h"

#define REC_HANDSHAKE 22
#define HS_CLIENT_HELLO 1
#define EXT_SUPPORTED_GROUPS 10
#define EXT_SUPPORTED_VERSIONS 43

/* GREASE values (RFC 8701) are 0x?A?A with both bytes equal. */
static bool
grease(unsigned v)
{
	return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
}

/* A list of 16-bit values into OUT (at most MAX, GREASE skipped). */
static size_t
list16(struct tl_tls_reader l, uint16_t *out, size_t max)
{
	size_t n = 0;

	while (l.n >= 2 && !l.bad) {
		unsigned v = tl_tls_get(&l, 2);

		if (!grease(v) && n < max)
			out[n++] = (uint16_t)v;
	}
	return n;
}

static void
extensions(struct tl_tls_reader exts, struct tl_hello_offer *out)
{
	while (exts.n >= 4 && !exts.bad) {
		unsigned type = tl_tls_get(&exts, 2);
		struct tl_tls_reader body = tl_tls_sub(&exts, tl_tls_get(&exts, 2));

		if (type == EXT_SUPPORTED_VERSIONS)
			out->nversions =
				list16(tl_tls_sub(&body, tl_tls_get(&body, 1)), out->versions, 16);
		else if (type == EXT_SUPPORTED_GROUPS)
			out->ngroups =
				list16(tl_tls_sub(&body, tl_tls_get(&body, 2)), out->groups, 32);
	}
}

bool
tl_hello_offer_read(const unsigned char *hello, size_t len, struct tl_hello_offer *out)
{
	/* The handshake message may span records: join their bodies first. */
	unsigned char msg[65536];
	size_t mlen = 0;
	struct tl_tls_reader r = {hello, len, false};
	struct tl_tls_reader m;

	memset(out, 0, sizeof(*out));
	while (r.n >= 5 && !r.bad) {
		unsigned type = tl_tls_get(&r, 1);
		struct tl_tls_reader body;

		(void)tl_tls_get(&r, 2);
		body = tl_tls_sub(&r, tl_tls_get(&r, 2));
		if (type != REC_HANDSHAKE || body.bad || mlen + body.n > sizeof(msg))
			return false;
		memcpy(msg + mlen, body.p, body.n);
		mlen += body.n;
	}
	m = (struct tl_tls_reader){msg, mlen, false};
	if (tl_tls_get(&m, 1) != HS_CLIENT_HELLO)
		return false;
	m = tl_tls_sub(&m, tl_tls_get(&m, 3));
	out->legacy_version = (uint16_t)tl_tls_get(&m, 2);
	(void)tl_tls_sub(&m, 32);
	(void)tl_tls_sub(&m, tl_tls_get(&m, 1));
	out->nsuites = list16(tl_tls_sub(&m, tl_tls_get(&m, 2)), out->suites, TL_OFFER_MAX);
	(void)tl_tls_sub(&m, tl_tls_get(&m, 1));
	if (m.n >= 2)
		extensions(tl_tls_sub(&m, tl_tls_get(&m, 2)), out);
	return !m.bad;
}

bool
tl_hello_offer_version(const struct tl_hello_offer *o, unsigned v)
{
	if (o->nversions == 0)
		return v <= o->legacy_version && v >= 0x0300;
	for (size_t i = 0; i < o->nversions; i++)
		if (o->versions[i] == v)
			return true;
	return false;
}
