/*
 * The compiled-in client profiles (issue 13, item 3): ids, families and
 * sources; every profile's hello for several names, taken apart again by
 * a parser of this file (not hello_build.c's) that checks each length and
 * finds the server_name, suites and key shares; and OpenSSL's server
 * answering each one (src/sim/first_flight.c), or refusing the TLS 1.0
 * clients as its defaults do.
 * Usage: test_client_profiles PKI_DIR
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>
#include <openssl/ssl.h>

#include "../sim/first_flight.h"
#include "../sim/hello_build.h"
#include "../sim/profile.h"
#include "unit.h"

static const char *pki;

/* ---- an independent ClientHello parser: every length must add up exactly ---- */

struct parsed {
	bool ok;
	const char *why;   /* what did not add up */
	size_t records;    /* TLS records */
	size_t max_record; /* the longest record's body */
	unsigned record_version;
	size_t hs_len; /* the handshake message, header included */
	unsigned legacy_version;
	uint16_t suites[256];
	size_t nsuites;
	bool sni;
	char sni_name[256];
	size_t nexts;
	uint16_t ext_types[64];
	const unsigned char *ext_body[64];
	size_t ext_len[64];
	uint16_t share_groups[8];
	size_t share_lens[8];
	size_t nshares;
	unsigned char msg[65536];
};

static unsigned
be(const unsigned char *p, size_t n)
{
	unsigned v = 0;

	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

#define NEED(cond, text)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			out->why = text;                                                           \
			return;                                                                    \
		}                                                                                  \
	} while (0)

static void
parse_sni(struct parsed *out, const unsigned char *p, size_t n)
{
	NEED(n >= 5 && be(p, 2) == n - 2, "server_name list length");
	NEED(p[2] == 0, "server_name type");
	NEED(be(p + 3, 2) == n - 5 && n - 5 < sizeof(out->sni_name), "server_name length");
	memcpy(out->sni_name, p + 5, n - 5);
	out->sni_name[n - 5] = '\0';
	out->sni = true;
}

static void
parse_key_share(struct parsed *out, const unsigned char *p, size_t n)
{
	size_t i = 2;

	NEED(n >= 2 && be(p, 2) == n - 2, "key_share list length");
	while (i < n) {
		size_t len;

		NEED(i + 4 <= n && out->nshares < 8, "key_share entry");
		len = be(p + i + 2, 2);
		NEED(i + 4 + len <= n, "key_share entry length");
		out->share_groups[out->nshares] = (uint16_t)be(p + i, 2);
		out->share_lens[out->nshares++] = len;
		i += 4 + len;
	}
}

static void
parse(const unsigned char *buf, size_t len, struct parsed *out)
{
	size_t at = 0, m = 0, i, end;
	const unsigned char *b;

	memset(out, 0, sizeof(*out));
	while (at < len) {
		size_t n;

		NEED(len - at >= 5 && buf[at] == 22, "record header");
		n = be(buf + at + 3, 2);
		NEED(n > 0 && n <= 16384 && at + 5 + n <= len, "record length");
		if (out->records == 0)
			out->record_version = be(buf + at + 1, 2);
		NEED(be(buf + at + 1, 2) == out->record_version, "records of different versions");
		NEED(m + n <= sizeof(out->msg), "hello too long for the test");
		memcpy(out->msg + m, buf + at + 5, n);
		m += n;
		if (n > out->max_record)
			out->max_record = n;
		out->records++;
		at += 5 + n;
	}
	NEED(m >= 4 && out->msg[0] == 1 && be(out->msg + 1, 3) == m - 4, "handshake length");
	out->hs_len = m;
	b = out->msg + 4;
	end = m - 4;
	NEED(end >= 35, "short hello");
	out->legacy_version = be(b, 2);
	i = 34;
	i += 1 + b[i];
	NEED(i + 2 <= end, "session id");
	out->nsuites = be(b + i, 2) / 2;
	NEED(be(b + i, 2) % 2 == 0 && i + 2 + 2 * out->nsuites <= end && out->nsuites <= 256,
	     "cipher suites length");
	for (size_t k = 0; k < out->nsuites; k++)
		out->suites[k] = (uint16_t)be(b + i + 2 + 2 * k, 2);
	i += 2 + 2 * out->nsuites;
	NEED(i < end && i + 1 + b[i] <= end, "compression methods");
	i += 1 + b[i];
	if (i == end) {
		out->ok = true; /* no extensions block */
		return;
	}
	NEED(i + 2 <= end && be(b + i, 2) == end - i - 2, "extensions length");
	i += 2;
	while (i < end) {
		unsigned type;
		size_t n;

		NEED(i + 4 <= end && out->nexts < 64, "extension header");
		type = be(b + i, 2);
		n = be(b + i + 2, 2);
		NEED(i + 4 + n <= end, "extension length");
		for (size_t k = 0; k < out->nexts; k++)
			NEED(out->ext_types[k] != type, "an extension twice");
		out->ext_types[out->nexts] = (uint16_t)type;
		out->ext_body[out->nexts] = b + i + 4;
		out->ext_len[out->nexts++] = n;
		if (type == 0) {
			parse_sni(out, b + i + 4, n);
			NEED(out->sni, out->why);
		}
		if (type == 51) {
			parse_key_share(out, b + i + 4, n);
			NEED(out->why == NULL, out->why);
		}
		i += 4 + n;
	}
	out->ok = true;
}

