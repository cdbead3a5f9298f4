/*
 * The nginx keyword table: directive names → where they are allowed → a
 * small setter that fills a member of the model, the way nginx's own
 * ngx_command_t arrays work; and the version defaults of the same
 * members. Directives the table does not know are ignored by lowering.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/fsutil.h"
#include "nginx_facts.h"
#include "nginx_lower_int.h"

enum setter {
	SET_NONE, /* checked only */
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

/* Directives that take any number of arguments (NGX_CONF_1MORE). */
#define MANY_ARGS UINT_MAX

/*
 * One row per directive and module: ssl_certificate is a row of the http
 * SSL module and one of the stream SSL module, with their own contexts
 * and the version each came in (or left). The facts are read off the
 * ngx_command_t tables of ngx_http_ssl_module.c, ngx_stream_ssl_module.c,
 * ngx_http_proxy_module.c, ngx_stream_proxy_module.c,
 * ngx_http_grpc_module.c, ngx_http_uwsgi_module.c, ngx_http_v2_module.c,
 * ngx_event_openssl.c, ngx_event_openssl_cache.c and the core modules at every release tag of the
 * nginx repository from 1.9.0 to 1.31.4: SINCE is the first release whose table has the row
 * ({0} when 1.9.0 already had it), UNTIL the first that no longer has it.
 */
struct keyword {
	const char *name;
	unsigned ctx;
	struct tl_version since;
	struct tl_version until; /* {0}: still there */
	enum setter setter;
	enum target target;
	size_t offset;
	unsigned min_args;
	unsigned max_args;
	const char *const *values; /* SET_ENUM */
};

#define NO_TARGET TARGET_NONE, 0
#define TLS(m) TARGET_TLS, offsetof(struct tl_tls, m)
#define PROXY(m) TARGET_PROXY, offsetof(struct tl_upstream_tls, m)
#define SCOPE(m) TARGET_SCOPE, offsetof(struct scope, m)

#define ALWAYS                                                                                     \
	{0, 0, 0},                                                                                 \
	{                                                                                          \
		0, 0, 0                                                                            \
	}
#define SINCE(a, b, c)                                                                             \
	{a, b, c},                                                                                 \
	{                                                                                          \
		0, 0, 0                                                                            \
	}
#define UNTIL(a, b, c)                                                                             \
	{0, 0, 0},                                                                                 \
	{                                                                                          \
		a, b, c                                                                            \
	}
#define ONE 1, 1, NULL
#define TWO 2, 2, NULL
#define ANY 1, MANY_ARGS, NULL

