/*
 * The cipher family: cipher-invalid, cipher-insecure, cipher-no-pfs,
 * cipher-weak, cipher-none-for-protocol, cipher-key-mismatch and
 * http2-cipher-blocklist. Each looks at the suites a site can really
 * negotiate ("reachable", see reachable() below): enabled by its TLS <= 1.2
 * cipher string, usable with a protocol version it negotiates, allowed at
 * the effective OpenSSL security level, and servable with one of its
 * certificates' key types. The strings are evaluated by the cipher-string
 * engine through one cache per run, so ten thousand sites sharing one
 * string cost one evaluation.
 */
#include <errno.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <stdbool.h>
#include <string.h>

#include "checks.h"
#include "cipher_string.h"
#include "site_certs.h"
#include "tls_view.h"

/*
 * The security level when the string sets none with @SECLEVEL: Debian and
 * Ubuntu build OpenSSL 3 with level 2 (research B.4), upstream's default is
 * 1. Level 2 is the stricter of the two only for what it refuses (RC4, keys
 * below 112 bits), so at level 1 more suites would be reachable; we measure
 * the distribution servers tlslint is tested on.
 */
#define TL_DEFAULT_SECLEVEL 2

/* OpenSSL 3.0's TLS 1.3 suites when nothing sets Ciphersuites (TLS_DEFAULT_CIPHERSUITES). */
static const char default_ciphersuites[] =
	"TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256";

/* How many suites a message names before it says "and N more". */
#define LIST_MAX 4

static const struct tl_client_error no_cipher_clients[] = {
	{"Chrome", "ERR_SSL_VERSION_OR_CIPHER_MISMATCH"},
	{"Firefox", "SSL_ERROR_NO_CYPHER_OVERLAP"},
	{"OpenSSL/curl", "sslv3 alert handshake failure (alert 40)"},
	{"Java", "Received fatal alert: handshake_failure"},
	{NULL, NULL},
};

static const struct tl_client_error key_mismatch_clients[] = {
	{"Chrome", "ERR_SSL_VERSION_OR_CIPHER_MISMATCH"},
	{"Firefox", "SSL_ERROR_NO_CYPHER_OVERLAP"},
	{"OpenSSL/curl", "sslv3 alert handshake failure (alert 40)"},
	{"Java", "Received fatal alert: handshake_failure"},
	{"server log", "no shared cipher"},
	{NULL, NULL},
};

static const struct tl_client_error http2_clients[] = {
	{"Chrome", "ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY"},
	{"Firefox", "NS_ERROR_NET_INADEQUATE_SECURITY"},
	{NULL, NULL},
};

/* Everything the checks need to know about one site's suites. */
struct site_ciphers {
	const struct tl_site *site;
	const struct tl_str *setting; /* the TLS <= 1.2 cipher string */
	const char *str;
	int rc; /* of the evaluation over the whole table */
	const char *error;
	const struct tl_cipher_list *list;
	int linked_rc; /* of the evaluation over what the linked libssl has */
	const struct tl_cipher_list *linked;
	int level;       /* effective security level */
	unsigned protos; /* TL_PROTO_* the site negotiates */
	bool dh_params;  /* DHE suites usable: DH parameters configured */
	bool keys_known; /* every certificate's key type is known */
	unsigned auth;   /* TL_A_* the certificates can serve */
	const char *key_types;
};

static struct tl_cipher_cache *
cache_of(struct tl_check_ctx *ctx)
{
	if (ctx->ciphers == NULL) {
		ctx->ciphers = tl_arena_alloc(ctx->arena, sizeof(*ctx->ciphers));
		tl_cipher_cache_init(ctx->ciphers, ctx->arena);
	}
	return ctx->ciphers;
}

/* The TL_A_* bits a certificate with this public key can serve in TLS <= 1.2. */
static unsigned
auth_of_key(EVP_PKEY *pub, const char **name)
{
	switch (EVP_PKEY_get_base_id(pub)) {
	case EVP_PKEY_RSA:
	case EVP_PKEY_RSA_PSS:
		*name = "RSA";
		return TL_A_RSA;
	case EVP_PKEY_EC:
		*name = "ECDSA";
		return TL_A_ECDSA;
	case EVP_PKEY_ED25519:
		*name = "Ed25519";
		return TL_A_ECDSA; /* RFC 8422: EdDSA signs aECDSA suites */
	case EVP_PKEY_ED448:
		*name = "Ed448";
		return TL_A_ECDSA;
	case EVP_PKEY_DSA:
		*name = "DSA";
		return TL_A_DSS;
	}
	*name = "unknown";
	return 0;
}