/* ---- ids, families, sources ---- */

static const char *const families[] = {
	"chrome", "firefox", "edge",   "ie",  "safari", "android", "java", "openssl",
	"curl",   "wget",    "gnutls", "nss", "python", "go",      "node",
};

static bool
known_family(const char *f)
{
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		if (strcmp(f, families[i]) == 0)
			return true;
	return false;
}

static void
test_table(void)
{
	size_t n;
	const struct tl_client_profile *const *all = tl_client_profiles(&n);
	int err;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR) "^[a-z]+-[0-9][0-9a-z.]*(-[a-z][a-z0-9]*)?$",
				       PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	size_t current = 0;

	CHECK(re != NULL && md != NULL);
	CHECK(n >= 30);
	for (size_t i = 0; i < n; i++) {
		const struct tl_client_profile *p = all[i];
		int rc = pcre2_match(re, (PCRE2_SPTR)p->id, PCRE2_ZERO_TERMINATED, 0, 0, md, NULL);

		if (rc < 0)
			fprintf(stderr, "id '%s' is not family-version[-platform]\n", p->id);
		CHECK(rc >= 0);
		if (!known_family(p->family))
			fprintf(stderr, "%s: unknown family '%s'\n", p->id, p->family);
		CHECK(known_family(p->family));
		CHECK(p->source != NULL && strlen(p->source) > 20);
		CHECK(p->name != NULL && p->name[0] != '\0');
		CHECK(tl_client_profile_find(p->id) == p);
		/* Captured clients carry bytes, legacy ones parameters, never both. */
		CHECK((p->era == TL_CLIENT_CURRENT) == (p->hello != NULL));
		CHECK((p->hello != NULL) != (p->params != NULL));
		if (p->era == TL_CLIENT_CURRENT) {
			current++;
			CHECK(strstr(p->source, "captured from ") == p->source);
			CHECK(strstr(p->source, "on Debian 12 by testdata/clients/capture.py") !=
			      NULL);
			CHECK(i + 1 == current); /* current first */
		}
		if (i > 0 && all[i - 1]->era == p->era)
			CHECK(strcmp(all[i - 1]->id, p->id) <
			      0); /* each half in id order, unique */
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(all[j]->id, p->id) != 0);
	}
	CHECK_INT(current, 11);
	CHECK(tl_client_profile_find("no-such-client") == NULL);
	CHECK_STR(tl_client_profile_find("chromium-156-linux")->family, "chrome");
	CHECK_STR(tl_client_profile_find("firefox-153esr-linux")->family, "firefox");
	CHECK_STR(tl_client_profile_find("nss-3.87-linux")->family, "nss");
	CHECK(tl_client_profile_find("ie-8-winxp")->params->sni == false);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
}

/* ---- hellos ---- */

static const char long_name[] = "a-much-longer-name-than-the-capture-had.deep.sub.example.org";

/* A parse of P's hello for NAME, after checking it parses and says NAME (or nothing). */
static void
hello_for(struct tl_arena *arena, const struct tl_client_profile *p, const char *name,
	  const char *want_sni, struct parsed *out)
{
	size_t len = 0;
	const unsigned char *h = tl_profile_hello(arena, p, name, &len);

	memset(out, 0, sizeof(*out));
	if (h == NULL) {
		fprintf(stderr, "%s: no hello for '%s'\n", p->id, name ? name : "(null)");
		CHECK(h != NULL);
		return;
	}
	parse(h, len, out);
	if (!out->ok)
		fprintf(stderr, "%s, '%s': %s\n", p->id, name ? name : "(null)", out->why);
	CHECK(out->ok);
	if (want_sni == NULL)
		CHECK(!out->sni);
	else
		CHECK_STR(out->sni ? out->sni_name : NULL, want_sni);
}

