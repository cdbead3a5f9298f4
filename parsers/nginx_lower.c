/*
 * nginx lowering: a keyword table maps directive names to small setters
 * that fill the model, the way nginx's own ngx_command_t arrays do, and
 * merging follows nginx's merge callbacks: http → server for ssl_*,
 * http → server → location for proxy_ssl_* and add_header. Directives the
 * table does not know are ignored; TLS directives nginx would reject are
 * directive-invalid findings.
 */
#include "nginx_lower.h"

#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/fsutil.h"
#include "nginx_facts.h"

/* Where a directive may appear (nginx's NGX_HTTP_MAIN_CONF etc.). */
enum {
	CTX_HTTP_MAIN = 1u << 0,
	CTX_HTTP_SRV = 1u << 1,
	CTX_HTTP_LOC = 1u << 2,
	CTX_STREAM_MAIN = 1u << 3,
	CTX_STREAM_SRV = 1u << 4,
};

#define CTX_SSL (CTX_HTTP_MAIN | CTX_HTTP_SRV | CTX_STREAM_MAIN | CTX_STREAM_SRV)
#define CTX_SSL_HTTP (CTX_HTTP_MAIN | CTX_HTTP_SRV)
#define CTX_PROXY (CTX_HTTP_MAIN | CTX_HTTP_SRV | CTX_HTTP_LOC)
#define CTX_STREAM (CTX_STREAM_MAIN | CTX_STREAM_SRV)

enum setter {
	SET_STR,
	SET_FLAG,
	SET_PROTOCOLS,
	SET_ENUM,
	SET_CERT,
	SET_KEY,
	SET_CONF_COMMAND,
};

/* Which settings struct a keyword writes into. */
enum target {
	TARGET_TLS,   /* struct tl_tls */
	TARGET_PROXY, /* struct tl_upstream_tls */
};

static const char *const verify_client_values[] = {"on", "off", "optional", "optional_no_ca", NULL};
static const char *const ocsp_values[] = {"on", "off", "leaf", NULL};

struct keyword {
	const char *name;
	unsigned ctx;
	enum setter setter;
	enum target target;
	size_t offset;
	unsigned min_args;
	unsigned max_args;
	const char *const *values; /* SET_ENUM */
};

#define TLS(m) TARGET_TLS, offsetof(struct tl_tls, m)
#define PROXY(m) TARGET_PROXY, offsetof(struct tl_upstream_tls, m)

