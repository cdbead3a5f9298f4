/*
 * The protocol family: proto-legacy, proto-no-modern, proto-none and
 * proto-tls13-missing. All four look at the versions a site really
 * negotiates (checks/tls_view.h): after raw OpenSSL Protocol/MinProtocol/
 * MaxProtocol commands, and, where the server takes the versions from the
 * default site of an address whatever SNI selects, the default site's.
 * The finding points at the setting to change (dedupe then merges the
 * sites that share it) and says which server default applied, if any.
 * One finding per site and cause: a site with no usable version gets
 * proto-none only, one with only old versions proto-no-modern but not
 * also proto-tls13-missing.
 */
#include <stdbool.h>

#include "check_ctx.h"
#include "checks.h"
#include "tls_view.h"

#define SSL_VERSIONS (TL_PROTO_SSLv2 | TL_PROTO_SSLv3)
#define OLD_TLS (TL_PROTO_TLSv1 | TL_PROTO_TLSv1_1)
#define MODERN (TL_PROTO_TLSv1_2 | TL_PROTO_TLSv1_3)
/*
 * What OpenSSL 1.1.0 and later can negotiate: SSLv2 was removed in 1.1.0
 * and SSLv3 is left out of builds by default since then (Debian 12's
 * `openssl list -disabled` says SSL3), so servers accept both names in
 * their configuration and never offer them.
 */
#define USABLE (OLD_TLS | MODERN)

static const struct tl_client_error legacy_clients[] = {
	{"Chrome", "ERR_SSL_VERSION_OR_CIPHER_MISMATCH"},
	{"Firefox", "SSL_ERROR_UNSUPPORTED_VERSION"},
	{"OpenSSL 3 (security level 1+)", "legacy sigalg disallowed or unsupported"},
	{NULL, NULL},
};

static const struct tl_client_error no_version_clients[] = {
	{"Chrome", "ERR_SSL_VERSION_OR_CIPHER_MISMATCH"},
	{"Firefox", "SSL_ERROR_PROTOCOL_VERSION_ALERT"},
	{"OpenSSL", "tlsv1 alert protocol version"},
	{"curl", "error:0A00042E:SSL routines::tlsv1 alert protocol version"},
	{"Python", "[SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version"},
	{"Go", "remote error: tls: protocol version not supported"},
	{"Java", "Received fatal alert: protocol_version"},
	{NULL, NULL},
};

/* True when SITE sets versions of its own that differ from those it really gets. */
static bool
own_setting_ignored(const struct tl_site *site, const struct tl_site_protocols *sp)
{
	const struct tl_protocols *own = &site->eff.protocols;

	if (sp->taken_from == NULL)
		return false;
	if (own->v.origin != TL_ORIGIN_SET && own->v.origin != TL_ORIGIN_INHERITED)
		return false;
	return own->mask != sp->mask;
}

/*
 * What the finding says about where the versions come from: a server
 * default ("the nginx 1.22 default"), and whether the site's own setting
 * is ignored for the default site's.
 */
static const char *
origin_text(struct tl_check_ctx *ctx, const struct tl_site *site,
	    const struct tl_site_protocols *sp)
{
	const char *s = "";

	if (sp->from != NULL && sp->from->origin == TL_ORIGIN_DEFAULT && sp->from->note != NULL)
		s = tl_diag_printf(ctx->arena, " (%s)", sp->from->note);
	if (own_setting_ignored(site, sp))
		s = tl_diag_printf(ctx->arena,
				   "%s; site '%s' sets its own versions, but they are ignored: "
				   "the versions of the default site '%s' of its address apply",
				   s, site->label, sp->taken_from->label);
	return s;
}

static struct tl_finding *
site_finding(struct tl_check_ctx *ctx, enum tl_check_id check, const struct tl_site *site,
	     const struct tl_site_protocols *sp, const char *message)
{
	struct tl_finding *f = tl_diag_add_message(ctx->diag, check, sp->loc, message);

	f->server = tl_server_name(site->server);
	f->site = site->label;
	if (own_setting_ignored(site, sp))
		tl_finding_relate(ctx->diag, f, NULL, site->eff.protocols.v.loc,
				  "the ignored setting of site '%s'", site->label);
	else if (sp->taken_from != NULL)
		tl_finding_relate(ctx->diag, f, NULL, sp->taken_from->loc,
				  "the default site '%s', whose versions apply",
				  sp->taken_from->label);
	return f;
}

/* Versions a site enables and can negotiate, with proto-none already ruled out. */
static bool
has_usable(const struct tl_site_protocols *sp)
{
	return (sp->mask & USABLE) != 0;
}

