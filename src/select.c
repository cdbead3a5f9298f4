/*
 * SNI selection per socket. Host names are compared in lower case (the
 * model's names are lowered by lowering). Only nginx drops a trailing dot
 * from the name sent (clients following RFC 6066 send none). Globs and
 * regexes are matched with PCRE2.
 */
#include "select.h"

#include <ctype.h>
#include <pcre2.h>
#include <string.h>

#define MAX_HOST 256

/* No site's name matched: the default site, or none at all under strict names. */
static struct tl_site *
fallback(const struct tl_socket *sock)
{
	return sock->strict_names ? NULL : sock->default_site;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool
regex_matches(const struct tl_name *name, const char *sni)
{
	pcre2_match_data *md;
	int rc;

	if (name->regex == NULL)
		return false;
	md = pcre2_match_data_create_from_pattern(name->regex, NULL);
	if (md == NULL)
		return false;
	rc = pcre2_match(name->regex, (PCRE2_SPTR)sni, strlen(sni), 0, 0, md, NULL);
	pcre2_match_data_free(md);
	return rc >= 0;
}

static void
free_code(void *code)
{
	pcre2_code_free(code);
}

bool
tl_name_compile_glob(struct tl_arena *arena, struct tl_name *name)
{
	/* ^ $ and every character escaped but * and ?; at most 2 bytes out per byte in. */
	size_t n = strlen(name->name);
	char *pattern = tl_arena_alloc(arena, 2 * n + 3);
	char *p = pattern;
	int err;
	PCRE2_SIZE off;

	*p++ = '^';
	for (const char *s = name->name; *s; s++) {
		if (*s == '*') {
			*p++ = '.';
			*p++ = '*';
		} else if (*s == '?') {
			*p++ = '.';
		} else {
			if (!isalnum((unsigned char)*s))
				*p++ = '\\';
			*p++ = *s;
		}
	}
	*p++ = '$';
	*p = '\0';
	name->regex = pcre2_compile((PCRE2_SPTR)pattern, (PCRE2_SIZE)(p - pattern),
				    PCRE2_CASELESS | PCRE2_DOTALL, &err, &off, NULL);
	if (name->regex == NULL)
		return false;
	tl_arena_defer(arena, free_code, name->regex);
	return true;
}

bool
tl_name_matches(const struct tl_name *name, const char *sni)
{
	const char *n = name->name;

	switch (name->kind) {
	case TL_NAME_EXACT:
		return strcmp(n, sni) == 0;
	case TL_NAME_WILDCARD_LEFT: /* "*.x": any name under x */
		return ends_with(sni, n + 1) && strlen(sni) > strlen(n + 1);
	case TL_NAME_DOT: /* ".x": x and any name under it */
		return strcmp(sni, n + 1) == 0 || (ends_with(sni, n) && strlen(sni) > strlen(n));
	case TL_NAME_WILDCARD_RIGHT: /* "x.*": x followed by anything */
		return strncmp(sni, n, strlen(n) - 1) == 0 && strlen(sni) > strlen(n) - 1;
	case TL_NAME_WILDCARD_ONE: { /* "*.x": one label, then x */
		const char *dot = strchr(sni, '.');

		return dot != NULL && dot > sni && strcmp(dot, n + 1) == 0;
	}
	case TL_NAME_GLOB: /* compiled by tl_name_compile_glob */
	case TL_NAME_REGEX:
		return regex_matches(name, sni);
	case TL_NAME_EMPTY:
	case TL_NAME_NONE:
	case TL_NAME_HOSTNAME:
		break;
	}
	return false;
}

/* How specific a wildcard match is: the length of what it fixes. */
static size_t
fixed_length(const struct tl_name *name)
{
	return strlen(name->name) - 1;
}

/* nginx: exact, longest leading wildcard, longest trailing wildcard, regex in order. */
static struct tl_site *
best_match(const struct tl_socket *sock, const char *sni)
{
	struct tl_site *lead = NULL, *trail = NULL, *regex = NULL;
	size_t lead_len = 0, trail_len = 0;

	for (size_t i = 0; i < sock->sites.len; i++) {
		struct tl_site *site = sock->sites.items[i];

		for (size_t k = 0; k < site->names.len; k++) {
			const struct tl_name *name = site->names.items[k];

			if (!tl_name_matches(name, sni))
				continue;
			switch (name->kind) {
			case TL_NAME_EXACT:
				/* The first server with the name wins (nginx warns of a conflict).
				 */
				return site;
			case TL_NAME_WILDCARD_LEFT:
			case TL_NAME_DOT:
				if (fixed_length(name) > lead_len) {
					lead = site;
					lead_len = fixed_length(name);
				}
				break;
			case TL_NAME_WILDCARD_RIGHT:
				if (fixed_length(name) > trail_len) {
					trail = site;
					trail_len = fixed_length(name);
				}
				break;
			case TL_NAME_REGEX:
				if (regex == NULL)
					regex = site;
				break;
			default:
				break;
			}
		}
	}
	return lead ? lead : trail ? trail : regex ? regex : fallback(sock);
}

/* httpd: the first site in config order with a name that matches. */
static struct tl_site *
first_match(const struct tl_socket *sock, const char *sni)
{
	for (size_t i = 0; i < sock->sites.len; i++) {
		struct tl_site *site = sock->sites.items[i];

		for (size_t k = 0; k < site->names.len; k++)
			if (tl_name_matches(site->names.items[k], sni))
				return site;
	}
	return fallback(sock);
}

static bool
excludes(const struct tl_site *site, const char *sni)
{
	for (size_t k = 0; k < site->names.len; k++) {
		const struct tl_name *name = site->names.items[k];

		if (name->negated && strcmp(name->name, sni) == 0)
			return true;
	}
	return false;
}

/* HAProxy: exact names first, then one-label wildcards, negations honoured. */
static struct tl_site *
cert_names(const struct tl_socket *sock, const char *sni)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < sock->sites.len; i++) {
			struct tl_site *site = sock->sites.items[i];

			if (excludes(site, sni))
				continue;
			for (size_t k = 0; k < site->names.len; k++) {
				const struct tl_name *name = site->names.items[k];
				bool wild = name->kind == TL_NAME_WILDCARD_ONE;

				if (!name->negated && wild == (pass == 1) &&
				    tl_name_matches(name, sni))
					return site;
			}
		}
	return fallback(sock);
}

