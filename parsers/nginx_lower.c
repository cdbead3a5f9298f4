/*
 * nginx lowering: the walk over http {} and stream {} blocks, their
 * servers and locations. Each level's directives go through the keyword
 * table (nginx_keywords.c); merging then follows nginx's merge callbacks:
 * http → server for ssl_*, http → server → location for proxy_ssl_* and
 * add_header; last, sockets group the listeners by address:port.
 */
#include "nginx_lower_int.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/fsutil.h"
#include "../src/strmap.h"
#include "../src/topology.h"
#include "nginx_facts.h"

static bool
is_hsts(const char *name)
{
	return strcasecmp(name, "Strict-Transport-Security") == 0;
}

/* add_header and add_header_inherit at one level. */
static bool
apply_headers(struct lower *l, struct scope *scope, const struct tl_directive *d)
{
	if (strcmp(d->name, "add_header") == 0) {
		if (!scope->headers.has_own)
			scope->headers.own_at = d->loc;
		scope->headers.has_own = true;
		if (d->nargs >= 2 && is_hsts(d->args[0].text)) {
			struct tl_header *h = &scope->headers.own_hsts;

			h->v = tl_value_set(d);
			h->value = d->args[1].text;
			h->always = d->nargs >= 3 && strcmp(d->args[2].text, "always") == 0;
		}
		return true;
	}
	if (strcmp(d->name, "add_header_inherit") == 0 && d->nargs == 1) {
		if (!tl_nginx_has(TL_NGX_ADD_HEADER_INHERIT, l->env->version))
			return true;
		scope->headers.inherit_set = true;
		if (strcmp(d->args[0].text, "off") == 0)
			scope->headers.inherit = INHERIT_OFF;
		else if (strcmp(d->args[0].text, "merge") == 0)
			scope->headers.inherit = INHERIT_MERGE;
		else
			scope->headers.inherit = INHERIT_ON;
		return true;
	}
	return false;
}

/* nginx's ngx_http_headers_merge_conf for the one header we care about. */
static void
merge_headers(struct headers *child, const struct headers *parent)
{
	const struct tl_header *above = parent ? &parent->effective : NULL;

	child->effective_inherit = child->inherit_set ? child->inherit
				   : parent           ? parent->effective_inherit
						      : INHERIT_ON;
	child->effective = child->own_hsts;
	if (above == NULL)
		return;
	if (child->effective_inherit != INHERIT_OFF &&
	    (!child->has_own || (child->effective_inherit == INHERIT_MERGE &&
				 child->own_hsts.v.origin == TL_ORIGIN_UNSET))) {
		child->effective = *above;
		if (child->effective.v.origin == TL_ORIGIN_SET)
			child->effective.v.origin = TL_ORIGIN_INHERITED;
		return;
	}
	/* An inherited header this level drops: say where and how. */
	if (child->effective.v.origin == TL_ORIGIN_UNSET && above->v.origin != TL_ORIGIN_UNSET) {
		child->effective.v.loc = child->has_own ? child->own_at : above->v.loc;
		child->effective.v.note =
			child->effective_inherit == INHERIT_OFF
				? "add_header_inherit off drops the one set above"
				: "an add_header here replaces every add_header inherited from "
				  "above "
				  "(nginx inherits them only into levels that have none)";
	}
}

/* Directives that may appear at any level we lower. Returns true if handled. */
static bool
apply_common(struct lower *l, struct scope *scope, const struct tl_directive *d)
{
	if (tl_ngx_apply_keyword(l, scope, d))
		return true;
	return apply_headers(l, scope, d);
}

static void
finish_tls(struct lower *l, struct tl_tls *tls, const struct tl_tls *parent, struct tl_loc site_loc)
{
	if (parent != NULL)
		tl_tls_inherit(tls, parent);
	tl_fill_defaults(tls, &l->tls_defaults, tl_tls_fields, tl_tls_nfields, site_loc);
}

/* ---- locations and upstream TLS ---- */

static void lower_location(struct lower *l, struct tl_site *site, const struct scope *parent,
			   const struct tl_directive *d);