/* Sorted by name for bsearch; a unit test checks the order. */
static const struct keyword keywords[] = {
	{"proxy_ssl_certificate", CTX_PROXY, SET_STR, PROXY(certificate), 1, 1, NULL},
	{"proxy_ssl_certificate_key", CTX_PROXY, SET_STR, PROXY(certificate_key), 1, 1, NULL},
	{"proxy_ssl_ciphers", CTX_PROXY, SET_STR, PROXY(ciphers), 1, 1, NULL},
	{"proxy_ssl_conf_command", CTX_PROXY, SET_CONF_COMMAND, PROXY(conf_commands), 2, 2, NULL},
	{"proxy_ssl_crl", CTX_PROXY, SET_STR, PROXY(crl), 1, 1, NULL},
	{"proxy_ssl_name", CTX_PROXY, SET_STR, PROXY(name), 1, 1, NULL},
	{"proxy_ssl_password_file", CTX_PROXY, SET_STR, PROXY(password_file), 1, 1, NULL},
	{"proxy_ssl_protocols", CTX_PROXY, SET_PROTOCOLS, PROXY(protocols), 1, 6, NULL},
	{"proxy_ssl_server_name", CTX_PROXY, SET_FLAG, PROXY(server_name), 1, 1, NULL},
	{"proxy_ssl_session_reuse", CTX_PROXY, SET_FLAG, PROXY(session_reuse), 1, 1, NULL},
	{"proxy_ssl_trusted_certificate", CTX_PROXY, SET_STR, PROXY(trusted_certificate), 1, 1,
	 NULL},
	{"proxy_ssl_verify", CTX_PROXY, SET_FLAG, PROXY(verify), 1, 1, NULL},
	{"proxy_ssl_verify_depth", CTX_PROXY, SET_STR, PROXY(verify_depth), 1, 1, NULL},
	{"ssl_alpn", CTX_STREAM, SET_STR, TLS(alpn), 1, 16, NULL},
	{"ssl_buffer_size", CTX_SSL_HTTP, SET_STR, TLS(buffer_size), 1, 1, NULL},
	{"ssl_certificate", CTX_SSL, SET_CERT, TLS(certs), 1, 1, NULL},
	{"ssl_certificate_cache", CTX_SSL, SET_STR, TLS(certificate_cache), 1, 3, NULL},
	{"ssl_certificate_compression", CTX_SSL, SET_FLAG, TLS(certificate_compression), 1, 1,
	 NULL},
	{"ssl_certificate_key", CTX_SSL, SET_KEY, TLS(certs), 1, 1, NULL},
	{"ssl_ciphers", CTX_SSL, SET_STR, TLS(ciphers), 1, 1, NULL},
	{"ssl_client_certificate", CTX_SSL, SET_STR, TLS(client_certificate), 1, 1, NULL},
	{"ssl_conf_command", CTX_SSL, SET_CONF_COMMAND, TLS(conf_commands), 2, 2, NULL},
	{"ssl_crl", CTX_SSL, SET_STR, TLS(crl), 1, 1, NULL},
	{"ssl_dhparam", CTX_SSL, SET_STR, TLS(dhparam), 1, 1, NULL},
	{"ssl_early_data", CTX_SSL_HTTP, SET_FLAG, TLS(early_data), 1, 1, NULL},
	{"ssl_ecdh_curve", CTX_SSL, SET_STR, TLS(groups), 1, 1, NULL},
	{"ssl_ech_file", CTX_SSL, SET_STR, TLS(ech_file), 1, 1, NULL},
	{"ssl_handshake_timeout", CTX_STREAM, SET_STR, TLS(handshake_timeout), 1, 1, NULL},
	{"ssl_ocsp", CTX_SSL_HTTP, SET_ENUM, TLS(ocsp), 1, 1, ocsp_values},
	{"ssl_ocsp_cache", CTX_SSL_HTTP, SET_STR, TLS(ocsp_cache), 1, 1, NULL},
	{"ssl_ocsp_responder", CTX_SSL_HTTP, SET_STR, TLS(ocsp_responder), 1, 1, NULL},
	{"ssl_password_file", CTX_SSL, SET_STR, TLS(password_file), 1, 1, NULL},
	{"ssl_prefer_server_ciphers", CTX_SSL, SET_FLAG, TLS(prefer_server_ciphers), 1, 1, NULL},
	{"ssl_protocols", CTX_SSL, SET_PROTOCOLS, TLS(protocols), 1, 6, NULL},
	{"ssl_reject_handshake", CTX_SSL, SET_FLAG, TLS(reject_handshake), 1, 1, NULL},
	{"ssl_session_cache", CTX_SSL, SET_STR, TLS(session_cache), 1, 2, NULL},
	{"ssl_session_ticket_key", CTX_SSL, SET_STR, TLS(session_ticket_key), 1, 1, NULL},
	{"ssl_session_tickets", CTX_SSL, SET_FLAG, TLS(session_tickets), 1, 1, NULL},
	{"ssl_session_timeout", CTX_SSL, SET_STR, TLS(session_timeout), 1, 1, NULL},
	{"ssl_stapling", CTX_SSL_HTTP, SET_FLAG, TLS(stapling), 1, 1, NULL},
	{"ssl_stapling_file", CTX_SSL_HTTP, SET_STR, TLS(stapling_file), 1, 1, NULL},
	{"ssl_stapling_responder", CTX_SSL_HTTP, SET_STR, TLS(stapling_responder), 1, 1, NULL},
	{"ssl_stapling_verify", CTX_SSL_HTTP, SET_FLAG, TLS(stapling_verify), 1, 1, NULL},
	{"ssl_trusted_certificate", CTX_SSL, SET_STR, TLS(trusted_certificate), 1, 1, NULL},
	{"ssl_verify_client", CTX_SSL, SET_ENUM, TLS(verify_client), 1, 1, verify_client_values},
	{"ssl_verify_depth", CTX_SSL, SET_STR, TLS(verify_depth), 1, 1, NULL},
};

static const struct {
	const char *name;
	unsigned bit;
} protocol_names[] = {
	{"SSLv2", TL_PROTO_SSLv2},     {"SSLv3", TL_PROTO_SSLv3},     {"TLSv1", TL_PROTO_TLSv1},
	{"TLSv1.1", TL_PROTO_TLSv1_1}, {"TLSv1.2", TL_PROTO_TLSv1_2}, {"TLSv1.3", TL_PROTO_TLSv1_3},
};

/* add_header_inherit (nginx 1.29.3): how a level's headers combine with the level above. */
enum header_inherit {
	INHERIT_ON, /* the default: inherit only when the level has no add_header */
	INHERIT_OFF,
	INHERIT_MERGE,
};

/* The add_header state of one level (http, server, location, if). */
struct headers {
	bool has_own; /* any add_header at this level */
	struct tl_header own_hsts;
	bool inherit_set;
	enum header_inherit inherit;
	struct tl_header effective; /* after merging with the level above */
	enum header_inherit effective_inherit;
};

