/*
 * dh-weak and curve-weak: the key exchange parameters a site offers.
 * dh-weak reads the DH parameters file (through the certificate store, so
 * a file shared by many sites is read once); curve-weak reads the group
 * list, from raw OpenSSL Groups/Curves commands (the last wins, as in
 * SSL_CONF, whose file command names ignore case) or the site's groups setting.
 */
#include <openssl/crypto.h>
#include <openssl/dh.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "check_ctx.h"
#include "checks.h"
#include "tls_view.h"

/*
 * What a client offering X25519, P-256 and P-384 saw from nginx 1.22.1 with
 * "ssl_ecdh_curve secp224r1" (testdata/realserver/protocols.sh): no TLS 1.3
 * and no ECDHE; a plain s_client fell back to TLS 1.2 with static RSA.
 */
static const struct tl_client_error weak_group_clients[] = {
	{"OpenSSL, TLS 1.3 only", "tlsv1 alert protocol version"},
	{"OpenSSL, ECDHE/DHE suites only", "sslv3 alert handshake failure"},
	{NULL, NULL},
};

static const struct tl_client_error dh_clients[] = {
	{"OpenSSL (security level 2)", "error:0A00018A:SSL routines:tls_process_ske_dhe:dh key "
				       "too small"},
	{"curl", "error:0A00018A:SSL routines::dh key too small"},
	{"Python", "[SSL: DH_KEY_TOO_SMALL] dh key too small"},
	{"Chrome, Firefox", "no DHE offered at all; ECDHE or TLS 1.3 is used"},
	{NULL, NULL},
};

/* openssl s_client -cipher DHE-RSA-AES128-GCM-SHA256 against nginx with a 100,000-bit prime. */
static const struct tl_client_error dh_huge_clients[] = {
	{"OpenSSL", "error:0A000438:SSL routines:ssl3_read_bytes:tlsv1 alert internal error"},
	{NULL, NULL},
};

static void
set_site(struct tl_finding *f, const struct tl_site *site)
{
	f->server = tl_server_name(site->server);
	f->site = site->label;
}

static void
dh_site(struct tl_check_ctx *ctx, const struct tl_site *site)
{
	const struct tl_path *p = &site->tls.dhparam;
	const struct tl_cert_file *file;
	int want = ctx->policy->dh_param_size > 0 ? ctx->policy->dh_param_size : 2048;
	struct tl_finding *f;
	bool from_string;
	int bits, level;

	if (p->v.origin == TL_ORIGIN_UNSET || p->v.origin == TL_ORIGIN_DEFAULT || p->path == NULL)
		return;
	file = tl_certstore_get(ctx->certs, p->path);
	/* Not weak but unusable: directive-invalid's (checks/directive_files.c). */
	if (file->read_error != 0 || file->dh_params == NULL)
		return;
	bits = EVP_PKEY_get_bits(file->dh_params);
	level = tl_site_security_level(ctx, site, &from_string);
	/*
	 * Too large to use: OpenSSL loads them and the server starts, but
	 * DH_generate_key refuses a modulus over OPENSSL_DH_MAX_MODULUS_BITS
	 * ("modulus too large"). A prime that size is a denial of service too.
	 */
	if (bits > OPENSSL_DH_MAX_MODULUS_BITS) {
		f = tl_diag_add(
			ctx->diag, TL_CK_DH_WEAK, p->v.loc,
			"DH parameters '%s' have a %d-bit prime, more than the %d bits "
			"OpenSSL computes with: the server starts, and every handshake that "
			"picks a DHE suite fails with an internal_error alert",
			p->s, bits, OPENSSL_DH_MAX_MODULUS_BITS);
		f->clients_see = dh_huge_clients;
		set_site(f, site);
		return;
	}
	/*
	 * A profile that allows the size (old@5.7 and before: 1024) does not
	 * make OpenSSL load it: below the security level's minimum the server
	 * still fails to start, whatever guideline version is pinned.
	 */
	if (bits >= want && bits >= tl_level_dh_bits(level))
		return;
	if (bits >= want)
		f = tl_diag_add(ctx->diag, TL_CK_DH_WEAK, p->v.loc,
				"DH parameters '%s' have %d bits, which the %s profile allows "
				"(%s), but OpenSSL at security level %d (%s) refuses to load "
				"them ('dh key too small') and the server %s",
				p->s, bits, ctx->policy->name, ctx->policy->source, level,
				from_string ? "set by the cipher string"
					    : "the Debian and Ubuntu default",
				tl_fault_text(site->facts, TL_FAULT_DH_TOO_SMALL));
	else if (bits >= tl_level_dh_bits(level))
		f = tl_diag_add(ctx->diag, TL_CK_DH_WEAK, p->v.loc,
				"DH parameters '%s' have %d bits, fewer than the %d the %s profile "
				"requires; OpenSSL loads them only because the cipher string "
				"lowers its security level to %d, and DHE with them is breakable "
				"(Logjam)",
				p->s, bits, want, ctx->policy->name, level);
	else
		f = tl_diag_add(ctx->diag, TL_CK_DH_WEAK, p->v.loc,
				"DH parameters '%s' have %d bits, fewer than the %d the %s profile "
				"requires; OpenSSL at security level %d (%s) refuses to load "
				"them ('dh key too small') and the server %s",
				p->s, bits, want, ctx->policy->name, level,
				from_string ? "set by the cipher string"
					    : "the Debian and Ubuntu default",
				tl_fault_text(site->facts, TL_FAULT_DH_TOO_SMALL));
	f->clients_see = dh_clients;
	set_site(f, site);
}

