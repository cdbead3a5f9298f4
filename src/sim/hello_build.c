/*
 * The ClientHello bytes a profile sends for a name (issue 13, item 3).
 *
 * A captured hello is kept byte for byte except its server_name: the
 * records are joined, the one handshake message is taken apart down to
 * its extensions, server_name is replaced (or inserted, or dropped), and
 * every length above it is written again. A padding extension, when the
 * client sent one, absorbs the difference so the hello keeps the size the
 * client chose (clients pad to step around servers that choke on hellos
 * of 256 to 511 bytes). A parameter hello is encoded from scratch, with
 * real public keys in its key shares so the server can answer it.
 */
#include "hello_build.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "hostname.h"
#include "tls_reader.h"

#define REC_HANDSHAKE 22
#define REC_MAX 16384 /* the most plaintext one record may carry (RFC 8446, 5.1) */
#define HS_CLIENT_HELLO 1
#define EXT_SERVER_NAME 0
#define EXT_STATUS_REQUEST 5
#define EXT_SUPPORTED_GROUPS 10
#define EXT_EC_POINT_FORMATS 11
#define EXT_SIGNATURE_ALGORITHMS 13
#define EXT_ALPN 16
#define EXT_PADDING 21
#define EXT_EXTENDED_MASTER_SECRET 23
#define EXT_SESSION_TICKET 35
#define EXT_SUPPORTED_VERSIONS 43
#define EXT_PSK_KEY_EXCHANGE_MODES 45
#define EXT_KEY_SHARE 51
#define EXT_RENEGOTIATION_INFO 0xff01
#define TLS13 0x0304
#define MAX_HELLO (1u << 20) /* far above any real hello; bounds a damaged capture */

/* ---- a growable output buffer; a failed allocation sticks, checked once at the end ---- */

struct out {
	unsigned char *p;
	size_t len, cap;
	bool failed;
};

static void
put_bytes(struct out *o, const void *src, size_t n)
{
	if (o->failed)
		return;
	if (o->len + n > o->cap) {
		size_t cap = o->cap ? o->cap : 1024;
		unsigned char *p;

		while (cap < o->len + n)
			cap *= 2;
		p = realloc(o->p, cap);
		if (p == NULL) {
			o->failed = true;
			return;
		}
		o->p = p;
		o->cap = cap;
	}
	if (n > 0)
		memcpy(o->p + o->len, src, n);
	o->len += n;
}

static void
put_int(struct out *o, unsigned long v, size_t bytes)
{
	unsigned char b[4];

	for (size_t i = 0; i < bytes; i++)
		b[i] = (unsigned char)(v >> (8 * (bytes - 1 - i)));
	put_bytes(o, b, bytes);
}

/* Reserves a length field of BYTES bytes; length_end() fills it with what follows it. */
static size_t
length_begin(struct out *o, size_t bytes)
{
	size_t at = o->len;

	put_int(o, 0, bytes);
	return at;
}

static void
length_end(struct out *o, size_t at, size_t bytes)
{
	size_t n;

	if (o->failed)
		return;
	n = o->len - at - bytes;
	if (bytes < sizeof(n) && n >> (8 * bytes) != 0) {
		o->failed = true; /* does not fit its length field */
		return;
	}
	for (size_t i = 0; i < bytes; i++)
		o->p[at + i] = (unsigned char)(n >> (8 * (bytes - 1 - i)));
}

/* ---- the name a client puts in server_name ---- */

/*
 * The host name as it goes on the wire (RFC 6066, 3: ASCII, no trailing
 * dot; a U-label name becomes its A-label form, as browsers send it) into
 * BUF, or NULL when NAME is NULL, empty, an IP literal or too long, which
 * a client sends no server_name for.
 */
static const char *
sni_name(const char *name, char *buf, size_t size)
{
	unsigned char addr[16];
	size_t n;

	if (name == NULL || tl_hostname_ip(name, addr) != 0)
		return NULL;
	if (!tl_hostname_is_ascii(name)) {
		if (tl_hostname_to_alabel(name, buf, size) == NULL)
			return NULL;
	} else {
		n = strlen(name);
		if (n >= size)
			return NULL;
		memcpy(buf, name, n + 1);
	}
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
	if (n == 0 || n > 253)
		return NULL;
	return buf;
}

static void
put_server_name(struct out *o, const char *host)
{
	size_t ext, list, len = strlen(host);

	put_int(o, EXT_SERVER_NAME, 2);
	ext = length_begin(o, 2);
	list = length_begin(o, 2);
	put_int(o, 0, 1); /* host_name */
	put_int(o, len, 2);
	put_bytes(o, host, len);
	length_end(o, list, 2);
	length_end(o, ext, 2);
}