/* The settings of one configuration level while it is being lowered. */
struct scope {
	unsigned ctx;
	struct tl_tls tls;
	struct tl_upstream_tls proxy;
	struct headers headers;
	struct tl_str resolver;
	struct tl_flag http2;
};

struct lower {
	struct tl_lower_env *env;
	struct tl_model *model;
	const char *prefix;
	const char *default_note;
	/* The targeted version's defaults, computed once and copied into each site. */
	struct tl_tls tls_defaults;
	struct tl_upstream_tls proxy_defaults;
};

static int
compare_keyword(const void *key, const void *elem)
{
	return strcmp(key, ((const struct keyword *)elem)->name);
}

static const struct keyword *
find_keyword(const char *name)
{
	return bsearch(name, keywords, sizeof(keywords) / sizeof(keywords[0]), sizeof(keywords[0]),
		       compare_keyword);
}

static struct tl_finding *invalid(struct lower *l, const struct tl_directive *d, struct tl_loc loc,
				  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static struct tl_finding *
invalid(struct lower *l, const struct tl_directive *d, struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	(void)d;
	va_start(ap, fmt);
	f = tl_diag_vadd(l->env->diag, "directive-invalid", loc, fmt, ap);
	va_end(ap);
	f->server = "nginx";
	return f;
}

static struct tl_value
value_set(const struct tl_directive *d)
{
	struct tl_value v = {TL_ORIGIN_SET, d->loc, d, NULL};

	return v;
}

static bool
has_variables(const char *s)
{
	return strchr(s, '$') != NULL;
}

static struct tl_file_ref
file_ref(struct lower *l, const struct tl_arg *arg)
{
	struct tl_file_ref ref = {0};

	ref.written = arg->text;
	ref.loc = arg->loc;
	/*
	 * nginx 1.15.9+ resolves a path with variables per handshake; older
	 * versions take the '$' literally, as part of a file name.
	 */
	if (has_variables(arg->text) && tl_nginx_has(TL_NGX_CERT_VARIABLES, l->env->version)) {
		ref.dynamic = true;
		return ref;
	}
	/* Relative paths are relative to nginx's conf prefix (ngx_conf_full_name). */
	ref.path = tl_path_map(l->env->arena, l->env->root, l->prefix, arg->text);
	return ref;
}

static int
parse_protocols(struct lower *l, const struct tl_directive *d, unsigned *mask)
{
	int bad = 0;

	for (size_t i = 0; i < d->nargs; i++) {
		size_t k;

		for (k = 0; k < sizeof(protocol_names) / sizeof(protocol_names[0]); k++)
			if (strcasecmp(d->args[i].text, protocol_names[k].name) == 0)
				break;
		if (k == sizeof(protocol_names) / sizeof(protocol_names[0])) {
			invalid(l, d, d->args[i].loc,
				"unknown protocol '%s' in '%s'; nginx accepts SSLv2, SSLv3, TLSv1, "
				"TLSv1.1, TLSv1.2 and TLSv1.3",
				d->args[i].text, d->name);
			bad = 1;
			continue;
		}
		*mask |= protocol_names[k].bit;
	}
	return bad ? -1 : 0;
}

static void
set_cert_or_key(struct lower *l, struct tl_cert_list *list, const struct keyword *kw,
		const struct tl_directive *d)
{
	struct tl_cert_pair *pairs;
	size_t slot = list->n;
	bool is_cert = kw->setter == SET_CERT;

	/*
	 * nginx keeps two arrays and pairs them by index: the Nth
	 * ssl_certificate_key belongs to the Nth ssl_certificate.
	 */
	for (size_t i = 0; i < list->n; i++) {
		const struct tl_file_ref *ref =
			is_cert ? &list->pairs[i].cert : &list->pairs[i].key;

		if (ref->written == NULL) {
			slot = i;
			break;
		}
	}
	if (slot == list->n) {
		pairs = tl_arena_calloc(l->env->arena, list->n + 1, sizeof(*pairs));
		if (list->n)
			memcpy(pairs, list->pairs, list->n * sizeof(*pairs));
		list->pairs = pairs;
		list->n++;
	}
	if (is_cert) {
		list->pairs[slot].cert = file_ref(l, &d->args[0]);
		list->pairs[slot].cert_dir = d->loc;
	} else {
		list->pairs[slot].key = file_ref(l, &d->args[0]);
		list->pairs[slot].key_dir = d->loc;
	}
	if (list->v.origin != TL_ORIGIN_SET)
		list->v = value_set(d);
}

static void
add_conf_command(struct lower *l, struct tl_conf_commands *cmds, const struct tl_directive *d)
{
	struct tl_conf_command *items = tl_arena_calloc(l->env->arena, cmds->n + 1, sizeof(*items));

	if (cmds->n)
		memcpy(items, cmds->items, cmds->n * sizeof(*items));
	items[cmds->n].name = d->args[0].text;
	items[cmds->n].value = d->args[1].text;
	items[cmds->n].loc = d->loc;
	cmds->items = items;
	cmds->n++;
	if (cmds->v.origin != TL_ORIGIN_SET)
		cmds->v = value_set(d);
}

static bool
duplicate(struct lower *l, const struct tl_value *v, const struct tl_directive *d)
{
	unsigned line, col;

	if (v->origin != TL_ORIGIN_SET)
		return false;
	tl_loc_linecol(&v->loc, &line, &col);
	invalid(l, d, d->loc, "'%s' directive is duplicate; first set at %s:%u", d->name,
		v->loc.src ? v->loc.src->path : "?", line);
	return true;
}

/* Applies one keyword directive to the settings of SCOPE. */
static void
apply_keyword(struct lower *l, struct scope *scope, const struct keyword *kw,
	      const struct tl_directive *d)
{
	char *base = kw->target == TARGET_TLS ? (char *)&scope->tls : (char *)&scope->proxy;
	struct tl_value *v = (struct tl_value *)(base + kw->offset);

	if (!(kw->ctx & scope->ctx)) {
		invalid(l, d, d->loc, "'%s' directive is not allowed here", d->name);
		return;
	}
	if (d->block || d->nargs < kw->min_args || d->nargs > kw->max_args) {
		invalid(l, d, d->loc, "invalid number of arguments in '%s' directive", d->name);
		return;
	}
	switch (kw->setter) {
	case SET_STR: {
		struct tl_str *s = (struct tl_str *)v;

		if (duplicate(l, v, d))
			return;
		s->v = value_set(d);
		s->s = d->nargs == 1 ? d->args[0].text
				     : tl_arena_printf(l->env->arena, "%s %s", d->args[0].text,
						       d->args[1].text);
		break;
	}
	case SET_FLAG: {
		struct tl_flag *f = (struct tl_flag *)v;
		const char *arg = d->args[0].text;

		if (duplicate(l, v, d))
			return;
		if (strcasecmp(arg, "on") != 0 && strcasecmp(arg, "off") != 0) {
			invalid(l, d, d->args[0].loc,
				"invalid value '%s' in '%s' directive, it must be 'on' or 'off'",
				arg, d->name);
			return;
		}
		f->v = value_set(d);
		f->on = strcasecmp(arg, "on") == 0;
		break;
	}
	case SET_ENUM: {
		struct tl_str *s = (struct tl_str *)v;
		size_t i;

		if (duplicate(l, v, d))
			return;
		for (i = 0; kw->values[i] != NULL; i++)
			if (strcmp(kw->values[i], d->args[0].text) == 0)
				break;
		if (kw->values[i] == NULL) {
			invalid(l, d, d->args[0].loc, "invalid value '%s' in '%s' directive",
				d->args[0].text, d->name);
			return;
		}
		s->v = value_set(d);
		s->s = kw->values[i];
		break;
	}
	case SET_PROTOCOLS: {
		struct tl_protocols *p = (struct tl_protocols *)v;
		unsigned mask = 0;

		if (parse_protocols(l, d, &mask) != 0)
			return;
		/*
		 * nginx's bitmask slot ORs a repeated directive into the
		 * first instead of refusing it; the later line is the one
		 * a reader will look at, so point there.
		 */
		if (p->v.origin != TL_ORIGIN_SET)
			p->mask = 0;
		p->mask |= mask;
		p->v = value_set(d);
		break;
	}
	case SET_CERT:
	case SET_KEY:
		set_cert_or_key(l, (struct tl_cert_list *)v, kw, d);
		break;
	case SET_CONF_COMMAND:
		add_conf_command(l, (struct tl_conf_commands *)v, d);
		break;
	}
}

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
		scope->headers.has_own = true;
		if (d->nargs >= 2 && is_hsts(d->args[0].text)) {
			struct tl_header *h = &scope->headers.own_hsts;

			h->v = value_set(d);
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
	if (above == NULL || child->effective_inherit == INHERIT_OFF)
		return;
	if (!child->has_own || (child->effective_inherit == INHERIT_MERGE &&
				child->own_hsts.v.origin == TL_ORIGIN_UNSET)) {
		child->effective = *above;
		if (child->effective.v.origin == TL_ORIGIN_SET)
			child->effective.v.origin = TL_ORIGIN_INHERITED;
	}
}

/* Directives that may appear at any level we lower. Returns true if handled. */
static bool
apply_common(struct lower *l, struct scope *scope, const struct tl_directive *d)
{
	const struct keyword *kw = find_keyword(d->name);

	if (kw != NULL) {
		apply_keyword(l, scope, kw, d);
		return true;
	}
	if (apply_headers(l, scope, d))
		return true;
	if (strcmp(d->name, "resolver") == 0 && d->nargs >= 1) {
		scope->resolver.v = value_set(d);
		scope->resolver.s = d->args[0].text;
		return true;
	}
	/* "http2 on;" (1.25.1+) at http or server level. */
	if (strcmp(d->name, "http2") == 0 && d->nargs == 1 && (scope->ctx & CTX_SSL_HTTP)) {
		scope->http2.v = value_set(d);
		scope->http2.on = strcasecmp(d->args[0].text, "on") == 0;
		return true;
	}
	return false;
}

/* SETTINGS filled with the targeted version's default of every keyword that has one. */
static void
compute_defaults(struct lower *l, void *settings, enum target target)
{
	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
		const struct keyword *kw = &keywords[i];
		struct tl_value *v;
		const char *value;

		if (kw->target != target)
			continue;
		v = (struct tl_value *)((char *)settings + kw->offset);
		if (v->origin != TL_ORIGIN_UNSET)
			continue;
		value = tl_nginx_default(kw->name, l->env->version, NULL);
		if (value == NULL)
			continue;
		v->origin = TL_ORIGIN_DEFAULT;
		v->note = l->default_note;
		switch (kw->setter) {
		case SET_STR:
		case SET_ENUM:
			((struct tl_str *)v)->s = value;
			break;
		case SET_FLAG:
			((struct tl_flag *)v)->on = strcmp(value, "on") == 0;
			break;
		case SET_PROTOCOLS: {
			unsigned mask = 0;
			char buf[128];
			char *save = NULL;

			snprintf(buf, sizeof(buf), "%s", value);
			for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save))
				for (size_t k = 0;
				     k < sizeof(protocol_names) / sizeof(protocol_names[0]); k++)
					if (strcmp(t, protocol_names[k].name) == 0)
						mask |= protocol_names[k].bit;
			((struct tl_protocols *)v)->mask = mask;
			break;
		}
		case SET_CERT:
		case SET_KEY:
		case SET_CONF_COMMAND:
			break;
		}
	}
}