/* The directive that sends a location to a backend of each module, and its TLS scheme. */
static const struct {
	const char *pass;
	const char *scheme;
} passes[NGX_UP_COUNT] = {
	[NGX_UP_PROXY] = {"proxy_pass", "https://"},
	[NGX_UP_GRPC] = {"grpc_pass", "grpcs://"},
	[NGX_UP_UWSGI] = {"uwsgi_pass", "suwsgi://"},
};

static void
add_upstream(struct lower *l, struct tl_site *site, const struct scope *scope,
	     const struct tl_directive *pass, enum ngx_upstream_module module)
{
	struct tl_upstream *up;
	const char *url = pass->args[0].text;
	const char *scheme = strstr(url, "://");
	const char *host = scheme ? scheme + 3 : url;
	size_t hlen = strcspn(host, ":/");

	up = tl_arena_alloc(l->env->arena, sizeof(*up));
	up->loc = pass->loc;
	up->url = url;
	up->host = tl_arena_strndup(l->env->arena, host, hlen);
	up->tls = scope->up[module];
	if (up->tls.enabled.v.origin == TL_ORIGIN_UNSET) {
		/* In http the URL's scheme is the switch. */
		up->tls.enabled.v = tl_value_set(pass);
		up->tls.enabled.on = true;
	}
	tl_fill_defaults(&up->tls, &l->up_defaults[module], tl_upstream_tls_fields,
			 tl_upstream_tls_nfields, pass->loc);
	tl_ngx_check_upstream_context(l, &up->tls, module);
	tl_ptrvec_push(l->env->arena, &site->upstreams, up);
}

/*
 * A location's proxy_pass, grpc_pass or uwsgi_pass: a URL of the TLS
 * scheme is a TLS backend; one with variables may turn out to be, and
 * nginx builds the context for it anyway (the pass handlers set
 * "ssl = 1" for both).
 */
static void
location_pass(struct lower *l, struct tl_site *site, struct scope *scope,
	      const struct tl_directive *pass, enum ngx_upstream_module module)
{
	const char *url = pass->args[0].text;

	if (strncasecmp(url, passes[module].scheme, strlen(passes[module].scheme)) == 0) {
		add_upstream(l, site, scope, pass, module);
	} else if (strchr(url, '$') != NULL) {
		struct tl_upstream_tls t = scope->up[module];

		tl_fill_defaults(&t, &l->up_defaults[module], tl_upstream_tls_fields,
				 tl_upstream_tls_nfields, pass->loc);
		tl_ngx_check_upstream_context(l, &t, module);
	}
}

/* The children of a location or an if-in-location block. */
static void
lower_location_body(struct lower *l, struct tl_site *site, struct scope *scope,
		    const struct scope *parent, const struct tl_directive *d)
{
	const struct tl_directive *pass[NGX_UP_COUNT] = {NULL};
	struct tl_location *loc;

	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];
		bool is_pass = false;

		if (strcmp(c->name, "location") == 0 || strcmp(c->name, "if") == 0)
			continue;
		for (int m = 0; m < NGX_UP_COUNT; m++)
			if (strcmp(c->name, passes[m].pass) == 0 && c->nargs == 1) {
				pass[m] = c;
				is_pass = true;
			}
		if (!is_pass)
			apply_common(l, scope, c);
	}
	merge_headers(&scope->headers, &parent->headers);
	for (int m = 0; m < NGX_UP_COUNT; m++)
		tl_inherit_fields(&scope->up[m], &parent->up[m], tl_upstream_tls_fields,
				  tl_upstream_tls_nfields);

	loc = tl_arena_alloc(l->env->arena, sizeof(*loc));
	loc->loc = d->loc;
	loc->path = d->nargs ? d->args[d->nargs - 1].text : "";
	loc->hsts = scope->headers.effective;
	tl_ptrvec_push(l->env->arena, &site->locations, loc);

	for (int m = 0; m < NGX_UP_COUNT; m++)
		if (pass[m] != NULL)
			location_pass(l, site, scope, pass[m], (enum ngx_upstream_module)m);

	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];

		if (c->block && (strcmp(c->name, "location") == 0 || strcmp(c->name, "if") == 0))
			lower_location(l, site, scope, c);
	}
}