/* HS, one handshake message, as records of at most REC_MAX bytes with VERSION. */
static const unsigned char *
to_records(struct tl_arena *arena, const struct out *hs, unsigned version, size_t *len)
{
	size_t nrec = hs->len / REC_MAX + (hs->len % REC_MAX != 0);
	unsigned char *buf = tl_arena_alloc(arena, hs->len + 5 * nrec);
	size_t at = 0;

	for (size_t off = 0; off < hs->len; off += REC_MAX) {
		size_t n = hs->len - off < REC_MAX ? hs->len - off : REC_MAX;

		buf[at++] = REC_HANDSHAKE;
		buf[at++] = (unsigned char)(version >> 8);
		buf[at++] = (unsigned char)version;
		buf[at++] = (unsigned char)(n >> 8);
		buf[at++] = (unsigned char)n;
		memcpy(buf + at, hs->p + off, n);
		at += n;
	}
	*len = at;
	return buf;
}

/* ---- captured hellos ---- */

/* The handshake bytes of the records in HELLO (joined into *MSG), or false when not TLS. */
static bool
join_records(const unsigned char *hello, size_t len, struct out *msg, unsigned *version)
{
	struct tl_tls_reader r = {hello, len, false};
	bool first = true;

	while (r.n > 0) {
		unsigned type = (unsigned)tl_tls_get(&r, 1);
		unsigned v = (unsigned)tl_tls_get(&r, 2);
		size_t n = tl_tls_get(&r, 2);
		struct tl_tls_reader body = tl_tls_sub(&r, n);

		if (r.bad || type != REC_HANDSHAKE || n == 0 || n > REC_MAX)
			return false;
		if (first)
			*version = v;
		first = false;
		put_bytes(msg, body.p, body.n);
	}
	return !first && !msg->failed;
}

static const unsigned char *
captured_hello(struct tl_arena *arena, const struct tl_client_profile *p, const char *name,
	       size_t *len)
{
	struct out msg = {0}, hs = {0};
	struct tl_tls_reader r, body, exts;
	unsigned record_version = 0;
	const unsigned char *fixed, *result = NULL;
	size_t fixed_len, body_at, exts_at, padding_at = 0;
	bool padding = false, inserted = false, had_exts;
	char buf[1024];
	const char *host = sni_name(name, buf, sizeof(buf));

	if (p->hello_len > MAX_HELLO ||
	    !join_records(p->hello, p->hello_len, &msg, &record_version))
		goto out;
	r = (struct tl_tls_reader){msg.p, msg.len, false};
	if (tl_tls_get(&r, 1) != HS_CLIENT_HELLO)
		goto out;
	body = tl_tls_sub(&r, tl_tls_get(&r, 3));
	if (r.bad || r.n != 0) /* exactly one message, complete */
		goto out;
	/* Everything before the extensions stays as sent. */
	fixed = body.p;
	tl_tls_get(&body, 2 + 32);
	tl_tls_sub(&body, tl_tls_get(&body, 1));
	tl_tls_sub(&body, tl_tls_get(&body, 2));
	tl_tls_sub(&body, tl_tls_get(&body, 1));
	if (body.bad)
		goto out;
	fixed_len = (size_t)(body.p - fixed);
	had_exts = body.n > 0;
	exts = had_exts ? tl_tls_sub(&body, tl_tls_get(&body, 2))
			: (struct tl_tls_reader){NULL, 0, false};
	if (body.bad || body.n != 0)
		goto out;

	put_int(&hs, HS_CLIENT_HELLO, 1);
	body_at = length_begin(&hs, 3);
	put_bytes(&hs, fixed, fixed_len);
	exts_at = length_begin(&hs, 2);
	while (exts.n > 0) {
		unsigned type = (unsigned)tl_tls_get(&exts, 2);
		struct tl_tls_reader ext = tl_tls_sub(&exts, tl_tls_get(&exts, 2));

		if (exts.bad)
			goto out;
		if (type == EXT_SERVER_NAME) {
			if (host != NULL && !inserted)
				put_server_name(&hs, host);
			inserted = true;
			continue;
		}
		if (type == EXT_PADDING && !padding) {
			padding = true;
			padding_at = hs.len;
		}
		put_int(&hs, type, 2);
		put_int(&hs, ext.n, 2);
		put_bytes(&hs, ext.p, ext.n);
	}
	if (!inserted && host != NULL) {
		/*
		 * The capture had no server_name (its client was given an
		 * address): put one first, where clients put it, and never
		 * after pre_shared_key, which must stay last (RFC 8446, 4.2.11).
		 */
		struct out ext = {0};
		size_t at = exts_at + 2;

		put_server_name(&ext, host);
		if (ext.failed) {
			free(ext.p);
			goto out;
		}
		put_bytes(&hs, ext.p, ext.len); /* grow, then move the tail up */
		if (!hs.failed) {
			memmove(hs.p + at + ext.len, hs.p + at, hs.len - ext.len - at);
			memcpy(hs.p + at, ext.p, ext.len);
			if (padding)
				padding_at += ext.len;
		}
		free(ext.p);
	}
	if (padding && !hs.failed) {
		/* The padding takes up what the new name added or freed, as far as it can. */
		size_t old_len = msg.len,
		       pad = (size_t)hs.p[padding_at + 2] << 8 | hs.p[padding_at + 3];
		size_t want = pad;

		if (hs.len > old_len)
			want = pad > hs.len - old_len ? pad - (hs.len - old_len) : 0;
		else
			want = pad + (old_len - hs.len);
		if (want != pad) {
			size_t tail = padding_at + 4 + pad;
			struct out rest = {0};

			put_bytes(&rest, hs.p + tail, hs.len - tail);
			hs.len = padding_at + 2;
			put_int(&hs, want, 2);
			for (size_t i = 0; i < want; i++)
				put_int(&hs, 0, 1);
			put_bytes(&hs, rest.p, rest.len);
			hs.failed |= rest.failed;
			free(rest.p);
		}
	}
	if (!had_exts && hs.len == exts_at + 2)
		hs.len = exts_at; /* none sent, none added: no extensions block, as captured */
	else
		length_end(&hs, exts_at, 2);
	length_end(&hs, body_at, 3);
	if (!hs.failed)
		result = to_records(arena, &hs, record_version, len);
out:
	free(msg.p);
	free(hs.p);
	return result;
}