/* Copies the defaults into every member still unset; a default points at the site. */
static void
fill_defaults(void *settings, const void *defaults, const struct tl_field *fields, size_t n,
	      struct tl_loc site_loc)
{
	for (size_t i = 0; i < n; i++) {
		struct tl_value *v = (struct tl_value *)((char *)settings + fields[i].offset);
		const struct tl_value *d =
			(const struct tl_value *)((const char *)defaults + fields[i].offset);

		if (v->origin != TL_ORIGIN_UNSET || d->origin == TL_ORIGIN_UNSET)
			continue;
		memcpy(v, d, fields[i].size);
		v->loc = site_loc;
	}
}

/*
 * TLS 1.3 suites are set in nginx only through ssl_conf_command
 * Ciphersuites; SSL_CONF matches command names without regard to case.
 */
static void
derive_ciphersuites(struct tl_tls *tls)
{
	for (size_t i = 0; i < tls->conf_commands.n; i++) {
		const struct tl_conf_command *c = &tls->conf_commands.items[i];

		if (strcasecmp(c->name, "Ciphersuites") == 0) {
			tls->ciphersuites.v = tls->conf_commands.v;
			tls->ciphersuites.v.loc = c->loc;
			tls->ciphersuites.s = c->value;
		}
	}
}

static void
finish_tls(struct lower *l, struct tl_tls *tls, const struct tl_tls *parent, struct tl_loc site_loc)
{
	if (parent != NULL)
		tl_tls_inherit(tls, parent);
	derive_ciphersuites(tls);
	fill_defaults(tls, &l->tls_defaults, tl_tls_fields, tl_tls_nfields, site_loc);
}

