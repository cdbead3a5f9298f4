/*
 * Building a site's server SSL_CTX. The order follows the servers (nginx
 * ngx_http_ssl_merge_srv_conf, httpd ssl_init_server_ctx, HAProxy
 * ssl_sock_prepare_ctx): protocols and options, then either the cipher
 * string before the certificates (its @SECLEVEL governs which keys load:
 * nginx, httpd) or the certificates first (HAProxy), then DH parameters,
 * groups, and the raw OpenSSL commands last. OpenSSL errors are drained
 * into refusal, never left on the queue.
 */
#include "server_ctx.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <openssl/err.h>
#include <openssl/evp.h>

#include "keyinfo.h"
#include "pair.h"
#include "ssl_conf.h"
#include "tls_view.h"

/* sk_X509_free is a macro; the arena needs a function. */
static void
free_stack(void *sk)
{
	sk_X509_free(sk);
}

void
tl_server_ctxs_init(struct tl_server_ctxs *ctxs, struct tl_analysis *an)
{
	memset(ctxs, 0, sizeof(*ctxs));
	ctxs->an = an;
	tl_strmap_init(&ctxs->by_key, an->arena);
}

/*
 * A setting as part of a key: as written when short, else its length and
 * a hash (FNV-1a), so a megabyte-long cipher string does not make every
 * key a megabyte.
 */
static const char *
or_dash(struct tl_arena *arena, const char *s)
{
	size_t n;
	unsigned long long h = 1469598103934665603ull;

	if (s == NULL)
		return "-";
	n = strlen(s);
	if (n <= 256)
		return s;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return tl_arena_printf(arena, "#%zu:%016llx", n, h);
}

/* Everything that shapes the context but its certificates, as one string. */
static const char *
settings_key(struct tl_arena *arena, const struct tl_site *site)
{
	const struct tl_effective *e = &site->eff;
	const struct tl_tls *tls = &site->tls;
	const char *k;
	unsigned opts = 0;

	for (int i = 0; i < TL_OPT_COUNT; i++)
		opts |= e->options[i].on ? 1u << i : 0;
	k = tl_arena_printf(arena, "%s|%x|%s|%s|%s|%s|%x|%d",
			    or_dash(arena, site->facts ? site->facts->name : NULL),
			    tl_site_protocols(site).mask, or_dash(arena, e->ciphers.s),
			    or_dash(arena, e->suites_from->eff.ciphersuites.s),
			    or_dash(arena, e->groups.s), or_dash(arena, tls->dhparam.path), opts,
			    tls->stapling.on);
	for (size_t i = 0; i < tls->conf_commands.n; i++)
		k = tl_arena_printf(arena, "%s|%s=%s", k, tls->conf_commands.items[i].name,
				    or_dash(arena, tls->conf_commands.items[i].value));
	return k;
}

/* Everything that shapes the context: sites that share it share the context. */
static const char *
context_key(struct tl_arena *arena, const struct tl_site *site)
{
	const struct tl_tls *tls = &site->tls;
	const char *k = tl_arena_printf(arena, "%s|%s", settings_key(arena, site),
					or_dash(arena, tls->password_file.path));

	for (size_t i = 0; i < tls->certs.n; i++) {
		const struct tl_cert_pair *p = &tls->certs.pairs[i];

		k = tl_arena_printf(arena, "%s|c=%s,%s,%s,%s,%d", k, or_dash(arena, p->cert.path),
				    or_dash(arena, p->key.path), or_dash(arena, p->chain.path),
				    or_dash(arena, p->key_sidecar.path), p->key_from_cert_file);
	}
	return k;
}

/* OpenSSL's reason for the last failure, drained from the queue. */
static const char *
drain(struct tl_arena *arena, const char *what)
{
	unsigned long e = ERR_peek_last_error();
	const char *reason = e ? ERR_reason_error_string(e) : NULL;

	ERR_clear_error();
	return tl_arena_printf(arena, "%s: %s", what, reason ? reason : "refused");
}

static void
note_refusal(struct tl_arena *arena, struct tl_server_ctx *sc, const char *what)
{
	const char *r = drain(arena, what);

	if (sc->refusal == NULL)
		sc->refusal = r;
}

