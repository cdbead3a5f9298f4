/*
 * upstream-no-verify and upstream-no-sni. upstream-no-verify: TLS from the server to a backend
 * without verifying the backend's certificate (nginx proxy_ssl_verify off, the default; httpd
 * SSLProxyVerify none, the default), so anyone on the path can answer in the backend's name.
 */
#include <string.h>

#include "checks.h"
#include "hostname.h"
#include "site_certs.h"

void
tl_check_upstream_no_verify(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];

		for (size_t k = 0; k < site->upstreams.len; k++) {
			const struct tl_upstream *up = site->upstreams.items[k];
			struct tl_finding *f;

			if (!up->tls.enabled.on || up->tls.verify.on)
				continue;
			f = tl_diag_add(ctx->diag, TL_CK_UPSTREAM_NO_VERIFY, up->loc,
					"TLS to backend '%s' does not verify its certificate (%s); "
					"anyone between the server and the backend can answer in "
					"its name and read the traffic",
					up->url,
					up->tls.verify.v.origin == TL_ORIGIN_DEFAULT
						? up->tls.verify.v.note ? up->tls.verify.v.note
									: "the default"
						: "switched off");
			f->server = tl_server_name(site->server);
			f->site = site->label;
			if (up->tls.verify.v.origin == TL_ORIGIN_SET ||
			    up->tls.verify.v.origin == TL_ORIGIN_INHERITED)
				tl_finding_relate(ctx->diag, f, NULL, up->tls.verify.v.loc,
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
			struct tl_finding *f;

			if (!up->tls.enabled.on || up->tls.server_name.on || up->host == NULL ||
			    strchr(up->host, '.') == NULL || strchr(up->host, '$') != NULL ||
			    tl_hostname_ip(up->host, addr) != 0)
				continue;
			f = tl_diag_add(
				ctx->diag, TL_CK_UPSTREAM_NO_SNI, up->loc,
				"TLS to backend '%s' sends no SNI (%s): a backend that serves "
				"several names (a CDN, a load balancer, an ingress) answers "
				"with its default certificate, which fails verification, or "
				"refuses the handshake",
				up->url,
				up->tls.server_name.v.origin == TL_ORIGIN_DEFAULT
					? up->tls.server_name.v.note ? up->tls.server_name.v.note
								     : "the default"
					: "switched off");
			f->server = tl_server_name(site->server);
			f->site = site->label;
			if (up->tls.server_name.v.origin == TL_ORIGIN_SET ||
			    up->tls.server_name.v.origin == TL_ORIGIN_INHERITED)
				tl_finding_relate(ctx->diag, f, NULL, up->tls.server_name.v.loc,
						  "SNI is switched off here");
		}
	}
}