/* ---- listen ---- */

static bool
all_digits(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static const char *const listen_flags[] = {
	"bind",
	"deferred",
	"default",
	"default_server",
	"http2",
	"multipath",
	"proxy_protocol",
	"quic",
	"reuseport",
	"spdy",
	"ssl",
	"udp",
	NULL,
};

static const char *const listen_prefixes[] = {
	"accept_filter=", "backlog=", "fastopen=",     "ipv6only=", "rcvbuf=",
	"setfib=",        "sndbuf=",  "so_keepalive=", NULL,
};

static bool
known_listen_param(const char *p)
{
	for (size_t i = 0; listen_flags[i]; i++)
		if (strcmp(p, listen_flags[i]) == 0)
			return true;
	for (size_t i = 0; listen_prefixes[i]; i++)
		if (strncmp(p, listen_prefixes[i], strlen(listen_prefixes[i])) == 0)
			return true;
	return false;
}

/* Splits "addr:port", "port", "addr", "[v6]:port" as ngx_parse_url does for listen. */
static int
parse_listen_address(struct lower *l, const char *text, struct tl_listener *ls)
{
	const char *colon;
	size_t len = strlen(text);

	if (strncmp(text, "unix:", 5) == 0) {
		ls->addr = text;
		return 0;
	}
	if (text[0] == '[') {
		const char *end = strchr(text, ']');

		if (end == NULL)
			return -1;
		ls->ipv6 = true;
		ls->addr = tl_arena_strndup(l->env->arena, text, (size_t)(end - text) + 1);
		if (end[1] == '\0') {
			ls->port = 80;
			return 0;
		}
		if (end[1] != ':' || !all_digits(end + 2, strlen(end + 2)))
			return -1;
		ls->port = (unsigned)atoi(end + 2);
		return ls->port > 0 && ls->port < 65536 ? 0 : -1;
	}
	if (all_digits(text, len)) {
		ls->addr = "*";
		ls->port = (unsigned)atoi(text);
		return ls->port > 0 && ls->port < 65536 ? 0 : -1;
	}
	colon = strrchr(text, ':');
	if (colon == NULL) {
		ls->addr = text;
		ls->port = 80;
		return 0;
	}
	if (!all_digits(colon + 1, strlen(colon + 1)))
		return -1;
	ls->addr =
		colon == text ? "*" : tl_arena_strndup(l->env->arena, text, (size_t)(colon - text));
	ls->port = (unsigned)atoi(colon + 1);
	return ls->port > 0 && ls->port < 65536 ? 0 : -1;
}

static void
lower_listen(struct lower *l, struct tl_site *site, const struct tl_directive *d)
{
	struct tl_listener *ls;

	if (d->nargs < 1 || d->block) {
		invalid(l, d, d->loc, "invalid number of arguments in 'listen' directive");
		return;
	}
	ls = tl_arena_alloc(l->env->arena, sizeof(*ls));
	ls->loc = d->loc;
	ls->site = site;
	if (parse_listen_address(l, d->args[0].text, ls) != 0) {
		invalid(l, d, d->args[0].loc, "invalid address or port '%s' in 'listen' directive",
			d->args[0].text);
		return;
	}
	if (strcmp(ls->addr, "*") != 0 && ls->addr[0] != '[' && strncmp(ls->addr, "unix:", 5) != 0)
		ls->addr = tl_arena_strdup(l->env->arena, ls->addr);
	for (size_t i = 1; i < d->nargs; i++) {
		const char *p = d->args[i].text;

		if (!known_listen_param(p)) {
			invalid(l, d, d->args[i].loc,
				"invalid parameter '%s' in 'listen' directive", p);
			continue;
		}
		if (strcmp(p, "ssl") == 0)
			ls->ssl = true;
		else if (strcmp(p, "default_server") == 0 || strcmp(p, "default") == 0)
			ls->default_server = true;
		else if (strcmp(p, "http2") == 0)
			ls->http2 = true;
		else if (strcmp(p, "quic") == 0)
			ls->quic = true;
	}
	tl_ptrvec_push(l->env->arena, &site->listeners, ls);
}

/* ---- server_name ---- */

static void
free_regex(void *code)
{
	pcre2_code_free(code);
}

static void
add_name(struct lower *l, struct tl_site *site, const struct tl_directive *d,
	 const struct tl_arg *a)
{
	struct tl_name *n = tl_arena_alloc(l->env->arena, sizeof(*n));
	const char *text = a->text;

	n->loc = a->loc;
	if (text[0] == '~') {
		int err;
		PCRE2_SIZE off;
		pcre2_code *code;

		n->kind = TL_NAME_REGEX;
		n->name = text + 1;
		/* nginx compiles server name regexes caselessly (NGX_REGEX_CASELESS). */
		code = pcre2_compile((PCRE2_SPTR)n->name, PCRE2_ZERO_TERMINATED, PCRE2_CASELESS,
				     &err, &off, NULL);
		if (code == NULL) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(err, msg, sizeof(msg));
			invalid(l, d, a->loc,
				"invalid regular expression '%s' in 'server_name': %s at offset "
				"%zu",
				n->name, (const char *)msg, (size_t)off);
			return;
		}
		tl_arena_defer(l->env->arena, free_regex, code);
		n->regex = code;
		tl_ptrvec_push(l->env->arena, &site->names, n);
		return;
	}
	/* nginx lowercases names (ngx_http_core_server_name). */
	{
		char *low = tl_arena_strdup(l->env->arena, text);
		const char *star;

		for (char *p = low; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		n->name = low;
		star = strchr(low, '*');
		if (low[0] == '\0')
			n->kind = TL_NAME_EMPTY;
		else if (low[0] == '.')
			n->kind = TL_NAME_DOT;
		else if (star == low && low[1] == '.' && strchr(low + 1, '*') == NULL)
			n->kind = TL_NAME_WILDCARD_LEFT;
		else if (star != NULL && star == low + strlen(low) - 1 && star > low &&
			 star[-1] == '.' && strchr(low, '*') == star)
			n->kind = TL_NAME_WILDCARD_RIGHT;
		else if (star != NULL) {
			invalid(l, d, a->loc,
				"invalid server name or wildcard '%s' in 'server_name'", text);
			return;
		} else
			n->kind = TL_NAME_EXACT;
	}
	tl_ptrvec_push(l->env->arena, &site->names, n);
}

/* ---- locations and upstream TLS ---- */

static void lower_location(struct lower *l, struct tl_site *site, const struct scope *parent,
			   const struct tl_directive *d);

static void
add_upstream(struct lower *l, struct tl_site *site, const struct scope *scope,
	     const struct tl_directive *pass)
{
	struct tl_upstream *up;
	const char *url = pass->args[0].text;
	const char *host = url + strlen("https://");
	size_t hlen = strcspn(host, ":/");

	up = tl_arena_alloc(l->env->arena, sizeof(*up));
	up->loc = pass->loc;
	up->url = url;
	up->host = tl_arena_strndup(l->env->arena, host, hlen);
	up->tls = scope->proxy;
	fill_defaults(&up->tls, &l->proxy_defaults, tl_upstream_tls_fields, tl_upstream_tls_nfields,
		      pass->loc);
	tl_ptrvec_push(l->env->arena, &site->upstreams, up);
}

/* The children of a location or an if-in-location block. */
static void
lower_location_body(struct lower *l, struct tl_site *site, struct scope *scope,
		    const struct scope *parent, const struct tl_directive *d)
{
	const struct tl_directive *pass = NULL;
	struct tl_location *loc;

	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];

		if (strcmp(c->name, "location") == 0 || strcmp(c->name, "if") == 0)
			continue;
		if (strcmp(c->name, "proxy_pass") == 0 && c->nargs == 1)
			pass = c;
		else
			apply_common(l, scope, c);
	}
	merge_headers(&scope->headers, &parent->headers);
	tl_inherit_fields(&scope->proxy, &parent->proxy, tl_upstream_tls_fields,
			  tl_upstream_tls_nfields);

	loc = tl_arena_alloc(l->env->arena, sizeof(*loc));
	loc->loc = d->loc;
	loc->path = d->nargs ? d->args[d->nargs - 1].text : "";
	loc->hsts = scope->headers.effective;
	tl_ptrvec_push(l->env->arena, &site->locations, loc);

	if (pass != NULL && strncasecmp(pass->args[0].text, "https://", 8) == 0)
		add_upstream(l, site, scope, pass);

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
	scope.ctx = CTX_HTTP_LOC;
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

