/*
 * The nginx keyword table: directive names → where they are allowed → a
 * small setter that fills a member of the model, the way nginx's own
 * ngx_command_t arrays work; and the version defaults of the same
 * members. Directives the table does not know are ignored by lowering.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/fsutil.h"
#include "nginx_facts.h"
#include "nginx_lower_int.h"

enum setter {
	SET_STR,
	SET_PATH,
	SET_FLAG,
	SET_PROTOCOLS,
	SET_ENUM,
	SET_CERT,
	SET_KEY,
	SET_CONF_COMMAND,
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
	{"ssl_dhparam", CTX_SSL, SET_PATH, TLS(dhparam), 1, 1, NULL},
	{"ssl_early_data", CTX_SSL_HTTP, SET_FLAG, TLS(early_data), 1, 1, NULL},
	{"ssl_ecdh_curve", CTX_SSL, SET_STR, TLS(groups), 1, 1, NULL},
	{"ssl_ech_file", CTX_SSL, SET_STR, TLS(ech_file), 1, 1, NULL},
	{"ssl_handshake_timeout", CTX_STREAM, SET_STR, TLS(handshake_timeout), 1, 1, NULL},
	{"ssl_ocsp", CTX_SSL_HTTP, SET_ENUM, TLS(ocsp), 1, 1, ocsp_values},
	{"ssl_ocsp_cache", CTX_SSL_HTTP, SET_STR, TLS(ocsp_cache), 1, 1, NULL},
	{"ssl_ocsp_responder", CTX_SSL_HTTP, SET_STR, TLS(ocsp_responder), 1, 1, NULL},
	{"ssl_password_file", CTX_SSL, SET_PATH, TLS(password_file), 1, 1, NULL},
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

struct tl_finding *
tl_ngx_invalid(struct lower *l, struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = tl_diag_vadd(l->env->diag, "directive-invalid", loc, fmt, ap);
	va_end(ap);
	f->server = "nginx";
	return f;
}

struct tl_value
tl_ngx_value_set(const struct tl_directive *d)
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
	ref.path = tl_path_join(l->env->arena, l->prefix, arg->text);
	return ref;
}

static int
parse_protocols(struct lower *l, const struct tl_directive *d, unsigned *mask)
{
	int bad = 0;

	for (size_t i = 0; i < d->nargs; i++) {
		unsigned bit = tl_protocol_bit(d->args[i].text, d->args[i].len);

		if (bit == 0) {
			tl_ngx_invalid(
				l, d->args[i].loc,
				"unknown protocol '%s' in '%s'; nginx accepts SSLv2, SSLv3, TLSv1, "
				"TLSv1.1, TLSv1.2 and TLSv1.3",
				d->args[i].text, d->name);
			bad = 1;
			continue;
		}
		*mask |= bit;
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
		list->v = tl_ngx_value_set(d);
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
		cmds->v = tl_ngx_value_set(d);
}

static bool
duplicate(struct lower *l, const struct tl_value *v, const struct tl_directive *d)
{
	unsigned line, col;

	if (v->origin != TL_ORIGIN_SET)
		return false;
	tl_loc_linecol(&v->loc, &line, &col);
	tl_ngx_invalid(l, d->loc, "'%s' directive is duplicate; first set at %s:%u", d->name,
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
		tl_ngx_invalid(l, d->loc, "'%s' directive is not allowed here", d->name);
		return;
	}
	if (d->block || d->nargs < kw->min_args || d->nargs > kw->max_args) {
		tl_ngx_invalid(l, d->loc, "invalid number of arguments in '%s' directive", d->name);
		return;
	}
	switch (kw->setter) {
	case SET_STR: {
		struct tl_str *s = (struct tl_str *)v;

		if (duplicate(l, v, d))
			return;
		s->v = tl_ngx_value_set(d);
		s->s = d->nargs == 1 ? d->args[0].text
				     : tl_arena_printf(l->env->arena, "%s %s", d->args[0].text,
						       d->args[1].text);
		break;
	}
	case SET_PATH: {
		struct tl_path *p = (struct tl_path *)v;

		if (duplicate(l, v, d))
			return;
		p->v = tl_ngx_value_set(d);
		p->s = d->args[0].text;
		/* ngx_ssl_read_password_file: relative to the conf prefix, no variables. */
		p->path = tl_path_join(l->env->arena, l->prefix, p->s);
		break;
	}
	case SET_FLAG: {
		struct tl_flag *f = (struct tl_flag *)v;
		const char *arg = d->args[0].text;

		if (duplicate(l, v, d))
			return;
		if (strcasecmp(arg, "on") != 0 && strcasecmp(arg, "off") != 0) {
			tl_ngx_invalid(
				l, d->args[0].loc,
				"invalid value '%s' in '%s' directive, it must be 'on' or 'off'",
				arg, d->name);
			return;
		}
		f->v = tl_ngx_value_set(d);
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
			tl_ngx_invalid(l, d->args[0].loc, "invalid value '%s' in '%s' directive",
				       d->args[0].text, d->name);
			return;
		}
		s->v = tl_ngx_value_set(d);
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
		p->v = tl_ngx_value_set(d);
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

bool
tl_ngx_apply_keyword(struct lower *l, struct scope *scope, const struct tl_directive *d)
{
	const struct keyword *kw = find_keyword(d->name);

	if (kw == NULL)
		return false;
	apply_keyword(l, scope, kw, d);
	return true;
}

/* SETTINGS filled with the targeted version's default of every keyword that has one. */
void
tl_ngx_compute_defaults(struct lower *l, void *settings, enum target target)
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
		case SET_PATH:
			/* No file default is mapped: nginx has none today. */
			((struct tl_path *)v)->s = value;
			break;
		case SET_FLAG:
			((struct tl_flag *)v)->on = strcmp(value, "on") == 0;
			break;
		case SET_PROTOCOLS:
			((struct tl_protocols *)v)->mask = tl_protocol_mask(value);
			break;
		case SET_CERT:
		case SET_KEY:
		case SET_CONF_COMMAND:
			break;
		}
	}
}

/* Copies the defaults into every member still unset; a default points at the site. */
void
tl_ngx_fill_defaults(void *settings, const void *defaults, const struct tl_field *fields, size_t n,
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

int
tl_nginx_keywords_unsorted(void)
{
	for (size_t i = 1; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strcmp(keywords[i - 1].name, keywords[i].name) >= 0)
			return (int)i;
	return -1;
}