struct tl_site *
tl_socket_select(const struct tl_socket *sock, const char *sni)
{
	char host[MAX_HOST];
	size_t n;

	if (sni == NULL || sni[0] == '\0')
		return fallback(sock);
	n = strlen(sni);
	if (n >= sizeof(host)) /* longer than any host name: no site has it */
		return fallback(sock);
	for (size_t i = 0; i < n; i++)
		host[i] = (char)tolower((unsigned char)sni[i]);
	host[n] = '\0';
	switch (sock->select) {
	case TL_SELECT_BEST_MATCH:
		/* nginx drops one trailing dot (ngx_http_validate_host); the others compare as
		 * sent. */
		if (n > 1 && host[n - 1] == '.')
			host[n - 1] = '\0';
		return best_match(sock, host);
	case TL_SELECT_FIRST_MATCH:
		return first_match(sock, host);
	case TL_SELECT_CERT_NAMES:
		return cert_names(sock, host);
	}
	return fallback(sock);
}

void
tl_select_index_init(struct tl_select_index *ix, struct tl_arena *arena,
		     const struct tl_socket *sock)
{
	bool patterns = false, negations = false;

	ix->sock = sock;
	tl_strmap_init(&ix->exact, arena);
	for (size_t i = 0; i < sock->sites.len; i++) {
		struct tl_site *site = sock->sites.items[i];

		for (size_t k = 0; k < site->names.len; k++) {
			const struct tl_name *name = site->names.items[k];

			negations = negations || name->negated;
			if (name->kind != TL_NAME_EXACT) {
				patterns = true;
				continue;
			}
			if (!name->negated && tl_strmap_get(&ix->exact, name->name) == NULL)
				tl_strmap_put(&ix->exact, name->name, site);
		}
	}
	ix->usable = sock->select == TL_SELECT_BEST_MATCH ||
		     (sock->select == TL_SELECT_CERT_NAMES && !negations) ||
		     (sock->select == TL_SELECT_FIRST_MATCH && !patterns);
}

struct tl_site *
tl_select_indexed(const struct tl_select_index *ix, const char *sni)
{
	char host[MAX_HOST];
	size_t n = sni != NULL ? strlen(sni) : 0;
	struct tl_site *site;

	if (!ix->usable || n == 0 || n >= sizeof(host))
		return tl_socket_select(ix->sock, sni);
	for (size_t i = 0; i < n; i++)
		host[i] = (char)tolower((unsigned char)sni[i]);
	host[n] = '\0';
	if (ix->sock->select == TL_SELECT_BEST_MATCH && n > 1 && host[n - 1] == '.')
		host[n - 1] = '\0';
	site = tl_strmap_get(&ix->exact, host);
	return site != NULL ? site : tl_socket_select(ix->sock, sni);
}