static void
lower_location(struct lower *l, struct tl_site *site, const struct scope *parent,
	       const struct tl_directive *d)
{
	struct scope scope;

	memset(&scope, 0, sizeof(scope));
	/* An "if" in a location is a level of its own, where fewer directives are allowed. */
	scope.ctx = strcmp(d->name, "if") == 0 ? CTX_HTTP_LIF : CTX_HTTP_LOC;
	lower_location_body(l, site, &scope, parent, d);
}

/* ---- servers ---- */

/*
 * How messages name a site: its first name and port, or, for a server
 * without names (stream servers, catch-alls), the address:port it listens on.
 */
static const char *
site_label(struct lower *l, const struct tl_site *site)
{
	const char *name = NULL;
	const struct tl_listener *chosen = NULL;

	for (size_t i = 0; i < site->names.len; i++) {
		const struct tl_name *n = site->names.items[i];

		if (n->kind != TL_NAME_EMPTY) {
			name = n->kind == TL_NAME_REGEX
				       ? tl_arena_printf(l->env->arena, "~%s", n->name)
				       : n->name;
			break;
		}
	}
	for (size_t i = 0; i < site->listeners.len; i++) {
		const struct tl_listener *ls = site->listeners.items[i];

		if (chosen == NULL || ls->ssl)
			chosen = ls;
		if (ls->ssl)
			break;
	}
	if (chosen == NULL)
		return name ? name : "_";
	if (name == NULL)
		return tl_arena_printf(l->env->arena, "%s:%u", chosen->addr, chosen->port);
	return tl_arena_printf(l->env->arena, "%s:%u", name, chosen->port);
}

/* Members of struct scope inherited whole from http to server (beside tls and headers). */
static const struct tl_field scope_fields[] = {
	{"resolver", offsetof(struct scope, resolver), sizeof(((struct scope *)0)->resolver)},
	{"http2", offsetof(struct scope, http2), sizeof(((struct scope *)0)->http2)},
};

/* nginx since 1.15.0 warns about "ssl" at start-up and still applies it, until 1.25.1. */
static void
lower_ssl_on_deprecated(struct lower *l, const struct tl_directive *d)
{
	if (!tl_nginx_has(TL_NGX_SSL_ON_DEPRECATED, l->env->version))
		return;
	tl_lower_deprecated(&l->engine, d->loc,
			    "the \"ssl\" directive is deprecated, use the \"listen ... ssl\" "
			    "directive instead (nginx 1.25.1 removes it)")
		->fix = "delete `ssl on;` on {line} and add `ssl` to each `listen` of the server "
			"that speaks TLS";
}

/*
 * The old "ssl" directive at http or server level (CTX): *ON is set by
 * "ssl on", *SEEN by any valid or invalid use, as ngx_conf_set_flag_slot
 * takes it once per level.
 */
static void
lower_ssl_directive(struct lower *l, unsigned ctx, const struct tl_directive *c,
		    struct tl_value *on, bool *seen)
{
	if (!tl_ngx_keyword_allowed(l, ctx, c))
		return;
	/* nginx warns whatever the value, "ssl off;" included. */
	lower_ssl_on_deprecated(l, c);
	if (*seen)
		tl_lower_invalid(&l->engine, c->loc, "\"ssl\" directive is duplicate");
	else if (strcasecmp(c->args[0].text, "on") != 0 && strcasecmp(c->args[0].text, "off") != 0)
		tl_lower_invalid(&l->engine, c->args[0].loc,
				 "invalid value \"%s\" in \"ssl\" directive, "
				 "it must be \"on\" or \"off\"",
				 c->args[0].text);
	else if (strcasecmp(c->args[0].text, "on") == 0)
		*on = tl_value_set(c);
	*seen = true;
}

