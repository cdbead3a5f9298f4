/*
 * httpd lowering: the main server config and each <VirtualHost>, their
 * sections, and what mod_ssl makes of them. Settings merge main server →
 * virtual host as ssl_config_server_merge does: a value set in the
 * virtual host wins, else the main server's applies; certificate and key
 * files merge by rank (modssl_ctx_cfg_merge_certkeys_array: the virtual
 * host's Nth replaces the main server's Nth, the main server's further
 * ones are added); SSLOpenSSLConfCmd lists are the main server's, then
 * the virtual host's. Sockets are the address:port pairs virtual hosts
 * name; the first virtual host of each is its default, and whether it
 * speaks TLS at all is that default's SSLEngine.
 */
#include "apache_lower.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/fsutil.h"
#include "../src/select.h"
#include "../src/strmap.h"
#include "../src/topology.h"
#include "apache_facts.h"
#include "apache_lower_int.h"

/* A Listen line: where httpd accepts connections, and with which protocol. */
struct listen {
	const struct tl_directive *d;
	const char *addr; /* "*", "1.2.3.4", "[::1]" */
	unsigned port;
	const char *proto; /* "https", "http", … ; NULL: by the port */
};

/* A <VirtualHost> (or the main server) being lowered. */
struct vhost {
	const struct tl_directive *d; /* NULL: the main server */
	struct ap_scope scope;
	struct tl_site *site;
	const struct tl_directive *server_name;
	struct tl_ptrvec aliases;  /* const struct tl_directive * (ServerAlias) */
	struct tl_ptrvec proxies;  /* const struct tl_directive * (ProxyPass https://…) */
	struct tl_ptrvec sections; /* const struct tl_directive * (<Directory>, <Proxy>, …) */
};

struct walk {
	struct ap_lower *l;
	struct tl_ptrvec listens; /* struct listen * */
	struct tl_ptrvec vhosts;  /* struct vhost * */
	struct vhost main;
};

static bool
is_named(const struct tl_directive *d, const char *name)
{
	return strcasecmp(d->name, name) == 0;
}

static bool
is_dir_section(const struct tl_directive *d)
{
	static const char *const names[] = {
		"Directory", "DirectoryMatch", "Location",   "LocationMatch",
		"Files",     "FilesMatch",     "If",         "ElseIf",
		"Else",      "Limit",          "LimitExcept"};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (is_named(d, names[i]))
			return true;
	return false;
}

static bool
is_proxy_section(const struct tl_directive *d)
{
	return is_named(d, "Proxy") || is_named(d, "ProxyMatch");
}

static bool
is_hsts(const char *name)
{
	return strcasecmp(name, "Strict-Transport-Security") == 0;
}

/*
 * Header [always|onsuccess] set|add|append|merge Strict-Transport-Security
 * value …, and unset (mod_headers). The last one at a level counts.
 */
static void
apply_header(struct tl_header *h, const struct tl_directive *d)
{
	size_t i = 0;
	bool always = false;
	const char *action;

	if (d->nargs > 0 && (strcasecmp(d->args[0].text, "always") == 0 ||
			     strcasecmp(d->args[0].text, "onsuccess") == 0)) {
		always = strcasecmp(d->args[0].text, "always") == 0;
		i = 1;
	}
	if (d->nargs < i + 2 || !is_hsts(d->args[i + 1].text))
		return;
	action = d->args[i].text;
	if (strcasecmp(action, "unset") == 0) {
		memset(h, 0, sizeof(*h));
		h->v = tl_value_set(d);
		h->v.origin = TL_ORIGIN_UNSET;
		h->v.note = "'Header unset' drops it here";
		return;
	}
	if (d->nargs < i + 3 ||
	    (strcasecmp(action, "set") != 0 && strcasecmp(action, "add") != 0 &&
	     strcasecmp(action, "append") != 0 && strcasecmp(action, "merge") != 0 &&
	     strcasecmp(action, "setifempty") != 0))
		return;
	h->v = tl_value_set(d);
	h->value = d->args[i + 2].text;
	h->always = always;
}

static void
scope_init(struct ap_scope *s, unsigned ctx)
{
	memset(s, 0, sizeof(*s));
	s->ctx = ctx;
}

/* A directive at a level that refuses it (GLOBAL_ONLY and the like), in httpd's words. */
static void
not_here(struct ap_lower *l, const struct tl_directive *d, const char *section)
{
	tl_lower_invalid(&l->engine, d->loc, "%s cannot occur within <%s> section", d->name,
			 section);
}

/* ---- sections (Directory, Location, Files, If, Proxy) ---- */

static void lower_body(struct walk *w, struct vhost *vh, struct ap_scope *scope,
		       const struct tl_directive *d, const char *section);

