#include "hello_offer.h"

#include <string.h>

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

struct reader {
	const unsigned char *p;
	size_t n;
	bool bad;
};

static unsigned
get(struct reader *r, size_t bytes)
{
	unsigned v = 0;

	if (r->bad || r->n < bytes) {
		r->bad = true;
		return 0;
	}
	for (size_t i = 0; i < bytes; i++)
		v = v << 8 | r->p[i];
	r->p += bytes;
	r->n -= bytes;
	return v;
}

static struct reader
sub(struct reader *r, size_t len)
{
	struct reader s = {r->p, len, false};

	if (r->bad || r->n < len) {
		r->bad = true;
		s.n = 0;
		s.bad = true;
		return s;
	}
	r->p += len;
	r->n -= len;
	return s;
}

/* A list of 16-bit values into OUT (at most MAX, GREASE skipped). */
static size_t
list16(struct reader l, uint16_t *out, size_t max)
{
	size_t n = 0;

	while (l.n >= 2 && !l.bad) {
		unsigned v = get(&l, 2);

		if (!grease(v) && n < max)
			out[n++] = (uint16_t)v;
	}
	return n;
}

static void
extensions(struct reader exts, struct tl_hello_offer *out)
{
	while (exts.n >= 4 && !exts.bad) {
		unsigned type = get(&exts, 2);
		struct reader body = sub(&exts, get(&exts, 2));

		if (type == EXT_SUPPORTED_VERSIONS)
			out->nversions = list16(sub(&body, get(&body, 1)), out->versions, 16);
		else if (type == EXT_SUPPORTED_GROUPS)
			out->ngroups = list16(sub(&body, get(&body, 2)), out->groups, 32);
	}
}

bool
tl_hello_offer_read(const unsigned char *hello, size_t len, struct tl_hello_offer *out)
{
	/* The handshake message may span records: join their bodies first. */
	unsigned char msg[65536];
	size_t mlen = 0;
	struct reader r = {hello, len, false};
	struct reader m;

	memset(out, 0, sizeof(*out));
	while (r.n >= 5 && !r.bad) {
		unsigned type = get(&r, 1);
		struct reader body;

		(void)get(&r, 2);
		body = sub(&r, get(&r, 2));
		if (type != REC_HANDSHAKE || body.bad || mlen + body.n > sizeof(msg))
			return false;
		memcpy(msg + mlen, body.p, body.n);
		mlen += body.n;
	}
	m = (struct reader){msg, mlen, false};
	if (get(&m, 1) != HS_CLIENT_HELLO)
		return false;
	m = sub(&m, get(&m, 3));
	out->legacy_version = (uint16_t)get(&m, 2);
	(void)sub(&m, 32);
	(void)sub(&m, get(&m, 1));
	out->nsuites = list16(sub(&m, get(&m, 2)), out->suites, TL_OFFER_MAX);
	(void)sub(&m, get(&m, 1));
	if (m.n >= 2)
		extensions(sub(&m, get(&m, 2)), out);
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