void
tl_check_dh_weak(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];

		if (tl_site_has_context(site))
			dh_site(ctx, site);
	}
}

enum group_kind {
	GROUP_EC,     /* elliptic curve: size compared with ecdh_param_size */
	GROUP_FFDHE,  /* RFC 7919 finite field: size compared with dh_param_size */
	GROUP_HYBRID, /* post-quantum hybrid: at least as strong as its classical half */
};

/*
 * Group names the TLS group list of OpenSSL 1.1.1 to 3.x accepts, matched
 * case-sensitively as 3.0's SSL_CTX_set1_groups_list does ("PRIME256V1"
 * is refused, checked with nginx 1.22.1 on OpenSSL 3.0.19). Sources:
 * ssl/t1_lib.c group tables of OpenSSL 1.1.1 (nid_list: the sect*, secp*,
 * brainpool curves, X25519, X448) and 3.0 (ffdhe* added, NIST aliases
 * P-256/P-384/P-521 through EC_curve_nist2nid); ML-KEM hybrids from
 * OpenSSL 3.5 (providers/common/capabilities.c); X25519Kyber768Draft00
 * from oqs-provider and BoringSSL, never in OpenSSL itself. Size is the
 * field size in bits (for hybrids, the classical half's).
 */
static const struct {
	const char *name;
	enum group_kind kind;
	int bits;
} groups[] = {
	{"X25519", GROUP_EC, 256},
	{"x25519", GROUP_EC, 256},
	{"X448", GROUP_EC, 448},
	{"x448", GROUP_EC, 448},
	{"prime256v1", GROUP_EC, 256},
	{"secp256r1", GROUP_EC, 256},
	{"P-256", GROUP_EC, 256},
	{"secp384r1", GROUP_EC, 384},
	{"P-384", GROUP_EC, 384},
	{"secp521r1", GROUP_EC, 521},
	{"P-521", GROUP_EC, 521},
	{"secp256k1", GROUP_EC, 256},
	{"secp224r1", GROUP_EC, 224},
	{"P-224", GROUP_EC, 224},
	{"secp224k1", GROUP_EC, 224},
	{"secp192k1", GROUP_EC, 192},
	{"prime192v1", GROUP_EC, 192},
	{"secp192r1", GROUP_EC, 192},
	{"P-192", GROUP_EC, 192},
	{"secp160k1", GROUP_EC, 160},
	{"secp160r1", GROUP_EC, 160},
	{"secp160r2", GROUP_EC, 160},
	{"sect163k1", GROUP_EC, 163},
	{"sect163r1", GROUP_EC, 163},
	{"sect163r2", GROUP_EC, 163},
	{"sect193r1", GROUP_EC, 193},
	{"sect193r2", GROUP_EC, 193},
	{"sect233k1", GROUP_EC, 233},
	{"sect233r1", GROUP_EC, 233},
	{"sect239k1", GROUP_EC, 239},
	{"sect283k1", GROUP_EC, 283},
	{"sect283r1", GROUP_EC, 283},
	{"sect409k1", GROUP_EC, 409},
	{"sect409r1", GROUP_EC, 409},
	{"sect571k1", GROUP_EC, 571},
	{"sect571r1", GROUP_EC, 571},
	{"brainpoolP256r1", GROUP_EC, 256},
	{"brainpoolP384r1", GROUP_EC, 384},
	{"brainpoolP512r1", GROUP_EC, 512},
	{"ffdhe2048", GROUP_FFDHE, 2048},
	{"ffdhe3072", GROUP_FFDHE, 3072},
	{"ffdhe4096", GROUP_FFDHE, 4096},
	{"ffdhe6144", GROUP_FFDHE, 6144},
	{"ffdhe8192", GROUP_FFDHE, 8192},
	{"X25519MLKEM768", GROUP_HYBRID, 256},
	{"SecP256r1MLKEM768", GROUP_HYBRID, 256},
	{"SecP384r1MLKEM1024", GROUP_HYBRID, 384},
	{"X25519Kyber768Draft00", GROUP_HYBRID, 256},
};