/*
 * A server {} of the http or stream BLOCK: its defaults point at BLOCK, where the directive
 * that changes them belongs (so one default shared by many servers is one finding).
 */
static void
lower_server(struct lower *l, const struct scope *main, const struct tl_directive *block,
	     const struct tl_directive *d, enum tl_site_mode mode)
{
	struct tl_site *site = tl_arena_alloc(l->env->arena, sizeof(*site));
	const struct tl_directive *stream_pass = NULL;
	struct scope scope;
	bool ssl_seen = false;

	memset(&scope, 0, sizeof(scope));
	scope.ctx = mode == TL_SITE_HTTP ? CTX_HTTP_SRV : CTX_STREAM_SRV;
	site->server = TL_SERVER_NGINX;
	site->facts = &tl_nginx_facts;
	site->mode = mode;
	site->loc = d->loc;

	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];

		if (strcmp(c->name, "listen") == 0) {
			if (tl_ngx_keyword_allowed(l, scope.ctx, c))
				tl_ngx_lower_listen(l, site, c);
		} else if (strcmp(c->name, "server_name") == 0) {
			if (tl_ngx_keyword_allowed(l, scope.ctx, c))
				for (size_t k = 0; k < c->nargs; k++)
					tl_ngx_add_name(l, site, &c->args[k]);
		} else if (strcmp(c->name, "ssl") == 0) {
			lower_ssl_directive(l, scope.ctx, c, &site->legacy_ssl_on, &ssl_seen);
		} else if (strcmp(c->name, "proxy_pass") == 0 && mode == TL_SITE_STREAM &&
			   c->nargs == 1) {
			stream_pass = c;
		} else if (strcmp(c->name, "location") != 0) {
			apply_common(l, &scope, c);
		}
	}
	/* An http-level "ssl on" is merged into every server that does not say "ssl" itself. */
	if (!ssl_seen && main->legacy_ssl_on.origin == TL_ORIGIN_SET) {
		site->legacy_ssl_on = main->legacy_ssl_on;
		site->legacy_ssl_on.origin = TL_ORIGIN_INHERITED;
	}
	finish_tls(l, &scope.tls, &main->tls, block->loc);
	merge_headers(&scope.headers, &main->headers);
	for (int m = 0; m < NGX_UP_COUNT; m++)
		tl_inherit_fields(&scope.up[m], &main->up[m], tl_upstream_tls_fields,
				  tl_upstream_tls_nfields);
	site->tls = scope.tls;
	site->hsts = scope.headers.effective;
	/* None anywhere: it belongs in the http {} block (one finding for every server). */
	if (site->hsts.v.origin == TL_ORIGIN_UNSET && site->hsts.v.loc.src == NULL)
		site->hsts.v.loc = block->loc;
	tl_inherit_fields(&scope, main, scope_fields,
			  sizeof(scope_fields) / sizeof(scope_fields[0]));
	site->resolver = scope.resolver;
	site->http2 = scope.http2;
	/*
	 * nginx 1.23.2 and later keep the ticket keys in the shared session
	 * cache and replace them as they age; a key file is never rotated.
	 */
	site->ticket_keys_rotated = tl_nginx_has(TL_NGX_TICKET_KEY_ROTATION, l->env->version) &&
				    site->tls.session_cache.mode == TL_CACHE_ON &&
				    site->tls.session_cache.shared_name != NULL &&
				    site->tls.session_ticket_key.v.origin == TL_ORIGIN_UNSET;
	/*
	 * stream: "proxy_ssl on" makes the connection to the backend TLS; nginx
	 * builds that context for the server even without proxy_pass
	 * (ngx_stream_proxy_merge_srv_conf).
	 */
	if (stream_pass != NULL && scope.up[NGX_UP_PROXY].enabled.on) {
		add_upstream(l, site, &scope, stream_pass, NGX_UP_PROXY);
	} else if (mode == TL_SITE_STREAM && scope.up[NGX_UP_PROXY].enabled.on) {
		struct tl_upstream_tls t = scope.up[NGX_UP_PROXY];

		tl_fill_defaults(&t, &l->up_defaults[NGX_UP_PROXY], tl_upstream_tls_fields,
				 tl_upstream_tls_nfields, d->loc);
		tl_ngx_check_upstream_context(l, &t, NGX_UP_PROXY);
	}

	if (mode == TL_SITE_HTTP)
		for (size_t i = 0; i < d->nchildren; i++) {
			const struct tl_directive *c = d->children[i];

			if (c->block && strcmp(c->name, "location") == 0)
				lower_location(l, site, &scope, c);
		}

	if (site->listeners.len == 0 && mode == TL_SITE_HTTP) {
		/* A server without listen listens on *:80 (*:8000 when not run as root). */
		struct tl_listener *ls = tl_arena_alloc(l->env->arena, sizeof(*ls));

		ls->loc = d->loc;
		ls->addr = "*";
		ls->port = 80;
		ls->implicit = true;
		ls->site = site;
		tl_ptrvec_push(l->env->arena, &site->listeners, ls);
	}
	site->label = site_label(l, site);
	site->tls_unread = mode == TL_SITE_STREAM && !tl_ngx_listens_ssl(site) &&
			   !tl_nginx_has(TL_NGX_STREAM_TLS_WITHOUT_LISTEN_SSL, l->env->version);
	site->tls_context = tl_ngx_builds_context(l, site, mode);
	tl_ngx_check_tls_context(l, site, mode);
	tl_ptrvec_push(l->env->arena, &l->model->sites, site);
}

