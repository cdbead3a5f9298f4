/*
 * hsts-missing and hsts-short: the Strict-Transport-Security header of an
 * HTTPS site, as the server ends up sending it (lowering applies each
 * server's inheritance: nginx's add_header, which a level with add_header
 * of its own does not inherit; httpd's Header; HAProxy's http-response).
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <strings.h>

#include "checks.h"
#include "site_certs.h"

static bool
https_site(const struct tl_site *site)
{
	return site->mode == TL_SITE_HTTP && tl_site_is_tls(site) && !site->tls.reject_handshake.on;
}

static const char *
why_none(struct tl_arena *arena, const struct tl_header *h)
{
	return h->v.note != NULL ? tl_arena_printf(arena, ": %s", h->v.note) : "";
}

void
tl_check_hsts_missing(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];
		const struct tl_header *h = &site->hsts;
		struct tl_finding *f;

		if (!https_site(site))
			continue;
		if (h->v.origin == TL_ORIGIN_UNSET) {
			tl_site_finding(
				ctx, TL_CK_HSTS_MISSING, site, h->v.loc, "%s",
				h->v.note != NULL
					? tl_arena_printf(ctx->arena,
							  "no Strict-Transport-Security header%s",
							  why_none(ctx->arena, h))
					: "no Strict-Transport-Security header: browsers keep "
					  "using http:// links to the site, so a first request "
					  "can be intercepted and downgraded (SSL stripping)");
			continue;
		}
		/* What the header misses without "always", as the server's facts say. */
		if (!h->always && site->facts != NULL && site->facts->header_without_always)
			tl_site_finding(
				ctx, TL_CK_HSTS_MISSING, site, h->v.loc, "%s",
				tl_arena_printf(
					ctx->arena,
					"Strict-Transport-Security is set without 'always', so %s",
					site->facts->header_without_always));
		for (size_t k = 0; k < site->locations.len; k++) {
			const struct tl_location *loc = site->locations.items[k];

			if (loc->hsts.v.origin != TL_ORIGIN_UNSET)
				continue;
			f = tl_site_finding(
				ctx, TL_CK_HSTS_MISSING, site,
				loc->hsts.v.loc.src ? loc->hsts.v.loc : loc->loc, "%s",
				tl_arena_printf(ctx->arena,
						"responses under location '%s' carry no "
						"Strict-Transport-Security header%s",
						loc->path, why_none(ctx->arena, &loc->hsts)));
			tl_finding_relate(ctx->diag, f, NULL, h->v.loc,
					  "the header the rest of the site sends");
		}
	}
}

/*
 * The max-age of a Strict-Transport-Security value (RFC 6797 §6.1: a
 * directive name without case, an optionally quoted number), or -1.
 */
static long long
max_age(const char *value)
{
	for (const char *p = value; p != NULL && *p; p++) {
		char *end;
		long long n;

		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		if (strncasecmp(p, "max-age", 7) == 0) {
			p += 7;
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p++ != '=')
				return -1;
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p == '"')
				p++;
			if (!isdigit((unsigned char)*p))
				return -1;
			n = strtoll(p, &end, 10);
			return n;
		}
		p = strchr(p, ';');
		if (p == NULL)
			break;
	}
	return -1;
}

/* "1 day", "730 days", "1 hour": a max-age as a person reads it. */
static const char *
duration(struct tl_arena *arena, long long seconds)
{
	long long n = seconds >= 86400 ? seconds / 86400 : seconds / 3600;

	return tl_arena_printf(arena, "%lld %s%s", n, seconds >= 86400 ? "day" : "hour",
			       n == 1 ? "" : "s");
}

void
tl_check_hsts_short(struct tl_check_ctx *ctx)
{
	long min = ctx->policy != NULL ? ctx->policy->hsts_min_age : 0;

	for (size_t i = 0; i < ctx->model->sites.len && min > 0; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];
		const struct tl_header *h = &site->hsts;
		long long age;

		if (!https_site(site) || h->v.origin == TL_ORIGIN_UNSET)
			continue;
		age = max_age(h->value);
		if (age < 0)
			tl_site_finding(
				ctx, TL_CK_HSTS_SHORT, site, h->v.loc, "%s",
				tl_arena_printf(
					ctx->arena,
					"Strict-Transport-Security '%s' has no valid max-age: "
					"browsers ignore the header",
					h->value));
		else if (age == 0)
			tl_site_finding(
				ctx, TL_CK_HSTS_SHORT, site, h->v.loc,
				"Strict-Transport-Security max-age=0 tells browsers to forget the "
				"site's HSTS: it is off");
		else if (age < min)
			tl_site_finding(
				ctx, TL_CK_HSTS_SHORT, site, h->v.loc, "%s",
				tl_arena_printf(
					ctx->arena,
					"Strict-Transport-Security max-age=%lld (%s) is below "
					"the %ld (%s) the %s profile asks for",
					age, duration(ctx->arena, age), min,
					duration(ctx->arena, min), ctx->policy->name));
	}
}
