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
 * proxy_pass to https://, or with variables: ngx_http_proxy_set_ssl,
 * ngx_stream_proxy_set_ssl): proxy_ssl_verify needs
 * proxy_ssl_trusted_certificate, and a client certificate needs its key.
 *
 * These messages name no line; each finding is at the directive to
 * change. Each case is a golden whose nginx-t file pins nginx's words.
 */
#include <errno.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <stdio.h>
#include <string.h>

#include "../src/fsroot.h"
#include "../src/fsutil.h"
#include "nginx_facts.h"
#include "nginx_lower_int.h"

/* CA bundles can be large (a system store is ~200 KiB); beyond this they are not judged. */
#define MAX_TLS_FILE (16u << 20)

bool
tl_ngx_listens_ssl(const struct tl_site *site)
{
	for (size_t i = 0; i < site->listeners.len; i++)
		if (((const struct tl_listener *)site->listeners.items[i])->ssl)
			return true;
	return site->legacy_ssl_on.origin == TL_ORIGIN_SET;
}

static bool
builds_context(struct lower *l, const struct tl_site *site, enum tl_site_mode mode)
{
	const struct tl_tls *t = &site->tls;

	if (mode == TL_SITE_HTTP)
		return t->certs.n > 0 || t->reject_handshake.on ||
		       site->legacy_ssl_on.origin == TL_ORIGIN_SET;
	return tl_ngx_listens_ssl(site) ||
	       (t->certs.n > 0 &&
		tl_nginx_has(TL_NGX_STREAM_TLS_WITHOUT_LISTEN_SSL, l->env->version));
}

static bool
is_set(const struct tl_str *s)
{
	return s->v.origin == TL_ORIGIN_SET || s->v.origin == TL_ORIGIN_INHERITED;
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
static int
read_setting_file(struct lower *l, const struct tl_str *s, char **text, size_t *len)
{
	const char *path = tl_path_join(l->env->arena, l->prefix, s->s);

	return tl_fs_read(l->env->fs, path, MAX_TLS_FILE, text, len, NULL, NULL);
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
				 what, s->s, strerror(-rc), call);
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
				 strerror(-rc));
	else if (len != 48 && len != 80)
		tl_lower_invalid(&l->engine, s->v.loc, "\"%s\" must be 48 or 80 bytes (it has %zu)",
				 s->s, len);
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
				 strerror(-rc));
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

void
tl_ngx_check_upstream_context(struct lower *l, const struct tl_upstream_tls *t)
{
	if (t->certificate.v.origin != TL_ORIGIN_UNSET &&
	    t->certificate_key.v.origin == TL_ORIGIN_UNSET)
		tl_lower_invalid(
			&l->engine, t->certificate.v.loc,
			"no \"proxy_ssl_certificate_key\" is defined for certificate \"%s\"",
			t->certificate.s);
	if (t->verify.on && t->verify.v.origin != TL_ORIGIN_UNSET &&
	    t->trusted_certificate.v.origin == TL_ORIGIN_UNSET)
		tl_lower_invalid(&l->engine, t->verify.v.loc,
				 "no proxy_ssl_trusted_certificate for proxy_ssl_verify");
}

void
tl_ngx_check_tls_context(struct lower *l, const struct tl_site *site, enum tl_site_mode mode)
{
	static const char *const certs[] = {"CERTIFICATE", NULL};
	static const char *const certs_or_crls[] = {"CERTIFICATE", "X509 CRL", NULL};
	const struct tl_tls *t = &site->tls;

	if (!builds_context(l, site, mode))
		return;
	verify_without_ca(l, t);
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
	stapling_file(l, t);
}
