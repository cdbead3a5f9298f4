/*
 * sni-duplicate-name and sni-ignored-setting: what sharing an address:port
 * does to the sites on it. A name two sites give reaches only one of them
 * (nginx: the first, with a start-up warning "conflicting server name";
 * httpd: the first in configuration order); an address bound twice
 * (HAProxy) gives each connection to either socket at random. A TLS setting a non-default
 * site sets for itself is not used where the server takes it from the
 * socket's default site (site->eff.governing and suites_from, computed per
 * server by src/effective.c; httpd's groups, facts.from_default.groups).
 */
#include <string.h>
#include <strings.h>

#include "checks.h"
#include "site_certs.h"

/* Names that select a site by what a client sends (not regexes, catch-alls or cert names). */
static bool
plain_name(const struct tl_name *n)
{
	return !n->negated && !n->from_certificate &&
	       (n->kind == TL_NAME_EXACT || n->kind == TL_NAME_WILDCARD_LEFT ||
		n->kind == TL_NAME_WILDCARD_RIGHT || n->kind == TL_NAME_DOT ||
		n->kind == TL_NAME_WILDCARD_ONE);
}

/* The first site on a socket to claim a name, and where it does. */
struct first_use {
	const struct tl_name *name;
	const struct tl_site *site;
};

static void
duplicates_on(struct tl_check_ctx *ctx, const struct tl_socket *sock)
{
	struct tl_strmap first;

	const struct tl_site *def = sock->default_site;

	/* A server that picks among certificates for one name by key type has no duplicates. */
	if (!sock->tls || def == NULL ||
	    (def->facts != NULL && def->facts->names_shared_by_key_type))
		return;
	tl_strmap_init(&first, ctx->arena);
	for (size_t i = 0; i < sock->sites.len; i++) {
		const struct tl_site *site = sock->sites.items[i];

		for (size_t k = 0; k < site->names.len; k++) {
			const struct tl_name *n = site->names.items[k];
			char small[256];
			const char *key = small;
			struct first_use *seen;
			const struct tl_site *owner;
			struct tl_finding *f;
			const char *warn = site->facts ? site->facts->duplicate_name_warning : NULL;

			if (!plain_name(n))
				continue;
			/* On the stack when it fits: 20,000 names are 20,000 lookups. */
			if ((size_t)snprintf(small, sizeof(small), "%d %s", (int)n->kind,
					     n->name) >= sizeof(small))
				key = tl_arena_printf(ctx->arena, "%d %s", (int)n->kind, n->name);
			seen = tl_strmap_get(&first, key);
			if (seen == NULL) {
				seen = tl_arena_alloc(ctx->arena, sizeof(*seen));
				seen->name = n;
				seen->site = site;
				tl_strmap_put(&first, key, seen);
				continue;
			}
			owner = seen->site;
			if (owner == site)
				continue; /* the same site naming it twice chooses nothing */
			f = tl_diag_add(ctx->diag, TL_CK_SNI_DUPLICATE_NAME, n->loc,
					"'%s' is also a name of site '%s' on %s:%u, which clients "
					"asking for it always get: it never reaches this site%s",
					n->name, owner->label, sock->addr, sock->port,
					warn != NULL ? tl_arena_printf(ctx->arena, " (%s)", warn)
						     : "");
			f->server = tl_server_name(site->server);
			f->site = site->label;
			tl_finding_relate(ctx->diag, f, NULL, seen->name->loc,
					  "the name where it is used");
		}
	}
}

/*
 * Two sockets bound to one address (HAProxy bind lines, SO_REUSEPORT):
 * the kernel gives each connection to one of them at random, so every
 * name either serves gets the other's certificate (or plain text) on part
 * of the handshakes. Reported once per later socket, at its listener.
 */
static void
shared_address(struct tl_check_ctx *ctx, struct tl_strmap *first, const struct tl_socket *sock)
{
	const char *key;
	const struct tl_socket *owner;
	const struct tl_site *site = sock->default_site, *other;
	struct tl_finding *f;

	if (sock->same_address.len == 0 || sock->listeners.len == 0 || site == NULL)
		return;
	key = tl_arena_printf(ctx->arena, "%d %d %u %s", (int)sock->server, (int)sock->quic,
			      sock->port, sock->addr);
	owner = tl_strmap_get(first, key);
	if (owner == NULL) {
		tl_strmap_put(first, key, (void *)sock);
		return;
	}
	other = owner->default_site;
	if ((!sock->tls && !owner->tls) || other == NULL || owner->listeners.len == 0)
		return;
	f = tl_diag_add(ctx->diag, TL_CK_SNI_DUPLICATE_NAME,
			((const struct tl_listener *)sock->listeners.items[0])->loc,
			"%s:%u is bound twice, here for '%s' and before for '%s': the kernel hands "
			"each connection to one of the two at random (SO_REUSEPORT), so clients of "
			"either get the other's %s on some connections",
			sock->addr, sock->port, site->label, other->label,
			sock->tls && owner->tls ? "certificate and settings"
						: "plain text where they expect TLS");
	f->server = tl_server_name(site->server);
	f->site = site->label;
	tl_finding_relate(ctx->diag, f, NULL,
			  ((const struct tl_listener *)owner->listeners.items[0])->loc,
			  "the other socket on that address");
}

