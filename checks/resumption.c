/*
 * session-tickets and early-data: resumption features whose risk depends
 * on what the server does with them. Tickets are sealed with a key the
 * server holds for as long as it keeps it: a key that is never replaced
 * lets whoever obtains it decrypt every recorded session it sealed, so
 * tickets cost forward secrecy unless the server rotates the keys. TLS 1.3
 * early data (0-RTT) can be replayed by anyone who recorded it.
 */
#include "checks.h"
#include "site_certs.h"
#include "tls_view.h"

void
tl_check_session_tickets(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];
		const struct tl_flag *t = &site->eff.options[TL_OPT_SESSION_TICKETS];

		if (!tl_site_is_tls(site) || !t->on || site->ticket_keys_rotated)
			continue;
		if (site->tls.session_ticket_key.v.origin != TL_ORIGIN_UNSET)
			tl_site_finding(
				ctx, TL_CK_SESSION_TICKETS, site,
				site->tls.session_ticket_key.v.loc,
				"session tickets are sealed with the key file named here, which "
				"the "
				"server never replaces by itself: rotate the file (and reload) "
				"regularly, or a stolen key decrypts every session it sealed");
		else
			tl_site_finding(
				ctx, TL_CK_SESSION_TICKETS, site, t->v.loc, "%s",
				tl_arena_printf(
					ctx->arena,
					"session tickets are on (%s) with a key the server "
					"keeps until it restarts: whoever obtains it decrypts "
					"every session it sealed; switch tickets off or rotate "
					"the keys",
					t->v.origin != TL_ORIGIN_DEFAULT ? "switched on here"
					: t->v.note != NULL              ? t->v.note
									 : "the server's default"));
	}
}

void
tl_check_early_data(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];
		const struct tl_flag *e = &site->tls.early_data;

		if (!tl_site_is_tls(site) || !e->on ||
		    !(tl_site_protocols(site).mask & TL_PROTO_TLSv1_3))
			continue;
		tl_site_finding(
			ctx, TL_CK_EARLY_DATA, site, e->v.loc,
			"TLS 1.3 early data (0-RTT) is accepted: a recorded first request can be "
			"replayed, and the server hands it on as it came; accept it only for "
			"requests that are safe to repeat (the backend sees \"Early-Data: 1\" only "
			"where the server is told to add it)");
	}
}