static void
legacy(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_site_protocols *sp)
{
	unsigned bad = sp->mask & (SSL_VERSIONS | (OLD_TLS & ~ctx->policy->tls_versions));
	const char *why = "";
	struct tl_finding *f;

	if (bad == 0 || !has_usable(sp))
		return;
	if (bad & SSL_VERSIONS)
		why = "; SSLv2 and SSLv3 are broken (DROWN, POODLE), and OpenSSL 1.1.0 and later "
		      "builds leave them out, so only an old or custom library would offer them";
	if (bad & OLD_TLS)
		why = tl_diag_printf(
			ctx->arena,
			"%s; OpenSSL 3 refuses TLS 1.0 and 1.1 at its default security level "
			"unless the cipher string says '@SECLEVEL=0', and Chrome and Firefox "
			"removed them",
			why);
	f = site_finding(ctx, TL_CK_PROTO_LEGACY, site, sp,
			 tl_diag_printf(ctx->arena, "legacy protocol %s %s enabled%s%s",
					(bad & (bad - 1)) ? "versions" : "version",
					tl_protocols_string(ctx->arena, bad),
					origin_text(ctx, site, sp), why));
	if (bad & SSL_VERSIONS)
		f->severity = TL_SEV_ERROR;
	if (bad & OLD_TLS)
		f->clients_see = legacy_clients;
}

static void
no_modern(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_site_protocols *sp)
{
	struct tl_finding *f;

	if (!has_usable(sp) || (sp->mask & MODERN) != 0)
		return;
	f = site_finding(ctx, TL_CK_PROTO_NO_MODERN, site, sp,
			 tl_diag_printf(ctx->arena,
					"neither TLSv1.2 nor TLSv1.3 is enabled, only %s%s; "
					"current browsers and OpenSSL 3 clients cannot connect",
					tl_protocols_string(ctx->arena, sp->mask & USABLE),
					origin_text(ctx, site, sp)));
	f->clients_see = no_version_clients;
}

static void
none(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_site_protocols *sp)
{
	const char *what;
	const char *refuses = NULL;
	struct tl_finding *f;

	if (has_usable(sp))
		return;
	if (sp->mask == 0)
		what = "no protocol version is left enabled";
	else
		what = tl_diag_printf(ctx->arena,
				      "only %s enabled, which OpenSSL 1.1.0 and later do not offer",
				      tl_protocols_string(ctx->arena, sp->mask));
	/*
	 * Where the site's own protocol setting is empty, some servers stop at
	 * start-up (the fault); raw commands that narrow it to nothing, or only
	 * versions OpenSSL no longer offers, leave a server running.
	 */
	if (site->tls.protocols.mask == 0 && (site->tls.protocols.v.origin == TL_ORIGIN_SET ||
					      site->tls.protocols.v.origin == TL_ORIGIN_INHERITED))
		refuses = tl_fault_consequence(site->facts, TL_FAULT_NO_PROTOCOLS);
	f = site_finding(ctx, TL_CK_PROTO_NONE, site, sp,
			 tl_diag_printf(ctx->arena, "%s%s; %s", what, origin_text(ctx, site, sp),
					refuses != NULL ? tl_diag_printf(ctx->arena,
									 "the server %s", refuses)
							: "every handshake fails"));
	f->clients_see = no_version_clients;
}

static void
tls13_missing(struct tl_check_ctx *ctx, const struct tl_site *site,
	      const struct tl_site_protocols *sp)
{
	bool only13 = ctx->policy->tls_versions == TL_PROTO_TLSv1_3;
	struct tl_finding *f;

	if ((sp->mask & MODERN) == 0 || (sp->mask & TL_PROTO_TLSv1_3) != 0)
		return;
	f = site_finding(
		ctx, TL_CK_PROTO_TLS13_MISSING, site, sp,
		tl_diag_printf(ctx->arena,
			       "TLSv1.3 is not enabled, only %s%s; clients fall back to TLSv1.2%s",
			       tl_protocols_string(ctx->arena, sp->mask & USABLE),
			       origin_text(ctx, site, sp),
			       only13 ? tl_diag_printf(ctx->arena,
						       ", and the %s profile allows TLSv1.3 only",
						       ctx->policy->name)
				      : ""));
	if (only13)
		f->severity = TL_SEV_WARNING;
}

static void
each_tls_site(struct tl_check_ctx *ctx,
	      void (*fn)(struct tl_check_ctx *ctx, const struct tl_site *site,
			 const struct tl_site_protocols *sp))
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];
		struct tl_site_protocols sp;

		if (!tl_site_is_tls(site))
			continue;
		sp = tl_site_protocols(site);
		fn(ctx, site, &sp);
	}
}

void
tl_check_proto_legacy(struct tl_check_ctx *ctx)
{
	each_tls_site(ctx, legacy);
}

void
tl_check_proto_no_modern(struct tl_check_ctx *ctx)
{
	each_tls_site(ctx, no_modern);
}

void
tl_check_proto_none(struct tl_check_ctx *ctx)
{
	each_tls_site(ctx, none);
}

void
tl_check_proto_tls13_missing(struct tl_check_ctx *ctx)
{
	each_tls_site(ctx, tls13_missing);
}