/* A section, once the server's own settings are final (its Header ones above all). */
static void
lower_section(struct walk *w, struct vhost *vh, const struct tl_directive *d)
{
	struct ap_scope scope;
	struct tl_location *loc;

	scope_init(&scope, is_proxy_section(d) ? AP_PROXY : AP_DIR);
	lower_body(w, vh, &scope, d, d->name);
	for (size_t i = 0; i < d->nchildren; i++)
		if (d->children[i]->block &&
		    (is_dir_section(d->children[i]) || is_proxy_section(d->children[i])))
			lower_section(w, vh, d->children[i]);
	if (!is_named(d, "Location") && !is_named(d, "LocationMatch") &&
	    !is_named(d, "Directory") && !is_named(d, "DirectoryMatch"))
		return;
	loc = tl_arena_alloc(w->l->env->arena, sizeof(*loc));
	loc->loc = d->loc;
	loc->path = d->nargs ? d->args[d->nargs - 1].text : "";
	loc->hsts = scope.hsts;
	/* Header entries merge: a section without one of its own keeps the server's. */
	if (loc->hsts.v.origin == TL_ORIGIN_UNSET && loc->hsts.v.dir == NULL)
		loc->hsts = vh->scope.hsts;
	tl_ptrvec_push(w->l->env->arena, &vh->site->locations, loc);
}

/* The directives of one level: the keyword table, plus what lowering reads itself. */
static void
lower_body(struct walk *w, struct vhost *vh, struct ap_scope *scope, const struct tl_directive *d,
	   const char *section)
{
	struct ap_lower *l = w->l;

	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];

		if (c->block) {
			if (is_named(c, "VirtualHost")) {
				if (scope->ctx != AP_MAIN)
					not_here(l, c, section);
				else
					tl_ptrvec_push(l->env->arena, &w->vhosts, (void *)c);
			} else if ((is_dir_section(c) || is_proxy_section(c)) &&
				   scope->ctx & (AP_MAIN | AP_VHOST)) {
				/* Lowered once the level's own settings are known. */
				tl_ptrvec_push(l->env->arena, &vh->sections, (void *)c);
			}
			continue;
		}
		if (is_named(c, "Listen")) {
			if (scope->ctx != AP_MAIN) {
				not_here(l, c, section);
			} else if (c->nargs < 1 || c->nargs > 2) {
				tl_lower_invalid(&l->engine, c->loc,
						 "Listen requires 1 or 2 arguments.");
			} else {
				struct listen *ls = tl_arena_alloc(l->env->arena, sizeof(*ls));
				const char *a = c->args[0].text;
				const char *colon = strrchr(a, ':');
				char *end;
				long port;

				if (colon != NULL && (a[0] != '[' || colon > strchr(a, ']'))) {
					ls->addr = tl_arena_strndup(l->env->arena, a,
								    (size_t)(colon - a));
					a = colon + 1;
				} else {
					ls->addr = "*";
				}
				port = strtol(a, &end, 10);
				if (*end != '\0' || port <= 0 || port > 65535) {
					tl_lower_invalid(&l->engine, c->args[0].loc,
							 "Port must be specified");
					continue;
				}
				if (strcmp(ls->addr, "0.0.0.0") == 0 ||
				    strcmp(ls->addr, "[::]") == 0)
					ls->addr = "*";
				ls->d = c;
				ls->port = (unsigned)port;
				ls->proto = c->nargs == 2 ? c->args[1].text : NULL;
				tl_ptrvec_push(l->env->arena, &w->listens, ls);
			}
			continue;
		}
		if (is_named(c, "ServerName")) {
			if (scope->ctx & (AP_MAIN | AP_VHOST))
				vh->server_name = c;
			continue;
		}
		if (is_named(c, "ServerAlias")) {
			if (scope->ctx == AP_VHOST)
				tl_ptrvec_push(l->env->arena, &vh->aliases, (void *)c);
			else
				tl_lower_invalid(&l->engine, c->loc,
						 "ServerAlias only used in <VirtualHost>");
			continue;
		}
		if (is_named(c, "Header")) {
			if (tl_apache_module_loaded(l->parse, "headers_module"))
				apply_header(&scope->hsts, c);
			else
				tl_lower_invalid(&l->engine, c->loc, tl_apache_words.no_module_fmt,
						 c->name);
			continue;
		}
		if ((is_named(c, "ProxyPass") || is_named(c, "ProxyPassMatch")) && c->nargs >= 1) {
			if (tl_apache_module_loaded(l->parse, "proxy_module"))
				tl_ptrvec_push(l->env->arena, &vh->proxies, (void *)c);
			continue;
		}
		tl_ap_apply_keyword(l, scope, c);
	}
}

/* ---- the merge of the main server into a virtual host ---- */