static void
check_params(const struct tl_client_profile *p, const struct parsed *h)
{
	const struct tl_hello_params *hp = p->params;

	CHECK_INT(h->record_version, hp->record_version);
	CHECK_INT(h->legacy_version, hp->legacy_version);
	CHECK_INT(h->nsuites, hp->nsuites);
	CHECK(h->nsuites == hp->nsuites && memcmp(h->suites, hp->suites, 2 * h->nsuites) == 0);
	CHECK_INT(h->nshares, hp->nkey_shares);
	for (size_t i = 0; i < h->nshares && i < hp->nkey_shares; i++) {
		static const struct {
			uint16_t group;
			size_t len;
		} sizes[] = {{0x001d, 32}, {0x001e, 56}, {0x0017, 65}, {0x0018, 97}, {0x0019, 133}};

		CHECK_INT(h->share_groups[i], hp->key_shares[i]);
		for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++)
			if (sizes[k].group == h->share_groups[i])
				CHECK_INT(h->share_lens[i], sizes[k].len);
	}
}

/* The captured hello as sent and the rebuilt one agree on everything but the name and padding. */
static void
check_captured(const struct tl_client_profile *p, const struct parsed *h)
{
	static struct parsed orig;
	size_t j = 0;

	parse(p->hello, p->hello_len, &orig);
	CHECK(orig.ok);
	CHECK_INT(h->record_version, orig.record_version);
	CHECK_INT(h->legacy_version, orig.legacy_version);
	CHECK(h->nsuites == orig.nsuites && memcmp(h->suites, orig.suites, 2 * h->nsuites) == 0);
	for (size_t i = 0; i < orig.nexts; i++) {
		if (orig.ext_types[i] == 0)
			continue;
		while (j < h->nexts && h->ext_types[j] == 0)
			j++;
		CHECK(j < h->nexts && h->ext_types[j] == orig.ext_types[i]);
		if (j < h->nexts && orig.ext_types[i] != 21)
			CHECK(h->ext_len[j] == orig.ext_len[i] &&
			      memcmp(h->ext_body[j], orig.ext_body[i], orig.ext_len[i]) == 0);
		j++;
	}
}

static bool
has_ext(const struct parsed *h, unsigned type, size_t *len)
{
	for (size_t i = 0; i < h->nexts; i++)
		if (h->ext_types[i] == type) {
			*len = h->ext_len[i];
			return true;
		}
	return false;
}

static void
test_hellos(void)
{
	struct tl_arena *arena = tl_arena_new();
	size_t n;
	const struct tl_client_profile *const *all = tl_client_profiles(&n);
	static struct parsed h;

	for (size_t i = 0; i < n; i++) {
		const struct tl_client_profile *p = all[i];
		bool sni = p->hello != NULL || p->params->sni;
		size_t pad;

		hello_for(arena, p, "www.example.test", sni ? "www.example.test" : NULL, &h);
		if (p->hello != NULL) {
			check_captured(p, &h);
			/* The name the capture asked for: the bytes come back as captured. */
			CHECK_INT(h.hs_len + 5 * h.records, p->hello_len);
		} else {
			check_params(p, &h);
		}
		hello_for(arena, p, long_name, sni ? long_name : NULL, &h);
		if (p->hello != NULL) {
			check_captured(p, &h);
			/* A padding extension absorbs the longer name: the size stays the client's.
			 */
			if (has_ext(&h, 21, &pad) && pad > 0)
				CHECK_INT(h.hs_len + 5 * h.records, p->hello_len);
		}
		hello_for(arena, p, "www.example.test.", sni ? "www.example.test" : NULL, &h);
		hello_for(arena, p,
			  "b\xc3\xbc"
			  "cher.example",
			  sni ? "xn--bcher-kva.example" : NULL, &h);
		/* No name, or an address: no server_name at all (RFC 6066, 3). */
		hello_for(arena, p, NULL, NULL, &h);
		if (p->hello != NULL)
			check_captured(p, &h);
		hello_for(arena, p, "192.0.2.7", NULL, &h);
		hello_for(arena, p, "[2001:db8::1]", NULL, &h);
	}
	tl_arena_free(arena);
}