static const struct {
	unsigned bit;
	int version;
	uint64_t no_flag;
} versions[] = {
	{TL_PROTO_SSLv3, SSL3_VERSION, SSL_OP_NO_SSLv3},
	{TL_PROTO_TLSv1, TLS1_VERSION, SSL_OP_NO_TLSv1},
	{TL_PROTO_TLSv1_1, TLS1_1_VERSION, SSL_OP_NO_TLSv1_1},
	{TL_PROTO_TLSv1_2, TLS1_2_VERSION, SSL_OP_NO_TLSv1_2},
	{TL_PROTO_TLSv1_3, TLS1_3_VERSION, SSL_OP_NO_TLSv1_3},
};

/*
 * The versions as option flags, the way nginx and httpd set them
 * (SSL_OP_NO_…): a hole in the range stays a hole. No version at all
 * leaves a context that refuses every hello, as the server's would.
 */
static void
set_protocols(SSL_CTX *ctx, unsigned mask)
{
	SSL_CTX_set_min_proto_version(ctx, 0);
	SSL_CTX_set_max_proto_version(ctx, 0);
	for (size_t i = 0; i < sizeof(versions) / sizeof(versions[0]); i++)
		if (mask & versions[i].bit)
			SSL_CTX_clear_options(ctx, versions[i].no_flag);
		else
			SSL_CTX_set_options(ctx, versions[i].no_flag);
}

/* The modelled options after the server's facts and "Options" commands (effective.c). */
static void
set_options(SSL_CTX *ctx, const struct tl_effective *e)
{
	static const struct {
		int opt;
		uint64_t flag;
		bool inverted; /* the flag is a NO_ one */
	} flags[] = {
		{TL_OPT_SERVER_PREFERENCE, SSL_OP_CIPHER_SERVER_PREFERENCE, false},
		{TL_OPT_PRIORITIZE_CHACHA, SSL_OP_PRIORITIZE_CHACHA, false},
		{TL_OPT_SESSION_TICKETS, SSL_OP_NO_TICKET, true},
		{TL_OPT_COMPRESSION, SSL_OP_NO_COMPRESSION, true},
		{TL_OPT_CLIENT_RENEGOTIATION, SSL_OP_ALLOW_CLIENT_RENEGOTIATION, false},
		{TL_OPT_UNSAFE_LEGACY_RENEGOTIATION, SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION,
		 false},
	};

	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		bool set = e->options[flags[i].opt].on != flags[i].inverted;

		if (set)
			SSL_CTX_set_options(ctx, flags[i].flag);
		else
			SSL_CTX_clear_options(ctx, flags[i].flag);
	}
}

/*
 * A key of the same type and size as the certificate's, and a copy of the
 * certificate carrying it, for a key tlslint cannot open: what the server
 * picks by key type must not depend on whether tlslint knows the passphrase.
 */
static bool
stand_in(struct tl_arena *arena, X509 *leaf, X509 **cert, EVP_PKEY **key)
{
	EVP_PKEY *pub = X509_get0_pubkey(leaf);
	EVP_PKEY_CTX *kctx;

	*cert = NULL;
	*key = NULL;
	if (pub == NULL)
		return false;
	kctx = EVP_PKEY_CTX_new_from_pkey(NULL, pub, NULL);
	if (kctx == NULL)
		return false;
	if (EVP_PKEY_keygen_init(kctx) <= 0 ||
	    (EVP_PKEY_get_base_id(pub) == EVP_PKEY_RSA &&
	     EVP_PKEY_CTX_set_rsa_keygen_bits(kctx, EVP_PKEY_get_bits(pub)) <= 0) ||
	    EVP_PKEY_keygen(kctx, key) <= 0) {
		EVP_PKEY_CTX_free(kctx);
		ERR_clear_error();
		return false;
	}
	EVP_PKEY_CTX_free(kctx);
	*cert = X509_dup(leaf);
	if (*cert == NULL || X509_set_pubkey(*cert, *key) != 1) {
		X509_free(*cert);
		EVP_PKEY_free(*key);
		*cert = NULL;
		*key = NULL;
		ERR_clear_error();
		return false;
	}
	tl_arena_defer(arena, (void (*)(void *))X509_free, *cert);
	tl_arena_defer(arena, (void (*)(void *))EVP_PKEY_free, *key);
	return true;
}

