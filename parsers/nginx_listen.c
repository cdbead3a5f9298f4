/*
 * Where an nginx site is reached: "listen" (address, port, and the
 * ssl/default_server/http2/quic parameters) and "server_name" (exact,
 * wildcard, dot and regex names, the regexes compiled with PCRE2 as nginx
 * does).
 */
#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/topology.h"
#include "nginx_facts.h"
#include "nginx_lower_int.h"

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

/*
 * The parameters of a stream "listen" (ngx_stream_core_listen) and the
 * release whose source first has each ({0} when 1.9.0 already had it),
 * read off every release tag: stream knows no http2, spdy or "default",
 * and default_server only since name-based stream servers.
 */
static const struct {
	const char *name; /* a trailing '=' makes it a prefix */
	struct tl_version since;
} stream_listen_params[] = {
	{"bind", {0, 0, 0}},
	{"ipv6only=", {0, 0, 0}},
	{"so_keepalive=", {0, 0, 0}},
	{"ssl", {0, 0, 0}},
	{"reuseport", {1, 9, 1}},
	{"backlog=", {1, 9, 2}},
	{"udp", {1, 9, 13}},
	{"proxy_protocol", {1, 11, 4}},
	{"rcvbuf=", {1, 13, 0}},
	{"sndbuf=", {1, 13, 0}},
	{"fastopen=", {1, 21, 0}},
	{"accept_filter=", {1, 25, 5}},
	{"default_server", {1, 25, 5}},
	{"deferred", {1, 25, 5}},
	{"setfib=", {1, 25, 5}},
	{"multipath", {1, 29, 7}},
};

/* The row of stream_listen_params P is, or NULL. */
static const struct tl_version *
stream_param_since(const char *p)
{
	for (size_t i = 0; i < sizeof(stream_listen_params) / sizeof(stream_listen_params[0]);
	     i++) {
		const char *n = stream_listen_params[i].name;
		size_t len = strlen(n);

		if (n[len - 1] == '=' ? strncmp(p, n, len) == 0 : strcmp(p, n) == 0)
			return &stream_listen_params[i].since;
	}
	return NULL;
}

/*
 * A stream listen parameter the targeted nginx refuses, reported in its
 * words ("the invalid … parameter" until 1.25.5 reworded it); true when
 * it was.
 */
static bool
stream_param_refused(struct lower *l, const struct tl_arg *a)
{
	const struct tl_version *since = stream_param_since(a->text);
	struct tl_version v = l->env->version;
	const char *words = tl_version_cmp(v, (struct tl_version){1, 25, 5}) >= 0
				    ? "invalid parameter \"%s\""
				    : "the invalid \"%s\" parameter";
	char said[320];

	if (since != NULL && tl_version_cmp(v, *since) >= 0)
		return false;
	snprintf(said, sizeof(said), words, a->text);
	if (since == NULL)
		tl_lower_invalid(
			&l->engine, a->loc,
			"invalid parameter '%s' in a stream 'listen' directive (nginx says "
			"'%s')",
			a->text, said);
	else
		tl_lower_unsupported(&l->engine, a->loc,
				     "'%s' is a stream listen parameter from nginx %u.%u.%u (the "
				     "target is %u.%u): nginx %u.%u refuses to start with '%s'",
				     a->text, since->major, since->minor, since->patch, v.major,
				     v.minor, v.major, v.minor, said);
	return true;
}

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

/*
 * A port or, for listen, a range "P1-P2" (ngx_parse_inet_url; nginx
 * 1.15.10 and later open one socket per port). Returns 0, or -1 when it
 * is not one.
 */
static int
parse_port(struct lower *l, const char *text, struct tl_listener *ls)
{
	const char *dash = strchr(text, '-');
	size_t len = dash ? (size_t)(dash - text) : strlen(text);

	if (!all_digits(text, len) || len > 5)
		return -1;
	ls->port = (unsigned)atoi(text);
	ls->last_port = ls->port;
	if (dash != NULL) {
		if (!tl_nginx_has(TL_NGX_LISTEN_PORT_RANGES, l->env->version) ||
		    !all_digits(dash + 1, strlen(dash + 1)) || strlen(dash + 1) > 5)
			return -1;
		ls->last_port = (unsigned)atoi(dash + 1);
		if (ls->last_port < ls->port || ls->last_port > 65535)
			return -1;
	}
	return ls->port > 0 && ls->port < 65536 ? 0 : -1;
}