/* Hand-made captures: a hello over two records, one too long for one, one damaged. */
static void
test_records(void)
{
	struct tl_arena *arena = tl_arena_new();
	const struct tl_client_profile *curl = tl_client_profile_find("curl-7.88-linux");
	static unsigned char split[70000], big[70000];
	static struct parsed h;
	struct tl_client_profile fake = *curl;
	size_t body = curl->hello_len - 5, len, at, n, ext_at;
	const unsigned char *out;

	/* curl's one record cut after 100 bytes of its message: joined again, one record out. */
	memcpy(split, curl->hello, 5 + 100);
	split[3] = 0;
	split[4] = 100;
	memcpy(split + 105, curl->hello, 5);
	split[105 + 3] = (unsigned char)((body - 100) >> 8);
	split[105 + 4] = (unsigned char)(body - 100);
	memcpy(split + 110, curl->hello + 105, body - 100);
	fake.hello = split;
	fake.hello_len = curl->hello_len + 5;
	out = tl_profile_hello(arena, &fake, "x.example", &len);
	CHECK(out != NULL);
	if (out != NULL) {
		parse(out, len, &h);
		CHECK(h.ok);
		CHECK_INT(h.records, 1);
		CHECK_STR(h.sni_name, "x.example");
	}

	/*
	 * A hello grown past one record by a 20000-byte extension of an unknown
	 * type (as a large post-quantum key share grows it), sent in three
	 * records: rebuilt as two, the first full, the second with the rest.
	 */
	memcpy(big, curl->hello + 5, body);
	ext_at = 4 + 2 + 32 + 1 + big[4 + 34];
	ext_at += 2 + be(big + ext_at, 2);
	ext_at += 1 + big[ext_at]; /* the extensions length */
	n = be(big + ext_at, 2);
	memmove(big + ext_at + 2 + 4 + 20000, big + ext_at + 2, n);
	big[ext_at + 2] = 0xfa;
	big[ext_at + 3] = 0xfa;
	big[ext_at + 4] = (unsigned char)(20000 >> 8);
	big[ext_at + 5] = (unsigned char)(20000 & 0xff);
	memset(big + ext_at + 6, 0x5a, 20000);
	n += 4 + 20000;
	big[ext_at] = (unsigned char)(n >> 8);
	big[ext_at + 1] = (unsigned char)n;
	body = ext_at + 2 + n;
	big[1] = (unsigned char)((body - 4) >> 16);
	big[2] = (unsigned char)((body - 4) >> 8);
	big[3] = (unsigned char)(body - 4);
	at = 0;
	for (size_t off = 0; off < body; off += 9000) {
		size_t k = body - off < 9000 ? body - off : 9000;

		split[at] = 22;
		split[at + 1] = 3;
		split[at + 2] = 1;
		split[at + 3] = (unsigned char)(k >> 8);
		split[at + 4] = (unsigned char)k;
		memcpy(split + at + 5, big + off, k);
		at += 5 + k;
	}
	fake.hello = split;
	fake.hello_len = at;
	out = tl_profile_hello(arena, &fake, long_name, &len);
	CHECK(out != NULL);
	if (out != NULL) {
		parse(out, len, &h);
		CHECK(h.ok);
		CHECK_INT(h.records, 2);
		CHECK_INT(h.max_record, 16384);
		CHECK_INT(h.record_version, 0x0301);
		CHECK_STR(h.sni_name, long_name);
	}

	/* Damaged: a record cut short, a record that is not a handshake, a second message. */
	fake.hello = curl->hello;
	fake.hello_len = curl->hello_len - 1;
	CHECK(tl_profile_hello(arena, &fake, "x.example", &len) == NULL);
	memcpy(split, curl->hello, curl->hello_len);
	split[0] = 23;
	fake.hello = split;
	fake.hello_len = curl->hello_len;
	CHECK(tl_profile_hello(arena, &fake, "x.example", &len) == NULL);
	memcpy(split, curl->hello, curl->hello_len);
	memcpy(split + curl->hello_len, curl->hello, curl->hello_len);
	fake.hello_len = 2 * curl->hello_len;
	CHECK(tl_profile_hello(arena, &fake, "x.example", &len) == NULL);
	tl_arena_free(arena);
}