/*
 * A port range opens a socket per port, so a hostile config could ask for
 * billions (10,000 servers × "listen 1-65535"); beyond this many
 * listener-on-socket memberships the rest is not modelled, and said so.
 */
#define MAX_SOCKET_SLOTS (1u << 20)

static struct tl_socket *
socket_for(struct lower *l, struct tl_strmap *index, const struct tl_site *site,
	   const struct tl_listener *ls, unsigned port)
{
	struct tl_socket *sock;
	/* "listen 443 quic" is a UDP socket beside the TCP one. */
	const char *key = tl_arena_printf(l->env->arena, "%d %d %u %s", (int)site->mode,
					  (int)ls->quic, port, ls->addr);

	sock = tl_strmap_get(index, key);
	if (sock != NULL)
		return sock;
	sock = tl_arena_alloc(l->env->arena, sizeof(*sock));
	sock->server = TL_SERVER_NGINX;
	sock->mode = site->mode;
	sock->addr = ls->addr;
	sock->port = port;
	sock->quic = ls->quic;
	tl_addr_canonical(l->env->arena, ls->addr, &sock->family, &sock->wildcard);
	if (sock->family == TL_FAMILY_IPV6 && sock->wildcard && ls->dual_stack)
		sock->family = TL_FAMILY_ANY;
	sock->protocols_from_default = !tl_nginx_has(TL_NGX_PROTOCOLS_PER_SNI, l->env->version);
	sock->select = TL_SELECT_BEST_MATCH;
	tl_ptrvec_push(l->env->arena, &l->model->sockets, sock);
	tl_strmap_put(index, key, sock);
	return sock;
}

/* An address as nginx prints it in messages (ngx_sock_ntop): the wildcard is 0.0.0.0. */
static const char *
nginx_addr_text(const struct tl_socket *sock)
{
	return strcmp(sock->addr, "*") == 0 ? "0.0.0.0" : sock->addr;
}

/* Groups listeners into sockets: nginx decides TLS and the default server per address:port. */
/*
 * ngx_http_ssl_init (1.25.0+): a QUIC address whose default server has
 * certificates must have TLSv1.3 in that server's ssl_protocols; QUIC
 * carries nothing else. Judged only where the protocols are written (the
 * defaults of every release with QUIC include TLSv1.3).
 */