static void
lower_server(struct lower *l, const struct scope *main, const struct tl_directive *d,
	     enum tl_site_mode mode)
{
	struct tl_site *site = tl_arena_alloc(l->env->arena, sizeof(*site));
	struct scope scope;

	memset(&scope, 0, sizeof(scope));
	scope.ctx = mode == TL_SITE_HTTP ? CTX_HTTP_SRV : CTX_STREAM_SRV;
	site->server = TL_SERVER_NGINX;
	site->mode = mode;
	site->loc = d->loc;

	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];

		if (strcmp(c->name, "listen") == 0)
			lower_listen(l, site, c);
		else if (strcmp(c->name, "server_name") == 0)
			for (size_t k = 0; k < c->nargs; k++)
				add_name(l, site, c, &c->args[k]);
		else if (strcmp(c->name, "ssl") == 0 && c->nargs == 1 &&
			 strcasecmp(c->args[0].text, "on") == 0)
			site->legacy_ssl_on = value_set(c);
		else if (strcmp(c->name, "location") != 0)
			apply_common(l, &scope, c);
	}
	finish_tls(l, &scope.tls, &main->tls, site->loc);
	merge_headers(&scope.headers, &main->headers);
	tl_inherit_fields(&scope.proxy, &main->proxy, tl_upstream_tls_fields,
			  tl_upstream_tls_nfields);
	site->tls = scope.tls;
	site->hsts = scope.headers.effective;
	site->resolver = scope.resolver.v.origin ? scope.resolver : main->resolver;
	if (site->resolver.v.origin == TL_ORIGIN_SET && scope.resolver.v.origin == TL_ORIGIN_UNSET)
		site->resolver.v.origin = TL_ORIGIN_INHERITED;
	site->http2 = scope.http2.v.origin ? scope.http2 : main->http2;
	if (site->http2.v.origin == TL_ORIGIN_SET && scope.http2.v.origin == TL_ORIGIN_UNSET)
		site->http2.v.origin = TL_ORIGIN_INHERITED;

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
	tl_ptrvec_push(l->env->arena, &l->model->sites, site);
}

