/*
 * Host name matching (checks/hostname.c): a table of RFC 6125 cases, each
 * also put to OpenSSL's X509_check_host (no partial wildcards, never the
 * subject CN) on a certificate holding just that dNSName, so the matcher
 * and what OpenSSL clients do cannot drift apart silently. Then the
 * subjectAltName reading on real certificates from testdata/pki.
 */
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <stdlib.h>

#include "../../src/tests/unit.h"
#include "../hostname.h"

#define FLAGS (X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS | X509_CHECK_FLAG_NEVER_CHECK_SUBJECT)

struct dns_case {
	const char *pattern; /* dNSName in the certificate */
	const char *host;    /* the name a client asks for */
	bool match;
	bool openssl_agrees; /* false where OpenSSL is known to decide otherwise (see why) */
};

static const struct dns_case dns_cases[] = {
	/* Exact names, case and trailing dots. */
	{"www.example.test", "www.example.test", true, true},
	{"www.example.test", "WWW.Example.TEST", true, true},
	{"WWW.EXAMPLE.TEST", "www.example.test", true, true},
	{"www.example.test", "other.example.test", false, true},
	{"www.example.test", "example.test", false, true},
	{"example.test", "www.example.test", false, true},
	{"www.example.test", "www.example.test.evil", false, true},
	{"www.example.test", "ww.example.test", false, true},
	/*
	 * A trailing dot on either side is the same name (RFC 6125 §6.4.1, browsers); OpenSSL 3.0
	 * compares the dots literally, so only a dot on both sides matches there.
	 */
	{"www.example.test.", "www.example.test", true, false},
	{"www.example.test", "www.example.test.", true, false},
	{"www.example.test.", "www.example.test.", true, true},
	{"www.example.test", "www.example.test..", false, true},
	/* Empty labels and empty names. */
	{"www.example.test", "", false, true},
	{"", "www.example.test", false, true},
	/* OpenSSL compares an empty label literally; no client can ask for such a name. */
	{"www..example.test", "www..example.test", false, false},
	{"www.example.test", ".www.example.test", false, true},
	{".example.test", "www.example.test", false, true},
	/* Whole-label wildcards: exactly one label. */
	{"*.example.test", "a.example.test", true, true},
	{"*.example.test", "WWW.EXAMPLE.TEST", true, true},
	{"*.EXAMPLE.test", "www.example.test", true, true},
	{"*.example.test", "example.test", false, true},
	{"*.example.test", "a.b.example.test", false, true},
	/* OpenSSL reads a leading-dot reference as "any name under it"; clients never send one. */
	{"*.example.test", ".example.test", false, false},
	{"*.example.test", "a.example.test.other", false, true},
	{"*.example.test", "a.example.testx", false, true},
	{"*.example.test.", "a.example.test", true, false}, /* trailing dot, as above */
	{"*.sub.example.test", "a.sub.example.test", true, true},
	{"*.sub.example.test", "a.example.test", false, true},
	/* Not at or above the second level, and never alone. */
	{"*.test", "example.test", false, true},
	{"*.com", "example.com", false, true},
	{"*", "example", false, true},
	{"*", "www.example.test", false, true},
	{"*.", "example", false, true},
	{"*.*.example.test", "a.b.example.test", false, true},
	/* Partial and misplaced wildcards never match. */
	{"w*.example.test", "www.example.test", false, true},
	{"*w.example.test", "www.example.test", false, true},
	{"w*w.example.test", "www.example.test", false, true},
	{"www.*.test", "www.example.test", false, true},
	{"www.example.*", "www.example.test", false, true},
	{"a.*.example.test", "a.b.example.test", false, true},
	/*
	 * A wildcard reference name is not a host and matches nothing by pattern (OpenSSL
	 * compares it literally); cert_names.c compares nginx wildcards with tl_hostname_equal.
	 */
	{"*.example.test", "*.example.test", false, false},
	/* IDNA: A-labels compare as ASCII; a wildcard may cover an A-label. */
	{"xn--bcher-kva.example.test", "xn--bcher-kva.example.test", true, true},
	{"xn--bcher-kva.example.test", "XN--BCHER-KVA.example.test", true, true},
	{"xn--bcher-kva.example.test", "bucher.example.test", false, true},
	{"*.xn--caf-dma.example.test", "xn--bcher-kva.xn--caf-dma.example.test", true, true},
	{"*.xn--caf-dma.example.test", "www.xn--caf-dma.example.test", true, true},
	{"*.xn--caf-dma.example.test", "xn--caf-dma.example.test", false, true},
	{"xn--*.example.test", "xn--bcher-kva.example.test", false, true},
	/* U-labels are never compared: they must become A-labels first. */
	{"xn--bcher-kva.example.test",
	 "b\xc3\xbc"
	 "cher.example.test",
	 false, true},
	{"*.example.test",
	 "b\xc3\xbc"
	 "cher.example.test",
	 false, true},
	/* Address-looking DNS names are just strings here; tl_sans_cover keeps IPs apart. */
	{"*.0.0.1", "127.0.0.1", true, true},
};

