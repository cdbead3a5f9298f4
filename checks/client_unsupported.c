/*
 * client-unsupported: a client the user requires (--require-clients,
 * require-clients:) cannot connect to a site, by the offline simulation
 * (src/sim/simulate.h). The finding stands on the setting the refusal is
 * down to — the protocol versions, the cipher string, the TLS 1.3 suites,
 * the groups, or the certificate — and says why in the words of the
 * simulation ("the suites both have need an ECDSA certificate and the
 * site serves RSA"), with what that client shows.
 */
#include "checks.h"

#include "check_ctx.h"
#include "sim/simulate.h"
#include "tls_view.h"

/* The line to change for a refusal of CAUSE at SITE. */
static struct tl_loc
cause_loc(const struct tl_site *site, const struct tl_sim_result *r)
{
	const struct tl_effective *e = &site->eff;

	switch (r->cause) {
	case TL_CAUSE_PROTOCOLS:
		return tl_site_protocols(site).loc;
	case TL_CAUSE_CIPHERS:
		return e->ciphers.v.loc;
	case TL_CAUSE_SUITES13:
		return e->suites_from->eff.ciphersuites.v.loc;
	case TL_CAUSE_GROUPS:
		return e->groups.v.loc;
	case TL_CAUSE_CERTIFICATE:
		if (r->cert != NULL && r->cert->pair != NULL)
			return r->cert->pair->cert_dir;
		if (site->tls.certs.n > 0)
			return site->tls.certs.pairs[0].cert_dir;
		return site->loc;
	default:
		return site->loc;
	}
}

static const char *
failure(struct tl_arena *arena, const struct tl_sim_result *r)
{
	const char *why = r->why ? r->why : r->reason ? r->reason : "the handshake fails";

	switch (r->stage) {
	case TL_SIM_HANDSHAKE:
		if (r->alert >= 0 && r->reason != NULL && r->why != NULL)
			return tl_arena_printf(arena, "%s (the server answers alert %d, %s)", why,
					       r->alert, r->reason);
		if (r->alert >= 0)
			return tl_arena_printf(arena, "the server answers alert %d (%s)", r->alert,
					       why);
		return why;
	case TL_SIM_CERTIFICATE:
		return tl_arena_printf(arena, "it rejects the certificate: %s", why);
	case TL_SIM_NO_SITE:
		return why;
	case TL_SIM_SERVER:
		return tl_arena_printf(arena, "the server cannot set the site up: %s", why);
	default:
		return why;
	}
}

void
tl_check_client_unsupported(struct tl_check_ctx *ctx)
{
	const struct tl_ptrvec *ids = ctx->require_clients;
	const struct tl_client_profile **clients;
	size_t n = 0;
	struct tl_sim sim;

	if (ids == NULL || ids->len == 0)
		return;
	clients = tl_arena_calloc(ctx->arena, ids->len, sizeof(*clients));
	for (size_t i = 0; i < ids->len; i++) {
		const struct tl_client_profile *p = tl_client_profile_find(ids->items[i]);

		if (p != NULL)
			clients[n++] = p;
	}
	tl_simulate(&ctx->an, ctx->model, clients, n, NULL, NULL, &sim);
	for (size_t s = 0; s < sim.nsites; s++) {
		const struct tl_sim_site *row = &sim.sites[s];
		const struct tl_site *site = row->site != NULL ? row->site : row->named;

		for (size_t c = 0; c < n; c++) {
			const struct tl_sim_result *r = &row->results[c];
			struct tl_finding *f;
			struct tl_client_error *see;

			if (r->stage == TL_SIM_OK || r->stage == TL_SIM_UNKNOWN || site == NULL)
				continue;
			f = tl_diag_add(ctx->diag, TL_CK_CLIENT_UNSUPPORTED, cause_loc(site, r),
					"%s (a required client) cannot connect to %s: %s",
					r->client->name, row->label, failure(ctx->arena, r));
			f->server = tl_server_name(site->server);
			f->site = row->label;
			if (r->words != NULL) {
				see = tl_arena_calloc(ctx->arena, 2, sizeof(*see));
				see[0].client = r->client->name;
				see[0].text = r->words;
				f->clients_see = see;
			}
		}
	}
}
