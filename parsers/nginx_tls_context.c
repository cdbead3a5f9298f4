/*
 * What nginx refuses while it builds a server's TLS context, after the
 * server's settings are merged with http{} (ngx_http_ssl_merge_srv_conf,
 * ngx_stream_ssl_merge_conf). nginx builds one for every http server with
 * a certificate (or ssl_reject_handshake, or the old "ssl on"), and for
 * every stream server that listens with ssl (from 1.25.5 also one with a
 * certificate). Then it loads, and stops at start-up when it cannot:
 *
 *   - the CAs of ssl_verify_client (ssl_client_certificate; from 1.27.2
 *     ssl_trusted_certificate will do), and their file;
 *   - ssl_trusted_certificate and ssl_crl, whether or not anything is
 *     verified (ngx_ssl_trusted_certificate, ngx_ssl_crl);
 *   - ssl_session_ticket_key, whose file must hold 48 or 80 bytes;
 *   - with ssl_stapling on, ssl_stapling_file, a DER OCSP response.
 *
 * The same holds for the context nginx builds towards a backend (every
 * proxy_pass to https://, grpc_pass to grpcs://, uwsgi_pass to suwsgi://,
 * or any of them with variables; stream's "proxy_ssl on"):
 * ngx_http_proxy_set_ssl and its twins set the cipher string, load the
 * client certificate and key, with proxy_ssl_verify the trusted CAs (which
 * it requires) and the CRL, and run the configuration commands; each
 * failure stops nginx.
 *
 * These messages name no line; each finding is at the directive to
 * change. Each case is a golden whose nginx-t file pins nginx's words.
 */
#include <errno.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/ssl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../checks/cipher_string.h"
#include "../src/certstore.h"
#include "../src/fsroot.h"
#include "../src/fsutil.h"
#include "../src/keyinfo.h"
#include "nginx_facts.h"
#include "nginx_lower_int.h"
#include "../src/ssl_conf.h"

/* CA bundles can be large (a system store is ~200 KiB); beyond this they are not judged. */
#define MAX_TLS_FILE (16u << 20)

bool
tl_ngx_listens_ssl(const struct tl_site *site)
{
	for (size_t i = 0; i < site->listeners.len; i++)
		if (((const struct tl_listener *)site->listeners.items[i])->ssl)
			return true;
	return site->legacy_ssl_on.origin != TL_ORIGIN_UNSET;
}

bool
tl_ngx_builds_context(struct lower *l, const struct tl_site *site, enum tl_site_mode mode)
{
	const struct tl_tls *t = &site->tls;

	if (mode == TL_SITE_HTTP)
		return t->certs.n > 0 || t->reject_handshake.on ||
		       site->legacy_ssl_on.origin != TL_ORIGIN_UNSET;
	return tl_ngx_listens_ssl(site) ||
	       (t->certs.n > 0 &&
		tl_nginx_has(TL_NGX_STREAM_TLS_WITHOUT_LISTEN_SSL, l->env->version));
}

static bool
is_set(const struct tl_str *s)
{
	return s->v.origin == TL_ORIGIN_SET || s->v.origin == TL_ORIGIN_INHERITED;
}

/*
 * The old "ssl on" (the server's or http's) wants a certificate of the
 * server itself, default server or not (ngx_http_ssl_merge_srv_conf names
 * the directive's line). ssl-no-certificate leaves such sites to this.
 */
static void
legacy_ssl_without_certificate(struct lower *l, const struct tl_site *site)
{
	struct tl_finding *f;

	if (site->legacy_ssl_on.origin == TL_ORIGIN_UNSET || site->tls.reject_handshake.on)
		return;
	for (size_t i = 0; i < site->tls.certs.n; i++)
		if (site->tls.certs.pairs[i].cert.written != NULL)
			return;
	f = tl_diag_add(l->env->diag, TL_CK_SSL_NO_CERTIFICATE, site->legacy_ssl_on.loc,
			"no \"ssl_certificate\" is defined for the \"ssl\" directive%s; nginx "
			"refuses to start",
			site->legacy_ssl_on.origin == TL_ORIGIN_INHERITED
				? tl_arena_printf(l->env->arena, " (which server '%s' inherits)",
						  site->label)
				: "");
	f->server = "nginx";
	f->site = site->label;
}

/*
 * The port of an nginx URL (ngx_parse_inet_url): digits, 1 to 65535.
 * LEN bytes at P.
 */
