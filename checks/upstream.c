/*
 * upstream-no-verify and upstream-no-sni. upstream-no-verify: TLS from the server to a backend
 * without verifying the backend's certificate (nginx proxy_ssl_verify off, the default; httpd
 * SSLProxyVerify none, the default), so anyone on the path can answer in the backend's name.
 */
#include <string.h>

#include "checks.h"
#include "hostname.h"
#include "site_certs.h"

/*
 * A finding at UP for a setting that is off (V: its value), saying why it
 * is off (the server's default, or a directive), with OFF_HERE at the
 * directive that switched it off.
 */
static void
upstream_off(struct tl_check_ctx *ctx, enum tl_check_id id, const struct tl_site *site,
	     const struct tl_upstream *up, const struct tl_value *v, const char *what,
	     const char *consequence, const char *off_here)
{
	const char *why = v->origin != TL_ORIGIN_DEFAULT ? "switched off"
			  : v->note != NULL              ? v->note
							 : "the default";
	struct tl_finding *f =
		tl_site_finding(ctx, id, site, up->loc, "TLS to backend '%s' %s (%s)%s", up->url,
				what, why, consequence);

	if (v->origin == TL_ORIGIN_SET || v->origin == TL_ORIGIN_INHERITED)
		tl_finding_relate(ctx->diag, f, NULL, v->loc, "%s", off_here);
}

void
tl_check_upstream_no_verify(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];

		for (size_t k = 0; k < site->upstreams.len; k++) {
			const struct tl_upstream *up = site->upstreams.items[k];

			if (up->tls.enabled.on && !up->tls.verify.on)
				upstream_off(ctx, TL_CK_UPSTREAM_NO_VERIFY, site, up,
					     &up->tls.verify.v, "does not verify its certificate",
					     "; anyone between the server and the backend can "
					     "answer in its name and read the traffic",
					     "verification is switched off here");
		}
	}
}

/*
 * upstream-no-sni: TLS to a backend named by a host name (one with a dot:
 * nginx upstream{} group names are labels, not hosts), sending no SNI.
 */
void
tl_check_upstream_no_sni(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];

		for (size_t k = 0; k < site->upstreams.len; k++) {
			const struct tl_upstream *up = site->upstreams.items[k];
			unsigned char addr[16];

			if (!up->tls.enabled.on || up->tls.server_name.on || up->host == NULL ||
			    strchr(up->host, '.') == NULL || strchr(up->host, '$') != NULL ||
			    tl_hostname_ip(up->host, addr) != 0)
				continue;
			upstream_off(
				ctx, TL_CK_UPSTREAM_NO_SNI, site, up, &up->tls.server_name.v,
				"sends no SNI",
				": a backend that serves several names (a CDN, a load balancer, "
				"an ingress) answers with its default certificate, which fails "
				"verification, or refuses the handshake",
				"SNI is switched off here");
		}
	}
}