static void
site_keys(struct tl_check_ctx *ctx, struct site_ciphers *sc)
{
	const struct tl_cert_list *certs = &sc->site->tls.certs;

	sc->keys_known = certs->n > 0;
	sc->auth = 0;
	sc->key_types = NULL;
	for (size_t i = 0; i < certs->n; i++) {
		const struct tl_cert_pair *pair = &certs->pairs[i];
		const struct tl_pair_info *info;
		const char *name;
		unsigned a;

		if (pair->cert.written == NULL || pair->cert.dynamic) {
			sc->keys_known = false;
			continue;
		}
		info = tl_pair_info_get(&ctx->an, pair);
		if (info->leaf == NULL || !tl_pair_leaf_known(info)) {
			sc->keys_known = false;
			continue;
		}
		a = auth_of_key(X509_get0_pubkey(info->leaf), &name);
		if (a == 0)
			sc->keys_known = false;
		if (!(sc->auth & a))
			sc->key_types = sc->key_types ? tl_diag_printf(ctx->arena, "%s and %s",
								       sc->key_types, name)
						      : name;
		sc->auth |= a;
	}
}

/*
 * Fedora's and RHEL's OpenSSL read "PROFILE=SYSTEM" at the start of a cipher
 * string as the host's crypto policy (update-crypto-policies), which is on
 * the deployed machine, not in the config: RHEL's ssl.conf ships it.
 * Upstream OpenSSL, Debian's included, knows no such keyword.
 */
#define SYSTEM_PROFILE "PROFILE=SYSTEM"

int
tl_site_security_level(struct tl_check_ctx *ctx, const struct tl_site *site, bool *from_string)
{
	/*
	 * The cipher directive's own string, not the effective one: raw
	 * OpenSSL commands (ssl_conf_command, SSLOpenSSLConfCmd CipherString)
	 * run after the certificates and DH parameters are loaded, so their
	 * @SECLEVEL comes too late for those (nginx 1.22 refuses an RSA-1024
	 * certificate under "ssl_conf_command CipherString DEFAULT:@SECLEVEL=0").
	 */
	const char *str = site->tls.ciphers.s ? site->tls.ciphers.s : "DEFAULT";
	const struct tl_cipher_list *list = NULL;
	const char *error = NULL;

	*from_string = false;
	if (strncmp(str, SYSTEM_PROFILE, strlen(SYSTEM_PROFILE)) == 0)
		return TL_DEFAULT_SECLEVEL;
	tl_cipher_cache_eval(cache_of(ctx), str, 0, &list, &error);
	if (list == NULL || list->sec_level < 0)
		return TL_DEFAULT_SECLEVEL;
	*from_string = true;
	return list->sec_level;
}

int
tl_site_certificate_level(struct tl_check_ctx *ctx, const struct tl_site *site, bool *from_string)
{
	*from_string = false;
	if (site->facts == NULL || !site->facts->seclevel_before_certificates)
		return TL_DEFAULT_SECLEVEL;
	return tl_site_security_level(ctx, site, from_string);
}

/* Levels 0 to 5 (SSL_CTX_set_security_level(3)): security bits, and DH sizes giving them. */
static const int level_bits[] = {0, 80, 112, 128, 192, 256};
static const int level_dh_bits[] = {0, 1024, 2048, 3072, 7680, 15360};

static int
clamp_level(int level)
{
	return level < 0 ? 0 : level > 5 ? 5 : level;
}

int
tl_level_security_bits(int level)
{
	return level_bits[clamp_level(level)];
}

int
tl_level_dh_bits(int level)
{
	return level_dh_bits[clamp_level(level)];
}