static bool
valid_port(const char *p, size_t len)
{
	long n = 0;

	if (len == 0 || len > 5)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return false;
		n = n * 10 + (p[i] - '0');
	}
	return n >= 1 && n <= 65535;
}

/*
 * ssl_ocsp on (or leaf), which ngx_http_ssl_merge_srv_conf sets up with
 * the context: it cannot go with ssl_verify_client optional_no_ca, and
 * ssl_ocsp_responder must be an http:// URL ngx_parse_url takes (a port
 * of digits in range, a host). Whether the host resolves at start-up,
 * which nginx also requires, is not known offline.
 */
static void
client_ocsp(struct lower *l, const struct tl_tls *t)
{
	const struct tl_str *r = &t->ocsp_responder;
	const char *url, *host, *end, *port = NULL;

	if (!is_set(&t->ocsp) || t->ocsp.s == NULL || strcmp(t->ocsp.s, "off") == 0)
		return;
	if (t->verify_client.v.origin != TL_ORIGIN_UNSET &&
	    t->verify_client.mode == TL_CLIENT_AUTH_OPTIONAL_ANY)
		tl_lower_invalid(&l->engine, t->ocsp.v.loc,
				 "\"ssl_ocsp\" is incompatible with \"ssl_verify_client "
				 "optional_no_ca\"");
	if (!is_set(r) || r->s == NULL || r->s[0] == '\0')
		return;
	url = r->s;
	if (strlen(url) <= 7 || strncasecmp(url, "http://", 7) != 0) {
		tl_lower_invalid(&l->engine, r->v.loc,
				 "invalid URL prefix in OCSP responder \"%s\" in "
				 "\"ssl_ocsp_responder\" (it must be http://)",
				 url);
		return;
	}
	host = url + 7;
	end = host + strcspn(host, "/?");
	if (host[0] == '[') {
		const char *close = memchr(host, ']', (size_t)(end - host));

		if (close != NULL && close + 1 < end && close[1] == ':')
			port = close + 2;
	} else {
		port = memchr(host, ':', (size_t)(end - host));
		if (port != NULL)
			port++;
	}
	if (end == host || (port != NULL && port - 1 == host))
		tl_lower_invalid(&l->engine, r->v.loc,
				 "no host in OCSP responder \"%s\" in \"ssl_ocsp_responder\"",
				 host);
	else if (port != NULL && !valid_port(port, (size_t)(end - port)))
		tl_lower_invalid(&l->engine, r->v.loc,
				 "invalid port in OCSP responder \"%s\" in \"ssl_ocsp_responder\"",
				 host);
}

/* Client verification needs CAs to verify against (optional_no_ca verifies nothing). */
static void
verify_without_ca(struct lower *l, const struct tl_tls *t)
{
	bool trusted = tl_nginx_has(TL_NGX_VERIFY_WITH_TRUSTED, l->env->version);

	if (t->verify_client.v.origin == TL_ORIGIN_UNSET ||
	    (t->verify_client.mode != TL_CLIENT_AUTH_REQUIRE &&
	     t->verify_client.mode != TL_CLIENT_AUTH_OPTIONAL) ||
	    is_set(&t->client_certificate) || (trusted && is_set(&t->trusted_certificate)))
		return;
	tl_lower_invalid(&l->engine, t->verify_client.v.loc,
			 trusted ? "no ssl_client_certificate or ssl_trusted_certificate for "
				   "ssl_verify_client"
				 : "no ssl_client_certificate for ssl_verify_client");
}

/*
 * Reads the file a setting names (relative to nginx's prefix, under
 * --root). Returns 0 with its text, or -errno.
 */
struct setting_file {
	int rc;
	char *text;
	size_t len;
};

static int
read_setting_file(struct lower *l, const struct tl_str *s, char **text, size_t *len)
{
	const char *path = tl_path_join(l->env->arena, l->prefix, s->s);
	struct setting_file *f = tl_strmap_get(&l->setting_files, path);

	if (f == NULL) {
		f = tl_arena_calloc(l->env->arena, 1, sizeof(*f));
		f->rc = tl_fs_read(l->env->fs, path, MAX_TLS_FILE, &f->text, &f->len, NULL, NULL);
		tl_strmap_put(&l->setting_files, path, f);
	}
	*text = f->text;
	*len = f->len;
	return f->rc;
}

/*
 * A PEM file nginx hands to OpenSSL (SSL_CTX_load_verify_locations,
 * X509_LOOKUP_load_file): it must open and hold one of the block kinds
 * WANT names ("CERTIFICATE", "X509 CRL").
 */