/* modssl_ctx_cfg_merge_certkeys_array: the child's Nth replaces the parent's Nth. */
static struct ap_files
merge_files(struct tl_arena *arena, const struct ap_files *parent, const struct ap_files *child)
{
	struct ap_files out = *child;
	size_t n = parent->n > child->n ? parent->n : child->n;

	if (parent->n <= child->n)
		return out;
	out.refs = tl_arena_calloc(arena, n, sizeof(*out.refs));
	out.dirs = tl_arena_calloc(arena, n, sizeof(*out.dirs));
	for (size_t i = 0; i < n; i++) {
		const struct ap_files *from = i < child->n ? child : parent;

		out.refs[i] = from->refs[i];
		out.dirs[i] = from->dirs[i];
	}
	out.n = out.cap = n;
	return out;
}

/* The main server's SSLOpenSSLConfCmd list, then the virtual host's (cfgMergeArray). */
static struct tl_conf_commands
merge_commands(struct tl_arena *arena, const struct tl_conf_commands *parent,
	       const struct tl_conf_commands *child)
{
	struct tl_conf_commands out = *child;

	if (parent->n == 0)
		return out;
	if (child->n == 0) {
		out = *parent;
		if (out.v.origin == TL_ORIGIN_SET)
			out.v.origin = TL_ORIGIN_INHERITED;
		return out;
	}
	out.items = tl_arena_calloc(arena, parent->n + child->n, sizeof(*out.items));
	memcpy(out.items, parent->items, parent->n * sizeof(*out.items));
	memcpy(out.items + parent->n, child->items, child->n * sizeof(*out.items));
	out.n = out.cap = parent->n + child->n;
	return out;
}

/* The Nth "SSLOpenSSLConfCmd NAME …" of CMDS (N from 0), or NULL. */
static const struct tl_conf_command *
nth_command(const struct tl_conf_commands *cmds, const char *name, size_t n)
{
	for (size_t i = 0; i < cmds->n; i++)
		if (strcasecmp(cmds->items[i].name, name) == 0 && n-- == 0)
			return &cmds->items[i];
	return NULL;
}

static size_t
count_commands(const struct tl_conf_commands *cmds, const char *name)
{
	size_t n = 0;

	while (nth_command(cmds, name, n) != NULL)
		n++;
	return n;
}

static struct tl_file_ref
command_file(const struct tl_conf_command *c)
{
	struct tl_file_ref ref = {0};

	ref.written = c->written;
	ref.path = c->value;
	ref.loc = c->written_loc;
	return ref;
}

/*
 * Certificate i with key i, or, with no key i, the key in the certificate
 * file itself (ssl_init_server_certs); the chain file, when set, serves
 * every certificate. Then the certificates of "SSLOpenSSLConfCmd
 * Certificate", which ssl_init_server_ctx applies after those (OpenSSL's
 * SSL_CTX_use_certificate_chain_file: the file's certificates, never its
 * key), each with the "PrivateKey" command of the same rank: a vhost
 * with only those has its certificate and httpd starts.
 */
static void
make_pairs(struct ap_lower *l, struct tl_tls *tls, const struct ap_files *certs,
	   const struct ap_files *keys, const struct ap_chain *chain)
{
	struct tl_cert_list *list = &tls->certs;
	const struct tl_conf_commands *cmds = &tls->conf_commands;
	size_t ncmd = count_commands(cmds, "Certificate");
	size_t n = certs->n + ncmd;

	if (n == 0)
		return;
	list->pairs = tl_arena_calloc(l->env->arena, n, sizeof(*list->pairs));
	list->n = list->cap = n;
	list->ncert = n;
	list->nkey = keys->n + count_commands(cmds, "PrivateKey");
	list->v.origin = TL_ORIGIN_SET;
	list->v.loc = certs->n > 0 ? certs->dirs[0] : nth_command(cmds, "Certificate", 0)->loc;
	for (size_t i = 0; i < certs->n; i++) {
		struct tl_cert_pair *p = &list->pairs[i];

		p->cert = certs->refs[i];
		p->cert_dir = certs->dirs[i];
		if (i < keys->n) {
			p->key = keys->refs[i];
			p->key_dir = keys->dirs[i];
		} else {
			p->key_from_cert_file = true;
		}
		if (chain->v.origin != TL_ORIGIN_UNSET) {
			p->chain = chain->ref;
			p->chain_dir = chain->v.loc;
		}
	}
	for (size_t i = 0; i < ncmd; i++) {
		struct tl_cert_pair *p = &list->pairs[certs->n + i];
		const struct tl_conf_command *c = nth_command(cmds, "Certificate", i);
		const struct tl_conf_command *k = nth_command(cmds, "PrivateKey", i);

		p->cert = command_file(c);
		p->cert_dir = c->loc;
		if (k != NULL) {
			p->key = command_file(k);
			p->key_dir = k->loc;
		}
	}
}