/* A capture without server_name (its client was given an address) gets one, first. */
static void
test_inserted_name(void)
{
	struct tl_arena *arena = tl_arena_new();
	const struct tl_client_profile *curl = tl_client_profile_find("curl-7.88-linux");
	struct tl_client_profile fake = *curl;
	static struct parsed h;
	size_t len;
	const unsigned char *noname = tl_profile_hello(arena, curl, NULL, &len);

	CHECK(noname != NULL);
	fake.hello = noname;
	fake.hello_len = len;
	hello_for(arena, &fake, "inserted.example", "inserted.example", &h);
	CHECK(h.nexts > 0 && h.ext_types[0] == 0);
	check_captured(curl, &h);
	tl_arena_free(arena);
}

/* A name longer than DNS allows (253 bytes) is no name a client could send: none is sent. */
static void
test_overlong_name(void)
{
	struct tl_arena *arena = tl_arena_new();
	static struct parsed h;
	char name[300];

	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	for (size_t i = 63; i < sizeof(name) - 1; i += 64)
		name[i] = '.';
	hello_for(arena, tl_client_profile_find("curl-7.88-linux"), name, NULL, &h);
	hello_for(arena, tl_client_profile_find("java-8u161"), name, NULL, &h);
	name[253] = '\0'; /* 253 bytes: the longest name, sent */
	hello_for(arena, tl_client_profile_find("java-8u161"), name, name, &h);
	tl_arena_free(arena);
}

/* ---- the server's answer ---- */

static bool
speaks_tls12_or_13(const struct tl_client_profile *p)
{
	if (p->hello != NULL)
		return true; /* every captured client of Debian 12 does */
	if (p->params->legacy_version >= 0x0303)
		return true;
	for (size_t i = 0; i < p->params->nversions; i++)
		if (p->params->versions[i] >= 0x0303)
			return true;
	return false;
}

static void
test_first_flights(void)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
	struct tl_arena *arena = tl_arena_new();
	char cert[4096], key[4096];
	size_t n, tls10 = 0;
	const struct tl_client_profile *const *all = tl_client_profiles(&n);

	snprintf(cert, sizeof(cert), "%s/www.fullchain.crt", pki);
	snprintf(key, sizeof(key), "%s/www.key", pki);
	CHECK(SSL_CTX_use_certificate_chain_file(ctx, cert) == 1);
	CHECK(SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) == 1);
	for (size_t i = 0; i < n; i++) {
		const struct tl_client_profile *p = all[i];
		struct tl_first_flight r;
		size_t len;
		const unsigned char *h = tl_profile_hello(arena, p, "www.example.test", &len);

		CHECK(h != NULL);
		if (h == NULL)
			continue;
		CHECK_INT(tl_first_flight(ctx, h, len, &r), 0);
		if (speaks_tls12_or_13(p)) {
			if (!r.answered)
				fprintf(stderr, "%s: refused: alert %d, %s\n", p->id, r.alert,
					r.reason);
			CHECK(r.answered);
			CHECK(!r.retry); /* its key share, if any, is a key the server could use */
			CHECK(r.version == 0x0303 || r.version == 0x0304);
			/* A TLS 1.3 parameter client gets TLS 1.3: its key share was usable. */
			if (p->params != NULL && p->params->nkey_shares > 0)
				CHECK_INT(r.version, 0x0304);
		} else {
			/*
			 * A TLS 1.0 client: OpenSSL 3.0 takes the version but then finds
			 * no signature algorithm it may use with the certificate, TLS
			 * 1.0's MD5+SHA-1 being refused at security level 1 and above,
			 * whatever the suite: alert 80. XP's RC4/3DES/DES list shares no
			 * suite at all.
			 */
			tls10++;
			CHECK(!r.answered);
			if (strcmp(p->id, "ie-8-winxp") == 0) {
				CHECK_INT(r.alert, 40);
				CHECK_STR(r.reason, "no shared cipher");
			} else {
				CHECK_INT(r.alert, 80);
				CHECK_STR(r.reason, "no suitable signature algorithm");
			}
		}
	}
	CHECK_INT(tls10, 3); /* android-4.4, ie-8-winxp, java-7u25 */
	tl_arena_free(arena);
	SSL_CTX_free(ctx);
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_client_profiles PKI_DIR\n");
		return 2;
	}
	pki = argv[1];
	test_table();
	test_hellos();
	test_records();
	test_inserted_name();
	test_overlong_name();
	test_first_flights();
	return tl_unit_result();
}
