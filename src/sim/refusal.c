#include "refusal.h"

#include <string.h>
#include <strings.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "cipher_string.h"
#include "cipher_suites.h"
#include "tls_view.h"

/* OpenSSL 3.0's lists when a server sets none (ssl/ssl_ciph.c, ssl/t1_lib.c). */
#define LIBRARY_CIPHERS "DEFAULT"
#define LIBRARY_SUITES "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256"
static const uint16_t library_groups[] = {0x001d, 0x0017, 0x001e, 0x0019, 0x0018,
					  0x0100, 0x0101, 0x0102, 0x0103, 0x0104};

static const struct {
	const char *name;
	uint16_t id;
} group_names[] = {
	{"x25519", 0x001d},    {"x448", 0x001e},      {"p-256", 0x0017},     {"prime256v1", 0x0017},
	{"secp256r1", 0x0017}, {"p-384", 0x0018},     {"secp384r1", 0x0018}, {"p-521", 0x0019},
	{"secp521r1", 0x0019}, {"ffdhe2048", 0x0100}, {"ffdhe3072", 0x0101}, {"ffdhe4096", 0x0102},
	{"ffdhe6144", 0x0103}, {"ffdhe8192", 0x0104},
};

/* The groups of a "X25519:P-256" list as IANA numbers (unknown names left out). */
static size_t
server_groups(const char *list, uint16_t *out, size_t max)
{
	size_t n = 0;

	if (list == NULL) {
		for (size_t i = 0; i < sizeof(library_groups) / sizeof(library_groups[0]); i++)
			out[n++] = library_groups[i];
		return n;
	}
	for (const char *p = list; *p && n < max;) {
		size_t len = strcspn(p, ":,");

		for (size_t i = 0; i < sizeof(group_names) / sizeof(group_names[0]); i++)
			if (strlen(group_names[i].name) == len &&
			    strncasecmp(group_names[i].name, p, len) == 0) {
				out[n++] = group_names[i].id;
				break;
			}
		p += len + (p[len] != '\0');
	}
	return n;
}

static bool
offers_suite(const struct tl_hello_offer *o, uint32_t id)
{
	for (size_t i = 0; i < o->nsuites; i++)
		if ((0x03000000u | o->suites[i]) == id)
			return true;
	return false;
}

static bool
common_group(const struct tl_hello_offer *o, const uint16_t *g, size_t n, bool ffdhe)
{
	for (size_t i = 0; i < o->ngroups; i++)
		for (size_t k = 0; k < n; k++)
			if (o->groups[i] == g[k] && (g[k] >= 0x0100) == ffdhe)
				return true;
	return false;
}

/* The authentication bits the served certificates can do (TL_A_*). */
static uint32_t
served_auth(const struct tl_server_ctx *sc, const char **kinds, struct tl_arena *arena)
{
	uint32_t a = 0;

	*kinds = NULL;
	for (size_t i = 0; i < sc->ncerts; i++) {
		EVP_PKEY *k = X509_get0_pubkey(sc->certs[i].leaf);
		int id = k ? EVP_PKEY_get_base_id(k) : 0;
		const char *kind = id == EVP_PKEY_RSA       ? "RSA"
				   : id == EVP_PKEY_EC      ? "ECDSA"
				   : id == EVP_PKEY_ED25519 ? "Ed25519"
				   : id == EVP_PKEY_DSA     ? "DSA"
							    : "other";

		a |= id == EVP_PKEY_RSA ? TL_A_RSA
		     : id == EVP_PKEY_EC || id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448
			     ? TL_A_ECDSA
		     : id == EVP_PKEY_DSA ? TL_A_DSS
					  : 0;
		*kinds = *kinds ? tl_arena_printf(arena, "%s and %s", *kinds, kind) : kind;
	}
	return a;
}

static const char *
auth_name(uint32_t auth)
{
	return auth & TL_A_ECDSA ? "ECDSA"
	       : auth & TL_A_RSA ? "RSA"
	       : auth & TL_A_DSS ? "DSA"
				 : "other";
}

/* The versions the client offers, as TL_PROTO_* bits. */
static unsigned
client_mask(const struct tl_hello_offer *o)
{
	static const struct {
		unsigned v, bit;
	} map[] = {{0x0300, TL_PROTO_SSLv3},
		   {0x0301, TL_PROTO_TLSv1},
		   {0x0302, TL_PROTO_TLSv1_1},
		   {0x0303, TL_PROTO_TLSv1_2},
		   {0x0304, TL_PROTO_TLSv1_3}};
	unsigned m = 0;

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (tl_hello_offer_version(o, map[i].v))
			m |= map[i].bit;
	return m;
}

static const char *
wire_name(unsigned v)
{
	return v == 0x0300   ? "SSLv3"
	       : v == 0x0301 ? "TLSv1"
	       : v == 0x0302 ? "TLSv1.1"
	       : v == 0x0303 ? "TLSv1.2"
			     : "TLSv1.3";
}

static unsigned
wire_version(unsigned bit)
{
	return bit == TL_PROTO_SSLv3     ? 0x0300
	       : bit == TL_PROTO_TLSv1   ? 0x0301
	       : bit == TL_PROTO_TLSv1_1 ? 0x0302
	       : bit == TL_PROTO_TLSv1_2 ? 0x0303
					 : 0x0304;
}

/*
 * TLS <= 1.2 at version V: the suites in common, usable with the served
 * certificates, in the order the server picks (its own with server
 * preference, else the client's).
 */