/* Sorted by name for bsearch, a name's rows together; a unit test checks the order. */
/* clang-format off */
static const struct keyword keywords[] = {
	{"grpc_ssl_certificate", CTX_PROXY, SINCE(1, 13, 10), SET_NONE, NO_TARGET, ONE},
	{"grpc_ssl_certificate_cache", CTX_PROXY, SINCE(1, 27, 4), SET_NONE, NO_TARGET, 1, 3, NULL},
	{"grpc_ssl_certificate_key", CTX_PROXY, SINCE(1, 13, 10), SET_NONE, NO_TARGET, ONE},
	{"grpc_ssl_ciphers", CTX_PROXY, SINCE(1, 13, 10), SET_NONE, NO_TARGET, ONE},
	{"grpc_ssl_conf_command", CTX_PROXY, SINCE(1, 19, 4), SET_NONE, NO_TARGET, TWO},
	{"grpc_ssl_crl", CTX_PROXY, SINCE(1, 13, 10), SET_NONE, NO_TARGET, ONE},
	{"grpc_ssl_name", CTX_PROXY, SINCE(1, 13, 10), SET_NONE, NO_TARGET, ONE},
	{"grpc_ssl_password_file", CTX_PROXY, SINCE(1, 13, 10), SET_NONE, NO_TARGET, ONE},
	{"grpc_ssl_protocols", CTX_PROXY, SINCE(1, 13, 10), SET_NONE, NO_TARGET, ANY},
	{"grpc_ssl_server_name", CTX_PROXY, SINCE(1, 13, 10), SET_FLAG, NO_TARGET, ONE},
	{"grpc_ssl_session_reuse", CTX_PROXY, SINCE(1, 13, 10), SET_FLAG, NO_TARGET, ONE},
	{"grpc_ssl_trusted_certificate", CTX_PROXY, SINCE(1, 13, 10), SET_NONE, NO_TARGET, ONE},
	{"grpc_ssl_verify", CTX_PROXY, SINCE(1, 13, 10), SET_FLAG, NO_TARGET, ONE},
	{"grpc_ssl_verify_depth", CTX_PROXY, SINCE(1, 13, 10), SET_NONE, NO_TARGET, ONE},
	{"http2", CTX_SSL_HTTP, SINCE(1, 25, 1), SET_FLAG, SCOPE(http2), ONE},
	{"listen", CTX_HTTP_SRV, ALWAYS, SET_NONE, NO_TARGET, ANY},
	{"listen", CTX_STREAM_SRV, ALWAYS, SET_NONE, NO_TARGET, ANY},
	{"proxy_ssl", CTX_STREAM, ALWAYS, SET_FLAG, PROXY(enabled), ONE},
	{"proxy_ssl_alpn", CTX_STREAM, SINCE(1, 31, 0), SET_NONE, NO_TARGET, ANY},
	{"proxy_ssl_certificate", CTX_PROXY, ALWAYS, SET_STR, PROXY(certificate), ONE},
	{"proxy_ssl_certificate", CTX_STREAM, ALWAYS, SET_STR, PROXY(certificate), ONE},
	{"proxy_ssl_certificate_cache", CTX_PROXY, SINCE(1, 27, 4), SET_NONE, NO_TARGET, 1, 3, NULL},
	{"proxy_ssl_certificate_cache", CTX_STREAM, SINCE(1, 27, 4), SET_NONE, NO_TARGET, 1, 3, NULL},
	{"proxy_ssl_certificate_key", CTX_PROXY, ALWAYS, SET_STR, PROXY(certificate_key), ONE},
	{"proxy_ssl_certificate_key", CTX_STREAM, ALWAYS, SET_STR, PROXY(certificate_key), ONE},
	{"proxy_ssl_ciphers", CTX_PROXY, ALWAYS, SET_STR, PROXY(ciphers), ONE},
	{"proxy_ssl_ciphers", CTX_STREAM, ALWAYS, SET_STR, PROXY(ciphers), ONE},
	{"proxy_ssl_conf_command", CTX_PROXY, SINCE(1, 19, 4), SET_CONF_COMMAND, PROXY(conf_commands), TWO},
	{"proxy_ssl_conf_command", CTX_STREAM, SINCE(1, 19, 4), SET_CONF_COMMAND, PROXY(conf_commands), TWO},
	{"proxy_ssl_crl", CTX_PROXY, ALWAYS, SET_STR, PROXY(crl), ONE},
	{"proxy_ssl_crl", CTX_STREAM, ALWAYS, SET_STR, PROXY(crl), ONE},
	{"proxy_ssl_name", CTX_PROXY, ALWAYS, SET_STR, PROXY(name), ONE},
	{"proxy_ssl_name", CTX_STREAM, ALWAYS, SET_STR, PROXY(name), ONE},
	{"proxy_ssl_password_file", CTX_PROXY, ALWAYS, SET_STR, PROXY(password_file), ONE},
	{"proxy_ssl_password_file", CTX_STREAM, ALWAYS, SET_STR, PROXY(password_file), ONE},
	{"proxy_ssl_protocols", CTX_PROXY, ALWAYS, SET_PROTOCOLS, PROXY(protocols), ANY},
	{"proxy_ssl_protocols", CTX_STREAM, ALWAYS, SET_PROTOCOLS, PROXY(protocols), ANY},
	{"proxy_ssl_server_name", CTX_PROXY, ALWAYS, SET_FLAG, PROXY(server_name), ONE},
	{"proxy_ssl_server_name", CTX_STREAM, ALWAYS, SET_FLAG, PROXY(server_name), ONE},
	{"proxy_ssl_session_reuse", CTX_PROXY, ALWAYS, SET_FLAG, PROXY(session_reuse), ONE},
	{"proxy_ssl_session_reuse", CTX_STREAM, ALWAYS, SET_FLAG, PROXY(session_reuse), ONE},
	{"proxy_ssl_trusted_certificate", CTX_PROXY, ALWAYS, SET_STR, PROXY(trusted_certificate), ONE},
	{"proxy_ssl_trusted_certificate", CTX_STREAM, ALWAYS, SET_STR, PROXY(trusted_certificate), ONE},
	{"proxy_ssl_verify", CTX_PROXY, ALWAYS, SET_FLAG, PROXY(verify), ONE},
	{"proxy_ssl_verify", CTX_STREAM, ALWAYS, SET_FLAG, PROXY(verify), ONE},
	{"proxy_ssl_verify_depth", CTX_PROXY, ALWAYS, SET_STR, PROXY(verify_depth), ONE},
	{"proxy_ssl_verify_depth", CTX_STREAM, ALWAYS, SET_STR, PROXY(verify_depth), ONE},
	{"resolver", CTX_PROXY, ALWAYS, SET_STR, SCOPE(resolver), ANY},
	{"resolver", CTX_STREAM, SINCE(1, 11, 3), SET_STR, SCOPE(resolver), ANY},
	{"server_name", CTX_HTTP_SRV, ALWAYS, SET_NONE, NO_TARGET, ANY},
	{"server_name", CTX_STREAM_SRV, SINCE(1, 25, 5), SET_NONE, NO_TARGET, ANY},
	{"ssl", CTX_SSL_HTTP, UNTIL(1, 25, 1), SET_NONE, NO_TARGET, ONE},
	{"ssl_alpn", CTX_STREAM, SINCE(1, 21, 4), SET_STR, TLS(alpn), ANY},
	{"ssl_buffer_size", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(buffer_size), ONE},
	{"ssl_certificate", CTX_SSL_HTTP, ALWAYS, SET_CERT, TLS(certs), ONE},
	{"ssl_certificate", CTX_STREAM, ALWAYS, SET_CERT, TLS(certs), ONE},
	{"ssl_certificate_cache", CTX_SSL_HTTP, SINCE(1, 27, 4), SET_STR, TLS(certificate_cache), 1, 3, NULL},
	{"ssl_certificate_cache", CTX_STREAM, SINCE(1, 27, 4), SET_STR, TLS(certificate_cache), 1, 3, NULL},
	{"ssl_certificate_compression", CTX_SSL_HTTP, SINCE(1, 29, 1), SET_FLAG, TLS(certificate_compression), ONE},
	{"ssl_certificate_compression", CTX_STREAM, SINCE(1, 29, 1), SET_FLAG, TLS(certificate_compression), ONE},
	{"ssl_certificate_key", CTX_SSL_HTTP, ALWAYS, SET_KEY, TLS(certs), ONE},
	{"ssl_certificate_key", CTX_STREAM, ALWAYS, SET_KEY, TLS(certs), ONE},
	{"ssl_ciphers", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(ciphers), ONE},
	{"ssl_ciphers", CTX_STREAM, ALWAYS, SET_STR, TLS(ciphers), ONE},
	{"ssl_client_certificate", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(client_certificate), ONE},
	{"ssl_client_certificate", CTX_STREAM, SINCE(1, 11, 8), SET_STR, TLS(client_certificate), ONE},
	{"ssl_conf_command", CTX_SSL_HTTP, SINCE(1, 19, 4), SET_CONF_COMMAND, TLS(conf_commands), TWO},
	{"ssl_conf_command", CTX_STREAM, SINCE(1, 19, 4), SET_CONF_COMMAND, TLS(conf_commands), TWO},
	{"ssl_crl", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(crl), ONE},
	{"ssl_crl", CTX_STREAM, SINCE(1, 11, 8), SET_STR, TLS(crl), ONE},
	{"ssl_dhparam", CTX_SSL_HTTP, ALWAYS, SET_PATH, TLS(dhparam), ONE},
	{"ssl_dhparam", CTX_STREAM, ALWAYS, SET_PATH, TLS(dhparam), ONE},
	{"ssl_early_data", CTX_SSL_HTTP, SINCE(1, 15, 3), SET_FLAG, TLS(early_data), ONE},
	{"ssl_ecdh_curve", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(groups), ONE},
	{"ssl_ecdh_curve", CTX_STREAM, ALWAYS, SET_STR, TLS(groups), ONE},
	{"ssl_ech_file", CTX_SSL_HTTP, SINCE(1, 29, 4), SET_STR, TLS(ech_file), ONE},
	{"ssl_ech_file", CTX_STREAM, SINCE(1, 29, 4), SET_STR, TLS(ech_file), ONE},
	{"ssl_engine", CTX_MAIN, ALWAYS, SET_NONE, NO_TARGET, ONE},
	{"ssl_handshake_timeout", CTX_STREAM, ALWAYS, SET_STR, TLS(handshake_timeout), ONE},
	{"ssl_object_cache_inheritable", CTX_MAIN, SINCE(1, 27, 4), SET_FLAG, NO_TARGET, ONE},
	{"ssl_ocsp", CTX_SSL_HTTP, SINCE(1, 19, 0), SET_ENUM, TLS(ocsp), 1, 1, ocsp_values},
	{"ssl_ocsp", CTX_STREAM, SINCE(1, 27, 2), SET_ENUM, TLS(ocsp), 1, 1, ocsp_values},
	{"ssl_ocsp_cache", CTX_SSL_HTTP, SINCE(1, 19, 0), SET_STR, TLS(ocsp_cache), ONE},
	{"ssl_ocsp_cache", CTX_STREAM, SINCE(1, 27, 2), SET_STR, TLS(ocsp_cache), ONE},
	{"ssl_ocsp_responder", CTX_SSL_HTTP, SINCE(1, 19, 0), SET_STR, TLS(ocsp_responder), ONE},
	{"ssl_ocsp_responder", CTX_STREAM, SINCE(1, 27, 2), SET_STR, TLS(ocsp_responder), ONE},
	{"ssl_password_file", CTX_SSL_HTTP, ALWAYS, SET_PATH, TLS(password_file), ONE},
	{"ssl_password_file", CTX_STREAM, ALWAYS, SET_PATH, TLS(password_file), ONE},
	{"ssl_prefer_server_ciphers", CTX_SSL_HTTP, ALWAYS, SET_FLAG, TLS(prefer_server_ciphers), ONE},
	{"ssl_prefer_server_ciphers", CTX_STREAM, ALWAYS, SET_FLAG, TLS(prefer_server_ciphers), ONE},
	{"ssl_protocols", CTX_SSL_HTTP, ALWAYS, SET_PROTOCOLS, TLS(protocols), ANY},
	{"ssl_protocols", CTX_STREAM, ALWAYS, SET_PROTOCOLS, TLS(protocols), ANY},
	{"ssl_reject_handshake", CTX_SSL_HTTP, SINCE(1, 19, 4), SET_FLAG, TLS(reject_handshake), ONE},
	{"ssl_reject_handshake", CTX_STREAM, SINCE(1, 25, 5), SET_FLAG, TLS(reject_handshake), ONE},
	{"ssl_session_cache", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(session_cache), 1, 2, NULL},
	{"ssl_session_cache", CTX_STREAM, ALWAYS, SET_STR, TLS(session_cache), 1, 2, NULL},
	{"ssl_session_ticket_key", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(session_ticket_key), ONE},
	{"ssl_session_ticket_key", CTX_STREAM, ALWAYS, SET_STR, TLS(session_ticket_key), ONE},
	{"ssl_session_tickets", CTX_SSL_HTTP, ALWAYS, SET_FLAG, TLS(session_tickets), ONE},
	{"ssl_session_tickets", CTX_STREAM, ALWAYS, SET_FLAG, TLS(session_tickets), ONE},
	{"ssl_session_timeout", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(session_timeout), ONE},
	{"ssl_session_timeout", CTX_STREAM, ALWAYS, SET_STR, TLS(session_timeout), ONE},
	{"ssl_stapling", CTX_SSL_HTTP, ALWAYS, SET_FLAG, TLS(stapling), ONE},
	{"ssl_stapling", CTX_STREAM, SINCE(1, 27, 2), SET_FLAG, TLS(stapling), ONE},
	{"ssl_stapling_file", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(stapling_file), ONE},
	{"ssl_stapling_file", CTX_STREAM, SINCE(1, 27, 2), SET_STR, TLS(stapling_file), ONE},
	{"ssl_stapling_responder", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(stapling_responder), ONE},
	{"ssl_stapling_responder", CTX_STREAM, SINCE(1, 27, 2), SET_STR, TLS(stapling_responder), ONE},
	{"ssl_stapling_verify", CTX_SSL_HTTP, ALWAYS, SET_FLAG, TLS(stapling_verify), ONE},
	{"ssl_stapling_verify", CTX_STREAM, SINCE(1, 27, 2), SET_FLAG, TLS(stapling_verify), ONE},
	{"ssl_trusted_certificate", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(trusted_certificate), ONE},
	{"ssl_trusted_certificate", CTX_STREAM, SINCE(1, 11, 8), SET_STR, TLS(trusted_certificate), ONE},
	{"ssl_verify_client", CTX_SSL_HTTP, ALWAYS, SET_ENUM, TLS(verify_client), 1, 1, verify_client_values},
	{"ssl_verify_client", CTX_STREAM, SINCE(1, 11, 8), SET_ENUM, TLS(verify_client), 1, 1, verify_client_values},
	{"ssl_verify_depth", CTX_SSL_HTTP, ALWAYS, SET_STR, TLS(verify_depth), ONE},
	{"ssl_verify_depth", CTX_STREAM, SINCE(1, 11, 8), SET_STR, TLS(verify_depth), ONE},
	{"uwsgi_ssl_certificate", CTX_PROXY, ALWAYS, SET_NONE, NO_TARGET, ONE},
	{"uwsgi_ssl_certificate_cache", CTX_PROXY, SINCE(1, 27, 4), SET_NONE, NO_TARGET, 1, 3, NULL},
	{"uwsgi_ssl_certificate_key", CTX_PROXY, ALWAYS, SET_NONE, NO_TARGET, ONE},
	{"uwsgi_ssl_ciphers", CTX_PROXY, ALWAYS, SET_NONE, NO_TARGET, ONE},
	{"uwsgi_ssl_conf_command", CTX_PROXY, SINCE(1, 19, 4), SET_NONE, NO_TARGET, TWO},
	{"uwsgi_ssl_crl", CTX_PROXY, ALWAYS, SET_NONE, NO_TARGET, ONE},
	{"uwsgi_ssl_name", CTX_PROXY, ALWAYS, SET_NONE, NO_TARGET, ONE},
	{"uwsgi_ssl_password_file", CTX_PROXY, ALWAYS, SET_NONE, NO_TARGET, ONE},
	{"uwsgi_ssl_protocols", CTX_PROXY, ALWAYS, SET_NONE, NO_TARGET, ANY},
	{"uwsgi_ssl_server_name", CTX_PROXY, ALWAYS, SET_FLAG, NO_TARGET, ONE},
	{"uwsgi_ssl_session_reuse", CTX_PROXY, ALWAYS, SET_FLAG, NO_TARGET, ONE},
	{"uwsgi_ssl_trusted_certificate", CTX_PROXY, ALWAYS, SET_NONE, NO_TARGET, ONE},
	{"uwsgi_ssl_verify", CTX_PROXY, ALWAYS, SET_FLAG, NO_TARGET, ONE},
	{"uwsgi_ssl_verify_depth", CTX_PROXY, ALWAYS, SET_NONE, NO_TARGET, ONE},
};
/* clang-format on */