static void
site_ciphers_get(struct tl_check_ctx *ctx, const struct tl_site *site, struct site_ciphers *sc)
{
	struct tl_cipher_cache *cache = cache_of(ctx);
	const char *linked_error = NULL;

	memset(sc, 0, sizeof(*sc));
	sc->site = site;
	sc->setting = &site->eff.ciphers;
	/* A server that sets no string uses OpenSSL's own default. */
	sc->str = site->eff.ciphers.s ? site->eff.ciphers.s : "DEFAULT";
	if (strncmp(sc->str, SYSTEM_PROFILE, strlen(SYSTEM_PROFILE)) == 0) {
		/* The suites are the host's crypto policy: nothing to evaluate here. */
		sc->rc = sc->linked_rc = -EOPNOTSUPP;
		sc->level = TL_DEFAULT_SECLEVEL;
	} else {
		sc->rc = tl_cipher_cache_eval(cache, sc->str, 0, &sc->list, &sc->error);
		sc->linked_rc = tl_cipher_cache_eval(cache, sc->str, TL_CIPHER_LINKED_ONLY,
						     &sc->linked, &linked_error);
		sc->level = sc->list->sec_level >= 0 ? sc->list->sec_level : TL_DEFAULT_SECLEVEL;
	}
	sc->protos = tl_site_protocols(site).mask;
	/* Configured parameters, or the server's own built-in groups (not nginx's). */
	sc->dh_params = site->tls.dhparam.v.origin != TL_ORIGIN_UNSET ||
			(site->facts != NULL && site->facts->dh_builtin);
	site_keys(ctx, sc);
}

/* The wire version of a TL_PROTO_* bit at or below TLS 1.2, else 0. */
static int
wire_version(unsigned bit)
{
	switch (bit) {
	case TL_PROTO_SSLv3:
		return TL_CS_SSL3;
	case TL_PROTO_TLSv1:
		return TL_CS_TLS1;
	case TL_PROTO_TLSv1_1:
		return TL_CS_TLS1 + 1;
	case TL_PROTO_TLSv1_2:
		return TL_CS_TLS1_2;
	}
	return 0;
}

/* True when suite S can be negotiated with one of the versions in PROTOS. */
static bool
usable_with(const struct tl_cipher_suite *s, unsigned protos)
{
	if (s->min_proto == TL_CS_TLS1_3)
		return false;
	for (unsigned bit = TL_PROTO_SSLv3; bit <= TL_PROTO_TLSv1_2; bit <<= 1)
		if ((protos & bit) && wire_version(bit) >= s->min_proto)
			return true;
	return false;
}

/*
 * Reachable: a client offering S can get it. Besides the string, the
 * protocol versions and the security level, the server needs what the
 * suite's key exchange and authentication use: DH parameters for DHE (nginx
 * sets none by default and then skips DHE), a certificate of the right key
 * type (checked only with AUTH, and only when every key type is known), no
 * PSK or SRP (no server here configures them), no GOST engine, and no
 * static (EC)DH certificate (OpenSSL 1.0.2 only, removed in 1.1.0).
 */
static bool
reachable(const struct site_ciphers *sc, const struct tl_cipher_suite *s, unsigned protos,
	  bool auth)
{
	if (!usable_with(s, protos) || !tl_cipher_suite_seclevel_ok(s, sc->level))
		return false;
	if (s->mkey & (TL_K_ALL_PSK | TL_K_SRP | TL_K_GOST | TL_K_DH_RSA | TL_K_DH_DSS |
		       TL_K_ECDH_RSA | TL_K_ECDH_ECDSA))
		return false;
	if ((s->mkey & TL_K_DHE) && !sc->dh_params)
		return false;
	if (s->auth & (TL_A_GOST01 | TL_A_GOST12 | TL_A_DH | TL_A_ECDH))
		return false;
	if (auth && sc->keys_known && !(s->auth & TL_A_NULL) && !(s->auth & sc->auth))
		return false;
	return true;
}

static bool
in_profile(const struct tl_check_ctx *ctx, const struct tl_cipher_suite *s)
{
	for (const char *const *p = ctx->policy->ciphers; p != NULL && *p != NULL; p++)
		if (strcmp(*p, s->name) == 0)
			return true;
	return false;
}

/* Only TLS sites whose string evaluated: cipher-invalid speaks for the others. */
static bool
lintable(const struct tl_site *site)
{
	return tl_site_is_tls(site) && !site->tls.reject_handshake.on;
}

/* "'A', 'B', 'C', 'D' and 3 more" */
struct name_list {
	const char *text;
	size_t n;
	size_t unlinked;
};

