/*
 * upstream-no-verify: TLS from the server to a backend without verifying
 * the backend's certificate (nginx proxy_ssl_verify off, the default;
 * httpd SSLProxyVerify none, the default), so anyone on the path can
 * answer in the backend's name.
 */
#include "checks.h"
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
