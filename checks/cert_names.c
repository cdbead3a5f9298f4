/*
 * cert-hostname-mismatch and cert-no-san: every name a TLS site answers
 * to must be covered by a subjectAltName of one of its certificates, as
 * clients match them (RFC 6125, checks/hostname.h). A certificate with no
 * subjectAltName at all is one cause, cert-no-san, not a mismatch for each
 * name: Chrome, Firefox and Go reject it whatever the name.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "hostname.h"
#include "site_certs.h"

/* How many SANs a message lists before "and N more". */
#define SANS_SHOWN 6

/* The label put in place of a certificate's '*' to try regular expressions on. */
#define PROBE_LABEL "tlslint-probe"

static const struct tl_client_error mismatch_clients[] = {
	{"Chrome", "NET::ERR_CERT_COMMON_NAME_INVALID"},
	{"Firefox", "SSL_ERROR_BAD_CERT_DOMAIN"},
	{"OpenSSL", "hostname mismatch"},
	{"curl", "no alternative certificate subject name matches target host name"},
	{"Java", "No subject alternative DNS name matching"},
	{NULL, NULL},
};

static const struct tl_client_error no_san_clients[] = {
	{"Chrome", "NET::ERR_CERT_COMMON_NAME_INVALID"},
	{"Firefox", "SSL_ERROR_BAD_CERT_DOMAIN"},
	{"Go", "x509: certificate relies on legacy Common Name field, use SANs instead"},
	{NULL, NULL},
};

/* A pair the names can be checked against: readable certificate and key. */
static bool
usable(const struct tl_pair_info *info)
{
	return info->leaf != NULL && info->key != NULL;
}

/* ---- cert-no-san ---- */

/* The leaf's subjectAltNames, decoded once per certificate (below). */
static const struct tl_san *leaf_sans(struct tl_check_ctx *ctx, X509 *leaf, size_t *n,
				      bool *has_ext);

static void
no_san(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
       const struct tl_pair_info *info)
{
	struct tl_finding *f;
	size_t n;
	bool has_ext;

	if (!usable(info))
		return;
	leaf_sans(ctx, info->leaf, &n, &has_ext);
	if (has_ext)
		return;
	f = tl_cert_finding(ctx, TL_CK_CERT_NO_SAN, site, pair,
			    "certificate has no subjectAltName, only the subject %s; Chrome, "
			    "Firefox and Go reject it for every name (OpenSSL, curl, Python and "
			    "Java still accept the CN)",
			    tl_cert_subject(ctx->arena, info->leaf));
	f->clients_see = no_san_clients;
}

void
tl_check_cert_no_san(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, no_san);
}

/* ---- cert-hostname-mismatch ---- */

/* One certificate of a site, with the names it covers. */
struct cert_names {
	const struct tl_cert_pair *pair;
	const struct tl_san *sans;
	size_t n;
};

struct site_certs {
	struct cert_names *certs;
	size_t n;
	struct cert_names few[4];
};

/* The names of a leaf, decoded once however many sites serve it. */
struct leaf_names {
	const struct tl_san *sans;
	size_t n;
	bool has_ext;
};

static const struct tl_san *
leaf_sans(struct tl_check_ctx *ctx, X509 *leaf, size_t *n, bool *has_ext)
{
	char key[64];
	struct leaf_names *ln;

	snprintf(key, sizeof(key), "leaf-sans|%p", (void *)leaf);
	ln = tl_strmap_get(&ctx->memo, key);
	if (ln == NULL) {
		ln = tl_arena_alloc(ctx->arena, sizeof(*ln));
		ln->sans = tl_cert_sans(ctx->arena, leaf, &ln->n, &ln->has_ext);
		tl_strmap_put(&ctx->memo, key, ln);
	}
	*n = ln->n;
	*has_ext = ln->has_ext;
	return ln->sans;
}

/*
 * The site's certificates, or false when the names cannot be judged: no
 * certificate (ssl-no-certificate), one chosen per handshake, one that
 * cannot be read (cert-missing, key-missing, …) or one without any
 * subjectAltName (cert-no-san).
 */