static void
name_list_add(struct tl_arena *arena, struct name_list *l, const struct tl_cipher_suite *s)
{
	if (l->n < LIST_MAX)
		l->text = l->text ? tl_diag_printf(arena, "%s, '%s'", l->text, s->name)
				  : tl_diag_printf(arena, "'%s'", s->name);
	l->n++;
	if (!tl_cipher_suite_linked(s))
		l->unlinked++;
}

static const char *
name_list_text(struct tl_arena *arena, const struct name_list *l)
{
	if (l->n <= LIST_MAX)
		return l->text;
	return tl_diag_printf(arena, "%s and %zu more", l->text, l->n - LIST_MAX);
}

/* A finding at the cipher string, naming a default as the default. */
static struct tl_finding *
cipher_finding(struct tl_check_ctx *ctx, enum tl_check_id check, const struct site_ciphers *sc,
	       const char *what)
{
	const struct tl_str *set = sc->setting;
	struct tl_finding *f;

	if (set->v.origin == TL_ORIGIN_DEFAULT)
		what = tl_diag_printf(ctx->arena, "%s (cipher string '%s', %s)", what, sc->str,
				      set->v.note ? set->v.note : "the server default");
	f = tl_diag_add_message(ctx->diag, check, set->v.loc, what);
	f->server = tl_server_name(sc->site->server);
	f->site = sc->site->label;
	return f;
}

/* ---- cipher-invalid ---- */

/*
 * OpenSSL 3.0's SSL_CTX_set_ciphersuites(): names it does not know are
 * skipped; a non-empty list where none is known is "no cipher match"
 * (tl_ciphersuites_eval() reads lists the same way). The check reads the
 * list itself to name each word that is not a TLS 1.3 suite, TLS 1.2
 * suites' standard names included: OpenSSL accepts those, and never
 * negotiates them in TLS 1.3.
 */
/* "'A', 'B', 'C' and 12 more": a hostile string may name a million words. */
static const char *
quoted_words(struct tl_arena *arena, const char *const *words, size_t n)
{
	const char *s = NULL;

	for (size_t i = 0; i < n && i < LIST_MAX; i++)
		s = s ? tl_diag_printf(arena, "%s, '%s'", s, words[i])
		      : tl_diag_printf(arena, "'%s'", words[i]);
	if (n > LIST_MAX)
		s = tl_diag_printf(arena, "%s and %zu more", s, n - LIST_MAX);
	return s;
}

static void
parse_suites13(struct tl_arena *arena, const char *str, struct name_list *known,
	       const char **unknown)
{
	struct tl_ptrvec words = {0};

	const char *p = str;

	memset(known, 0, sizeof(*known));
	*unknown = NULL;
	while (*p) {
		size_t len = strcspn(p, ":");
		const char *name = tl_arena_strndup(arena, p, len);
		const struct tl_cipher_suite *s = tl_cipher_suite_by_name(name);

		if (len > 0 && s != NULL && s->min_proto == TL_CS_TLS1_3)
			name_list_add(arena, known, s);
		else if (len > 0)
			tl_ptrvec_push(arena, &words, (void *)name);
		p += len;
		if (*p == ':')
			p++;
	}
	if (words.len > 0)
		*unknown = quoted_words(arena, (const char *const *)words.items, words.len);
}

struct suites13 {
	struct name_list known;
	const char *unknown;
};

/*
 * parse_suites13() once per distinct list: sites that inherit a list share
 * its pointer, and 10,000 of them would otherwise parse it 10,000 times.
 */
static void
suites13_of(struct tl_check_ctx *ctx, const char *str, struct name_list *known,
	    const char **unknown)
{
	char key[48];
	struct suites13 *memo;

	snprintf(key, sizeof(key), "suites13 %p", (const void *)str);
	memo = tl_strmap_get(&ctx->memo, key);
	if (memo == NULL) {
		memo = tl_arena_alloc(ctx->arena, sizeof(*memo));
		parse_suites13(ctx->arena, str, &memo->known, &memo->unknown);
		tl_strmap_put(&ctx->memo, tl_arena_strdup(ctx->arena, key), memo);
	}
	*known = memo->known;
	*unknown = memo->unknown;
}