/* One certificate with its key and chain, as the server loads a pair. */
static void
add_pair(struct tl_server_ctxs *ctxs, struct tl_server_ctx *sc, const struct tl_site *site,
	 const struct tl_cert_pair *pair)
{
	struct tl_arena *arena = ctxs->an->arena;
	const struct tl_pair_info *info;
	const struct tl_key_info *ki;
	X509 *leaf;
	EVP_PKEY *key;
	struct tl_sim_cert *c;

	if (pair->cert.dynamic || pair->cert.path == NULL) {
		sc->unmodelled = "the certificate is loaded per handshake (variables or \"data:\")";
		return;
	}
	if (sc->ncerts == TL_SIM_MAX_CERTS)
		return;
	info = tl_pair_info_get(ctxs->an, pair);
	if (info->leaf == NULL)
		return; /* cert-unreadable and its kin report it; the server has no certificate */
	ki = tl_key_info_get(ctxs->an, site, pair, info);
	c = &sc->certs[sc->ncerts];
	leaf = info->leaf;
	key = ki->status == TL_KEY_OK ? ki->key : NULL;
	if (ki->status == TL_KEY_LOCKED) {
		if (!stand_in(arena, info->leaf, &leaf, &key))
			return;
		c->stand_in_key = true;
	}
	if (key == NULL)
		return; /* key-missing, key-unparsable: the server does not start */
	if (SSL_CTX_use_certificate(sc->ctx, leaf) != 1) {
		note_refusal(arena, sc, "certificate");
		return;
	}
	if (SSL_CTX_use_PrivateKey(sc->ctx, key) != 1) {
		note_refusal(arena, sc, "private key");
		return;
	}
	c->pair = pair;
	c->leaf = leaf;
	c->chain = sk_X509_new_null();
	if (c->chain == NULL)
		return;
	tl_arena_defer(arena, free_stack, c->chain);
	sk_X509_push(c->chain, leaf);
	SSL_CTX_clear_chain_certs(sc->ctx);
	for (int i = 0; i < sk_X509_num(info->served); i++) {
		X509 *x = sk_X509_value(info->served, i);

		if (i == info->leaf_index)
			continue;
		if (SSL_CTX_add1_chain_cert(sc->ctx, x) != 1) {
			note_refusal(arena, sc, "chain certificate");
			continue;
		}
		sk_X509_push(c->chain, x);
	}
	sc->ncerts++;
}

static void
add_certificates(struct tl_server_ctxs *ctxs, struct tl_server_ctx *sc, const struct tl_site *site)
{
	for (size_t i = 0; i < site->tls.certs.n; i++)
		add_pair(ctxs, sc, site, &site->tls.certs.pairs[i]);
}

static void
set_ciphers(struct tl_arena *arena, struct tl_server_ctx *sc, const struct tl_site *site)
{
	const char *s = site->eff.ciphers.s;

	if (s != NULL && SSL_CTX_set_cipher_list(sc->ctx, s) != 1)
		note_refusal(arena, sc, "cipher string");
}

/*
 * The DH parameters file, else the library's built-in groups where the
 * server uses them (httpd; HAProxy with tune.ssl.default-dh-param),
 * sized to the certificate as SSL_CTX_set_dh_auto does.
 */
static void
set_dh(struct tl_server_ctxs *ctxs, struct tl_server_ctx *sc, const struct tl_site *site)
{
	struct tl_arena *arena = ctxs->an->arena;

	if (site->tls.dhparam.path != NULL) {
		const struct tl_cert_file *f =
			tl_certstore_get(ctxs->an->certs, site->tls.dhparam.path);
		EVP_PKEY *dh = f->dh_params ? EVP_PKEY_dup(f->dh_params) : NULL;

		if (dh != NULL && SSL_CTX_set0_tmp_dh_pkey(sc->ctx, dh) != 1) {
			EVP_PKEY_free(dh);
			note_refusal(arena, sc, "DH parameters");
		}
		return;
	}
	if (site->facts != NULL && site->facts->dh_builtin)
		SSL_CTX_set_dh_auto(sc->ctx, 1);
}

/*
 * Commands whose effect the typed settings already carry (effective.c), or
 * that open what they name (files, directories, stores): their values are
 * the server's paths, which tlslint reads only through --root, and OpenSSL
 * here would open them on this machine, outside the root.
 */
static bool
folded_or_file(const char *name)
{
	static const char *const names[] = {
		"Protocol",     "MinProtocol", "MaxProtocol", "CipherString",
		"Ciphersuites", "Groups",      "Curves",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(name, names[i]) == 0)
			return true;
	return tl_ssl_conf_opens(name, false);
}

