/*
 * compression-enabled, renegotiation-insecure and ocsp-stapling-broken:
 * TLS options whose effective value (after directives, OpenSSL commands
 * and what the server forces, src/effective.c) leaves a site open to a
 * known attack, and stapling that cannot work.
 */
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <stdbool.h>

#include "checks.h"
#include "site_certs.h"

/* Where an option got its value: the line that set it, or the site for a default. */
static struct tl_loc
option_loc(const struct tl_site *site, enum tl_tls_option opt)
{
	const struct tl_value *v = &site->eff.options[opt].v;

	return v->loc.src != NULL ? v->loc : site->loc;
}

/* A finding of check ID for every TLS site whose effective option OPT is on. */
static void
option_on(struct tl_check_ctx *ctx, enum tl_check_id id, enum tl_tls_option opt,
	  const char *message)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];

		if (tl_site_is_tls(site) && site->eff.options[opt].on)
			tl_site_finding(ctx, id, site, option_loc(site, opt), "%s", message);
	}
}

void
tl_check_compression_enabled(struct tl_check_ctx *ctx)
{
	/* The OpenSSL here stands for the server's: without methods nothing is compressed. */
	bool possible = sk_SSL_COMP_num(SSL_COMP_get_compression_methods()) > 0;

	option_on(ctx, TL_CK_COMPRESSION_ENABLED, TL_OPT_COMPRESSION,
		  possible ? "TLS compression is switched on: an attacker who can make "
			     "the browser send requests learns secrets such as cookies "
			     "from the compressed sizes (CRIME)"
			   : "TLS compression is switched on: with an OpenSSL built with "
			     "compression, clients that offer it get it and secrets such "
			     "as cookies leak through the compressed sizes (CRIME); the "
			     "OpenSSL here has no compression method, so it compresses "
			     "nothing");
}

void
tl_check_renegotiation_insecure(struct tl_check_ctx *ctx)
{
	option_on(ctx, TL_CK_RENEGOTIATION_INSECURE, TL_OPT_UNSAFE_LEGACY_RENEGOTIATION,
		  "insecure renegotiation allowed: the server may renegotiate with "
		  "clients that do not support secure renegotiation (RFC 5746), which "
		  "lets a man in the middle put its own request in front of the "
		  "client's (CVE-2009-3555)");
}

/* True when one of the served certificates other than the leaf issued it. */
static bool
issuer_served(const struct tl_pair_info *info)
{
	for (int i = 0; i < sk_X509_num(info->served); i++) {
		X509 *c = sk_X509_value(info->served, i);

		if (c != info->leaf && X509_check_issued(c, info->leaf) == X509_V_OK)
			return true;
	}
	return false;
}

/* Stapling for one certificate of a site that staples (servers whose facts say what fails). */
static void
stapling_cert(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	      const struct tl_pair_info *info)
{
	const struct tl_tls *tls = &site->tls;
	const char *what = site->facts ? site->facts->stapling_unusable : NULL;
	/* Both servers also look the issuer up among the CAs for client certificates. */
	bool ca_files = tls->trusted_certificate.v.origin != TL_ORIGIN_UNSET ||
			tls->client_certificate.v.origin != TL_ORIGIN_UNSET;
	STACK_OF(OPENSSL_STRING) * urls;
	struct tl_finding *f;

	if (what == NULL || !tl_site_is_tls(site) || !tls->stapling.on || info->leaf == NULL ||
	    tls->stapling_file.v.origin != TL_ORIGIN_UNSET)
		return;
	urls = X509_get1_ocsp(info->leaf);
	if (sk_OPENSSL_STRING_num(urls) <= 0 &&
	    tls->stapling_responder.v.origin == TL_ORIGIN_UNSET) {
		f = tl_cert_finding(
			ctx, TL_CK_OCSP_STAPLING_BROKEN, site, pair,
			"OCSP stapling is on, but certificate '%s' names no OCSP responder "
			"(no authorityInfoAccess OCSP URL) and none is configured: the "
			"server %s, and clients get no stapled response",
			pair->cert.written, what);
		tl_finding_relate(ctx->diag, f, NULL, tls->stapling.v.loc,
				  "stapling is switched on here");
	} else if (!issuer_served(info) && !ca_files) {
		f = tl_cert_finding(
			ctx, TL_CK_OCSP_STAPLING_BROKEN, site, pair,
			"OCSP stapling is on, but the issuer of certificate '%s' is neither "
			"served after it nor in a trusted certificate file, so no OCSP "
			"request can be made: the server %s",
			pair->cert.written, what);
		tl_finding_relate(ctx->diag, f, NULL, tls->stapling.v.loc,
				  "stapling is switched on here");
	} else if (tls->stapling_verify.on && !ca_files) {
		/*
		 * Responses are verified against the context's trust store, which
		 * holds only the configured CA files (nginx: "the root certificate
		 * … should be configured as trusted using ssl_trusted_certificate",
		 * ngx_http_ssl_module docs; OCSP_basic_verify in
		 * ngx_ssl_stapling_ocsp_handler): without them none verifies.
		 */
		f = tl_cert_finding(
			ctx, TL_CK_OCSP_STAPLING_BROKEN, site, pair,
			"OCSP stapling verifies responses, but no trusted CA file holds the "
			"root and intermediates to verify them against: every response for "
			"certificate '%s' fails verification and none is stapled",
			pair->cert.written);
		tl_finding_relate(ctx->diag, f, NULL, tls->stapling_verify.v.loc,
				  "responses are verified here");
	} else if (site->facts->stapling_resolver && site->resolver.v.origin == TL_ORIGIN_UNSET &&
		   tls->stapling_responder.v.origin == TL_ORIGIN_UNSET) {
		f = tl_cert_finding(
			ctx, TL_CK_OCSP_STAPLING_BROKEN, site, pair,
			"OCSP stapling is on with no resolver: the server looks up the "
			"responder '%s' once, at start-up, and never again (a host it "
			"cannot resolve then, or a responder that moves, leaves it without "
			"stapled responses); configure a resolver",
			sk_OPENSSL_STRING_value(urls, 0));
		f->severity = TL_SEV_INFO;
	}
	X509_email_free(urls);
}

void
tl_check_ocsp_stapling_broken(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, stapling_cert);
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];
		const char *what = tl_fault_consequence(site->facts, TL_FAULT_STAPLING_NO_CACHE);
		struct tl_finding *f;

		if (!tl_site_is_tls(site) || !site->tls.stapling.on || what == NULL ||
		    site->tls.stapling_cache.v.origin != TL_ORIGIN_UNSET)
			continue;
		f = tl_site_finding(ctx, TL_CK_OCSP_STAPLING_BROKEN, site, site->tls.stapling.v.loc,
				    "%s",
				    tl_diag_printf(ctx->arena,
						   "OCSP stapling is on but no stapling cache is "
						   "configured; the server %s",
						   what));
		/* The server does not start: as serious as any error. */
		f->severity = TL_SEV_ERROR;
	}
}