/* ssl_config_server_merge's cfgMergeString and cfgMergeInt: the child's value when it has one. */
static void
merge_verify(struct ap_verify *child, const struct ap_verify *parent)
{
	struct tl_str *c[] = {&child->ca_path,  &child->cadn_file,   &child->cadn_path,
			      &child->crl_path, &child->crl_check,   &child->srp_file,
			      &child->suites13, &child->machine_path};
	const struct tl_str *p[] = {&parent->ca_path,  &parent->cadn_file,   &parent->cadn_path,
				    &parent->crl_path, &parent->crl_check,   &parent->srp_file,
				    &parent->suites13, &parent->machine_path};

	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		if (c[i]->v.origin == TL_ORIGIN_UNSET && p[i]->v.origin != TL_ORIGIN_UNSET) {
			*c[i] = *p[i];
			c[i]->v.origin = TL_ORIGIN_INHERITED;
		}
}

/* What the virtual host ends up with: its own settings over the main server's, then defaults. */
static void
finish_scope(struct ap_lower *l, struct ap_scope *s, const struct ap_scope *parent,
	     struct tl_loc site_loc)
{
	struct ap_files certs = s->certs, keys = s->keys;
	struct tl_conf_commands cmds = s->tls.conf_commands;

	if (parent != NULL) {
		tl_tls_inherit(&s->tls, &parent->tls);
		cmds = merge_commands(l->env->arena, &parent->tls.conf_commands, &cmds);
		certs = merge_files(l->env->arena, &parent->certs, &certs);
		keys = merge_files(l->env->arena, &parent->keys, &keys);
		if (s->chain.v.origin == TL_ORIGIN_UNSET &&
		    parent->chain.v.origin != TL_ORIGIN_UNSET) {
			s->chain = parent->chain;
			s->chain.v.origin = TL_ORIGIN_INHERITED;
		}
		if (s->hsts.v.origin == TL_ORIGIN_UNSET && parent->hsts.v.origin == TL_ORIGIN_SET) {
			s->hsts = parent->hsts;
			s->hsts.v.origin = TL_ORIGIN_INHERITED;
		}
		if (s->http2.v.origin == TL_ORIGIN_UNSET &&
		    parent->http2.v.origin != TL_ORIGIN_UNSET) {
			s->http2 = parent->http2;
			s->http2.v.origin = TL_ORIGIN_INHERITED;
		}
		tl_inherit_fields(&s->proxy, &parent->proxy, tl_upstream_tls_fields,
				  tl_upstream_tls_nfields);
		merge_verify(&s->verify, &parent->verify);
		merge_verify(&s->proxy_verify, &parent->proxy_verify);
	}
	s->tls.conf_commands = cmds;
	memset(&s->tls.certs, 0, sizeof(s->tls.certs));
	make_pairs(l, &s->tls, &certs, &keys, &s->chain);
	tl_fill_defaults(&s->tls, &l->tls_defaults, tl_tls_fields, tl_tls_nfields, site_loc);
}

/* ---- names ---- */