/*
 * ngx_http_core_listen: a UDP (QUIC) listener takes none of the TCP or
 * TLS-over-TCP parameters; nginx stops at the first it finds. The TCP
 * socket options are refused from 1.25.4 (accept_filter too, but only
 * where SO_ACCEPTFILTER exists, which Linux lacks).
 */
static void
quic_incompatible(struct lower *l, const struct tl_directive *d)
{
	static const struct {
		const char *name;
		bool has_value;  /* written name=VALUE */
		bool tcp_option; /* refused from TL_NGX_QUIC_TCP_PARAMS on */
	} params[] = {
		{"ssl", false, false},
		{"http2", false, false},
		{"proxy_protocol", false, false},
		{"backlog", true, true},
		{"fastopen", true, true},
		{"deferred", false, true},
		{"so_keepalive", true, true},
	};

	for (size_t i = 1; i < d->nargs; i++) {
		const char *p = d->args[i].text;

		for (size_t k = 0; k < sizeof(params) / sizeof(params[0]); k++) {
			size_t n = strlen(params[k].name);
			bool match = params[k].has_value
					     ? strncmp(p, params[k].name, n) == 0 && p[n] == '='
					     : strcmp(p, params[k].name) == 0;

			if (!match || (params[k].tcp_option &&
				       !tl_nginx_has(TL_NGX_QUIC_TCP_PARAMS, l->env->version)))
				continue;
			tl_lower_invalid(&l->engine, d->args[i].loc,
					 "\"%s\" parameter is incompatible with \"quic\"; nginx "
					 "refuses to start (a QUIC listener is UDP: TLS over TCP "
					 "needs a listen line of its own)",
					 params[k].name);
			return;
		}
	}
}

/* Splits "addr:port", "port", "addr", "[v6]:port" as ngx_parse_url does for listen. */
static int
parse_listen_address(struct lower *l, const char *text, struct tl_listener *ls)
{
	const char *colon;

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
			ls->port = ls->last_port = 80;
			return 0;
		}
		if (end[1] != ':')
			return -1;
		return parse_port(l, end + 2, ls);
	}
	if (strspn(text, "0123456789-") == strlen(text)) {
		/* A port or a range alone; a range an older nginx cannot parse is no host name. */
		ls->addr = "*";
		return parse_port(l, text, ls);
	}
	colon = strrchr(text, ':');
	if (colon == NULL) {
		ls->addr = text;
		ls->port = ls->last_port = 80;
		return 0;
	}
	ls->addr =
		colon == text ? "*" : tl_arena_strndup(l->env->arena, text, (size_t)(colon - text));
	return parse_port(l, colon + 1, ls);
}