static void
quic_needs_tls13(struct lower *l, const struct tl_socket *sock)
{
	const struct tl_site *site = sock->default_site;
	const struct tl_protocols *p;

	if (site == NULL || site->tls.certs.n == 0)
		return;
	p = &site->tls.protocols;
	if ((p->v.origin != TL_ORIGIN_SET && p->v.origin != TL_ORIGIN_INHERITED) ||
	    (p->mask & TL_PROTO_TLSv1_3) != 0)
		return;
	tl_lower_invalid(&l->engine, p->v.loc,
			 "\"ssl_protocols\" must enable TLSv1.3 for the \"listen ... quic\" "
			 "directive of %s, the default server of %s:%u; nginx refuses to start",
			 site->label, nginx_addr_text(sock), sock->port);
}

static void
build_sockets(struct lower *l, size_t first_site)
{
	struct tl_model *m = l->model;
	size_t first_socket = m->sockets.len;
	struct tl_strmap index;
	struct tl_ptrmap options_set; /* socket → its listener with socket options */
	size_t slots = 0;

	tl_strmap_init(&index, l->env->arena);
	tl_ptrmap_init(&options_set, l->env->arena);
	for (size_t i = first_site; i < m->sites.len; i++) {
		struct tl_site *site = m->sites.items[i];

		for (size_t k = 0; k < site->listeners.len; k++) {
			struct tl_listener *ls = site->listeners.items[k];
			unsigned last = ls->last_port > ls->port ? ls->last_port : ls->port;

			for (unsigned port = ls->port; port <= last; port++) {
				struct tl_socket *sock;

				if (++slots > MAX_SOCKET_SLOTS) {
					if (slots == MAX_SOCKET_SLOTS + 1)
						tl_diag_add(
							l->env->diag, TL_CK_PARSE_ERROR, ls->loc,
							"listen port ranges open more than %u "
							"sockets, "
							"tlslint's limit; the rest is not checked",
							MAX_SOCKET_SLOTS);
					break;
				}
				sock = socket_for(l, &index, site, ls, port);
				if (port == ls->port)
					ls->socket = sock;
				tl_ptrvec_push(l->env->arena, &sock->listeners, ls);
				/* One "listen … ssl" makes the whole address:port TLS (ngx_http.c).
				 */
				if (ls->ssl || ls->quic ||
				    site->legacy_ssl_on.origin != TL_ORIGIN_UNSET)
					sock->tls = true;
				if (ls->default_server && sock->default_site != NULL &&
				    sock->default_site != site && port == ls->port)
					/* ngx_http_add_addresses; nginx names the second listen. */
					tl_lower_invalid(&l->engine, ls->loc,
							 "a duplicate default server for %s:%u",
							 nginx_addr_text(sock), port);
				if (ls->default_server && sock->default_site == NULL)
					sock->default_site = site;
				/* ngx_http_add_addresses: socket options once per address:port
				 * (http). */
				if (ls->socket_options && port == ls->port &&
				    site->mode == TL_SITE_HTTP) {
					if (tl_ptrmap_get(&options_set, sock, NULL) != NULL)
						tl_lower_invalid(
							&l->engine, ls->loc,
							"duplicate listen options for %s:%u",
							nginx_addr_text(sock), port);
					else
						tl_ptrmap_put(&options_set, sock, NULL, ls);
				}
				if (sock->sites.len == 0 ||
				    sock->sites.items[sock->sites.len - 1] != site)
					tl_ptrvec_push(l->env->arena, &sock->sites, site);
				else if (port == ls->port && site->mode == TL_SITE_HTTP &&
					 ((struct tl_listener *)
						  sock->listeners.items[sock->listeners.len - 2])
							 ->site == site)
					/* ngx_http_add_server: one server on one address twice. */
					tl_lower_invalid(&l->engine, ls->loc,
							 "a duplicate listen %s:%u",
							 nginx_addr_text(sock), port);
			}
		}
	}
	for (size_t s = first_socket; s < m->sockets.len; s++) {
		struct tl_socket *sock = m->sockets.items[s];

		/* Without default_server the first server on the address:port is the default. */
		if (sock->default_site == NULL && sock->sites.len > 0)
			sock->default_site = sock->sites.items[0];
		if (sock->quic)
			quic_needs_tls13(l, sock);
	}
}