static struct tl_name *
new_name(struct ap_lower *l, const char *text, size_t n, struct tl_loc loc)
{
	struct tl_name *name = tl_arena_alloc(l->env->arena, sizeof(*name));
	char *low = tl_arena_strndup(l->env->arena, text, n);

	for (char *p = low; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	name->name = low;
	name->loc = loc;
	if (strpbrk(low, "*?") != NULL) {
		name->kind = TL_NAME_GLOB;
		if (!tl_name_compile_glob(l->env->arena, name))
			name->kind = TL_NAME_NONE;
	} else {
		name->kind = TL_NAME_EXACT;
	}
	return name;
}

/* ServerName [scheme://]name[:port]: the name. */
static void
add_server_name(struct ap_lower *l, struct tl_site *site, const struct tl_directive *d)
{
	const char *t, *scheme, *end;

	if (d->nargs != 1) {
		tl_lower_invalid(&l->engine, d->loc, "ServerName takes one argument");
		return;
	}
	t = d->args[0].text;
	scheme = strstr(t, "://");
	if (scheme != NULL)
		t = scheme + 3;
	end = t[0] == '[' ? strchr(t, ']') : NULL;
	end = end ? end + 1 : t + strcspn(t, ":");
	tl_ptrvec_push(l->env->arena, &site->names,
		       new_name(l, t, (size_t)(end - t), d->args[0].loc));
}

static struct tl_name *
machine_name(struct ap_lower *l, struct tl_loc loc)
{
	struct tl_name *name = tl_arena_alloc(l->env->arena, sizeof(*name));

	name->name = "$hostname";
	name->kind = TL_NAME_HOSTNAME;
	name->loc = loc;
	return name;
}

/* ---- virtual host addresses and sockets ---- */

struct address {
	const char *addr; /* "*" for * and _default_ */
	unsigned port;    /* 0: any port */
	struct tl_loc loc;
};

static bool
parse_address(struct tl_arena *arena, const char *text, struct address *a)
{
	const char *colon = strrchr(text, ':');
	const char *bracket = strchr(text, ']');
	const char *port = NULL;
	char *end;
	long n;

	if (colon != NULL && (text[0] != '[' || (bracket != NULL && colon > bracket)))
		port = colon + 1;
	a->addr = port ? tl_arena_strndup(arena, text, (size_t)(colon - text)) : text;
	if (strcmp(a->addr, "_default_") == 0 || strcmp(a->addr, "*") == 0 ||
	    strcmp(a->addr, "0.0.0.0") == 0 || strcmp(a->addr, "[::]") == 0)
		a->addr = "*";
	else {
		enum tl_addr_family family;
		bool wildcard;

		/* One address, one key: "[::1]" and "[0:0::1]" are the same vhost address. */
		a->addr = tl_addr_canonical(arena, a->addr, &family, &wildcard);
	}
	a->port = 0;
	if (port == NULL || strcmp(port, "*") == 0)
		return true;
	n = strtol(port, &end, 10);
	if (*end != '\0' || n <= 0 || n > 65535)
		return false;
	a->port = (unsigned)n;
	return true;
}

static struct tl_socket *
socket_for(struct walk *w, struct tl_strmap *index, const char *addr, unsigned port)
{
	struct ap_lower *l = w->l;
	const char *key = tl_arena_printf(l->env->arena, "%u %s", port, addr);
	struct tl_socket *sock = tl_strmap_get(index, key);

	if (sock != NULL)
		return sock;
	sock = tl_arena_alloc(l->env->arena, sizeof(*sock));
	sock->server = TL_SERVER_APACHE;
	sock->mode = TL_SITE_HTTP;
	sock->addr = tl_arena_strdup(l->env->arena, addr);
	sock->port = port;
	/* httpd's "*" matches connections of both families (testdata/apache/topology). */
	if (strcmp(addr, "*") == 0) {
		sock->family = TL_FAMILY_ANY;
		sock->wildcard = true;
	} else {
		tl_addr_canonical(l->env->arena, addr, &sock->family, &sock->wildcard);
	}
	sock->select = TL_SELECT_FIRST_MATCH;
	tl_ptrvec_push(l->env->arena, &l->model->sockets, sock);
	tl_strmap_put(index, key, sock);
	return sock;
}

static const struct listen *
listen_on(const struct walk *w, unsigned port)
{
	for (size_t i = 0; i < w->listens.len; i++) {
		const struct listen *ls = w->listens.items[i];

		if (ls->port == port)
			return ls;
	}
	return NULL;
}

static void
attach(struct walk *w, struct tl_strmap *index, struct tl_site *site, const char *addr,
       unsigned port, struct tl_loc loc)
{
	struct ap_lower *l = w->l;
	struct tl_socket *sock = socket_for(w, index, addr, port);
	struct tl_listener *ls = tl_arena_alloc(l->env->arena, sizeof(*ls));

	ls->loc = loc;
	ls->addr = sock->addr;
	ls->port = port;
	ls->last_port = port;
	ls->ssl = site->tls.engine.on;
	ls->site = site;
	ls->socket = sock;
	ls->ipv6 = addr[0] == '[';
	tl_ptrvec_push(l->env->arena, &site->listeners, ls);
	tl_ptrvec_push(l->env->arena, &sock->listeners, ls);
	if (sock->sites.len == 0)
		sock->default_site = site;
	tl_ptrvec_push(l->env->arena, &sock->sites, site);
}

static const char *
site_label(struct ap_lower *l, const struct tl_site *site)
{
	const char *name = NULL;
	unsigned port = 0;

	for (size_t i = 0; i < site->names.len && name == NULL; i++) {
		const struct tl_name *n = site->names.items[i];

		if (n->kind != TL_NAME_HOSTNAME)
			name = n->name;
	}
	for (size_t i = 0; i < site->listeners.len && port == 0; i++)
		port = ((const struct tl_listener *)site->listeners.items[i])->port;
	/* No ServerName anywhere: httpd names the host after the machine (apache2 -S shows it). */
	if (name == NULL)
		name = "(host name)";
	return port ? tl_arena_printf(l->env->arena, "%s:%u", name, port) : name;
}

/* ---- virtual hosts ---- */

static struct tl_site *
new_site(struct ap_lower *l, struct tl_loc loc)
{
	struct tl_site *site = tl_arena_alloc(l->env->arena, sizeof(*site));

	site->server = TL_SERVER_APACHE;
	site->facts = &tl_apache_facts;
	site->mode = TL_SITE_HTTP;
	site->loc = loc;
	return site;
}

/* The SSLProxy* lines of a <Proxy> section, read into a scope of their own. */
static void
read_proxy_section(struct walk *w, const struct tl_directive *p, struct ap_scope *scope)
{
	scope_init(scope, AP_PROXY);
	for (size_t k = 0; k < p->nchildren; k++)
		if (!p->children[k]->block && strncasecmp(p->children[k]->name, "SSLProxy", 8) == 0)
			tl_ap_apply_keyword(w->l, scope, p->children[k]);
}

/*
 * Each <Proxy> section with SSLProxyEngine on gets a context of its own
 * at start-up (ssl_proxy_section_post_config), from its SSLProxy settings
 * over the server's.
 */
static void
check_proxy_sections(struct walk *w, const struct vhost *vh)
{
	for (size_t i = 0; i < vh->sections.len; i++) {
		const struct tl_directive *p = vh->sections.items[i];
		struct ap_scope scope;

		if (!is_proxy_section(p))
			continue;
		read_proxy_section(w, p, &scope);
		tl_inherit_fields(&scope.proxy, &vh->scope.proxy, tl_upstream_tls_fields,
				  tl_upstream_tls_nfields);
		merge_verify(&scope.proxy_verify, &vh->scope.proxy_verify);
		tl_ap_check_proxy_context(w->l, &scope);
	}
}

/* <Proxy url> sections whose URL prefix covers the backend's add their SSLProxy settings. */
static struct tl_upstream_tls
proxy_settings(struct walk *w, const struct vhost *vh, const char *url)
{
	struct tl_upstream_tls tls = vh->scope.proxy;

	for (int round = 0; round < 2; round++) {
		const struct tl_ptrvec *sections = round == 0 ? &w->main.sections : &vh->sections;

		for (size_t i = 0; i < sections->len; i++) {
			const struct tl_directive *p = sections->items[i];
			struct ap_scope scope;

			if (!is_proxy_section(p) || p->nargs == 0 ||
			    (strcmp(p->args[0].text, "*") != 0 &&
			     strncasecmp(url, p->args[0].text, strlen(p->args[0].text)) != 0))
				continue;
			read_proxy_section(w, p, &scope);
			tl_inherit_fields(&scope.proxy, &tls, tl_upstream_tls_fields,
					  tl_upstream_tls_nfields);
			tls = scope.proxy;
		}
	}
	return tls;
}

static void
add_upstreams(struct walk *w, struct vhost *vh)
{
	struct ap_lower *l = w->l;

	for (size_t i = 0; i < vh->proxies.len; i++) {
		const struct tl_directive *d = vh->proxies.items[i];
		const char *url = NULL;
		struct tl_upstream *up;
		const char *host;

		for (size_t k = 0; k < d->nargs && url == NULL; k++)
			if (strstr(d->args[k].text, "://") != NULL)
				url = d->args[k].text;
		if (url == NULL || strncasecmp(url, "https://", 8) != 0)
			continue;
		host = url + 8;
		up = tl_arena_alloc(l->env->arena, sizeof(*up));
		up->loc = d->loc;
		up->url = url;
		up->host = tl_arena_strndup(l->env->arena, host, strcspn(host, ":/"));
		up->tls = proxy_settings(w, vh, url);
		/* mod_proxy sends the backend's host name as SNI. */
		if (up->tls.server_name.v.origin == TL_ORIGIN_UNSET) {
			up->tls.server_name.v.origin = TL_ORIGIN_DEFAULT;
			up->tls.server_name.on = true;
		}
		tl_fill_defaults(&up->tls, &l->proxy_defaults, tl_upstream_tls_fields,
				 tl_upstream_tls_nfields, d->loc);
		tl_ptrvec_push(l->env->arena, &vh->site->upstreams, up);
	}
}

static void
lower_vhost(struct walk *w, struct vhost *vh, const struct tl_directive *d)
{
	struct ap_lower *l = w->l;

	vh->d = d;
	scope_init(&vh->scope, AP_VHOST);
	vh->site = new_site(l, d->loc);
	lower_body(w, vh, &vh->scope, d, "VirtualHost");
	/* A default belongs to the main server: one finding however many hosts take it. */
	finish_scope(l, &vh->scope, &w->main.scope, l->main_loc);
	for (size_t i = 0; i < vh->sections.len; i++)
		lower_section(w, vh, vh->sections.items[i]);
	vh->site->tls = vh->scope.tls;
	vh->site->hsts = vh->scope.hsts;
	/* None anywhere: it belongs in the main server (one finding for every host). */
	if (vh->site->hsts.v.origin == TL_ORIGIN_UNSET && vh->site->hsts.v.loc.src == NULL)
		vh->site->hsts.v.loc = l->main_loc;
	vh->site->http2 = vh->scope.http2;
	add_upstreams(w, vh);
}

/* The names a virtual host answers to (vhost.c: a missing ServerName is the main server's). */
static void
vhost_names(struct walk *w, struct vhost *vh, bool wildcard_address)
{
	struct ap_lower *l = w->l;
	struct tl_site *site = vh->site;

	if (vh->server_name != NULL)
		add_server_name(l, site, vh->server_name);
	else if (wildcard_address && w->main.server_name != NULL)
		add_server_name(l, site, w->main.server_name);
	else
		/* An IP-based host without one is named by reverse DNS, at start. */
		tl_ptrvec_push(l->env->arena, &site->names, machine_name(l, site->loc));
	for (size_t i = 0; i < vh->aliases.len; i++) {
		const struct tl_directive *a = vh->aliases.items[i];

		for (size_t k = 0; k < a->nargs; k++)
			tl_ptrvec_push(
				l->env->arena, &site->names,
				new_name(l, a->args[k].text, a->args[k].len, a->args[k].loc));
	}
}

/*
 * The Listen a host on ADDR:PORT takes its protocol from: httpd compares
 * the host's address with each Listen's bound one (ap_setup_listeners,
 * apr_sockaddr_equal), so "<VirtualHost *:8443>" does not take the
 * protocol of "Listen 127.0.0.1:8443 https" (testdata/apache/listen-https-address).
 */
static const struct listen *
listen_at(const struct walk *w, const char *addr, unsigned port)
{
	for (size_t i = 0; i < w->listens.len; i++) {
		const struct listen *ls = w->listens.items[i];

		if (ls->port == port && strcmp(ls->addr, addr) == 0)
			return ls;
	}
	return NULL;
}

/*
 * mod_ssl switches TLS on by itself for a host on a "Listen … https" port
 * that has certificates and no SSLEngine (ssl_init_Module).
 */
static void
implicit_engine(struct walk *w, struct tl_site *site, const char *addr, unsigned port)
{
	const struct listen *ls = listen_at(w, addr, port);
	/* Listen's protocol is https for port 443 and http for any other, unless given. */
	const char *proto = ls == NULL    ? NULL
			    : ls->proto   ? ls->proto
			    : port == 443 ? "https"
					  : "http";

	if (proto == NULL || strcasecmp(proto, "https") != 0)
		return;
	if (site->tls.engine.v.origin == TL_ORIGIN_DEFAULT && site->tls.certs.n > 0) {
		site->tls.engine.on = true;
		site->tls.engine.v.loc = ls->d->loc;
		site->tls.engine.v.note = "on by itself for an https Listen port with certificates";
	}
}

static void
place_vhost(struct walk *w, struct tl_strmap *index, struct vhost *vh)
{
	struct ap_lower *l = w->l;
	const struct tl_directive *d = vh->d;
	bool wildcard = false;

	if (d->nargs == 0)
		tl_lower_invalid(&l->engine, d->loc,
				 "<VirtualHost> directive requires additional arguments");
	for (size_t i = 0; i < d->nargs; i++) {
		struct address a;

		if (!parse_address(l->env->arena, d->args[i].text, &a)) {
			tl_lower_invalid(&l->engine, d->args[i].loc,
					 "Invalid address or port in <VirtualHost %s>",
					 d->args[i].text);
			continue;
		}
		if (strcmp(a.addr, "*") == 0)
			wildcard = true;
		if (a.port != 0) {
			implicit_engine(w, vh->site, a.addr, a.port);
			attach(w, index, vh->site, a.addr, a.port, d->args[i].loc);
			continue;
		}
		/* No port, or "*": the host is on every port httpd listens on. */
		for (size_t k = 0; k < w->listens.len; k++) {
			const struct listen *ls = w->listens.items[k];

			if (listen_on(w, ls->port) != ls)
				continue;
			implicit_engine(w, vh->site, a.addr, ls->port);
			attach(w, index, vh->site, a.addr, ls->port, d->args[i].loc);
		}
	}
	vhost_names(w, vh, wildcard);
	vh->site->label = site_label(l, vh->site);
	tl_ptrvec_push(l->env->arena, &l->model->sites, vh->site);
}

/* The main server answers every Listen no virtual host is on. */
static void
place_main(struct walk *w, struct tl_strmap *index)
{
	struct ap_lower *l = w->l;
	struct tl_site *site = NULL;

	for (size_t i = 0; i < w->listens.len; i++) {
		const struct listen *ls = w->listens.items[i];
		bool covered = false;

		for (size_t k = 0; k < l->model->sockets.len && !covered; k++) {
			const struct tl_socket *s = l->model->sockets.items[k];

			covered = s->server == TL_SERVER_APACHE && s->port == ls->port &&
				  (strcmp(s->addr, "*") == 0 || strcmp(s->addr, ls->addr) == 0) &&
				  s->sites.len > 0;
		}
		if (covered)
			continue;
		if (site == NULL) {
			site = w->main.site;
			site->tls = w->main.scope.tls;
			site->hsts = w->main.scope.hsts;
			site->http2 = w->main.scope.http2;
			if (w->main.server_name != NULL)
				add_server_name(l, site, w->main.server_name);
			else
				tl_ptrvec_push(l->env->arena, &site->names,
					       machine_name(l, site->loc));
		}
		implicit_engine(w, site, ls->addr, ls->port);
		attach(w, index, site, ls->addr, ls->port, ls->d->loc);
	}
	if (site != NULL) {
		add_upstreams(w, &w->main);
		site->label = site_label(l, site);
		tl_ptrvec_push(l->env->arena, &l->model->sites, site);
	}
}

/* A socket speaks TLS when its default host has SSLEngine on (ssl_hook_pre_connection). */
static void
finish_sockets(struct ap_lower *l, size_t first)
{
	for (size_t i = first; i < l->model->sockets.len; i++) {
		struct tl_socket *sock = l->model->sockets.items[i];

		sock->tls = sock->default_site != NULL && sock->default_site->tls.engine.on;
	}
}

void
tl_apache_lower(struct tl_lower_env *env, const struct tl_apache_parse *parse,
		struct tl_model *model)
{
	struct ap_lower l;
	struct walk w;
	struct tl_strmap index;
	size_t first_socket = model->sockets.len;

	memset(&l, 0, sizeof(l));
	memset(&w, 0, sizeof(w));
	l.env = env;
	l.parse = parse;
	l.model = model;
	l.server_root = parse->tree.prefix ? parse->tree.prefix : ".";
	/* Where the main server is shown: its first directive (a default's place). */
	l.main_loc = parse->tree.root.nchildren > 0 ? parse->tree.root.children[0]->loc
						    : parse->tree.root.loc;
	l.default_note =
		tl_arena_printf(env->arena, "the httpd %u.%u.%u default", env->version.major,
				env->version.minor, env->version.patch);
	l.engine.arena = env->arena;
	l.engine.diag = env->diag;
	l.engine.version = env->version;
	l.engine.words = &tl_apache_words;
	l.engine.prefix = l.server_root;
	l.engine.server = &l;
	l.engine.has_module = tl_ap_has_module;
	tl_ap_compute_defaults(&l, &l.tls_defaults, AP_TARGET_TLS);
	tl_ap_compute_defaults(&l, &l.proxy_defaults, AP_TARGET_PROXY);
	w.l = &l;
	model->nfiles += parse->tree.nfiles;
	tl_strmap_init(&index, env->arena);
	if (!parse->modules_known && parse->tree.root.loc.src != NULL)
		/*
		 * Every main config of a packaged httpd loads modules; a file with
		 * none is a sites-enabled or conf.d file read on its own.
		 */
		tl_diag_note(env->diag,
			     "'%s' loads no module: linted as if included from httpd's main "
			     "config, with mod_ssl and the modules its directives need loaded, and "
			     "httpd's defaults for what the main config may set",
			     parse->tree.root.loc.src->path);

	/* The main server config: Listen, its own settings, and where the virtual hosts are. */
	scope_init(&w.main.scope, AP_MAIN);
	w.main.site = new_site(&l, parse->tree.root.loc);
	lower_body(&w, &w.main, &w.main.scope, &parse->tree.root, "main");
	for (size_t i = 0; i < w.vhosts.len; i++) {
		struct vhost *vh = tl_arena_alloc(env->arena, sizeof(*vh));

		lower_vhost(&w, vh, w.vhosts.items[i]);
		w.vhosts.items[i] = vh;
	}
	finish_scope(&l, &w.main.scope, NULL, l.main_loc);
	for (size_t i = 0; i < w.main.sections.len; i++)
		lower_section(&w, &w.main, w.main.sections.items[i]);
	for (size_t i = 0; i < w.vhosts.len; i++)
		place_vhost(&w, &index, w.vhosts.items[i]);
	place_main(&w, &index);
	finish_sockets(&l, first_socket);
	/* Every server's contexts are built at start-up, the main server's too (ssl_init_Module).
	 */
	tl_ap_check_tls_context(&l, &w.main.scope, w.main.site);
	check_proxy_sections(&w, &w.main);
	{
		bool any_tls = w.main.scope.tls.engine.on || w.main.site->tls.engine.on;

		for (size_t i = 0; i < w.vhosts.len; i++)
			any_tls |= ((const struct vhost *)w.vhosts.items[i])->site->tls.engine.on;
		tl_ap_check_fips(&l, &w.main.scope.fips, any_tls);
	}
	for (size_t i = 0; i < w.vhosts.len; i++) {
		const struct vhost *vh = w.vhosts.items[i];

		tl_ap_check_tls_context(&l, &vh->scope, vh->site);
		check_proxy_sections(&w, vh);
	}
}

int
tl_apache_keywords_unsorted(void)
{
	return tl_keyword_table_unsorted(&tl_apache_keywords);
}