static void
pem_file(struct lower *l, const struct tl_str *s, const char *what, const char *call,
	 const char *const *want)
{
	char *text = NULL;
	size_t len = 0;
	int rc;
	bool found = false;

	if (!is_set(s) || strchr(s->s, '$') != NULL)
		return;
	rc = read_setting_file(l, s, &text, &len);
	if (rc == -EFBIG)
		return;
	for (size_t i = 0; rc == 0 && want[i] != NULL && !found; i++) {
		char marker[64];

		snprintf(marker, sizeof(marker), "-----BEGIN %s-----", want[i]);
		found = memmem(text, len, marker, strlen(marker)) != NULL;
	}
	if (rc != 0)
		tl_lower_invalid(&l->engine, s->v.loc, "%s file '%s' cannot be read (%s): %s fails",
				 what, s->s, tl_file_error(-rc), call);
	else if (!found)
		tl_lower_invalid(&l->engine, s->v.loc, "%s file '%s' holds no %s: %s fails", what,
				 s->s, want[1] != NULL ? "certificate or CRL" : "certificate",
				 call);
}

/* ngx_ssl_session_ticket_keys: each file holds 48 or 80 bytes of key. */
static void
ticket_key_file(struct lower *l, const struct tl_str *s)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (!is_set(s))
		return;
	rc = read_setting_file(l, s, &text, &len);
	if (rc != 0)
		tl_lower_invalid(&l->engine, s->v.loc,
				 "session ticket key file '%s' cannot be read (%s)", s->s,
				 tl_file_error(-rc));
	else if (len != 48 && len != 80)
		tl_lower_invalid(&l->engine, s->v.loc, "\"%s\" must be 48 or 80 bytes (it has %zu)",
				 s->s, len);
	/* Only the length is judged, here and for the next server naming the file. */
	if (text != NULL)
		OPENSSL_cleanse(text, len);
}

/*
 * ssl_stapling_file, read for every certificate when stapling is on
 * (ngx_ssl_stapling_file): it must open and hold a DER OCSP response.
 */
static void
stapling_file(struct lower *l, const struct tl_tls *t)
{
	const struct tl_str *s = &t->stapling_file;
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (!t->stapling.on || !is_set(s))
		return;
	rc = read_setting_file(l, s, &text, &len);
	if (rc != 0) {
		tl_lower_invalid(&l->engine, s->v.loc, "BIO_new_file(\"%s\") failed (%s)", s->s,
				 tl_file_error(-rc));
	} else {
		const unsigned char *p = (const unsigned char *)text;
		OCSP_RESPONSE *r = d2i_OCSP_RESPONSE(NULL, &p, (long)len);

		if (r == NULL)
			tl_lower_invalid(&l->engine, s->v.loc,
					 "d2i_OCSP_RESPONSE_bio(\"%s\") failed: not a DER OCSP "
					 "response",
					 s->s);
		OCSP_RESPONSE_free(r);
		ERR_clear_error();
	}
}

/* ---- the context towards a backend ---- */

static const char *const upstream_prefix[NGX_UP_COUNT] = {
	[NGX_UP_PROXY] = "proxy",
	[NGX_UP_GRPC] = "grpc",
	[NGX_UP_UWSGI] = "uwsgi",
};

const char *
tl_ngx_upstream_prefix(enum ngx_upstream_module module)
{
	return upstream_prefix[module];
}

/*
 * The OpenSSL security level without @SECLEVEL in the cipher string:
 * Debian's and Ubuntu's, as everywhere in tlslint (docs/design.md,
 * "Ciphers").
 */
#define DEFAULT_SECLEVEL 2