/* ---- key shares: one key pair per group per process ---- */

struct share_key {
	uint16_t group;
	const char *type, *curve; /* for EVP_PKEY_Q_keygen */
	unsigned char *pub;       /* the encoded public key, made on first use */
	size_t len;
};

static struct share_key share_keys[] = {
	{0x0017, "EC", "P-256", NULL, 0}, {0x0018, "EC", "P-384", NULL, 0},
	{0x0019, "EC", "P-521", NULL, 0}, {0x001d, "X25519", NULL, NULL, 0},
	{0x001e, "X448", NULL, NULL, 0},
};
static pthread_mutex_t share_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * The public key of a key pair for GROUP, made once and kept for the
 * process: the server needs a point it can use, and the private half is
 * never needed, since a simulation stops at the server's first flight.
 */
static const unsigned char *
share_public(uint16_t group, size_t *len)
{
	struct share_key *k = NULL;
	const unsigned char *pub = NULL;

	for (size_t i = 0; i < sizeof(share_keys) / sizeof(share_keys[0]); i++)
		if (share_keys[i].group == group)
			k = &share_keys[i];
	if (k == NULL)
		return NULL;
	pthread_mutex_lock(&share_lock);
	if (k->pub == NULL) {
		EVP_PKEY *key = k->curve ? EVP_PKEY_Q_keygen(NULL, NULL, k->type, k->curve)
					 : EVP_PKEY_Q_keygen(NULL, NULL, k->type);

		if (key != NULL) {
			/* Uncompressed points for the NIST curves (RFC 8446, 4.2.8.2), raw for
			 * X25519/X448. */
			k->len = EVP_PKEY_get1_encoded_public_key(key, &k->pub);
			if (k->len == 0) {
				OPENSSL_free(k->pub);
				k->pub = NULL;
			}
			EVP_PKEY_free(key);
		}
	}
	pub = k->pub;
	*len = k->len;
	pthread_mutex_unlock(&share_lock);
	return pub;
}

/* ---- parameter hellos ---- */

static bool
has(const uint16_t *list, size_t n, uint16_t v)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == v)
			return true;
	return false;
}

static void
put_list16(struct out *o, const uint16_t *list, size_t n, size_t len_bytes)
{
	put_int(o, 2 * n, len_bytes);
	for (size_t i = 0; i < n; i++)
		put_int(o, list[i], 2);
}

static void
put_empty_ext(struct out *o, unsigned type)
{
	put_int(o, type, 2);
	put_int(o, 0, 2);
}

static bool
put_key_shares(struct out *o, const struct tl_hello_params *hp)
{
	size_t ext, shares;

	put_int(o, EXT_KEY_SHARE, 2);
	ext = length_begin(o, 2);
	shares = length_begin(o, 2);
	for (size_t i = 0; i < hp->nkey_shares; i++) {
		size_t n;
		const unsigned char *pub = share_public(hp->key_shares[i], &n);

		if (pub == NULL)
			return false;
		put_int(o, hp->key_shares[i], 2);
		put_int(o, n, 2);
		put_bytes(o, pub, n);
	}
	length_end(o, shares, 2);
	length_end(o, ext, 2);
	return true;
}