static void
explain_12(struct tl_arena *arena, const struct tl_site *site, const struct tl_server_ctx *sc,
	   const struct tl_hello_offer *o, unsigned v, struct tl_refusal *out)
{
	struct tl_cipher_list list;
	const char *err, *kinds;
	uint32_t auth = served_auth(sc, &kinds, arena);
	size_t common = 0, usable = 0;
	uint32_t need = 0;
	const struct tl_cipher_suite *pick = NULL, *pick_unlinked = NULL;
	uint16_t groups[32];
	size_t ngroups = server_groups(site->eff.groups.s, groups, 32);
	bool server_order = site->eff.options[TL_OPT_SERVER_PREFERENCE].on;

	if (tl_cipher_string_eval(arena,
				  site->eff.ciphers.s ? site->eff.ciphers.s : LIBRARY_CIPHERS, 0,
				  &list, &err) != 0)
		return;
	for (size_t pass = 0; pass < (server_order ? 1 : o->nsuites); pass++) {
		for (size_t i = 0; i < list.len; i++) {
			const struct tl_cipher_suite *s = list.suites[i];
			bool ecdhe = (s->mkey & (TL_K_ECDHE | TL_K_ECDHEPSK)) != 0;
			bool dhe = (s->mkey & (TL_K_DHE | TL_K_DHEPSK)) != 0;

			if (s->min_proto > (int)v || s->min_proto == TL_CS_TLS1_3)
				continue;
			if (server_order ? !offers_suite(o, s->id)
					 : (0x03000000u | o->suites[pass]) != s->id)
				continue;
			common++;
			if (s->auth != TL_A_ANY && (s->auth & (auth | TL_A_NULL)) == 0) {
				need |= s->auth;
				continue;
			}
			if (ecdhe && o->ngroups > 0 && !common_group(o, groups, ngroups, false))
				continue;
			(void)dhe;
			usable++;
			if (tl_cipher_suite_linked(s)) {
				if (pick == NULL)
					pick = s;
			} else if (pick_unlinked == NULL) {
				pick_unlinked = s;
			}
		}
	}
	if (common == 0) {
		out->cause = TL_CAUSE_CIPHERS;
		out->why = tl_arena_printf(
			arena,
			"no cipher suite in common for %s: the client offers %zu, "
			"the site's cipher string enables %zu, none of them the same",
			tl_cipher_proto_name((int)v), o->nsuites, list.len);
	} else if (usable == 0 && need != 0) {
		out->cause = TL_CAUSE_CIPHERS;
		out->why =
			tl_arena_printf(arena,
					"the suites both have need an %s certificate and the site "
					"serves %s",
					auth_name(need), kinds ? kinds : "none");
	} else if (usable == 0) {
		out->cause = TL_CAUSE_GROUPS;
		out->why = "the suites both have are ECDHE, and no key-exchange group is in common";
	} else if (pick == NULL && pick_unlinked != NULL) {
		out->cause = TL_CAUSE_CIPHERS;
		out->computed = true;
		out->version = v;
		out->suite = pick_unlinked->id & 0xffff;
		out->why = tl_arena_printf(
			arena,
			"the only suites both have are ones this OpenSSL cannot "
			"negotiate; a server whose library has it would choose %s "
			"(computed, not run)",
			pick_unlinked->iana ? pick_unlinked->iana : pick_unlinked->name);
	}
}

/* TLS 1.3: a suite and a group in common; the certificate's signature is OpenSSL's to say. */
static void
explain_13(struct tl_arena *arena, const struct tl_site *site, const struct tl_hello_offer *o,
	   struct tl_refusal *out)
{
	struct tl_cipher_list list;
	const char *err;
	const char *s = site->eff.suites_from->eff.ciphersuites.s;
	uint16_t groups[32];
	size_t ngroups = server_groups(site->eff.groups.s, groups, 32);
	size_t common = 0;

	if (tl_ciphersuites_eval(arena, s ? s : LIBRARY_SUITES, &list, &err) != 0)
		return;
	for (size_t i = 0; i < list.len; i++)
		common += offers_suite(o, list.suites[i]->id);
	if (common == 0) {
		out->cause = TL_CAUSE_SUITES13;
		out->why = "no TLS 1.3 suite in common";
	} else if (!common_group(o, groups, ngroups, false) &&
		   !common_group(o, groups, ngroups, true)) {
		out->cause = TL_CAUSE_GROUPS;
		out->why = "no key-exchange group in common for TLS 1.3";
	}
}

void
tl_refusal_explain(struct tl_arena *arena, const struct tl_site *site,
		   const struct tl_server_ctx *sc, const struct tl_hello_offer *offer,
		   struct tl_refusal *out)
{
	unsigned server = tl_site_protocols(site).mask;
	unsigned client = client_mask(offer);
	unsigned both = server & client;

	memset(out, 0, sizeof(*out));
	if (sc->ncerts == 0) {
		out->cause = TL_CAUSE_CERTIFICATE;
		out->why = "the site has no certificate the server could load";
		return;
	}
	if (both == 0) {
		out->cause = TL_CAUSE_PROTOCOLS;
		/* Without supported_versions a hello names only its highest version. */
		out->why = tl_arena_printf(
			arena,
			"no protocol version in common: the client offers %s%s, the site allows %s",
			offer->nversions ? tl_protocols_string(arena, client)
					 : wire_name(offer->legacy_version),
			offer->nversions ? "" : " at most", tl_protocols_string(arena, server));
		return;
	}
	/* OpenSSL settles the version first, the highest both have, then the rest for it. */
	if (both & TL_PROTO_TLSv1_3) {
		explain_13(arena, site, offer, out);
		return;
	}
	for (unsigned bit = TL_PROTO_TLSv1_2; bit >= TL_PROTO_SSLv3; bit >>= 1)
		if (both & bit) {
			explain_12(arena, site, sc, offer, wire_version(bit), out);
			return;
		}
}