static int
compare_keyword(const void *key, const void *elem)
{
	return strcmp(key, ((const struct keyword *)elem)->name);
}

#define NKEYWORDS (sizeof(keywords) / sizeof(keywords[0]))

/* The rows named NAME (*n of them, from the one returned), or NULL. */
static const struct keyword *
find_rows(const char *name, size_t *n)
{
	const struct keyword *kw =
		bsearch(name, keywords, NKEYWORDS, sizeof(keywords[0]), compare_keyword);

	*n = 0;
	if (kw == NULL)
		return NULL;
	while (kw > keywords && strcmp(kw[-1].name, name) == 0)
		kw--;
	while (kw + *n < keywords + NKEYWORDS && strcmp(kw[*n].name, name) == 0)
		(*n)++;
	return kw;
}

static bool
version_zero(struct tl_version v)
{
	return v.major == 0 && v.minor == 0 && v.patch == 0;
}

static bool
in_version(const struct keyword *kw, struct tl_version v)
{
	return tl_version_cmp(v, kw->since) >= 0 &&
	       (version_zero(kw->until) || tl_version_cmp(v, kw->until) < 0);
}

/* "1.27.2", and "1.22" for a target given without its patch level. */
static const char *
show_version(struct tl_arena *arena, struct tl_version v)
{
	if (v.patch == 0)
		return tl_arena_printf(arena, "%u.%u", v.major, v.minor);
	return tl_arena_printf(arena, "%u.%u.%u", v.major, v.minor, v.patch);
}