static void
lower_block(struct lower *l, const struct tl_directive *d, enum tl_site_mode mode)
{
	struct scope main;
	size_t first_site = l->model->sites.len;
	bool main_ssl_seen = false;

	memset(&main, 0, sizeof(main));
	main.ctx = mode == TL_SITE_HTTP ? CTX_HTTP_MAIN : CTX_STREAM_MAIN;
	/*
	 * nginx merges after the whole block is read, so an http-level
	 * directive below a server block still applies to it: read all
	 * http-level settings first.
	 */
	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];

		if (strcmp(c->name, "ssl") == 0)
			lower_ssl_directive(l, main.ctx, c, &main.legacy_ssl_on, &main_ssl_seen);
		else if (strcmp(c->name, "server") != 0)
			apply_common(l, &main, c);
	}
	merge_headers(&main.headers, NULL);
	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];

		if (c->block && strcmp(c->name, "server") == 0)
			lower_server(l, &main, d, c, mode);
	}
	build_sockets(l, first_site);
}

/*
 * A file of server blocks with no http, stream or events block: what
 * Debian's sites-enabled/ and conf.d/ hold, included by nginx.conf from
 * inside http {}. As a main config nginx refuses it ('"server" directive
 * is not allowed here'), so reading it as a snippet loses nothing.
 */
static bool
is_http_snippet(const struct tl_directive *root)
{
	bool server = false;

	for (size_t i = 0; i < root->nchildren; i++) {
		const char *name = root->children[i]->name;

		if (strcmp(name, "http") == 0 || strcmp(name, "stream") == 0 ||
		    strcmp(name, "events") == 0)
			return false;
		if (root->children[i]->block && strcmp(name, "server") == 0)
			server = true;
	}
	return server;
}

void
tl_nginx_lower(struct tl_lower_env *env, const struct tl_tree *tree, struct tl_model *model)
{
	struct lower l = {env, model, tree->prefix ? tree->prefix : ".", NULL};

	l.default_note = tl_arena_printf(env->arena, "the nginx %u.%u default", env->version.major,
					 env->version.minor);
	l.engine.arena = env->arena;
	l.engine.diag = env->diag;
	l.engine.version = env->version;
	l.engine.words = &tl_nginx_words;
	l.engine.prefix = l.prefix;
	l.engine.server = &l;
	tl_strmap_init(&l.setting_files, env->arena);
	tl_strmap_init(&l.joined_paths, env->arena);
	tl_ngx_compute_defaults(&l, &l.tls_defaults, NGX_TARGET_TLS);
	for (int m = 0; m < NGX_UP_COUNT; m++)
		tl_ngx_compute_defaults(&l, &l.up_defaults[m], NGX_TARGET_PROXY + (unsigned)m);
	model->nfiles += tree->nfiles;
	if (is_http_snippet(&tree->root)) {
		/* A sites-enabled file on its own: lint it as nginx reads it, inside http {}. */
		tl_diag_note(env->diag,
			     "'%s' has server blocks outside any http {}: linted as if included "
			     "from http {}, as a sites-enabled file is, with nginx's defaults for "
			     "what the including file's http {} may set",
			     tree->root.loc.src->path);
		lower_block(&l, &tree->root, TL_SITE_HTTP);
		return;
	}
	for (size_t i = 0; i < tree->root.nchildren; i++) {
		const struct tl_directive *d = tree->root.children[i];

		if (!d->block) {
			/* Only checked: ssl_engine and the like configure no site. */
			tl_ngx_keyword_allowed(&l, CTX_MAIN, d);
			continue;
		}
		if (strcmp(d->name, "http") == 0)
			lower_block(&l, d, TL_SITE_HTTP);
		else if (strcmp(d->name, "stream") == 0)
			lower_block(&l, d, TL_SITE_STREAM);
	}
}

int
tl_nginx_keywords_unsorted(void)
{
	return tl_keyword_table_unsorted(&tl_nginx_keywords);
}