static bool
collect(struct tl_check_ctx *ctx, const struct tl_site *site, struct site_certs *sc)
{
	const struct tl_cert_list *list = &site->tls.certs;

	sc->n = 0;
	/* Most sites have one or two certificates: no allocation for those. */
	sc->certs = list->n + 1 <= sizeof(sc->few) / sizeof(sc->few[0])
			    ? sc->few
			    : tl_arena_calloc(ctx->arena, list->n + 1, sizeof(*sc->certs));
	for (size_t i = 0; i < list->n; i++) {
		const struct tl_cert_pair *pair = &list->pairs[i];
		const struct tl_pair_info *info;
		struct cert_names *cn = &sc->certs[sc->n];
		bool has_ext;

		if (pair->cert.written == NULL)
			continue;
		if (pair->cert.dynamic)
			return false;
		info = tl_pair_info_get(&ctx->an, pair);
		if (!usable(info))
			return false;
		cn->pair = pair;
		cn->sans = leaf_sans(ctx, info->leaf, &cn->n, &has_ext);
		if (!has_ext)
			return false;
		sc->n++;
	}
	return sc->n > 0;
}

static bool
covered(const struct site_certs *sc, const char *host)
{
	for (size_t i = 0; i < sc->n; i++)
		if (tl_sans_cover(sc->certs[i].sans, sc->certs[i].n, host))
			return true;
	return false;
}

/*
 * A wildcard site name "*.example.com" reaches the site for names of any
 * depth; only the same wildcard in the certificate covers its first level
 * (and nothing covers deeper names, see the docs).
 */
static bool
wildcard_covered(struct tl_check_ctx *ctx, const struct site_certs *sc, const char *wildcard)
{
	const char *probe = tl_arena_printf(ctx->arena, PROBE_LABEL "%s", wildcard + 1);

	for (size_t i = 0; i < sc->n; i++)
		for (size_t k = 0; k < sc->certs[i].n; k++) {
			const struct tl_san *san = &sc->certs[i].sans[k];

			if (!san->ip && tl_hostname_equal(san->text, wildcard) &&
			    tl_hostname_match(san->text, probe))
				return true;
		}
	return false;
}

static bool
regex_matches(pcre2_code *re, pcre2_match_data *md, const char *s)
{
	return pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL) >= 0;
}

/* True when the regular expression matches a name one of the certificates covers. */
static bool
regex_covered(struct tl_check_ctx *ctx, const struct site_certs *sc, pcre2_code *re)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	bool hit = false;

	if (md == NULL)
		return true; /* cannot tell: say nothing */
	for (size_t i = 0; i < sc->n && !hit; i++)
		for (size_t k = 0; k < sc->certs[i].n && !hit; k++) {
			const char *name = sc->certs[i].sans[k].text;
			size_t len = strlen(name);

			/* Servers match the requested name without a trailing dot. */
			if (len > 0 && name[len - 1] == '.')
				name = tl_arena_strndup(ctx->arena, name, len - 1);
			if (name[0] == '*' && name[1] == '.')
				name = tl_arena_printf(ctx->arena, PROBE_LABEL "%s", name + 1);
			hit = regex_matches(re, md, name);
		}
	pcre2_match_data_free(md);
	return hit;
}

/* "the certificate 'A' (DNS:…)" or "the certificates 'A' (DNS:…) and 'B' (DNS:…)". */
static const char *
describe_certs(struct tl_check_ctx *ctx, const struct site_certs *sc)
{
	const char *s = sc->n == 1 ? "the certificate" : "the certificates";
	char key[512];
	size_t len = (size_t)snprintf(key, sizeof(key), "describe-certs");
	const char *done = NULL;

	/* Thousands of sites name the same certificates: one description each. */
	for (size_t i = 0; i < sc->n && len < sizeof(key); i++)
		len += (size_t)snprintf(key + len, sizeof(key) - len, "|%p",
					(const void *)sc->certs[i].pair);
	if (len < sizeof(key))
		done = tl_strmap_get(&ctx->memo, key);
	if (done != NULL)
		return done;
	for (size_t i = 0; i < sc->n; i++)
		s = tl_diag_printf(
			ctx->arena, "%s%s '%s' (%s)", s,
			i == 0           ? ""
			: i + 1 == sc->n ? " and"
					 : ",",
			sc->certs[i].pair->cert.written,
			tl_sans_text(ctx->arena, sc->certs[i].sans, sc->certs[i].n, SANS_SHOWN));
	if (len < sizeof(key))
		tl_strmap_put(&ctx->memo, key, (void *)s);
	return s;
}

static void
report(struct tl_check_ctx *ctx, const struct tl_site *site, const struct site_certs *sc,
       const struct tl_name *name, const char *message)
{
	struct tl_finding *f =
		tl_diag_add_message(ctx->diag, TL_CK_CERT_HOSTNAME_MISMATCH, name->loc, message);
	bool inherited = site->tls.certs.v.origin == TL_ORIGIN_INHERITED;

	f->server = tl_server_name(site->server);
	f->site = site->label;
	f->clients_see = mismatch_clients;
	for (size_t i = 0; i < sc->n; i++)
		tl_finding_relate_message(ctx->diag, f, NULL, sc->certs[i].pair->cert_dir,
					  inherited ? "the certificate the site inherits"
						    : "the site's certificate");
}

