/*
 * listen-ssl-missing: a site that clearly means TLS (it switches TLS on
 * itself, names a certificate of its own but is served over TLS nowhere,
 * or listens on port 443) on an address:port that speaks plain HTTP. TLS
 * is decided per socket (nginx: one "listen … ssl"; httpd: the first
 * virtual host's SSLEngine), so what a site says for itself can be
 * overruled by its neighbours.
 */
#include <stdbool.h>

#include "checks.h"
#include "site_certs.h"

static const struct tl_client_error plain_clients[] = {
	{"Chrome", "ERR_SSL_PROTOCOL_ERROR"},
	{"Firefox", "SSL_ERROR_RX_RECORD_TOO_LONG"},
	{"OpenSSL/curl", "wrong version number"},
	{"Go", "tls: first record does not look like a TLS handshake"},
	{"Java", "Unsupported or unrecognized SSL message"},
	{NULL, NULL},
};

/* A certificate the site names itself, not one it only inherits. */
static bool
own_certificate(const struct tl_site *site)
{
	return site->tls.certs.n > 0 && site->tls.certs.v.origin == TL_ORIGIN_SET;
}

static void
check_socket(struct tl_check_ctx *ctx, const struct tl_socket *sock)
{
	if (sock->tls || sock->quic || sock->mode != TL_SITE_HTTP)
		return;
	for (size_t i = 0; i < sock->sites.len; i++) {
		const struct tl_site *site = sock->sites.items[i];
		struct tl_finding *f;
		const char *why;
		struct tl_loc at = site->loc;

		if (site->tls.engine.on) {
			why = "it switches TLS on itself, but the address's first site does not, "
			      "and the first site decides";
			at = site->tls.engine.v.loc;
		} else if (own_certificate(site) && !tl_site_is_tls(site)) {
			/* With TLS on another of its sockets, a plain one is meant (port 80). */
			why = "it names a certificate, but TLS is not switched on for the address";
			at = site->tls.certs.pairs[0].cert_dir;
		} else if (sock->port == 443 && site == sock->default_site) {
			why = "port 443 is the HTTPS port";
		} else {
			continue;
		}
		f = tl_diag_add(ctx->diag, TL_CK_LISTEN_SSL_MISSING, at,
				"site '%s' on %s:%u is served in plain HTTP: %s; clients that "
				"connect with https:// get no TLS handshake",
				site->label, sock->addr, sock->port, why);
		f->server = tl_server_name(site->server);
		f->site = site->label;
		f->clients_see = plain_clients;
		if (sock->default_site != NULL && sock->default_site != site)
			tl_finding_relate(ctx->diag, f, NULL, sock->default_site->loc,
					  "the address's first site, which decides");
	}
}

void
tl_check_listen_ssl_missing(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sockets.len; i++)
		check_socket(ctx, ctx->model->sockets.items[i]);
}