/* A finding of check ID at LOC, in nginx's name. */
static struct tl_finding *refusal(struct lower *l, enum tl_check_id id, struct tl_loc loc,
				  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static struct tl_finding *
refusal(struct lower *l, enum tl_check_id id, struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = tl_diag_vadd(l->env->diag, id, loc, fmt, ap);
	va_end(ap);
	f->server = "nginx";
	return f;
}

/*
 * The cipher string, which ngx_ssl_ciphers sets first
 * (SSL_CTX_set_cipher_list: "no cipher match" stops nginx). Returns the
 * security level it leaves, at which the client certificate is loaded.
 */
static int
upstream_ciphers(struct lower *l, const struct tl_upstream_tls *t, const char *prefix)
{
	const struct tl_str *c = &t->ciphers;
	const struct tl_cipher_list *list;
	const char *error = NULL;
	int rc;

	/* PROFILE=SYSTEM is the host's crypto policy (Fedora): nothing to judge offline. */
	if (c->s == NULL || strncmp(c->s, "PROFILE=", 8) == 0)
		return DEFAULT_SECLEVEL;
	rc = tl_lower_cipher_eval(l->env, c->s, TL_CIPHER_LINKED_ONLY, &list, &error);
	if (rc == -ENOENT && is_set(c))
		refusal(l, TL_CK_CIPHER_INVALID, c->v.loc,
			"%s_ssl_ciphers '%s' enables no cipher suite; nginx refuses to start with "
			"'no cipher match'",
			prefix, c->s);
	else if (rc != 0 && is_set(c))
		refusal(l, TL_CK_CIPHER_INVALID, c->v.loc,
			"%s_ssl_ciphers '%s' is not a cipher string OpenSSL takes (%s); nginx "
			"refuses to start",
			prefix, c->s, error != NULL ? error : "invalid syntax");
	return list->sec_level >= 0 ? list->sec_level : DEFAULT_SECLEVEL;
}

/* A certificate or key nginx loads only per connection: variables (1.21.0), or "data:". */
static bool
upstream_dynamic(struct lower *l, const char *s)
{
	return (strchr(s, '$') != NULL &&
		tl_nginx_has(TL_NGX_UPSTREAM_CERT_VARIABLES, l->env->version)) ||
	       (strncmp(s, "data:", 5) == 0 && tl_nginx_has(TL_NGX_CERT_DATA, l->env->version));
}

static const struct tl_cert_file *
upstream_file(struct lower *l, const char *written)
{
	if (l->files == NULL)
		l->files = tl_certstore_new(l->env->arena, l->env->fs);
	return tl_certstore_get(l->files, tl_path_join(l->env->arena, l->prefix, written));
}

/*
 * What SSL_CTX_use_certificate and SSL_CTX_set0_chain refuse at security
 * LEVEL (a leaf or chain key, or signature, too weak), as OpenSSL's reason
 * ("ee key too small", "ca md too weak"), or NULL. *CHAIN tells which call.
 */
static const char *
level_refuses(const struct tl_cert_file *cf, int level, bool *chain, unsigned long *code)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	const char *why = NULL;

	*chain = false;
	*code = 0;
	if (ctx == NULL)
		return NULL;
	SSL_CTX_set_security_level(ctx, level);
	ERR_clear_error();
	if (SSL_CTX_use_certificate(ctx, sk_X509_value(cf->certs, 0)) != 1) {
		*code = ERR_peek_last_error();
	} else if (sk_X509_num(cf->certs) > 1) {
		STACK_OF(X509) *rest = sk_X509_new_null();

		for (int i = 1; rest != NULL && i < sk_X509_num(cf->certs); i++)
			sk_X509_push(rest, sk_X509_value(cf->certs, i));
		*chain = true;
		/* set1: the context takes its own references; the file keeps its own. */
		if (rest != NULL && SSL_CTX_set1_chain(ctx, rest) != 1)
			*code = ERR_peek_last_error();
		sk_X509_free(rest);
	}
	if (*code != 0)
		why = ERR_reason_error_string(*code);
	ERR_clear_error();
	SSL_CTX_free(ctx);
	return why;
}

/* The key of an encrypted key file, opened with the password file's lines, or NULL. */
static EVP_PKEY *
upstream_unlock(struct lower *l, const struct tl_cert_file *kf, const struct tl_str *pw,
		bool *pw_unreadable)
{
	char *text = NULL;
	size_t len = 0, tried = 0;
	EVP_PKEY *key = NULL;

	*pw_unreadable = false;
	if (tl_fs_read(l->env->fs, tl_path_join(l->env->arena, l->prefix, pw->s), 64 * 1024, &text,
		       &len, NULL, NULL) < 0)
		*pw_unreadable = true; /* its own finding, at the directive */
	else if (tl_longest_line(text, len) >= tl_nginx_facts.password_line_max)
		*pw_unreadable = true;
	else
		key = tl_key_open_with_lines(l->env->arena, kf->key_pem, text, len, &tried);
	if (text != NULL)
		OPENSSL_cleanse(text, len); /* the passphrases */
	return key;
}