static void
invalid_site(struct tl_check_ctx *ctx, const struct tl_site *site)
{
	struct site_ciphers sc;
	struct tl_finding *f;
	const struct tl_str *cs = &site->eff.ciphersuites;

	site_ciphers_get(ctx, site, &sc);
	if (sc.rc == -EOPNOTSUPP) {
		f = cipher_finding(
			ctx, TL_CK_CIPHER_INVALID, &sc,
			tl_diag_printf(
				ctx->arena,
				"cipher string '%s' takes its suites from the host's crypto "
				"policy (Fedora and RHEL OpenSSL), which is not in the config: "
				"no cipher check ran for this site; other OpenSSL builds (Debian, "
				"upstream) have no such keyword, and there the server %s with "
				"'no cipher match'",
				sc.str, tl_fault_text(site->facts, TL_FAULT_CIPHERS)));
		f->severity = TL_SEV_INFO;
	} else if (sc.rc == -ENOENT || (sc.rc == 0 && sc.linked_rc == -ENOENT)) {
		f = cipher_finding(
			ctx, TL_CK_CIPHER_INVALID, &sc,
			sc.rc == 0 ? tl_diag_printf(ctx->arena,
						    "cipher string '%s' enables only suites "
						    "OpenSSL 3 no longer has; the server %s with "
						    "'no cipher match' on OpenSSL 3",
						    sc.str,
						    tl_fault_text(site->facts, TL_FAULT_CIPHERS))
				   : tl_diag_printf(ctx->arena,
						    "cipher string '%s' enables no cipher suite; "
						    "the server %s with 'no cipher match'",
						    sc.str,
						    tl_fault_text(site->facts, TL_FAULT_CIPHERS)));
	} else if (sc.rc != 0) {
		cipher_finding(ctx, TL_CK_CIPHER_INVALID, &sc,
			       tl_diag_printf(ctx->arena,
					      "cipher string '%s' is invalid (%s); the server %s",
					      sc.str, sc.error ? sc.error : "syntax",
					      tl_fault_text(site->facts, TL_FAULT_CIPHERS)));
	} else if (sc.list->nunknown > 0) {
		const char *words = quoted_words(ctx->arena, sc.list->unknown, sc.list->nunknown);

		f = cipher_finding(ctx, TL_CK_CIPHER_INVALID, &sc,
				   tl_diag_printf(ctx->arena,
						  "cipher string '%s' names what OpenSSL does "
						  "not know and silently ignores: %s",
						  sc.str, words));
		f->severity = TL_SEV_WARNING;
	}
	if (cs->s != NULL && cs->v.origin != TL_ORIGIN_DEFAULT) {
		struct name_list known;
		const char *unknown;

		suites13_of(ctx, cs->s, &known, &unknown);
		if (known.n == 0 && cs->s[0] != '\0') {
			f = tl_diag_add(ctx->diag, TL_CK_CIPHER_INVALID, cs->v.loc,
					"TLS 1.3 suite list '%s' names no TLS 1.3 suite; the "
					"server %s with 'no cipher match'",
					cs->s, tl_fault_text(site->facts, TL_FAULT_CIPHERS));
		} else if (unknown != NULL) {
			f = tl_diag_add(ctx->diag, TL_CK_CIPHER_INVALID, cs->v.loc,
					"TLS 1.3 suite list '%s' names suites OpenSSL does not "
					"know and silently ignores: %s",
					cs->s, unknown);
			f->severity = TL_SEV_WARNING;
		} else {
			return;
		}
		f->server = tl_server_name(site->server);
		f->site = site->label;
	}
}

void
tl_check_cipher_invalid(struct tl_check_ctx *ctx)
{
	/* A string the server cannot set stops it in any context it builds, TLS site or not. */
	for (size_t i = 0; i < ctx->model->sites.len; i++)
		if (lintable(ctx->model->sites.items[i]) ||
		    ((const struct tl_site *)ctx->model->sites.items[i])->tls_context)
			invalid_site(ctx, ctx->model->sites.items[i]);
}

/* ---- the reachable-suite checks ---- */

