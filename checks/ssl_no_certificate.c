/*
 * ssl-no-certificate: every site reachable over TLS needs a certificate.
 * What the server does then is its facts': for the default site of a TLS
 * address:port nginx refuses to start, but a named server without one
 * starts (nginx -t checks only the default server) and its clients
 * silently get the default server's certificate, for the wrong name —
 * unless the default has none and rejects handshakes, when nginx checks
 * every server and refuses to start.
 */
#include <stdbool.h>

#include "checks.h"
#include "site_certs.h"

static const struct tl_client_error wrong_cert_clients[] = {
	{"Chrome", "NET::ERR_CERT_COMMON_NAME_INVALID"},
	{"Firefox", "SSL_ERROR_BAD_CERT_DOMAIN"},
	{"OpenSSL", "hostname mismatch"},
	{"curl", "no alternative certificate subject name matches target host name"},
	{NULL, NULL},
};

static bool
has_certificate(const struct tl_site *site)
{
	for (size_t i = 0; i < site->tls.certs.n; i++)
		if (site->tls.certs.pairs[i].cert.written != NULL)
			return true;
	return false;
}

/* The site's listener on SOCK (its "listen" line), or the site itself. */
static struct tl_loc
listener_loc(const struct tl_site *site, const struct tl_socket *sock)
{
	for (size_t i = 0; i < site->listeners.len; i++) {
		const struct tl_listener *ls = site->listeners.items[i];

		if (ls->socket == sock && !ls->implicit)
			return ls->loc;
	}
	return site->loc;
}

/*
 * The socket where the site's lack of a certificate matters most: one
 * where it is the default (the server will not start), else the first TLS
 * socket it is on.
 */
static const struct tl_socket *
worst_socket(const struct tl_site *site)
{
	const struct tl_socket *first = NULL;

	for (size_t i = 0; i < site->listeners.len; i++) {
		const struct tl_socket *sock =
			((const struct tl_listener *)site->listeners.items[i])->socket;

		if (sock == NULL || !sock->tls)
			continue;
		if (sock->default_site == site)
			return sock;
		if (first == NULL)
			first = sock;
	}
	return first;
}

static void
check_site(struct tl_check_ctx *ctx, const struct tl_site *site)
{
	const struct tl_socket *sock = worst_socket(site);
	const struct tl_site *def;
	struct tl_finding *f;

	/* ssl_reject_handshake: the site refuses TLS on purpose and needs no certificate. */
	if (sock == NULL || has_certificate(site) || site->tls.reject_handshake.on)
		return;
	/* nginx's old "ssl on" without one is refused at that directive, by the lowering. */
	if (site->legacy_ssl_on.origin != TL_ORIGIN_UNSET)
		return;
	def = sock->default_site;
	/*
	 * A site that switches TLS on itself (httpd SSLEngine on) is set up
	 * by the server on its own; one that does not takes the default's.
	 */
	if (def != site && (site->tls.engine.v.origin == TL_ORIGIN_UNSET || site->tls.engine.on) &&
	    tl_fault_consequence(site->facts, TL_FAULT_NO_CERTIFICATE_NAMED) != NULL) {
		f = tl_diag_add(ctx->diag, TL_CK_SSL_NO_CERTIFICATE, site->loc,
				"site '%s' on TLS address %s:%u has no certificate; the server %s",
				site->label, sock->addr, sock->port,
				tl_fault_consequence(site->facts, TL_FAULT_NO_CERTIFICATE_NAMED));
	} else if (def == site) {
		f = tl_diag_add(ctx->diag, TL_CK_SSL_NO_CERTIFICATE, listener_loc(site, sock),
				"no certificate for TLS on %s:%u; the server %s", sock->addr,
				sock->port, tl_fault_text(site->facts, TL_FAULT_NO_CERTIFICATE));
	} else if (has_certificate(def)) {
		f = tl_diag_add(
			ctx->diag, TL_CK_SSL_NO_CERTIFICATE, site->loc,
			"site '%s' on TLS address %s:%u has no certificate; clients asking for it "
			"get the default site's certificate ('%s')",
			site->label, sock->addr, sock->port, def->label);
		f->clients_see = wrong_cert_clients;
		tl_finding_relate(ctx->diag, f, NULL, def->tls.certs.pairs[0].cert_dir,
				  "the default site's certificate");
	} else if (def->tls.reject_handshake.on &&
		   tl_fault_consequence(site->facts, TL_FAULT_NO_CERTIFICATE_BESIDE_REJECTING) !=
			   NULL) {
		f = tl_diag_add(
			ctx->diag, TL_CK_SSL_NO_CERTIFICATE, site->loc,
			"site '%s' on TLS address %s:%u has no certificate, and the default site "
			"rejects handshakes without one; the server %s",
			site->label, sock->addr, sock->port,
			tl_fault_consequence(site->facts,
					     TL_FAULT_NO_CERTIFICATE_BESIDE_REJECTING));
	} else {
		f = tl_diag_add(
			ctx->diag, TL_CK_SSL_NO_CERTIFICATE, site->loc,
			"site '%s' on TLS address %s:%u has no certificate, and neither has the "
			"default site; handshakes fail",
			site->label, sock->addr, sock->port);
	}
	f->server = tl_server_name(site->server);
	f->site = site->label;
}

void
tl_check_ssl_no_certificate(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++)
		check_site(ctx, ctx->model->sites.items[i]);
}