#define NGROUPS (sizeof(groups) / sizeof(groups[0]))

/* The group list in effect: value, the place to change, and whether it is a default. */
struct group_list {
	const char *value;
	struct tl_loc loc;
	bool is_default;
};

static struct group_list
site_groups(const struct tl_site *site)
{
	const struct tl_str *list = &site->eff.groups;
	struct group_list g = {list->s, list->v.loc, list->v.origin == TL_ORIGIN_DEFAULT};

	return g;
}

static int
group_index(const char *name, size_t len)
{
	for (size_t i = 0; i < NGROUPS; i++)
		if (strlen(groups[i].name) == len && strncmp(groups[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

/*
 * Whether the linked libssl has group I, which stands for the server's
 * OpenSSL: the hybrid post-quantum groups came with OpenSSL 3.5, and a
 * server built with an older one (Debian 12's 3.0) refuses a list naming
 * them. Asked once per group, on a scratch context.
 */
static bool
linked_has(size_t i)
{
	static signed char known[NGROUPS]; /* 0: not asked, 1: has it, -1: lacks it */
	SSL_CTX *ctx;

	if (known[i] != 0)
		return known[i] > 0;
	ctx = SSL_CTX_new(TLS_method());
	known[i] = ctx != NULL && SSL_CTX_set1_groups_list(ctx, groups[i].name) == 1 ? 1 : -1;
	SSL_CTX_free(ctx);
	ERR_clear_error();
	return known[i] > 0;
}

/* How many names of a list a message spells out. */
#define NAMES_SHOWN 4

static bool
strong_enough(const struct tl_check_ctx *ctx, size_t i)
{
	int ecdh = ctx->policy->ecdh_param_size > 0 ? ctx->policy->ecdh_param_size : 256;
	int dh = ctx->policy->dh_param_size > 0 ? ctx->policy->dh_param_size : 2048;

	return groups[i].bits >= (groups[i].kind == GROUP_FFDHE ? dh : ecdh);
}

static void
curve_site(struct tl_check_ctx *ctx, const struct tl_site *site)
{
	struct group_list g = site_groups(site);
	const char *unknown = NULL, *first_unknown = NULL, *weak = NULL, *missing = NULL;
	size_t nunknown = 0, nweak = 0;
	bool any_strong = false;
	struct tl_finding *f;

	/* No list, or the server's word for OpenSSL's own (nginx "auto"): fine. */
	if (g.value == NULL || g.is_default)
		return;
	for (const char *p = g.value; *p;) {
		size_t len = strcspn(p, ":");
		int i = len ? group_index(p, len) : -1;
		const char *name = tl_arena_strndup(ctx->arena, p, len);

		/* Named in full only the first few: a hostile list may hold a million. */
		if (i >= 0 && groups[i].kind == GROUP_HYBRID && !linked_has((size_t)i)) {
			if (missing == NULL)
				missing = name;
			i = -2; /* neither strong nor weak: not there */
		}
		if (len > 0 && i == -1 && first_unknown == NULL)
			first_unknown = name;
		if (len > 0 && i == -1 && nunknown++ < NAMES_SHOWN)
			unknown = unknown ? tl_diag_printf(ctx->arena, "%s, '%s'", unknown, name)
					  : tl_diag_printf(ctx->arena, "'%s'", name);
		else if (i >= 0 && strong_enough(ctx, (size_t)i))
			any_strong = true;
		else if (i >= 0 && nweak++ < NAMES_SHOWN)
			weak = weak ? tl_diag_printf(ctx->arena, "%s, '%s'", weak, name)
				    : tl_diag_printf(ctx->arena, "'%s'", name);
		p += len;
		if (*p == ':')
			p++;
	}
	if (nunknown > NAMES_SHOWN)
		unknown = tl_diag_printf(ctx->arena, "%s and %zu more", unknown,
					 nunknown - NAMES_SHOWN);
	if (nweak > NAMES_SHOWN)
		weak = tl_diag_printf(ctx->arena, "%s and %zu more", weak, nweak - NAMES_SHOWN);
	if (missing != NULL) {
		f = tl_diag_add(ctx->diag, TL_CK_CURVE_WEAK, g.loc,
				"group list '%s' names '%s', which this OpenSSL (%s) does not have "
				"(OpenSSL 3.5 added the ML-KEM hybrids): a server built with an "
				"OpenSSL like it %s ('group '%s' cannot be set'); leave it out for "
				"such servers",
				g.value, missing, OpenSSL_version(OPENSSL_VERSION_STRING),
				tl_fault_text(site->facts, TL_FAULT_GROUPS), missing);
		f->severity = TL_SEV_ERROR;
		set_site(f, site);
	}
	if (unknown != NULL) {
		f = tl_diag_add(ctx->diag, TL_CK_CURVE_WEAK, g.loc,
				"group list '%s' names %s, which OpenSSL does not know; the "
				"server %s ('group '%s' cannot be set')",
				g.value, unknown, tl_fault_text(site->facts, TL_FAULT_GROUPS),
				first_unknown);
		f->severity = TL_SEV_ERROR;
		set_site(f, site);
	}
	if (weak != NULL && !any_strong) {
		f = tl_diag_add(ctx->diag, TL_CK_CURVE_WEAK, g.loc,
				"group list '%s' offers only %s, weaker than the %d-bit groups "
				"the %s profile requires; clients offering X25519, P-256 or P-384 "
				"get neither TLS 1.3 nor ECDHE and fall back to a TLS 1.2 key "
				"exchange without forward secrecy, or fail",
				g.value, weak,
				ctx->policy->ecdh_param_size > 0 ? ctx->policy->ecdh_param_size
								 : 256,
				ctx->policy->name);
		f->clients_see = weak_group_clients;
		set_site(f, site);
	}
}

void
tl_check_curve_weak(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];

		if (tl_site_has_context(site))
			curve_site(ctx, site);
	}
}