static const unsigned char *
param_hello(struct tl_arena *arena, const struct tl_hello_params *hp, const char *name, size_t *len)
{
	static const unsigned char alpn[] = {0,   12,  2,   'h', '2', 8,   'h',
					     't', 't', 'p', '/', '1', '.', '1'};
	struct out hs = {0};
	unsigned char random[32], session[32];
	bool tls13 = has(hp->versions, hp->nversions, TLS13);
	const unsigned char *result = NULL;
	size_t body_at, exts_at, ext;
	char buf[1024];
	const char *host = hp->sni ? sni_name(name, buf, sizeof(buf)) : NULL;

	if (RAND_bytes(random, sizeof(random)) != 1 || RAND_bytes(session, sizeof(session)) != 1)
		return NULL;
	put_int(&hs, HS_CLIENT_HELLO, 1);
	body_at = length_begin(&hs, 3);
	put_int(&hs, hp->legacy_version, 2);
	put_bytes(&hs, random, sizeof(random));
	/* TLS 1.3 clients send a session id for middlebox compatibility (RFC 8446, D.4). */
	put_int(&hs, tls13 ? sizeof(session) : 0, 1);
	if (tls13)
		put_bytes(&hs, session, sizeof(session));
	put_list16(&hs, hp->suites, hp->nsuites, 2);
	put_int(&hs, 1, 1);
	put_int(&hs, 0, 1); /* null compression only */
	exts_at = length_begin(&hs, 2);
	if (host != NULL)
		put_server_name(&hs, host);
	if (hp->ec_point_formats) {
		put_int(&hs, EXT_EC_POINT_FORMATS, 2);
		put_int(&hs, 2, 2);
		put_int(&hs, 1, 1);
		put_int(&hs, 0, 1); /* uncompressed */
	}
	if (hp->ngroups > 0) {
		put_int(&hs, EXT_SUPPORTED_GROUPS, 2);
		put_int(&hs, 2 + 2 * hp->ngroups, 2);
		put_list16(&hs, hp->groups, hp->ngroups, 2);
	}
	if (hp->session_ticket)
		put_empty_ext(&hs, EXT_SESSION_TICKET);
	if (hp->nsigalgs > 0) {
		put_int(&hs, EXT_SIGNATURE_ALGORITHMS, 2);
		put_int(&hs, 2 + 2 * hp->nsigalgs, 2);
		put_list16(&hs, hp->sigalgs, hp->nsigalgs, 2);
	}
	if (hp->status_request) {
		/* OCSP, no responder ids, no extensions (RFC 6066, 8). */
		static const unsigned char ocsp[] = {1, 0, 0, 0, 0};

		put_int(&hs, EXT_STATUS_REQUEST, 2);
		put_int(&hs, sizeof(ocsp), 2);
		put_bytes(&hs, ocsp, sizeof(ocsp));
	}
	if (hp->alpn_h2) {
		put_int(&hs, EXT_ALPN, 2);
		put_int(&hs, sizeof(alpn), 2);
		put_bytes(&hs, alpn, sizeof(alpn));
	}
	if (hp->extended_master_secret)
		put_empty_ext(&hs, EXT_EXTENDED_MASTER_SECRET);
	if (hp->renegotiation_info) {
		put_int(&hs, EXT_RENEGOTIATION_INFO, 2);
		put_int(&hs, 1, 2);
		put_int(&hs, 0, 1); /* an empty renegotiated_connection: the first handshake */
	}
	if (hp->nversions > 0) {
		put_int(&hs, EXT_SUPPORTED_VERSIONS, 2);
		put_int(&hs, 1 + 2 * hp->nversions, 2);
		put_list16(&hs, hp->versions, hp->nversions, 1);
	}
	if (tls13) {
		put_int(&hs, EXT_PSK_KEY_EXCHANGE_MODES, 2);
		put_int(&hs, 2, 2);
		put_int(&hs, 1, 1);
		put_int(&hs, 1, 1); /* psk_dhe_ke */
	}
	if (hp->nkey_shares > 0 && !put_key_shares(&hs, hp))
		goto out;
	ext = hs.len - exts_at - 2;
	if (ext == 0)
		hs.len = exts_at; /* no extensions at all: no extensions block, as such clients sent
				   */
	else
		length_end(&hs, exts_at, 2);
	length_end(&hs, body_at, 3);
	if (!hs.failed)
		result = to_records(arena, &hs, hp->record_version, len);
out:
	free(hs.p);
	return result;
}

const unsigned char *
tl_profile_hello(struct tl_arena *arena, const struct tl_client_profile *p, const char *name,
		 size_t *len)
{
	*len = 0;
	if (p->hello != NULL)
		return captured_hello(arena, p, name, len);
	if (p->params != NULL)
		return param_hello(arena, p->params, name, len);
	return NULL;
}