/* Calls FN for every TLS site whose cipher string evaluated. */
static void
each_site(struct tl_check_ctx *ctx,
	  void (*fn)(struct tl_check_ctx *ctx, const struct site_ciphers *sc))
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];
		struct site_ciphers sc;

		if (!lintable(site))
			continue;
		site_ciphers_get(ctx, site, &sc);
		if (sc.rc != 0 || sc.linked_rc != 0)
			continue;
		fn(ctx, &sc);
	}
}

static const char *
unlinked_note(struct tl_check_ctx *ctx, const struct name_list *l)
{
	if (l->unlinked == 0)
		return "";
	if (l->unlinked == l->n)
		return "; this OpenSSL lacks them, but servers built with OpenSSL versions that "
		       "still have them negotiate them";
	return tl_diag_printf(ctx->arena,
			      "; this OpenSSL lacks %zu of them, but servers built with OpenSSL "
			      "versions that still have them negotiate them",
			      l->unlinked);
}

/* What one of the suite checks says about a site, or NULL: it depends only on SC's key. */
typedef const char *verdict_fn(struct tl_check_ctx *ctx, const struct site_ciphers *sc);

/*
 * The finding of CHECK for SC's site, its message decided once for every
 * site that shares the evaluated list and the facts reachable() reads:
 * 10,000 servers with the default cipher string cost one evaluation and
 * one message, not 10,000.
 */
static void
verdict_finding(struct tl_check_ctx *ctx, enum tl_check_id check, const struct site_ciphers *sc,
		verdict_fn *fn)
{
	const struct tl_str *set = sc->setting;
	char key[256];
	const char *msg;
	struct tl_finding *f;

	/* On the stack: a hit, the common case, allocates nothing. */
	snprintf(key, sizeof(key), "%d|%p|%u|%d|%d|%d|%u|%d|%p|%p", (int)check,
		 (const void *)sc->list, sc->protos, sc->level, sc->dh_params, sc->keys_known,
		 sc->auth, (int)set->v.origin, (const void *)set->v.note, (const void *)sc->str);
	msg = tl_strmap_get(&ctx->memo, key);

	if (msg == NULL) {
		const char *what = fn(ctx, sc);

		if (what == NULL)
			msg = "";
		else if (set->v.origin == TL_ORIGIN_DEFAULT)
			msg = tl_diag_printf(ctx->arena, "%s (cipher string '%s', %s)", what,
					     sc->str,
					     set->v.note ? set->v.note : "the server default");
		else
			msg = what;
		tl_strmap_put(&ctx->memo, key, (void *)msg);
	}
	if (msg[0] == '\0')
		return;
	f = tl_diag_add_message(ctx->diag, check, set->v.loc, msg);
	f->server = tl_server_name(sc->site->server);
	f->site = sc->site->label;
}

static const char *
insecure_verdict(struct tl_check_ctx *ctx, const struct site_ciphers *sc)
{
	struct name_list l = {0};

	for (size_t i = 0; i < sc->list->len; i++) {
		const struct tl_cipher_suite *s = sc->list->suites[i];

		if ((tl_cipher_suite_classes(s) & TL_CC_INSECURE) &&
		    reachable(sc, s, sc->protos, true) && !in_profile(ctx, s))
			name_list_add(ctx->arena, &l, s);
	}
	if (l.n == 0)
		return NULL;
	return tl_diag_printf(ctx->arena,
			      "%zu broken cipher suite%s reachable (NULL, anonymous, "
			      "EXPORT, DES, RC2, RC4, 3DES, IDEA or MD5): %s%s",
			      l.n, l.n == 1 ? "" : "s", name_list_text(ctx->arena, &l),
			      unlinked_note(ctx, &l));
}

static void
insecure(struct tl_check_ctx *ctx, const struct site_ciphers *sc)
{
	verdict_finding(ctx, TL_CK_CIPHER_INSECURE, sc, insecure_verdict);
}

void
tl_check_cipher_insecure(struct tl_check_ctx *ctx)
{
	each_site(ctx, insecure);
}