void
tl_ngx_lower_listen(struct lower *l, struct tl_site *site, const struct tl_directive *d)
{
	struct tl_listener *ls;

	if (d->nargs < 1 || d->block) {
		tl_lower_invalid(&l->engine, d->loc,
				 "invalid number of arguments in 'listen' directive");
		return;
	}
	ls = tl_arena_alloc(l->env->arena, sizeof(*ls));
	ls->loc = d->loc;
	ls->site = site;
	if (parse_listen_address(l, d->args[0].text, ls) != 0) {
		tl_lower_invalid(&l->engine, d->args[0].loc,
				 "invalid address or port '%s' in 'listen' directive",
				 d->args[0].text);
		return;
	}
	if (strcmp(ls->addr, "*") != 0 && ls->addr[0] != '[' && strncmp(ls->addr, "unix:", 5) != 0)
		ls->addr = tl_arena_strdup(l->env->arena, ls->addr);
	/*
	 * One address, one socket: "443", "*:443" and "0.0.0.0:443" are the
	 * same (ngx_parse_url gives INADDR_ANY for each), and so are two
	 * spellings of one IPv6 address (testdata/nginx/topology).
	 */
	{
		enum tl_addr_family family;
		bool wildcard;

		ls->addr = tl_addr_canonical(l->env->arena, ls->addr, &family, &wildcard);
	}
	for (size_t i = 1; i < d->nargs; i++) {
		const char *p = d->args[i].text;

		if (site->mode == TL_SITE_STREAM) {
			if (stream_param_refused(l, &d->args[i]))
				continue;
		} else if (!known_listen_param(p)) {
			tl_lower_invalid(&l->engine, d->args[i].loc,
					 "invalid parameter '%s' in 'listen' directive", p);
			continue;
		}
		/* The parameters that set lsopt.set in ngx_http_core_listen. */
		if (strcmp(p, "bind") == 0 || strcmp(p, "deferred") == 0 ||
		    strcmp(p, "reuseport") == 0 || strchr(p, '=') != NULL)
			ls->socket_options = true;
		if (strcmp(p, "ssl") == 0)
			ls->ssl = true;
		else if (strcmp(p, "default_server") == 0 || strcmp(p, "default") == 0)
			ls->default_server = true;
		else if (strcmp(p, "http2") == 0) {
			ls->http2 = true;
			/* ngx_http_core_listen since 1.25.1 (CHANGES: "http2" directive). */
			if (tl_nginx_has(TL_NGX_HTTP2_DIRECTIVE, l->env->version))
				tl_lower_deprecated(
					&l->engine, d->args[i].loc,
					"the \"listen ... http2\" directive is deprecated, "
					"use the \"http2\" directive instead")
					->fix =
					"remove `http2` from the `listen` on {line} and add "
					"`http2 on;` to the server";
		} else if (strcmp(p, "quic") == 0) {
			/* ngx_http_core_listen knows "quic" from 1.25.0 (the QUIC merge). */
			if (!tl_nginx_has(TL_NGX_QUIC, l->env->version)) {
				tl_lower_unsupported(
					&l->engine, d->args[i].loc,
					"'quic' is not a listen parameter before nginx "
					"1.25 (the target is %u.%u): nginx %u.%u refuses "
					"to start with 'invalid parameter \"quic\"'",
					l->env->version.major, l->env->version.minor,
					l->env->version.major, l->env->version.minor);
				/* Still modelled as meant: one cause, one finding. */
			}
			ls->quic = true;
		}
		/* nginx sets IPV6_V6ONLY on by default (1.3.4+): "[::]" is IPv6 only. */
		else if (strcmp(p, "ipv6only=off") == 0)
			ls->dual_stack = true;
	}
	if (ls->quic && site->mode == TL_SITE_HTTP && tl_nginx_has(TL_NGX_QUIC, l->env->version))
		quic_incompatible(l, d);
	tl_ptrvec_push(l->env->arena, &site->listeners, ls);
}

/* ---- server_name ---- */

static void
free_regex(void *code)
{
	pcre2_code_free(code);
}

void
tl_ngx_add_name(struct lower *l, struct tl_site *site, const struct tl_arg *a)
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
			tl_lower_invalid(
				&l->engine, a->loc,
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
		else if (strcmp(low, "$hostname") == 0)
			/* ngx_http_core_server_name: the machine's name, unknown offline. */
			n->kind = TL_NAME_HOSTNAME;
		else if (strcmp(low, "_") == 0 || strchr(low, '$') != NULL)
			/* "_" is the usual catch-all; '$' is in no host name a client sends. */
			n->kind = TL_NAME_NONE;
		else if (low[0] == '.')
			n->kind = TL_NAME_DOT;
		else if (star == low && low[1] == '.' && strchr(low + 1, '*') == NULL)
			n->kind = TL_NAME_WILDCARD_LEFT;
		else if (star != NULL && star == low + strlen(low) - 1 && star > low &&
			 star[-1] == '.' && strchr(low, '*') == star)
			n->kind = TL_NAME_WILDCARD_RIGHT;
		else if (star != NULL) {
			tl_lower_invalid(&l->engine, a->loc,
					 "invalid server name or wildcard '%s' in 'server_name'",
					 text);
			return;
		} else
			n->kind = TL_NAME_EXACT;
	}
	tl_ptrvec_push(l->env->arena, &site->names, n);
}