/* Groups listeners into sockets: nginx decides TLS and the default server per address:port. */
static void
build_sockets(struct lower *l, size_t first_site)
{
	struct tl_model *m = l->model;

	for (size_t i = first_site; i < m->sites.len; i++) {
		struct tl_site *site = m->sites.items[i];

		for (size_t k = 0; k < site->listeners.len; k++) {
			struct tl_listener *ls = site->listeners.items[k];
			struct tl_socket *sock = NULL;

			for (size_t s = 0; s < m->sockets.len; s++) {
				struct tl_socket *c = m->sockets.items[s];

				/* "listen 443 quic" is a UDP socket beside the TCP one. */
				if (c->server == TL_SERVER_NGINX && c->mode == site->mode &&
				    c->port == ls->port && c->quic == ls->quic &&
				    strcmp(c->addr, ls->addr) == 0) {
					sock = c;
					break;
				}
			}
			if (sock == NULL) {
				sock = tl_arena_alloc(l->env->arena, sizeof(*sock));
				sock->server = TL_SERVER_NGINX;
				sock->mode = site->mode;
				sock->addr = ls->addr;
				sock->port = ls->port;
				sock->quic = ls->quic;
				tl_ptrvec_push(l->env->arena, &m->sockets, sock);
			}
			ls->socket = sock;
			tl_ptrvec_push(l->env->arena, &sock->listeners, ls);
			/* One "listen … ssl" makes the whole address:port TLS (ngx_http.c). */
			if (ls->ssl || ls->quic || site->legacy_ssl_on.origin == TL_ORIGIN_SET)
				sock->tls = true;
			if (ls->default_server && sock->default_site == NULL)
				sock->default_site = site;
			if (sock->sites.len == 0 || sock->sites.items[sock->sites.len - 1] != site)
				tl_ptrvec_push(l->env->arena, &sock->sites, site);
		}
	}
	for (size_t s = 0; s < m->sockets.len; s++) {
		struct tl_socket *sock = m->sockets.items[s];

		/* Without default_server the first server on the address:port is the default. */
		if (sock->default_site == NULL && sock->sites.len > 0)
			sock->default_site = sock->sites.items[0];
	}
}