/*
 * The client certificate and its key (ngx_ssl_certificate): the
 * certificate file must open and begin with a PEM certificate, which
 * SSL_CTX_use_certificate and SSL_CTX_set0_chain take at the cipher
 * string's security level; the key must open, parse (encrypted: with a
 * line of the password file; nginx has no terminal to prompt on) and
 * belong to the certificate.
 */
static void
upstream_certificate(struct lower *l, const struct tl_upstream_tls *t, const char *prefix,
		     int level)
{
	const struct tl_str *crt = &t->certificate, *keyname = &t->certificate_key;
	const struct tl_cert_file *cf, *kf;
	EVP_PKEY *key;
	const char *why;
	bool chain;
	unsigned long code;

	if (crt->s == NULL || keyname->s == NULL)
		return;
	for (int i = 0; i < 2; i++) {
		const struct tl_str *s = i == 0 ? crt : keyname;

		/* As for ssl_certificate: never quoted, it may be a private key. */
		if (strncmp(s->s, "data:", 5) == 0 && upstream_dynamic(l, s->s) &&
		    strstr(s->s, "-----BEGIN ") == NULL) {
			tl_lower_invalid(&l->engine, s->v.loc,
					 "inline \"data:\" value holds no PEM block (no start "
					 "line): nginx cannot load it");
			return;
		}
	}
	if (upstream_dynamic(l, crt->s) || upstream_dynamic(l, keyname->s))
		return;
	cf = upstream_file(l, crt->s);
	if (cf->read_error != 0) {
		refusal(l, TL_CK_CERT_MISSING, crt->v.loc,
			"cannot read client certificate '%s': %s; nginx refuses to start", crt->s,
			tl_file_error(cf->read_error));
		return;
	}
	if (cf->certs == NULL || sk_X509_num(cf->certs) == 0 || cf->cert_malformed) {
		refusal(l, TL_CK_CERT_UNPARSABLE, crt->v.loc,
			"client certificate file '%s' %s; nginx refuses to start", crt->s,
			cf->cert_malformed ? "has a malformed PEM block or a certificate that "
					     "does not decode"
					   : "holds no PEM certificate");
		return;
	}
	why = level_refuses(cf, level, &chain, &code);
	if (why != NULL)
		refusal(l,
			ERR_GET_REASON(code) == SSL_R_EE_KEY_TOO_SMALL ||
					ERR_GET_REASON(code) == SSL_R_CA_KEY_TOO_SMALL
				? TL_CK_CERT_WEAK_KEY
				: TL_CK_CERT_WEAK_SIGNATURE,
			crt->v.loc,
			"OpenSSL refuses the client certificate%s of '%s' at security level %d "
			"(%s); nginx refuses to start",
			chain ? "'s chain" : "", crt->s, level, why);

	kf = upstream_file(l, keyname->s);
	if (kf->read_error != 0) {
		refusal(l, TL_CK_KEY_MISSING, keyname->v.loc,
			"cannot read private key '%s': %s; nginx refuses to start", keyname->s,
			tl_file_error(kf->read_error));
		return;
	}
	key = kf->key;
	if (key == NULL && kf->key_encrypted && kf->key_pem != NULL) {
		bool pw_unreadable = false;

		if (t->password_file.s == NULL) {
			refusal(l, TL_CK_KEY_ENCRYPTED, keyname->v.loc,
				"private key '%s' is encrypted and no %s_ssl_password_file is "
				"configured; nginx cannot load it without prompting for the "
				"passphrase and refuses to start",
				keyname->s, prefix);
			return;
		}
		key = upstream_unlock(l, kf, &t->password_file, &pw_unreadable);
		if (key == NULL) {
			if (!pw_unreadable)
				refusal(l, TL_CK_KEY_ENCRYPTED, keyname->v.loc,
					"private key '%s' is encrypted and no line of '%s' opens "
					"it; nginx refuses to start",
					keyname->s, t->password_file.s);
			return;
		}
	}
	if (key == NULL) {
		refusal(l, TL_CK_KEY_UNPARSABLE, keyname->v.loc,
			"'%s' holds no private key OpenSSL can read; nginx refuses to start",
			keyname->s);
		return;
	}
	if (X509_check_private_key(sk_X509_value(cf->certs, 0), key) != 1)
		refusal(l, TL_CK_KEY_MISMATCH, keyname->v.loc,
			"private key '%s' does not belong to client certificate '%s'; nginx "
			"refuses to start (key values mismatch)",
			keyname->s, crt->s);
	ERR_clear_error();
}