void
tl_check_sni_duplicate_name(struct tl_check_ctx *ctx)
{
	struct tl_strmap first;

	tl_strmap_init(&first, ctx->arena);
	for (size_t i = 0; i < ctx->model->sockets.len; i++) {
		duplicates_on(ctx, ctx->model->sockets.items[i]);
		shared_address(ctx, &first, ctx->model->sockets.items[i]);
	}
}

/* The first TLS socket of SITE, or NULL. */
static const struct tl_socket *
tls_socket(const struct tl_site *site)
{
	for (size_t i = 0; i < site->listeners.len; i++) {
		const struct tl_listener *ls = site->listeners.items[i];

		if (ls->socket != NULL && ls->socket->tls)
			return ls->socket;
	}
	return NULL;
}

/* The last Groups/Curves command of the site, else its group directive; s NULL: none. */
static struct tl_str
own_groups(const struct tl_site *site)
{
	struct tl_str own = {{0}, NULL};

	if (site->tls.groups.v.origin == TL_ORIGIN_SET)
		own = site->tls.groups;
	for (size_t i = 0; i < site->tls.conf_commands.n; i++) {
		const struct tl_conf_command *c = &site->tls.conf_commands.items[i];

		if (strcasecmp(c->name, "Groups") == 0 || strcasecmp(c->name, "Curves") == 0) {
			own.v = site->tls.conf_commands.v;
			own.v.loc = c->loc;
			own.s = c->value;
		}
	}
	return own;
}

static bool
same_place(const struct tl_value *a, const struct tl_value *b)
{
	return a->loc.src == b->loc.src && a->loc.off == b->loc.off;
}

static void
ignored(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_site *from,
	const struct tl_value *own, const struct tl_value *used, const char *what)
{
	struct tl_finding *f = tl_diag_add(
		ctx->diag, TL_CK_SNI_IGNORED_SETTING, own->loc,
		"the %s set here are not used: handshakes that SNI brings to site '%s' take "
		"them from '%s', the default site of its address",
		what, site->label, from->label);

	f->server = tl_server_name(site->server);
	f->site = site->label;
	if (used->loc.src != NULL)
		tl_finding_relate(ctx->diag, f, NULL, used->loc, "what they get instead");
}

void
tl_check_sni_ignored_setting(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];
		const struct tl_socket *sock = tls_socket(site);
		const struct tl_site *def = sock ? sock->default_site : NULL;
		const struct tl_effective *e = &site->eff;
		struct tl_str own;

		if (sock == NULL || def == NULL || def == site)
			continue;
		if (e->governing != site && site->tls.protocols.v.origin == TL_ORIGIN_SET &&
		    e->protocols.mask != e->governing->eff.protocols.mask)
			ignored(ctx, site, e->governing, &site->tls.protocols.v,
				&e->governing->eff.protocols.v, "protocol versions");
		if (e->suites_from != site && e->ciphersuites.v.origin == TL_ORIGIN_SET &&
		    e->suites_from->eff.ciphersuites.s != NULL && e->ciphersuites.s != NULL &&
		    strcmp(e->ciphersuites.s, e->suites_from->eff.ciphersuites.s) != 0)
			ignored(ctx, site, e->suites_from, &e->ciphersuites.v,
				&e->suites_from->eff.ciphersuites.v, "TLS 1.3 suites");
		/* The groups the site itself names (effective.c already put the default's in eff).
		 */
		own = own_groups(site);
		if (site->facts != NULL && site->facts->from_default.groups && own.s != NULL &&
		    !same_place(&own.v, &def->eff.groups.v) &&
		    (def->eff.groups.s == NULL || strcmp(own.s, def->eff.groups.s) != 0))
			ignored(ctx, site, def, &own.v, &def->eff.groups.v, "key exchange groups");
	}
}