static const char *
no_pfs_verdict(struct tl_check_ctx *ctx, const struct site_ciphers *sc)
{
	struct name_list l = {0};

	for (size_t i = 0; i < sc->list->len; i++) {
		const struct tl_cipher_suite *s = sc->list->suites[i];
		unsigned cc = tl_cipher_suite_classes(s);

		/* Broken suites are cipher-insecure's, whatever their key exchange. */
		if (!(cc & TL_CC_PFS) && !(cc & TL_CC_INSECURE) &&
		    reachable(sc, s, sc->protos, true) && !in_profile(ctx, s))
			name_list_add(ctx->arena, &l, s);
	}
	if (l.n == 0)
		return NULL;
	return tl_diag_printf(ctx->arena,
			      "%zu cipher suite%s without forward secrecy reachable "
			      "(static RSA or DH key exchange: whoever gets the key later "
			      "decrypts recorded sessions): %s%s",
			      l.n, l.n == 1 ? "" : "s", name_list_text(ctx->arena, &l),
			      unlinked_note(ctx, &l));
}

static void
no_pfs(struct tl_check_ctx *ctx, const struct site_ciphers *sc)
{
	verdict_finding(ctx, TL_CK_CIPHER_NO_PFS, sc, no_pfs_verdict);
}

void
tl_check_cipher_no_pfs(struct tl_check_ctx *ctx)
{
	each_site(ctx, no_pfs);
}

static const char *
weak_verdict(struct tl_check_ctx *ctx, const struct site_ciphers *sc)
{
	struct name_list l = {0};

	for (size_t i = 0; i < sc->list->len; i++) {
		const struct tl_cipher_suite *s = sc->list->suites[i];
		unsigned cc = tl_cipher_suite_classes(s);

		if ((cc & (TL_CC_CBC | TL_CC_SHA1)) && !(cc & TL_CC_INSECURE) &&
		    reachable(sc, s, sc->protos, true) && !in_profile(ctx, s))
			name_list_add(ctx->arena, &l, s);
	}
	if (l.n == 0)
		return NULL;
	return tl_diag_printf(ctx->arena,
			      "%zu CBC or SHA-1 cipher suite%s reachable that the '%s' "
			      "profile does not list: %s%s",
			      l.n, l.n == 1 ? "" : "s", ctx->policy->name,
			      name_list_text(ctx->arena, &l), unlinked_note(ctx, &l));
}

static void
weak(struct tl_check_ctx *ctx, const struct site_ciphers *sc)
{
	verdict_finding(ctx, TL_CK_CIPHER_WEAK, sc, weak_verdict);
}

void
tl_check_cipher_weak(struct tl_check_ctx *ctx)
{
	each_site(ctx, weak);
}

/* True when some suite this libssl has is reachable with PROTOS (AUTH: for the site's keys). */
static bool
any_linked(const struct site_ciphers *sc, unsigned protos, bool auth)
{
	for (size_t i = 0; i < sc->linked->len; i++)
		if (reachable(sc, sc->linked->suites[i], protos, auth))
			return true;
	return false;
}

static void
none_for_protocol(struct tl_check_ctx *ctx, const struct site_ciphers *sc)
{
	const char *versions = NULL;
	unsigned missing = 0;
	struct tl_finding *f;

	for (unsigned bit = TL_PROTO_SSLv3; bit <= TL_PROTO_TLSv1_2; bit <<= 1)
		if ((sc->protos & bit) && !any_linked(sc, bit, false))
			missing |= bit;
	if (missing != 0) {
		versions = tl_protocols_string(ctx->arena, missing);
		f = cipher_finding(
			ctx, TL_CK_CIPHER_NONE_FOR_PROTOCOL, sc,
			tl_diag_printf(ctx->arena,
				       "%s enabled but no reachable cipher suite works with "
				       "%s; clients that speak no newer version fail the "
				       "handshake",
				       versions, (missing & (missing - 1)) ? "them" : "it"));
		f->clients_see = no_cipher_clients;
	}
	if (sc->protos & TL_PROTO_TLSv1_3) {
		const struct tl_str *cs = &sc->site->eff.suites_from->eff.ciphersuites;
		struct name_list known;
		const char *unknown;

		suites13_of(ctx, cs->s ? cs->s : default_ciphersuites, &known, &unknown);
		if (known.n > 0 || cs->s == NULL)
			return;
		/* A list naming only unknown suites is cipher-invalid: nginx does not start. */
		if (cs->s[0] != '\0')
			return;
		f = tl_diag_add(ctx->diag, TL_CK_CIPHER_NONE_FOR_PROTOCOL, cs->v.loc,
				"TLSv1.3 enabled but the TLS 1.3 suite list is empty; no client "
				"negotiates TLS 1.3, and clients that speak only TLS 1.3 fail");
		f->server = tl_server_name(sc->site->server);
		f->site = sc->site->label;
		f->clients_see = no_cipher_clients;
	}
}