/* A server name written in Unicode: clients send, and certificates hold, its A-label form. */
static void
check_unicode(struct tl_check_ctx *ctx, const struct tl_site *site, const struct site_certs *sc,
	      const struct tl_name *name)
{
	char buf[256];
	const char *alabel = tl_hostname_to_alabel(name->name, buf, sizeof(buf));
	const char *msg;

	if (alabel == NULL)
		msg = tl_diag_printf(
			ctx->arena,
			"'%s' is not a valid host name: internationalized names must "
			"be written in their A-label (xn--) form, as clients send them",
			name->name);
	else if (covered(sc, alabel))
		msg = tl_diag_printf(
			ctx->arena,
			"'%s' is written in Unicode, so it never equals the name clients send; "
			"write its A-label form '%s', which %s covers",
			name->name, alabel, describe_certs(ctx, sc));
	else
		msg = tl_diag_printf(
			ctx->arena,
			"'%s' is written in Unicode, so it never equals the name clients send, and "
			"its A-label form '%s' is not covered by %s",
			name->name, alabel, describe_certs(ctx, sc));
	report(ctx, site, sc, name, msg);
}

static void
check_name(struct tl_check_ctx *ctx, const struct tl_site *site, const struct site_certs *sc,
	   const struct tl_name *name)
{
	const char *n = name->name;
	const char *what = NULL;

	/* Catch-alls and the machine's own name are no names to hold a certificate to. */
	if (name->kind == TL_NAME_NONE || name->kind == TL_NAME_HOSTNAME)
		return;
	if (name->kind != TL_NAME_REGEX && !tl_hostname_is_ascii(n)) {
		check_unicode(ctx, site, sc, name);
		return;
	}
	switch (name->kind) {
	case TL_NAME_EXACT:
		if (!covered(sc, n))
			what = tl_diag_printf(ctx->arena, "'%s' is not covered by %s", n,
					      describe_certs(ctx, sc));
		break;
	case TL_NAME_WILDCARD_LEFT:
	case TL_NAME_WILDCARD_ONE:
		if (!wildcard_covered(ctx, sc, n))
			what = tl_diag_printf(
				ctx->arena,
				"'%s' is not covered by %s: names under '%s' reach "
				"this site, and only the certificate name '%s' covers "
				"them",
				n, describe_certs(ctx, sc), n + 2, n);
		break;
	case TL_NAME_DOT: {
		const char *wild = tl_arena_printf(ctx->arena, "*%s", n);
		bool apex = covered(sc, n + 1), sub = wildcard_covered(ctx, sc, wild);

		if (!apex && !sub)
			what = tl_diag_printf(ctx->arena,
					      "'%s' (that is '%s' and '%s') is not covered by %s",
					      n, n + 1, wild, describe_certs(ctx, sc));
		else if (!apex || !sub)
			what = tl_diag_printf(ctx->arena,
					      "'%s' also means '%s', which is not covered by %s", n,
					      apex ? wild : n + 1, describe_certs(ctx, sc));
		break;
	}
	case TL_NAME_REGEX:
		if (name->regex != NULL && !regex_covered(ctx, sc, name->regex))
			what = tl_diag_printf(
				ctx->arena,
				"regular expression '~%s' matches none of the names covered by %s",
				n, describe_certs(ctx, sc));
		break;
	case TL_NAME_GLOB:
		if (name->regex != NULL && !regex_covered(ctx, sc, name->regex))
			what = tl_diag_printf(
				ctx->arena, "pattern '%s' matches none of the names covered by %s",
				n, describe_certs(ctx, sc));
		break;
	case TL_NAME_WILDCARD_RIGHT: /* "www.example.*": no certificate name can say that */
	case TL_NAME_EMPTY:
	case TL_NAME_NONE:
	case TL_NAME_HOSTNAME:
		break;
	}
	if (what != NULL)
		report(ctx, site, sc, name, what);
}

void
tl_check_cert_hostname_mismatch(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];
		struct site_certs sc;

		/* A site that refuses every handshake serves no certificate to match. */
		if (site->names.len == 0 || !tl_site_is_tls(site) || site->tls.reject_handshake.on)
			continue;
		if (!collect(ctx, site, &sc))
			continue;
		for (size_t k = 0; k < site->names.len; k++) {
			const struct tl_name *name = site->names.items[k];

			/* A name read from the certificate itself, or one the site refuses. */
			if (!name->from_certificate && !name->negated)
				check_name(ctx, site, &sc, name);
		}
	}
}