static struct tl_finding *unsupported(struct lower *l, struct tl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static struct tl_finding *
unsupported(struct lower *l, struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = tl_diag_vadd(l->env->diag, TL_CK_DIRECTIVE_UNSUPPORTED, loc, fmt, ap);
	va_end(ap);
	f->server = "nginx";
	return f;
}

/*
 * The row of ROWS that the targeted nginx applies to D at level CTX, or
 * NULL once the reason it refuses D is reported: the directive does not
 * exist at that level in any version (directive-invalid), or not in the
 * targeted one (directive-unsupported, with what that nginx says), or it
 * has the wrong number of arguments.
 */
static const struct keyword *
select_row(struct lower *l, unsigned ctx, const struct tl_directive *d, const struct keyword *rows,
	   size_t n)
{
	struct tl_version target = l->env->version;
	const struct keyword *here = NULL;
	const struct keyword *kw = NULL;
	bool known = false;

	for (size_t i = 0; i < n && kw == NULL; i++) {
		if (in_version(&rows[i], target))
			known = true;
		if (!(rows[i].ctx & ctx))
			continue;
		if (in_version(&rows[i], target))
			kw = &rows[i];
		else
			here = &rows[i];
	}
	if (kw == NULL && here == NULL) {
		tl_ngx_invalid(l, d->loc, "'%s' directive is not allowed here", d->name);
		return NULL;
	}
	if (kw == NULL) {
		/* What that nginx itself prints (ngx_conf_handler). */
		const char *says = known ? "directive is not allowed here" : "unknown directive";

		if (tl_version_cmp(target, here->since) < 0)
			unsupported(
				l, d->loc,
				"'%s' is not available here before nginx %s (the target is %s): "
				"nginx %s refuses to start with '%s'",
				d->name, show_version(l->env->arena, here->since),
				show_version(l->env->arena, target),
				show_version(l->env->arena, target), says);
		else
			unsupported(
				l, d->loc,
				"'%s' was removed in nginx %s (the target is %s): nginx refuses "
				"to start with '%s'",
				d->name, show_version(l->env->arena, here->until),
				show_version(l->env->arena, target), says);
		return NULL;
	}
	if (d->block || d->nargs < kw->min_args || d->nargs > kw->max_args) {
		tl_ngx_invalid(l, d->loc, "invalid number of arguments in '%s' directive", d->name);
		return NULL;
	}
	return kw;
}

bool
tl_ngx_keyword_allowed(struct lower *l, unsigned ctx, const struct tl_directive *d)
{
	size_t n;
	const struct keyword *rows = find_rows(d->name, &n);

	return rows == NULL || select_row(l, ctx, d, rows, n) != NULL;
}

struct tl_finding *
tl_ngx_invalid(struct lower *l, struct tl_loc loc, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = tl_diag_vadd(l->env->diag, TL_CK_DIRECTIVE_INVALID, loc, fmt, ap);
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
	size_t slot;
	bool is_cert = kw->setter == SET_CERT;

	/*
	 * nginx keeps two arrays and pairs them by index: the Nth
	 * ssl_certificate_key belongs to the Nth ssl_certificate.
	 */
	slot = is_cert ? list->ncert++ : list->nkey++;
	if (slot == list->n) {
		if (list->n == list->cap) {
			list->cap = list->cap ? 2 * list->cap : 2;
			pairs = tl_arena_calloc(l->env->arena, list->cap, sizeof(*pairs));
			if (list->n)
				memcpy(pairs, list->pairs, list->n * sizeof(*pairs));
			list->pairs = pairs;
		}
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
	struct tl_conf_command *item;

	if (cmds->n == cmds->cap) {
		struct tl_conf_command *items;

		cmds->cap = cmds->cap ? 2 * cmds->cap : 4;
		items = tl_arena_calloc(l->env->arena, cmds->cap, sizeof(*items));
		if (cmds->n)
			memcpy(items, cmds->items, cmds->n * sizeof(*items));
		cmds->items = items;
	}
	item = &cmds->items[cmds->n++];
	item->name = d->args[0].text;
	item->value = d->args[1].text;
	item->loc = d->loc;
	if (cmds->v.origin != TL_ORIGIN_SET)
		cmds->v = tl_ngx_value_set(d);
}

/* All arguments, one space apart (resolver's servers and options, ssl_session_cache's caches). */
static const char *
join_args(struct tl_arena *arena, const struct tl_directive *d)
{
	size_t len = 0;
	char *s;
	char *p;

	if (d->nargs == 1)
		return d->args[0].text;
	for (size_t i = 0; i < d->nargs; i++)
		len += d->args[i].len + 1;
	s = tl_arena_alloc(arena, len + 1);
	p = s;
	for (size_t i = 0; i < d->nargs; i++) {
		if (i > 0)
			*p++ = ' ';
		memcpy(p, d->args[i].text, d->args[i].len);
		p += d->args[i].len;
	}
	*p = '\0';
	return s;
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

/* The settings struct a row writes into. */
static char *
target_base(struct scope *scope, enum target target)
{
	switch (target) {
	case TARGET_TLS:
		return (char *)&scope->tls;
	case TARGET_PROXY:
		return (char *)&scope->proxy;
	case TARGET_SCOPE:
		return (char *)scope;
	case TARGET_NONE:
		break;
	}
	return NULL;
}

/* Applies one keyword directive, already checked by select_row(), to SCOPE. */
static void
apply_keyword(struct lower *l, struct scope *scope, const struct keyword *kw,
	      const struct tl_directive *d)
{
	char *base = target_base(scope, kw->target);
	struct tl_value *v = (struct tl_value *)(base + kw->offset);

	if (base == NULL) {
		/* Not lowered, but a flag's value nginx checks all the same. */
		if (kw->setter == SET_FLAG && strcasecmp(d->args[0].text, "on") != 0 &&
		    strcasecmp(d->args[0].text, "off") != 0)
			tl_ngx_invalid(
				l, d->args[0].loc,
				"invalid value '%s' in '%s' directive, it must be 'on' or 'off'",
				d->args[0].text, d->name);
		return;
	}
	switch (kw->setter) {
	case SET_STR: {
		struct tl_str *s = (struct tl_str *)v;

		if (duplicate(l, v, d))
			return;
		s->v = tl_ngx_value_set(d);
		s->s = join_args(l->env->arena, d);
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
	case SET_NONE:
		break;
	}
}

bool
tl_ngx_apply_keyword(struct lower *l, struct scope *scope, const struct tl_directive *d)
{
	size_t n;
	const struct keyword *rows = find_rows(d->name, &n);
	const struct keyword *kw;

	if (rows == NULL)
		return false;
	kw = select_row(l, scope->ctx, d, rows, n);
	if (kw != NULL)
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
		case SET_NONE:
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
	for (size_t i = 1; i < NKEYWORDS; i++)
		if (strcmp(keywords[i - 1].name, keywords[i].name) > 0)
			return (int)i;
	return -1;
}