static void
lower_block(struct lower *l, const struct tl_directive *d, enum tl_site_mode mode)
{
	struct scope main;
	size_t first_site = l->model->sites.len;

	memset(&main, 0, sizeof(main));
	main.ctx = mode == TL_SITE_HTTP ? CTX_HTTP_MAIN : CTX_STREAM_MAIN;
	/*
	 * nginx merges after the whole block is read, so an http-level
	 * directive below a server block still applies to it: read all
	 * http-level settings first.
	 */
	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];

		if (strcmp(c->name, "server") != 0)
			apply_common(l, &main, c);
	}
	merge_headers(&main.headers, NULL);
	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];

		if (c->block && strcmp(c->name, "server") == 0)
			lower_server(l, &main, c, mode);
	}
	build_sockets(l, first_site);
}

int
tl_nginx_keywords_unsorted(void)
{
	for (size_t i = 1; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strcmp(keywords[i - 1].name, keywords[i].name) >= 0)
			return (int)i;
	return -1;
}

void
tl_nginx_lower(struct tl_lower_env *env, const struct tl_tree *tree, struct tl_model *model)
{
	struct lower l = {env, model, tree->prefix ? tree->prefix : ".", NULL};

	l.default_note = tl_arena_printf(env->arena, "the nginx %u.%u default", env->version.major,
					 env->version.minor);
	compute_defaults(&l, &l.tls_defaults, TARGET_TLS);
	compute_defaults(&l, &l.proxy_defaults, TARGET_PROXY);
	model->nfiles += tree->nfiles;
	for (size_t i = 0; i < tree->root.nchildren; i++) {
		const struct tl_directive *d = tree->root.children[i];

		if (!d->block)
			continue;
		if (strcmp(d->name, "http") == 0)
			lower_block(&l, d, TL_SITE_HTTP);
		else if (strcmp(d->name, "stream") == 0)
			lower_block(&l, d, TL_SITE_STREAM);
	}
}