/* The raw OpenSSL commands the server applies after its own directives. */
static void
run_commands(struct tl_arena *arena, struct tl_server_ctx *sc, const struct tl_site *site)
{
	const struct tl_conf_commands *cmds = &site->tls.conf_commands;
	SSL_CONF_CTX *cctx;

	if (cmds->n == 0)
		return;
	cctx = SSL_CONF_CTX_new();
	if (cctx == NULL)
		return;
	SSL_CONF_CTX_set_flags(cctx, SSL_CONF_FLAG_FILE | SSL_CONF_FLAG_SERVER |
					     SSL_CONF_FLAG_CERTIFICATE);
	SSL_CONF_CTX_set_ssl_ctx(cctx, sc->ctx);
	for (size_t i = 0; i < cmds->n; i++) {
		const struct tl_conf_command *c = &cmds->items[i];

		if (folded_or_file(c->name) || c->value == NULL)
			continue;
		if (SSL_CONF_cmd(cctx, c->name, c->value) <= 0)
			note_refusal(arena, sc, tl_arena_printf(arena, "%s %s", c->name, c->value));
	}
	SSL_CONF_CTX_finish(cctx);
	SSL_CONF_CTX_free(cctx);
	ERR_clear_error();
}

/* The settings part of context_key, then each certificate as kind, size and signature. */
static const char *
decision_key(struct tl_arena *arena, const struct tl_site *site, const struct tl_server_ctx *sc)
{
	const char *k = settings_key(arena, site);

	k = tl_arena_printf(arena, "%s|%s", k, sc->refusal ? sc->refusal : "-");
	for (size_t i = 0; i < sc->ncerts; i++) {
		EVP_PKEY *pk = X509_get0_pubkey(sc->certs[i].leaf);

		k = tl_arena_printf(arena, "%s|%d:%d:%d", k, pk ? EVP_PKEY_get_base_id(pk) : 0,
				    pk ? EVP_PKEY_get_bits(pk) : 0,
				    X509_get_signature_nid(sc->certs[i].leaf));
	}
	return k;
}

static void
build(struct tl_server_ctxs *ctxs, struct tl_server_ctx *sc, const struct tl_site *site)
{
	struct tl_arena *arena = ctxs->an->arena;
	const struct tl_effective *e = &site->eff;
	bool ciphers_first = site->facts == NULL || site->facts->seclevel_before_certificates;
	const char *suites = e->suites_from->eff.ciphersuites.s;

	sc->ctx = SSL_CTX_new(TLS_server_method());
	if (sc->ctx == NULL) {
		note_refusal(arena, sc, "context");
		return;
	}
	tl_arena_defer(arena, (void (*)(void *))SSL_CTX_free, sc->ctx);
	set_protocols(sc->ctx, tl_site_protocols(site).mask);
	set_options(sc->ctx, e);
	if (ciphers_first)
		set_ciphers(arena, sc, site);
	if (suites != NULL && SSL_CTX_set_ciphersuites(sc->ctx, suites) != 1)
		note_refusal(arena, sc, "TLS 1.3 suites");
	add_certificates(ctxs, sc, site);
	if (!ciphers_first)
		set_ciphers(arena, sc, site);
	set_dh(ctxs, sc, site);
	if (e->groups.s != NULL && SSL_CTX_set1_groups_list(sc->ctx, e->groups.s) != 1)
		note_refusal(arena, sc, "groups");
	sc->stapling = site->tls.stapling.on;
	run_commands(arena, sc, site);
	/* The commands may have changed the options; the server's own settings come last. */
	set_options(sc->ctx, e);
	set_protocols(sc->ctx, tl_site_protocols(site).mask);
	ERR_clear_error();
	sc->decision_key = decision_key(arena, site, sc);
}

const struct tl_server_ctx *
tl_server_ctx_for(struct tl_server_ctxs *ctxs, const struct tl_site *site)
{
	struct tl_arena *arena = ctxs->an->arena;
	const char *key = context_key(arena, site);
	struct tl_server_ctx *sc = tl_strmap_get(&ctxs->by_key, key);

	if (sc != NULL)
		return sc;
	sc = tl_arena_calloc(arena, 1, sizeof(*sc));
	sc->key = key;
	build(ctxs, sc, site);
	ctxs->built++;
	tl_strmap_put(&ctxs->by_key, key, sc);
	return sc;
}

const struct tl_sim_cert *
tl_server_ctx_cert(const struct tl_server_ctx *ctx, const X509 *cert)
{
	for (size_t i = 0; i < ctx->ncerts; i++)
		if (cert != NULL && X509_cmp(ctx->certs[i].leaf, cert) == 0)
			return &ctx->certs[i];
	return NULL;
}