/*
 * The context nginx builds towards a backend (ngx_http_proxy_set_ssl and
 * its grpc, uwsgi and stream twins), in their order: the cipher string,
 * the client certificate, with proxy_ssl_verify the trusted CAs (required)
 * and the CRL, then the configuration commands.
 */
void
tl_ngx_check_upstream_context(struct lower *l, const struct tl_upstream_tls *t,
			      enum ngx_upstream_module module)
{
	static const char *const certs[] = {"CERTIFICATE", NULL};
	static const char *const certs_or_crls[] = {"CERTIFICATE", "X509 CRL", NULL};
	const char *prefix = upstream_prefix[module];
	int level = upstream_ciphers(l, t, prefix);

	if (t->certificate.v.origin != TL_ORIGIN_UNSET &&
	    t->certificate_key.v.origin == TL_ORIGIN_UNSET)
		tl_lower_invalid(&l->engine, t->certificate.v.loc,
				 "no \"%s_ssl_certificate_key\" is defined for certificate \"%s\"",
				 prefix, t->certificate.s);
	else if (l->env->fs != NULL && t->certificate.v.origin != TL_ORIGIN_UNSET)
		upstream_certificate(l, t, prefix, level);
	if (t->verify.on && t->verify.v.origin != TL_ORIGIN_UNSET) {
		if (t->trusted_certificate.v.origin == TL_ORIGIN_UNSET)
			tl_lower_invalid(&l->engine, t->verify.v.loc,
					 "no %s_ssl_trusted_certificate for %s_ssl_verify", prefix,
					 prefix);
		else if (l->env->fs != NULL)
			pem_file(l, &t->trusted_certificate, "trusted CA",
				 "SSL_CTX_load_verify_locations()", certs);
		if (l->env->fs != NULL)
			pem_file(l, &t->crl, "CRL", "X509_LOOKUP_load_file()", certs_or_crls);
	}
	for (size_t i = 0; i < t->conf_commands.n; i++) {
		const struct tl_conf_command *c = &t->conf_commands.items[i];
		const char *why = tl_ssl_conf_refusal(c->name, c->value, true);

		if (why != NULL)
			tl_lower_invalid(&l->engine, c->loc,
					 "OpenSSL refuses the configuration command '%s %s' (%s); "
					 "nginx refuses to start",
					 c->name, c->value, why);
	}
}

void
tl_ngx_check_tls_context(struct lower *l, const struct tl_site *site, enum tl_site_mode mode)
{
	static const char *const certs[] = {"CERTIFICATE", NULL};
	static const char *const certs_or_crls[] = {"CERTIFICATE", "X509 CRL", NULL};
	const struct tl_tls *t = &site->tls;

	if (!tl_ngx_builds_context(l, site, mode))
		return;
	legacy_ssl_without_certificate(l, site);
	verify_without_ca(l, t);
	client_ocsp(l, t);
	if (l->env->fs == NULL)
		return;
	if (t->verify_client.v.origin != TL_ORIGIN_UNSET &&
	    t->verify_client.mode != TL_CLIENT_AUTH_OFF)
		pem_file(l, &t->client_certificate, "client CA", "SSL_load_client_CA_file()",
			 certs);
	/*
	 * stream loads them only for a verifying server until 1.27.2
	 * (ngx_stream_ssl_merge_conf, the same change as the trusted rule).
	 */
	if (mode == TL_SITE_STREAM && !tl_nginx_has(TL_NGX_VERIFY_WITH_TRUSTED, l->env->version) &&
	    (t->verify_client.v.origin == TL_ORIGIN_UNSET ||
	     t->verify_client.mode == TL_CLIENT_AUTH_OFF)) {
		ticket_key_file(l, &t->session_ticket_key);
		return;
	}
	pem_file(l, &t->trusted_certificate, "trusted CA", "SSL_CTX_load_verify_locations()",
		 certs);
	pem_file(l, &t->crl, "CRL", "X509_LOOKUP_load_file()", certs_or_crls);
	ticket_key_file(l, &t->session_ticket_key);
	/* ngx_http_ssl_merge_srv_conf (1.29.3+), before stapling is set up. */
	if (t->stapling.on && t->certificate_compression.on &&
	    tl_nginx_has(TL_NGX_STAPLING_NOT_WITH_COMPRESSION, l->env->version))
		tl_lower_invalid(&l->engine, t->stapling.v.loc,
				 "\"ssl_stapling\" is incompatible with "
				 "\"ssl_certificate_compression\"; nginx refuses to start");
	stapling_file(l, t);
}