void
tl_check_cipher_none_for_protocol(struct tl_check_ctx *ctx)
{
	each_site(ctx, none_for_protocol);
}

static void
key_mismatch(struct tl_check_ctx *ctx, const struct site_ciphers *sc)
{
	unsigned protos = 0;
	struct tl_finding *f;

	/* A version without any suite is cipher-none-for-protocol's finding. */
	for (unsigned bit = TL_PROTO_SSLv3; bit <= TL_PROTO_TLSv1_2; bit <<= 1)
		if ((sc->protos & bit) && any_linked(sc, bit, false))
			protos |= bit;
	if (protos == 0 || !sc->keys_known || any_linked(sc, protos, true))
		return;
	f = cipher_finding(
		ctx, TL_CK_CIPHER_KEY_MISMATCH, sc,
		tl_diag_printf(
			ctx->arena,
			"no reachable %s cipher suite can use the site's %s certificate; every "
			"%s handshake fails with 'no shared cipher'%s",
			tl_protocols_string(ctx->arena, protos), sc->key_types,
			tl_protocols_string(ctx->arena, protos),
			(sc->protos & TL_PROTO_TLSv1_3)
				? " (TLS 1.3 clients still connect, which hides it from tests "
				  "with modern clients)"
				: ""));
	f->clients_see = key_mismatch_clients;
}

void
tl_check_cipher_key_mismatch(struct tl_check_ctx *ctx)
{
	each_site(ctx, key_mismatch);
}

static bool
site_http2(const struct tl_site *site)
{
	if (site->http2.on)
		return true;
	for (size_t i = 0; i < site->listeners.len; i++) {
		const struct tl_listener *ls = site->listeners.items[i];

		if (ls->http2 && ls->socket != NULL && ls->socket->tls)
			return true;
	}
	return false;
}

/* RFC 7540 Appendix A lists every TLS 1.2 suite but ephemeral-key-exchange AEAD ones. */
static bool
h2_blocklisted(const struct tl_cipher_suite *s)
{
	return !((s->mkey & (TL_K_DHE | TL_K_ECDHE)) && (s->mac & TL_M_AEAD));
}

static void
http2_blocklist(struct tl_check_ctx *ctx, const struct site_ciphers *sc)
{
	const struct tl_cipher_suite *first = NULL;
	bool good = false;
	struct tl_finding *f;

	if (!site_http2(sc->site) || !(sc->protos & TL_PROTO_TLSv1_2))
		return;
	for (size_t i = 0; i < sc->linked->len; i++) {
		const struct tl_cipher_suite *s = sc->linked->suites[i];

		if (!reachable(sc, s, TL_PROTO_TLSv1_2, true))
			continue;
		if (first == NULL)
			first = s;
		good |= !h2_blocklisted(s);
	}
	if (first == NULL)
		return;
	if (!good)
		f = cipher_finding(
			ctx, TL_CK_HTTP2_CIPHER_BLOCKLIST, sc,
			tl_diag_printf(
				ctx->arena,
				"HTTP/2 enabled but every reachable TLS 1.2 "
				"suite is on the RFC 7540 blocklist (first '%s'); "
				"HTTP/2 connections on TLS 1.2 are dropped after the "
				"handshake (INADEQUATE_SECURITY), by browsers or by the server",
				first->name));
	else if (sc->site->eff.options[TL_OPT_SERVER_PREFERENCE].on && h2_blocklisted(first))
		f = cipher_finding(
			ctx, TL_CK_HTTP2_CIPHER_BLOCKLIST, sc,
			tl_diag_printf(ctx->arena,
				       "HTTP/2 enabled and the server prefers '%s', "
				       "which RFC 7540 blocklists; HTTP/2 connections "
				       "that negotiate it are dropped after the handshake "
				       "(INADEQUATE_SECURITY), by browsers or by the server",
				       first->name));
	else
		return;
	f->clients_see = http2_clients;
}

void
tl_check_http2_cipher_blocklist(struct tl_check_ctx *ctx)
{
	each_site(ctx, http2_blocklist);
}