static X509 *
cert_with_sans(const char *san_conf)
{
	X509 *x = X509_new();
	X509V3_CTX ctx;
	X509_EXTENSION *ext;

	X509V3_set_ctx(&ctx, NULL, x, NULL, NULL, 0);
	ext = X509V3_EXT_conf_nid(NULL, &ctx, NID_subject_alt_name, san_conf);
	if (ext != NULL) {
		X509_add_ext(x, ext, -1);
		X509_EXTENSION_free(ext);
	}
	return x;
}

/* A certificate whose only subjectAltName is the raw dNSName PATTERN (any bytes). */
static X509 *
cert_with_dns(const char *pattern)
{
	X509 *x = X509_new();
	GENERAL_NAMES *gens = GENERAL_NAMES_new();
	GENERAL_NAME *g = GENERAL_NAME_new();
	ASN1_IA5STRING *s = ASN1_IA5STRING_new();

	ASN1_STRING_set(s, pattern, (int)strlen(pattern));
	GENERAL_NAME_set0_value(g, GEN_DNS, s);
	sk_GENERAL_NAME_push(gens, g);
	X509_add1_ext_i2d(x, NID_subject_alt_name, gens, 0, X509V3_ADD_DEFAULT);
	GENERAL_NAMES_free(gens);
	return x;
}

static void
test_dns_table(void)
{
	for (size_t i = 0; i < sizeof(dns_cases) / sizeof(dns_cases[0]); i++) {
		const struct dns_case *c = &dns_cases[i];
		bool got = tl_hostname_match(c->pattern, c->host);
		X509 *x = cert_with_dns(c->pattern);
		bool ossl = X509_check_host(x, c->host, strlen(c->host), FLAGS, NULL) == 1;

		if (got != c->match)
			fprintf(stderr, "case %zu: '%s' vs '%s': got %d\n", i, c->pattern, c->host,
				got);
		CHECK(got == c->match);
		if (c->openssl_agrees) {
			if (ossl != got)
				fprintf(stderr, "case %zu: '%s' vs '%s': OpenSSL says %d\n", i,
					c->pattern, c->host, ossl);
			CHECK(ossl == got);
		}
		X509_free(x);
	}
	printf("%zu host name cases\n", sizeof(dns_cases) / sizeof(dns_cases[0]));
}

static void
test_equal_and_ip(void)
{
	unsigned char a[16];

	CHECK(tl_hostname_equal("*.Example.test", "*.example.test."));
	CHECK(!tl_hostname_equal("*.example.test", "a.example.test"));
	CHECK(!tl_hostname_equal("", ""));
	CHECK_INT(tl_hostname_ip("127.0.0.1", a), 4);
	CHECK(a[0] == 127 && a[3] == 1);
	CHECK_INT(tl_hostname_ip("::1", a), 16);
	CHECK(a[15] == 1 && a[0] == 0);
	CHECK_INT(tl_hostname_ip("[::1]", a), 16);
	CHECK_INT(tl_hostname_ip("2001:db8::1", a), 16);
	CHECK_INT(tl_hostname_ip("127.0.0.1.", a), 0);
	CHECK_INT(tl_hostname_ip("127.1", a), 0);
	CHECK_INT(tl_hostname_ip("www.example.test", a), 0);
	CHECK_INT(tl_hostname_ip("", a), 0);
	CHECK(tl_hostname_is_ascii("www.example.test"));
	CHECK(!tl_hostname_is_ascii("b\xc3\xbc"
				    "cher.example.test"));
}

static void
test_alabel(void)
{
	char buf[256];

	CHECK_STR(tl_hostname_to_alabel("b\xc3\xbc"
					"cher.example.test",
					buf, sizeof(buf)),
		  "xn--bcher-kva.example.test");
	CHECK_STR(tl_hostname_to_alabel("caf\xc3\xa9", buf, sizeof(buf)), "xn--caf-dma");
	/* RFC 3492 §7.1 (L) "3年B組金八先生", lowercased. */
	CHECK_STR(tl_hostname_to_alabel("3\xe5\xb9\xb4"
					"B\xe7\xb5\x84\xe9\x87\x91\xe5\x85\xab\xe5\x85\x88\xe7\x94"
					"\x9f",
					buf, sizeof(buf)),
		  "xn--3b-ww4c5e180e575a65lsy2b");
	/* A label with no ASCII at all: "ü" alone. */
	CHECK_STR(tl_hostname_to_alabel("\xc3\xbc", buf, sizeof(buf)), "xn--tda");
	CHECK_STR(tl_hostname_to_alabel("WWW.Example.test", buf, sizeof(buf)), "www.example.test");
	CHECK(tl_hostname_to_alabel("b\xc3", buf, sizeof(buf)) == NULL);    /* cut sequence */
	CHECK(tl_hostname_to_alabel("\xc0\xaf", buf, sizeof(buf)) == NULL); /* overlong */
	CHECK(tl_hostname_to_alabel("b\xc3\xbc"
				    "cher.example.test",
				    buf, 10) == NULL);
}

/* IP addresses match IP SANs only, and names never match IP SANs. */
static void
test_ip_sans(void)
{
	struct tl_arena *arena = tl_arena_new();
	X509 *x = cert_with_sans("DNS:127.0.0.1, DNS:ip.example.test, IP:10.0.0.1, IP:::1");
	size_t n;
	bool ext;
	const struct tl_san *sans = tl_cert_sans(arena, x, &n, &ext);

	CHECK(ext);
	CHECK_INT(n, 4);
	CHECK(!tl_sans_cover(sans, n, "127.0.0.1")); /* only a DNS entry says it */
	CHECK(X509_check_ip_asc(x, "127.0.0.1", 0) != 1);
	CHECK(tl_sans_cover(sans, n, "10.0.0.1"));
	CHECK(X509_check_ip_asc(x, "10.0.0.1", 0) == 1);
	CHECK(tl_sans_cover(sans, n, "::1"));
	CHECK(tl_sans_cover(sans, n, "0:0:0:0:0:0:0:1"));
	CHECK(!tl_sans_cover(sans, n, "10.0.0.2"));
	CHECK(tl_sans_cover(sans, n, "ip.example.test"));
	CHECK_STR(tl_sans_text(arena, sans, n, 10),
		  "DNS:127.0.0.1, DNS:ip.example.test, IP:10.0.0.1, IP:::1");
	CHECK_STR(tl_sans_text(arena, sans, n, 2), "DNS:127.0.0.1, DNS:ip.example.test and 2 more");
	X509_free(x);
	tl_arena_free(arena);
}

static X509 *
load(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;
	X509 *x;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	if (f == NULL) {
		fprintf(stderr, "cannot open %s\n", path);
		return NULL;
	}
	x = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	return x;
}

/* The matcher and X509_check_host agree on the real test certificates. */
static void
test_pki(const char *dir)
{
	static const struct {
		const char *file, *host;
		bool match;
	} cases[] = {
		{"www.crt", "www.example.test", true},
		{"www.crt", "example.test", true},
		{"www.crt", "other.example.test", false},
		{"wildcard.crt", "a.example.test", true},
		{"wildcard.crt", "example.test", false},
		{"wildcard.crt", "a.b.example.test", false},
		{"idna.crt", "xn--bcher-kva.example.test", true},
		{"idna.crt", "shop.xn--caf-dma.example.test", true},
		{"idna.crt", "xn--caf-dma.example.test", false},
		{"ipsan.crt", "127.0.0.1", true},
		{"ipsan.crt", "::1", true},
		{"ipsan.crt", "127.0.0.2", false},
		{"ipsan.crt", "ip.example.test", true},
		/* CN only: OpenSSL's default falls back to the CN; tlslint never does. */
		{"cnonly.crt", "cnonly.example.test", false},
	};
	struct tl_arena *arena = tl_arena_new();

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		X509 *x = load(dir, cases[i].file);
		size_t n;
		bool ext, got, ossl;
		const struct tl_san *sans;
		unsigned char a[16];

		CHECK(x != NULL);
		if (x == NULL)
			continue;
		sans = tl_cert_sans(arena, x, &n, &ext);
		got = tl_sans_cover(sans, n, cases[i].host);
		if (tl_hostname_ip(cases[i].host, a) != 0)
			ossl = X509_check_ip_asc(x, cases[i].host, 0) == 1;
		else
			ossl = X509_check_host(x, cases[i].host, 0, FLAGS, NULL) == 1;
		if (got != cases[i].match || ossl != got)
			fprintf(stderr, "%s vs %s: got %d, OpenSSL %d\n", cases[i].file,
				cases[i].host, got, ossl);
		CHECK(got == cases[i].match);
		CHECK(ossl == got);
		X509_free(x);
	}
	{
		X509 *x = load(dir, "cnonly.crt");
		size_t n;
		bool ext;

		CHECK(x != NULL);
		if (x != NULL) {
			tl_cert_sans(arena, x, &n, &ext);
			CHECK(!ext);
			CHECK_INT(n, 0);
			/* Without NEVER_CHECK_SUBJECT OpenSSL does accept the CN (what curl sees).
			 */
			CHECK(X509_check_host(x, "cnonly.example.test", 0, 0, NULL) == 1);
			X509_free(x);
		}
	}
	tl_arena_free(arena);
}

int
main(int argc, char **argv)
{
	test_dns_table();
	test_equal_and_ip();
	test_alabel();
	test_ip_sans();
	if (argc > 1)
		test_pki(argv[1]);
	else
		CHECK(!"usage: test_hostname PKI-DIR");
	return tl_unit_result();
}
