/*
 * The nginx keyword table on the shared lowering engine (lower.h):
 * directive names → the levels that allow them, from which version → the
 * setter that fills a member of the model, the way nginx's own
 * ngx_command_t arrays work; nginx's own setters (protocol lists, the
 * pairing of certificates and keys by rank, ssl_conf_command) and the
 * version defaults of the same members. Directives the table does not
 * know are ignored by lowering.
 */
#include <errno.h>
#include <limits.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/fsroot.h"
#include "../src/fsutil.h"
#include "../src/keyinfo.h"
#include "lower.h"
#include "nginx_facts.h"
#include "nginx_lower_int.h"

static const char *const ocsp_values[] = {"on", "off", "leaf", NULL};

/* The nginx lowering state behind the engine's. */
static struct lower *
nginx_of(struct tl_lower *engine)
{
	return engine->server;
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
	/*
	 * "data:PEM" is the certificate or key itself (ngx_ssl_load_certificate,
	 * 1.15.10+), not a file: never reported missing. It is not analysed
	 * yet, like a path with variables (docs/design.md).
	 */
	if (strncmp(arg->text, "data:", 5) == 0 &&
	    tl_nginx_has(TL_NGX_CERT_DATA, l->env->version)) {
		/* Never quoted: it may be a private key. */
		if (strstr(arg->text, "-----BEGIN ") == NULL)
			tl_lower_invalid(
				&l->engine, arg->loc,
				"inline \"data:\" value holds no PEM block (no start line): nginx "
				"cannot load it");
		ref.dynamic = true;
		return ref;
	}
	/*
	 * Relative paths are relative to nginx's conf prefix (ngx_conf_full_name).
	 * 10,000 servers name 200 files: each is joined once.
	 */
	ref.path = tl_strmap_get(&l->joined_paths, arg->text);
	if (ref.path == NULL) {
		ref.path = tl_path_join(l->env->arena, l->prefix, arg->text);
		tl_strmap_put(&l->joined_paths, arg->text, (void *)ref.path);
	}
	return ref;
}

/* ssl_protocols, proxy_ssl_protocols: version names, ORed when repeated. */
static void
set_protocols(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	      void *field)
{
	struct tl_protocols *p = field;
	unsigned mask = 0;
	bool bad = false;

	(void)kw;
	for (size_t i = 0; i < d->nargs; i++) {
		unsigned bit = tl_protocol_bit(d->args[i].text, d->args[i].len);

		if (bit == 0) {
			tl_lower_invalid(
				engine, d->args[i].loc,
				"unknown protocol '%s' in '%s'; nginx accepts SSLv2, SSLv3, TLSv1, "
				"TLSv1.1, TLSv1.2 and TLSv1.3",
				d->args[i].text, d->name);
			bad = true;
			continue;
		}
		mask |= bit;
	}
	if (bad || p == NULL)
		return;
	/*
	 * nginx's bitmask slot ORs a repeated directive into the first
	 * instead of refusing it; the later line is the one a reader will
	 * look at, so point there.
	 */
	if (p->v.origin != TL_ORIGIN_SET)
		p->mask = 0;
	p->mask |= mask;
	p->v = tl_value_set(d);
}

static void
default_protocols(struct tl_lower *engine, const struct tl_keyword *kw, const char *value,
		  void *field)
{
	(void)engine;
	(void)kw;
	((struct tl_protocols *)field)->mask = tl_protocol_mask(value);
}

static const struct tl_setter set_protocols_row = {set_protocols, default_protocols};

static void
set_cert_or_key(struct lower *l, struct tl_cert_list *list, bool is_cert,
		const struct tl_directive *d)
{
	struct tl_cert_pair *pairs;
	size_t slot;

	/*
	 * nginx keeps two arrays and pairs them by index: the Nth
	 * ssl_certificate_key belongs to the Nth ssl_certificate.
	 */
	slot = is_cert ? list->ncert++ : list->nkey++;
	if (slot == list->n) {
		if (list->n == list->cap) {
			list->cap = list->cap ? 2 * list->cap : 1;
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
		list->v = tl_value_set(d);
}

static void
set_certificate(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		void *field)
{
	(void)kw;
	set_cert_or_key(nginx_of(engine), field, true, d);
}

static void
set_certificate_key(struct tl_lower *engine, const struct tl_keyword *kw,
		    const struct tl_directive *d, void *field)
{
	(void)kw;
	set_cert_or_key(nginx_of(engine), field, false, d);
}

static const struct tl_setter set_certificate_row = {set_certificate, NULL};
static const struct tl_setter set_certificate_key_row = {set_certificate_key, NULL};

/* ssl_conf_command NAME VALUE: kept in order, for the effective-TLS pass to fold in. */
static void
set_conf_command(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		 void *field)
{
	struct tl_conf_commands *cmds = field;
	struct tl_conf_command *item;

	(void)kw;
	if (cmds->n == cmds->cap) {
		struct tl_conf_command *items;

		cmds->cap = cmds->cap ? 2 * cmds->cap : 4;
		items = tl_arena_calloc(engine->arena, cmds->cap, sizeof(*items));
		if (cmds->n)
			memcpy(items, cmds->items, cmds->n * sizeof(*items));
		cmds->items = items;
	}
	item = &cmds->items[cmds->n++];
	item->name = d->args[0].text;
	item->value = d->args[1].text;
	item->loc = d->loc;
	if (cmds->v.origin != TL_ORIGIN_SET)
		cmds->v = tl_value_set(d);
}

static const struct tl_setter set_conf_command_row = {set_conf_command, NULL};

/* Password files are not read past this (nginx reads any size; the lines are what count). */
#define MAX_PASSWORD_FILE (64 * 1024)

/*
 * proxy_ssl_password_file and its grpc_, uwsgi_ and stream kin: nginx
 * reads the file as it reads the directive (ngx_ssl_read_password_file in
 * ngx_http_proxy_ssl_password_file and the others), so a file it cannot
 * open, or a line of 4096 bytes or more, stops it at this line whether or
 * not any key is encrypted. ssl_password_file is judged by the
 * directive-invalid check from the model; an upstream's has no check.
 */
static void
set_upstream_password(struct tl_lower *engine, const struct tl_keyword *kw,
		      const struct tl_directive *d, void *field)
{
	struct lower *l = nginx_of(engine);
	struct tl_str *s = field;
	const char *path;
	char *text = NULL;
	size_t len = 0, longest;
	int rc;

	if (s->v.origin == TL_ORIGIN_SET) {
		tl_set_str.set(engine, kw, d, field); /* "is duplicate" */
		return;
	}
	tl_set_str.set(engine, kw, d, field);
	if (l->env->fs == NULL)
		return;
	path = tl_path_join(l->env->arena, l->prefix, d->args[0].text);
	rc = tl_fs_read(l->env->fs, path, MAX_PASSWORD_FILE, &text, &len, NULL, NULL);
	if (rc < 0)
		tl_lower_invalid(engine, d->loc,
				 "password file '%s' cannot be opened (%s); nginx refuses to start",
				 d->args[0].text, tl_file_error(-rc));
	else if ((longest = tl_longest_line(text, len)) >= tl_nginx_facts.password_line_max)
		tl_lower_invalid(
			engine, d->loc,
			"password file '%s' has a line of %zu bytes, nginx reads passphrases "
			"of fewer than %zu (\"too long line\"); nginx refuses to start",
			d->args[0].text, longest, tl_nginx_facts.password_line_max);
	if (text != NULL)
		OPENSSL_cleanse(text, len); /* the passphrases */
}

static const struct tl_setter set_upstream_password_row = {set_upstream_password, NULL};

/*
 * quic_host_key FILE (1.25.0, ngx_http_quic_host_key): read as the
 * directive is, so a file nginx cannot open, or an empty one ("zero key
 * size"), stops it at this line. The key bytes are never kept or shown.
 */
static void
set_quic_host_key(struct tl_lower *engine, const struct tl_keyword *kw,
		  const struct tl_directive *d, void *field)
{
	struct lower *l = nginx_of(engine);
	const char *path;
	char *text = NULL;
	size_t len = 0;
	int rc;

	(void)kw;
	(void)field;
	if (l->env->fs == NULL)
		return;
	path = tl_path_join(l->env->arena, l->prefix, d->args[0].text);
	rc = tl_fs_read(l->env->fs, path, MAX_PASSWORD_FILE, &text, &len, NULL, NULL);
	if (rc < 0)
		tl_lower_invalid(engine, d->loc,
				 "open() \"%s\" failed (%s); nginx refuses to start",
				 d->args[0].text, tl_file_error(-rc));
	else if (len == 0)
		tl_lower_invalid(engine, d->loc, "\"%s\" zero key size; nginx refuses to start",
				 d->args[0].text);
	if (text != NULL)
		OPENSSL_cleanse(text, len);
}

static const struct tl_setter set_quic_host_key_row = {set_quic_host_key, NULL};

/* stream ssl_alpn: each protocol name fits the one length byte ALPN gives it (ngx_stream_ssl_alpn).
 */
static void
set_alpn(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	 void *field)
{
	for (size_t i = 0; i < d->nargs; i++)
		if (d->args[i].len > 255) {
			tl_lower_invalid(
				engine, d->args[i].loc,
				"\"ssl_alpn\" directive protocol too long (%zu bytes; ALPN "
				"names have at most 255)",
				(size_t)d->args[i].len);
			return;
		}
	tl_set_str.set(engine, kw, d, field);
}

static const struct tl_setter set_alpn_row = {set_alpn, NULL};

/* nginx's ngx_atoi: digits only, no sign, no overflow; -1 when not a number. */
static long long
parse_number(const char *s, size_t n)
{
	long long v = 0;

	if (n == 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || v > (LLONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * nginx durations in seconds (ngx_parse_time with is_sec, behind
 * ngx_conf_set_sec_slot): numbers with y, M (30 days), w, d, h, m, s, in
 * that order and each at most once ("1h 30m", "1h30m"); a number without a
 * unit is seconds and must come last; "ms" is refused. -1 when nginx
 * refuses the value.
 */
static long long
parse_seconds(const char *s)
{
	static const char units[] = "yMwdhms";
	static const long long scale[] = {31536000, 2592000, 604800, 86400, 3600, 60, 1};
	int step = -1; /* index into units of the last unit seen; 7 after a bare number */
	long long total = 0, value = 0;
	bool valid = false;

	while (*s) {
		const char *u;
		int idx;

		if (*s >= '0' && *s <= '9') {
			if (value > (LLONG_MAX - 9) / 10)
				return -1;
			value = value * 10 + (*s++ - '0');
			valid = true;
			continue;
		}
		if (*s == ' ') {
			idx = 7; /* a bare number ends the value */
			if (step >= 6)
				return -1;
		} else if ((u = strchr(units, *s)) != NULL && *s != '\0') {
			idx = (int)(u - units);
			if (s[0] == 'm' && s[1] == 's')
				return -1;
			if (step >= idx)
				return -1;
		} else {
			return -1;
		}
		s++;
		if (idx < 7) {
			if (value > LLONG_MAX / scale[idx])
				return -1;
			value *= scale[idx];
		}
		if (total > LLONG_MAX - value)
			return -1;
		total += value;
		value = 0;
		step = idx;
		while (*s == ' ')
			s++;
	}
	if (!valid || total > LLONG_MAX - value)
		return -1;
	return total + value;
}

/* nginx sizes (ngx_parse_size): digits with an optional k/K or m/M; -1 when not one. */
static long long
parse_size(const char *s, size_t n)
{
	long long scale = 1, v;

	if (n > 0 && (s[n - 1] == 'k' || s[n - 1] == 'K'))
		scale = 1024, n--;
	else if (n > 0 && (s[n - 1] == 'm' || s[n - 1] == 'M'))
		scale = 1024 * 1024, n--;
	v = parse_number(s, n);
	if (v < 0 || v > LLONG_MAX / scale)
		return -1;
	return v * scale;
}

/* A size (ssl_buffer_size): ngx_conf_set_size_slot refuses what ngx_parse_size cannot read. */
static void
set_size_str(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	     void *field)
{
	const char *s = d->args[0].text;

	if (parse_size(s, strlen(s)) < 0) {
		tl_lower_invalid(engine, d->args[0].loc, "\"%s\" directive invalid value", d->name);
		return;
	}
	tl_set_str.set(engine, kw, d, field);
}

static const struct tl_setter set_size_str_row = {set_size_str, NULL};

/* ssl_ecdh_curve: an empty list is what SSL_CTX_set1_curves_list refuses before any name. */
static void
set_curves(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	   void *field)
{
	if (d->args[0].text[0] == '\0') {
		tl_lower_invalid(engine, d->args[0].loc, "SSL_CTX_set1_curves_list(\"\") failed");
		return;
	}
	tl_set_str.set(engine, kw, d, field);
}

static const struct tl_setter set_curves_row = {set_curves, NULL};

static void
set_seconds(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	    void *field)
{
	struct tl_seconds *t = field;
	long long secs = parse_seconds(d->args[0].text);

	(void)kw;
	if (tl_lower_duplicate(engine, &t->v, d))
		return;
	if (secs < 0) {
		tl_lower_invalid_value(engine, d);
		return;
	}
	t->v = tl_value_set(d);
	t->seconds = secs;
}

static void
default_seconds(struct tl_lower *engine, const struct tl_keyword *kw, const char *value,
		void *field)
{
	(void)engine;
	(void)kw;
	((struct tl_seconds *)field)->seconds = parse_seconds(value);
}

static const struct tl_setter set_seconds_row = {set_seconds, default_seconds};

static void
set_count(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	  void *field)
{
	struct tl_count *c = field;
	long long n = parse_number(d->args[0].text, strlen(d->args[0].text));

	(void)kw;
	if (tl_lower_duplicate(engine, &c->v, d))
		return;
	if (n < 0) {
		tl_lower_invalid_value(engine, d);
		return;
	}
	c->v = tl_value_set(d);
	c->n = n;
}

static const struct tl_setter set_count_row = {set_count, NULL};

/*
 * ssl_certificate_cache and its proxy_/grpc_/uwsgi_ twins (1.27.4,
 * ngx_http_ssl_certificate_cache): max=N (N > 0), inactive=TIME, valid=TIME
 * or off; a cache that is not off needs max. FIELD is NULL for the twins,
 * whose value the model does not keep.
 */
static void
set_certificate_cache(struct tl_lower *engine, const struct tl_keyword *kw,
		      const struct tl_directive *d, void *field)
{
	bool off = false;
	long long max = 0;

	for (size_t i = 0; i < d->nargs; i++) {
		const char *a = d->args[i].text;
		bool ok;

		if (strncmp(a, "max=", 4) == 0) {
			max = parse_number(a + 4, strlen(a + 4));
			ok = max > 0;
		} else if (strncmp(a, "inactive=", 9) == 0) {
			ok = parse_seconds(a + 9) >= 0;
		} else if (strncmp(a, "valid=", 6) == 0) {
			ok = parse_seconds(a + 6) >= 0;
		} else {
			ok = off = strcmp(a, "off") == 0;
		}
		if (!ok) {
			tl_lower_invalid(engine, d->args[i].loc, "invalid parameter \"%s\"", a);
			return;
		}
	}
	if (!off && max == 0) {
		tl_lower_invalid(engine, d->loc, "\"%s\" must have the \"max\" parameter", d->name);
		return;
	}
	if (field != NULL)
		tl_set_str.set(engine, kw, d, field);
}

static const struct tl_setter set_certificate_cache_row = {set_certificate_cache, NULL};

static const struct {
	const char *word;
	enum tl_client_auth mode;
} client_auth_words[] = {
	{"off", TL_CLIENT_AUTH_OFF},
	{"on", TL_CLIENT_AUTH_REQUIRE},
	{"optional", TL_CLIENT_AUTH_OPTIONAL},
	{"optional_no_ca", TL_CLIENT_AUTH_OPTIONAL_ANY},
};

static int
client_auth_of(const char *word)
{
	for (size_t i = 0; i < sizeof(client_auth_words) / sizeof(client_auth_words[0]); i++)
		if (strcmp(client_auth_words[i].word, word) == 0)
			return (int)client_auth_words[i].mode;
	return -1;
}

static void
set_client_auth(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		void *field)
{
	struct tl_client_auth_setting *a = field;
	int mode = client_auth_of(d->args[0].text);

	(void)kw;
	if (tl_lower_duplicate(engine, &a->v, d))
		return;
	if (mode < 0) {
		tl_lower_invalid_value(engine, d);
		return;
	}
	a->v = tl_value_set(d);
	a->mode = (enum tl_client_auth)mode;
}

static void
default_client_auth(struct tl_lower *engine, const struct tl_keyword *kw, const char *value,
		    void *field)
{
	(void)engine;
	(void)kw;
	((struct tl_client_auth_setting *)field)->mode = (enum tl_client_auth)client_auth_of(value);
}

static const struct tl_setter set_client_auth_row = {set_client_auth, default_client_auth};

/*
 * Why nginx refuses an ssl_session_cache argument
 * (ngx_http_ssl_session_cache, ngx_shared_memory_add).
 */
enum cache_fault { CACHE_OK, CACHE_INVALID, CACHE_TOO_SMALL };

/*
 * nginx refuses shared caches under 8 memory pages; 4 KiB pages, as on
 * x86-64 and most arm64 builds, are assumed.
 */
#define SHARED_CACHE_MIN (8 * 4096)

/* "shared:name:size": the zone's name and size. */
static enum cache_fault
parse_shared(struct tl_arena *arena, const char *a, const char **name, long long *bytes)
{
	const char *colon = strchr(a + 7, ':');

	if (colon == NULL || colon == a + 7)
		return CACHE_INVALID;
	*name = tl_arena_strndup(arena, a + 7, (size_t)(colon - a - 7));
	*bytes = parse_size(colon + 1, strlen(colon + 1));
	if (*bytes < 0)
		return CACHE_INVALID;
	return *bytes < SHARED_CACHE_MIN ? CACHE_TOO_SMALL : CACHE_OK;
}

/*
 * ssl_session_cache off | none | builtin[:size] | shared:name:size, any of
 * them in any order: the last of off, none and builtin wins, shared adds a
 * cache beside it (ngx_ssl_session_cache). *BAD is the argument refused.
 */
static enum cache_fault
parse_session_cache(struct tl_arena *arena, const struct tl_directive *d,
		    struct tl_session_cache *c, const struct tl_arg **bad)
{
	enum { UNSET, OFF, NONE, BUILTIN } builtin = UNSET;

	c->builtin_size = -1;
	for (size_t i = 0; i < d->nargs; i++) {
		const char *a = d->args[i].text;
		size_t len = strlen(a);

		*bad = &d->args[i];
		if (strcmp(a, "off") == 0) {
			builtin = OFF;
		} else if (strcmp(a, "none") == 0) {
			builtin = NONE;
		} else if (strcmp(a, "builtin") == 0) {
			builtin = BUILTIN;
			c->builtin_size = -1;
		} else if (len > 8 && strncmp(a, "builtin:", 8) == 0) {
			builtin = BUILTIN;
			c->builtin_size = parse_number(a + 8, len - 8);
			if (c->builtin_size < 0)
				return CACHE_INVALID;
		} else if (len > 7 && strncmp(a, "shared:", 7) == 0) {
			enum cache_fault fault =
				parse_shared(arena, a, &c->shared_name, &c->shared_bytes);

			if (fault != CACHE_OK)
				return fault;
		} else {
			return CACHE_INVALID;
		}
	}
	c->builtin = builtin == BUILTIN;
	c->mode = builtin == OFF ? TL_CACHE_OFF : builtin == NONE ? TL_CACHE_NONE : TL_CACHE_ON;
	if (c->mode != TL_CACHE_ON)
		c->shared_name = NULL; /* off and none ignore a shared cache beside them */
	return CACHE_OK;
}

/* The tags of shared zones (struct ngx_cache_zone.use). */
enum { ZONE_SESSION, ZONE_STREAM_SESSION, ZONE_OCSP, ZONE_STREAM_OCSP };

/*
 * A shared cache's name is one shared memory zone for all of nginx: the
 * same name again must have the same size, and caches of another use
 * (http and stream, session and OCSP caches) may not share a name
 * (ngx_shared_memory_add tags zones: the session caches by module, the
 * OCSP caches by the module's context).
 */
static void
declare_shared_cache(struct lower *l, const struct tl_keyword *kw, const struct tl_arg *arg,
		     bool ocsp)
{
	bool stream = (kw->ctx & CTX_STREAM) != 0;
	unsigned use = ocsp ? (stream ? ZONE_STREAM_OCSP : ZONE_OCSP)
			    : (stream ? ZONE_STREAM_SESSION : ZONE_SESSION);
	const char *name;
	long long bytes;
	struct ngx_cache_zone *z;
	unsigned line, col;

	if (parse_shared(l->env->arena, arg->text, &name, &bytes) != CACHE_OK)
		return;
	for (z = l->cache_zones; z != NULL; z = z->next) {
		if (strcmp(z->name, name) != 0)
			continue;
		tl_loc_linecol(&z->loc, &line, &col);
		if (z->use != use)
			tl_lower_invalid(&l->engine, arg->loc,
					 "the shared memory zone \"%s\" is already declared for a "
					 "different use at %s:%u",
					 name, z->loc.src ? z->loc.src->path : "?", line);
		else if (z->bytes != bytes)
			tl_lower_invalid(
				&l->engine, arg->loc,
				"the size %lld of shared memory zone \"%s\" conflicts with "
				"already declared size %lld at %s:%u",
				bytes, name, z->bytes, z->loc.src ? z->loc.src->path : "?", line);
		return;
	}
	z = tl_arena_alloc(l->env->arena, sizeof(*z));
	z->name = name;
	z->bytes = bytes;
	z->use = use;
	z->loc = arg->loc;
	z->next = l->cache_zones;
	l->cache_zones = z;
}

/*
 * ssl_ocsp_cache off | shared:name:size (ngx_http_ssl_ocsp_cache, read
 * with the directive): anything else is invalid, a size under 8 pages too
 * small, and the zone is declared like a session cache's.
 */
static void
set_ocsp_cache(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	       void *field)
{
	struct tl_str *c = field;
	const struct tl_arg *a = &d->args[0];
	const char *name;
	long long bytes;

	if (tl_lower_duplicate(engine, &c->v, d))
		return;
	if (strcmp(a->text, "off") != 0) {
		switch (strncmp(a->text, "shared:", 7) == 0 && strlen(a->text) > 7
				? parse_shared(engine->arena, a->text, &name, &bytes)
				: CACHE_INVALID) {
		case CACHE_INVALID:
			tl_lower_invalid(engine, a->loc, "invalid OCSP cache \"%s\"", a->text);
			return;
		case CACHE_TOO_SMALL:
			tl_lower_invalid(engine, a->loc,
					 "OCSP cache \"%s\" is too small (nginx needs %d bytes at "
					 "least)",
					 a->text, SHARED_CACHE_MIN);
			return;
		case CACHE_OK:
			declare_shared_cache(nginx_of(engine), kw, a, true);
			break;
		}
	}
	tl_set_str.set(engine, kw, d, field);
}

static const struct tl_setter set_ocsp_cache_row = {set_ocsp_cache, NULL};

static void
set_session_cache(struct tl_lower *engine, const struct tl_keyword *kw,
		  const struct tl_directive *d, void *field)
{
	struct tl_session_cache *c = field;
	struct tl_session_cache parsed;
	const struct tl_arg *bad = NULL;

	if (tl_lower_duplicate(engine, &c->v, d))
		return;
	memset(&parsed, 0, sizeof(parsed));
	switch (parse_session_cache(engine->arena, d, &parsed, &bad)) {
	case CACHE_INVALID:
		tl_lower_invalid(engine, bad->loc, "invalid session cache \"%s\"", bad->text);
		return;
	case CACHE_TOO_SMALL:
		tl_lower_invalid(
			engine, bad->loc,
			"session cache \"%s\" is too small (nginx needs %d bytes at least)",
			bad->text, SHARED_CACHE_MIN);
		return;
	case CACHE_OK:
		break;
	}
	parsed.v = tl_value_set(d);
	*c = parsed;
	for (size_t i = 0; i < d->nargs; i++)
		if (strncmp(d->args[i].text, "shared:", 7) == 0)
			declare_shared_cache(nginx_of(engine), kw, &d->args[i], false);
}

static void
default_session_cache(struct tl_lower *engine, const struct tl_keyword *kw, const char *value,
		      void *field)
{
	struct tl_session_cache *c = field;

	(void)engine;
	(void)kw;
	c->mode = strcmp(value, "off") == 0 ? TL_CACHE_OFF : TL_CACHE_NONE;
	c->builtin_size = -1;
}

static const struct tl_setter set_session_cache_row = {set_session_cache, default_session_cache};

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
#define ANY 1, TL_MANY_ARGS, NULL
#define NO_TARGET TL_NO_TARGET, 0
#define TLS(m) NGX_TARGET_TLS, offsetof(struct tl_tls, m)
#define PROXY(m) NGX_TARGET_PROXY, offsetof(struct tl_upstream_tls, m)
#define GRPC(m) NGX_TARGET_GRPC, offsetof(struct tl_upstream_tls, m)
#define UWSGI(m) NGX_TARGET_UWSGI, offsetof(struct tl_upstream_tls, m)
#define SCOPE(m) NGX_TARGET_SCOPE, offsetof(struct scope, m)

/*
 * One row per directive and module: ssl_certificate is a row of the http
 * SSL module and one of the stream SSL module, with their own contexts
 * and the version each came in (or left). The facts are read off the
 * ngx_command_t tables of ngx_http_ssl_module.c, ngx_stream_ssl_module.c,
 * ngx_http_proxy_module.c, ngx_stream_proxy_module.c,
 * ngx_http_grpc_module.c, ngx_http_uwsgi_module.c, ngx_http_v2_module.c,
 * ngx_event_openssl.c, ngx_event_openssl_cache.c and the core modules at
 * every release tag of the nginx repository from 1.9.0 to 1.31.4: SINCE
 * is the first release whose table has the row ({0} when 1.9.0 already
 * had it), UNTIL the first that no longer has it. Sorted by name for
 * bsearch, a name's rows together; a unit test checks the order.
 */
/* clang-format off */
static const struct tl_keyword keywords[] = {
	{"grpc_ssl_certificate", CTX_PROXY, SINCE(1, 13, 10), &tl_set_str, GRPC(certificate), ONE, "client certificate for TLS to a gRPC backend"},
	{"grpc_ssl_certificate_cache", CTX_PROXY, SINCE(1, 27, 4), &set_certificate_cache_row, NO_TARGET, 1, 3, NULL, "cache of gRPC client certificates named with variables"},
	{"grpc_ssl_certificate_key", CTX_PROXY, SINCE(1, 13, 10), &tl_set_str, GRPC(certificate_key), ONE, "key of the gRPC client certificate"},
	{"grpc_ssl_ciphers", CTX_PROXY, SINCE(1, 13, 10), &tl_set_str, GRPC(ciphers), ONE, "TLS <= 1.2 cipher string towards gRPC backends"},
	{"grpc_ssl_conf_command", CTX_PROXY, SINCE(1, 19, 4), &set_conf_command_row, GRPC(conf_commands), TWO, "raw OpenSSL command for TLS to gRPC backends"},
	{"grpc_ssl_crl", CTX_PROXY, SINCE(1, 13, 10), &tl_set_str, GRPC(crl), ONE, "revoked gRPC backend certificates"},
	{"grpc_ssl_name", CTX_PROXY, SINCE(1, 13, 10), &tl_set_str, GRPC(name), ONE, "name the gRPC backend certificate is checked against"},
	{"grpc_ssl_password_file", CTX_PROXY, SINCE(1, 13, 10), &set_upstream_password_row, GRPC(password_file), ONE, "passphrases of the gRPC client key"},
	{"grpc_ssl_protocols", CTX_PROXY, SINCE(1, 13, 10), &set_protocols_row, GRPC(protocols), ANY, "protocol versions towards gRPC backends"},
	{"grpc_ssl_server_name", CTX_PROXY, SINCE(1, 13, 10), &tl_set_flag, GRPC(server_name), ONE, "send SNI to gRPC backends"},
	{"grpc_ssl_session_reuse", CTX_PROXY, SINCE(1, 13, 10), &tl_set_flag, GRPC(session_reuse), ONE, "reuse TLS sessions with gRPC backends"},
	{"grpc_ssl_trusted_certificate", CTX_PROXY, SINCE(1, 13, 10), &tl_set_str, GRPC(trusted_certificate), ONE, "CAs that gRPC backend certificates must chain to"},
	{"grpc_ssl_verify", CTX_PROXY, SINCE(1, 13, 10), &tl_set_flag, GRPC(verify), ONE, "verify gRPC backend certificates"},
	{"grpc_ssl_verify_depth", CTX_PROXY, SINCE(1, 13, 10), &set_count_row, GRPC(verify_depth), ONE, "depth of gRPC backend chain verification"},
	{"http2", CTX_SSL_HTTP, SINCE(1, 25, 1), &tl_set_flag, SCOPE(http2), ONE, "HTTP/2 on the server's TLS listeners"},
	/* HTTP/3 and QUIC: ngx_http_v3_module's commands, from release-1.25.0 (main and server). */
	{"http3", CTX_SSL_HTTP, SINCE(1, 25, 0), &tl_set_flag, NO_TARGET, ONE, "HTTP/3 on the server's QUIC listeners"},
	{"http3_hq", CTX_SSL_HTTP, SINCE(1, 25, 0), &tl_set_flag, NO_TARGET, ONE, "HTTP/0.9 over QUIC, for interop tests"},
	{"http3_max_concurrent_streams", CTX_SSL_HTTP, SINCE(1, 25, 0), &tl_set_none, NO_TARGET, ONE, "HTTP/3 streams a connection may open"},
	{"http3_stream_buffer_size", CTX_SSL_HTTP, SINCE(1, 25, 0), &tl_set_none, NO_TARGET, ONE, "buffer of an HTTP/3 stream"},
	{"listen", CTX_HTTP_SRV, ALWAYS, &tl_set_none, NO_TARGET, ANY, "an address and port the server listens on, and how"},
	{"listen", CTX_STREAM_SRV, ALWAYS, &tl_set_none, NO_TARGET, ANY, "an address and port the server listens on, and how"},
	{"proxy_ssl", CTX_STREAM, ALWAYS, &tl_set_flag, PROXY(enabled), ONE, "TLS to the stream backend"},
	{"proxy_ssl_alpn", CTX_STREAM, SINCE(1, 31, 0), &tl_set_none, NO_TARGET, ANY, "ALPN protocols offered to the stream backend"},
	{"proxy_ssl_certificate", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(certificate), ONE, "client certificate for TLS to the backend"},
	{"proxy_ssl_certificate", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(certificate), ONE, "client certificate for TLS to the backend"},
	{"proxy_ssl_certificate_cache", CTX_PROXY, SINCE(1, 27, 4), &set_certificate_cache_row, NO_TARGET, 1, 3, NULL, "cache of backend client certificates named with variables"},
	{"proxy_ssl_certificate_cache", CTX_STREAM, SINCE(1, 27, 4), &set_certificate_cache_row, NO_TARGET, 1, 3, NULL, "cache of backend client certificates named with variables"},
	{"proxy_ssl_certificate_key", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(certificate_key), ONE, "key of the backend client certificate"},
	{"proxy_ssl_certificate_key", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(certificate_key), ONE, "key of the backend client certificate"},
	{"proxy_ssl_ciphers", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(ciphers), ONE, "TLS <= 1.2 cipher string towards the backend"},
	{"proxy_ssl_ciphers", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(ciphers), ONE, "TLS <= 1.2 cipher string towards the backend"},
	{"proxy_ssl_conf_command", CTX_PROXY, SINCE(1, 19, 4), &set_conf_command_row, PROXY(conf_commands), TWO, "raw OpenSSL command for TLS to the backend"},
	{"proxy_ssl_conf_command", CTX_STREAM, SINCE(1, 19, 4), &set_conf_command_row, PROXY(conf_commands), TWO, "raw OpenSSL command for TLS to the backend"},
	{"proxy_ssl_crl", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(crl), ONE, "revoked backend certificates"},
	{"proxy_ssl_crl", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(crl), ONE, "revoked backend certificates"},
	{"proxy_ssl_name", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(name), ONE, "name the backend certificate is checked against (and sent as SNI)"},
	{"proxy_ssl_name", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(name), ONE, "name the backend certificate is checked against (and sent as SNI)"},
	{"proxy_ssl_password_file", CTX_PROXY, ALWAYS, &set_upstream_password_row, PROXY(password_file), ONE, "passphrases of the backend client key"},
	{"proxy_ssl_password_file", CTX_STREAM, ALWAYS, &set_upstream_password_row, PROXY(password_file), ONE, "passphrases of the backend client key"},
	{"proxy_ssl_protocols", CTX_PROXY, ALWAYS, &set_protocols_row, PROXY(protocols), ANY, "protocol versions towards the backend"},
	{"proxy_ssl_protocols", CTX_STREAM, ALWAYS, &set_protocols_row, PROXY(protocols), ANY, "protocol versions towards the backend"},
	{"proxy_ssl_server_name", CTX_PROXY, ALWAYS, &tl_set_flag, PROXY(server_name), ONE, "send SNI to the backend"},
	{"proxy_ssl_server_name", CTX_STREAM, ALWAYS, &tl_set_flag, PROXY(server_name), ONE, "send SNI to the backend"},
	{"proxy_ssl_session_reuse", CTX_PROXY, ALWAYS, &tl_set_flag, PROXY(session_reuse), ONE, "reuse TLS sessions with the backend"},
	{"proxy_ssl_session_reuse", CTX_STREAM, ALWAYS, &tl_set_flag, PROXY(session_reuse), ONE, "reuse TLS sessions with the backend"},
	{"proxy_ssl_trusted_certificate", CTX_PROXY, ALWAYS, &tl_set_str, PROXY(trusted_certificate), ONE, "CAs that backend certificates must chain to"},
	{"proxy_ssl_trusted_certificate", CTX_STREAM, ALWAYS, &tl_set_str, PROXY(trusted_certificate), ONE, "CAs that backend certificates must chain to"},
	{"proxy_ssl_verify", CTX_PROXY, ALWAYS, &tl_set_flag, PROXY(verify), ONE, "verify the backend certificate"},
	{"proxy_ssl_verify", CTX_STREAM, ALWAYS, &tl_set_flag, PROXY(verify), ONE, "verify the backend certificate"},
	{"proxy_ssl_verify_depth", CTX_PROXY, ALWAYS, &set_count_row, PROXY(verify_depth), ONE, "depth of backend chain verification"},
	{"proxy_ssl_verify_depth", CTX_STREAM, ALWAYS, &set_count_row, PROXY(verify_depth), ONE, "depth of backend chain verification"},
	{"quic_active_connection_id_limit", CTX_SSL_HTTP, SINCE(1, 25, 0), &tl_set_none, NO_TARGET, ONE, "QUIC connection IDs a client may use"},
	/* ngx_quic_bpf_module (Linux builds with BPF, 1.25.0): main context only. */
	{"quic_bpf", CTX_MAIN, SINCE(1, 25, 0), &tl_set_flag, NO_TARGET, ONE, "route QUIC packets to workers with eBPF"},
	{"quic_gso", CTX_SSL_HTTP, SINCE(1, 25, 0), &tl_set_flag, NO_TARGET, ONE, "segmentation offload for QUIC"},
	{"quic_host_key", CTX_SSL_HTTP, SINCE(1, 25, 0), &set_quic_host_key_row, NO_TARGET, ONE, "key of QUIC address validation tokens"},
	{"quic_retry", CTX_SSL_HTTP, SINCE(1, 25, 0), &tl_set_flag, NO_TARGET, ONE, "QUIC address validation (Retry)"},
	{"resolver", CTX_PROXY, ALWAYS, &tl_set_str, SCOPE(resolver), ANY, "DNS servers (for OCSP stapling and variable backends)"},
	{"resolver", CTX_STREAM, SINCE(1, 11, 3), &tl_set_str, SCOPE(resolver), ANY, "DNS servers (for OCSP stapling and variable backends)"},
	{"server_name", CTX_HTTP_SRV, ALWAYS, &tl_set_none, NO_TARGET, ANY, "the names a server answers to"},
	{"server_name", CTX_STREAM_SRV, SINCE(1, 25, 5), &tl_set_none, NO_TARGET, ANY, "the names a server answers to"},
	{"ssl", CTX_SSL_HTTP, UNTIL(1, 25, 1), &tl_set_none, NO_TARGET, ONE, "TLS on every listen of the server (removed in 1.25.1)"},
	{"ssl_alpn", CTX_STREAM, SINCE(1, 21, 4), &set_alpn_row, TLS(alpn), ANY, "ALPN protocols the stream server accepts"},
	{"ssl_buffer_size", CTX_SSL_HTTP, ALWAYS, &set_size_str_row, TLS(buffer_size), ONE, "size of TLS records sent"},
	{"ssl_certificate", CTX_SSL_HTTP, ALWAYS, &set_certificate_row, TLS(certs), ONE, "a certificate (and chain) file the server serves"},
	{"ssl_certificate", CTX_STREAM, ALWAYS, &set_certificate_row, TLS(certs), ONE, "a certificate (and chain) file the server serves"},
	{"ssl_certificate_cache", CTX_SSL_HTTP, SINCE(1, 27, 4), &set_certificate_cache_row, TLS(certificate_cache), 1, 3, NULL, "cache of certificates named with variables"},
	{"ssl_certificate_cache", CTX_STREAM, SINCE(1, 27, 4), &set_certificate_cache_row, TLS(certificate_cache), 1, 3, NULL, "cache of certificates named with variables"},
	{"ssl_certificate_compression", CTX_SSL_HTTP, SINCE(1, 29, 1), &tl_set_flag, TLS(certificate_compression), ONE, "certificate compression (RFC 8879)"},
	{"ssl_certificate_compression", CTX_STREAM, SINCE(1, 29, 1), &tl_set_flag, TLS(certificate_compression), ONE, "certificate compression (RFC 8879)"},
	{"ssl_certificate_key", CTX_SSL_HTTP, ALWAYS, &set_certificate_key_row, TLS(certs), ONE, "the key of the certificate of the same rank"},
	{"ssl_certificate_key", CTX_STREAM, ALWAYS, &set_certificate_key_row, TLS(certs), ONE, "the key of the certificate of the same rank"},
	{"ssl_ciphers", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(ciphers), ONE, "TLS <= 1.2 cipher string"},
	{"ssl_ciphers", CTX_STREAM, ALWAYS, &tl_set_str, TLS(ciphers), ONE, "TLS <= 1.2 cipher string"},
	{"ssl_client_certificate", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(client_certificate), ONE, "CAs for client certificates, sent to clients"},
	{"ssl_client_certificate", CTX_STREAM, SINCE(1, 11, 8), &tl_set_str, TLS(client_certificate), ONE, "CAs for client certificates, sent to clients"},
	{"ssl_conf_command", CTX_SSL_HTTP, SINCE(1, 19, 4), &set_conf_command_row, TLS(conf_commands), TWO, "raw OpenSSL configuration command"},
	{"ssl_conf_command", CTX_STREAM, SINCE(1, 19, 4), &set_conf_command_row, TLS(conf_commands), TWO, "raw OpenSSL configuration command"},
	{"ssl_crl", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(crl), ONE, "revoked client certificates"},
	{"ssl_crl", CTX_STREAM, SINCE(1, 11, 8), &tl_set_str, TLS(crl), ONE, "revoked client certificates"},
	{"ssl_dhparam", CTX_SSL_HTTP, ALWAYS, &tl_set_path, TLS(dhparam), ONE, "DH parameters for DHE suites"},
	{"ssl_dhparam", CTX_STREAM, ALWAYS, &tl_set_path, TLS(dhparam), ONE, "DH parameters for DHE suites"},
	{"ssl_early_data", CTX_SSL_HTTP, SINCE(1, 15, 3), &tl_set_flag, TLS(early_data), ONE, "TLS 1.3 0-RTT early data"},
	{"ssl_ecdh_curve", CTX_SSL_HTTP, ALWAYS, &set_curves_row, TLS(groups), ONE, "ECDH curves / groups offered"},
	{"ssl_ecdh_curve", CTX_STREAM, ALWAYS, &set_curves_row, TLS(groups), ONE, "ECDH curves / groups offered"},
	{"ssl_ech_file", CTX_SSL_HTTP, SINCE(1, 29, 4), &tl_set_str, TLS(ech_file), ONE, "Encrypted ClientHello keys"},
	{"ssl_ech_file", CTX_STREAM, SINCE(1, 29, 4), &tl_set_str, TLS(ech_file), ONE, "Encrypted ClientHello keys"},
	{"ssl_engine", CTX_MAIN, ALWAYS, &tl_set_none, NO_TARGET, ONE, "OpenSSL hardware engine"},
	{"ssl_handshake_timeout", CTX_STREAM, ALWAYS, &tl_set_str, TLS(handshake_timeout), ONE, "time a stream TLS handshake may take"},
	{"ssl_object_cache_inheritable", CTX_MAIN, SINCE(1, 27, 4), &tl_set_flag, NO_TARGET, ONE, "certificate caches kept across reloads"},
	{"ssl_ocsp", CTX_SSL_HTTP, SINCE(1, 19, 0), &tl_set_enum, TLS(ocsp), 1, 1, ocsp_values, "OCSP checking of client certificates"},
	{"ssl_ocsp", CTX_STREAM, SINCE(1, 27, 2), &tl_set_enum, TLS(ocsp), 1, 1, ocsp_values, "OCSP checking of client certificates"},
	{"ssl_ocsp_cache", CTX_SSL_HTTP, SINCE(1, 19, 0), &set_ocsp_cache_row, TLS(ocsp_cache), ONE, "cache of client certificate OCSP answers"},
	{"ssl_ocsp_cache", CTX_STREAM, SINCE(1, 27, 2), &set_ocsp_cache_row, TLS(ocsp_cache), ONE, "cache of client certificate OCSP answers"},
	{"ssl_ocsp_responder", CTX_SSL_HTTP, SINCE(1, 19, 0), &tl_set_str, TLS(ocsp_responder), ONE, "OCSP responder for client certificates"},
	{"ssl_ocsp_responder", CTX_STREAM, SINCE(1, 27, 2), &tl_set_str, TLS(ocsp_responder), ONE, "OCSP responder for client certificates"},
	{"ssl_password_file", CTX_SSL_HTTP, ALWAYS, &tl_set_path, TLS(password_file), ONE, "passphrases of encrypted keys, one a line"},
	{"ssl_password_file", CTX_STREAM, ALWAYS, &tl_set_path, TLS(password_file), ONE, "passphrases of encrypted keys, one a line"},
	{"ssl_prefer_server_ciphers", CTX_SSL_HTTP, ALWAYS, &tl_set_flag, TLS(options[TL_OPT_SERVER_PREFERENCE]), ONE, "the server's cipher order over the client's"},
	{"ssl_prefer_server_ciphers", CTX_STREAM, ALWAYS, &tl_set_flag, TLS(options[TL_OPT_SERVER_PREFERENCE]), ONE, "the server's cipher order over the client's"},
	/* ngx_stream_ssl_preread_module: reads the ClientHello, terminates nothing. */
	{"ssl_preread", CTX_STREAM, SINCE(1, 11, 5), &tl_set_none, NO_TARGET, ONE, "read SNI and ALPN from the ClientHello"},
	{"ssl_protocols", CTX_SSL_HTTP, ALWAYS, &set_protocols_row, TLS(protocols), ANY, "protocol versions enabled"},
	{"ssl_protocols", CTX_STREAM, ALWAYS, &set_protocols_row, TLS(protocols), ANY, "protocol versions enabled"},
	{"ssl_reject_handshake", CTX_SSL_HTTP, SINCE(1, 19, 4), &tl_set_flag, TLS(reject_handshake), ONE, "refuse TLS handshakes to this server"},
	{"ssl_reject_handshake", CTX_STREAM, SINCE(1, 25, 5), &tl_set_flag, TLS(reject_handshake), ONE, "refuse TLS handshakes to this server"},
	{"ssl_session_cache", CTX_SSL_HTTP, ALWAYS, &set_session_cache_row, TLS(session_cache), 1, 2, NULL, "TLS session cache"},
	{"ssl_session_cache", CTX_STREAM, ALWAYS, &set_session_cache_row, TLS(session_cache), 1, 2, NULL, "TLS session cache"},
	{"ssl_session_ticket_key", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(session_ticket_key), ONE, "file of session ticket keys"},
	{"ssl_session_ticket_key", CTX_STREAM, ALWAYS, &tl_set_str, TLS(session_ticket_key), ONE, "file of session ticket keys"},
	{"ssl_session_tickets", CTX_SSL_HTTP, ALWAYS, &tl_set_flag, TLS(options[TL_OPT_SESSION_TICKETS]), ONE, "TLS session tickets"},
	{"ssl_session_tickets", CTX_STREAM, ALWAYS, &tl_set_flag, TLS(options[TL_OPT_SESSION_TICKETS]), ONE, "TLS session tickets"},
	{"ssl_session_timeout", CTX_SSL_HTTP, ALWAYS, &set_seconds_row, TLS(session_timeout), ONE, "lifetime of cached sessions"},
	{"ssl_session_timeout", CTX_STREAM, ALWAYS, &set_seconds_row, TLS(session_timeout), ONE, "lifetime of cached sessions"},
	{"ssl_stapling", CTX_SSL_HTTP, ALWAYS, &tl_set_flag, TLS(stapling), ONE, "OCSP stapling"},
	{"ssl_stapling", CTX_STREAM, SINCE(1, 27, 2), &tl_set_flag, TLS(stapling), ONE, "OCSP stapling"},
	{"ssl_stapling_file", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(stapling_file), ONE, "a stapled OCSP answer read from a file"},
	{"ssl_stapling_file", CTX_STREAM, SINCE(1, 27, 2), &tl_set_str, TLS(stapling_file), ONE, "a stapled OCSP answer read from a file"},
	{"ssl_stapling_responder", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(stapling_responder), ONE, "OCSP responder for stapling"},
	{"ssl_stapling_responder", CTX_STREAM, SINCE(1, 27, 2), &tl_set_str, TLS(stapling_responder), ONE, "OCSP responder for stapling"},
	{"ssl_stapling_verify", CTX_SSL_HTTP, ALWAYS, &tl_set_flag, TLS(stapling_verify), ONE, "verify stapled OCSP answers"},
	{"ssl_stapling_verify", CTX_STREAM, SINCE(1, 27, 2), &tl_set_flag, TLS(stapling_verify), ONE, "verify stapled OCSP answers"},
	{"ssl_trusted_certificate", CTX_SSL_HTTP, ALWAYS, &tl_set_str, TLS(trusted_certificate), ONE, "CAs for stapling and client certificates, not sent"},
	{"ssl_trusted_certificate", CTX_STREAM, SINCE(1, 11, 8), &tl_set_str, TLS(trusted_certificate), ONE, "CAs for stapling and client certificates, not sent"},
	{"ssl_verify_client", CTX_SSL_HTTP, ALWAYS, &set_client_auth_row, TLS(verify_client), ONE, "client certificate verification"},
	{"ssl_verify_client", CTX_STREAM, SINCE(1, 11, 8), &set_client_auth_row, TLS(verify_client), ONE, "client certificate verification"},
	{"ssl_verify_depth", CTX_SSL_HTTP, ALWAYS, &set_count_row, TLS(verify_depth), ONE, "depth of client chain verification"},
	{"ssl_verify_depth", CTX_STREAM, SINCE(1, 11, 8), &set_count_row, TLS(verify_depth), ONE, "depth of client chain verification"},
	{"uwsgi_ssl_certificate", CTX_PROXY, ALWAYS, &tl_set_str, UWSGI(certificate), ONE, "client certificate for TLS to a uwsgi backend"},
	{"uwsgi_ssl_certificate_cache", CTX_PROXY, SINCE(1, 27, 4), &set_certificate_cache_row, NO_TARGET, 1, 3, NULL, "cache of uwsgi client certificates named with variables"},
	{"uwsgi_ssl_certificate_key", CTX_PROXY, ALWAYS, &tl_set_str, UWSGI(certificate_key), ONE, "key of the uwsgi client certificate"},
	{"uwsgi_ssl_ciphers", CTX_PROXY, ALWAYS, &tl_set_str, UWSGI(ciphers), ONE, "TLS <= 1.2 cipher string towards uwsgi backends"},
	{"uwsgi_ssl_conf_command", CTX_PROXY, SINCE(1, 19, 4), &set_conf_command_row, UWSGI(conf_commands), TWO, "raw OpenSSL command for TLS to uwsgi backends"},
	{"uwsgi_ssl_crl", CTX_PROXY, ALWAYS, &tl_set_str, UWSGI(crl), ONE, "revoked uwsgi backend certificates"},
	{"uwsgi_ssl_name", CTX_PROXY, ALWAYS, &tl_set_str, UWSGI(name), ONE, "name the uwsgi backend certificate is checked against"},
	{"uwsgi_ssl_password_file", CTX_PROXY, ALWAYS, &set_upstream_password_row, UWSGI(password_file), ONE, "passphrases of the uwsgi client key"},
	{"uwsgi_ssl_protocols", CTX_PROXY, ALWAYS, &set_protocols_row, UWSGI(protocols), ANY, "protocol versions towards uwsgi backends"},
	{"uwsgi_ssl_server_name", CTX_PROXY, ALWAYS, &tl_set_flag, UWSGI(server_name), ONE, "send SNI to uwsgi backends"},
	{"uwsgi_ssl_session_reuse", CTX_PROXY, ALWAYS, &tl_set_flag, UWSGI(session_reuse), ONE, "reuse TLS sessions with uwsgi backends"},
	{"uwsgi_ssl_trusted_certificate", CTX_PROXY, ALWAYS, &tl_set_str, UWSGI(trusted_certificate), ONE, "CAs that uwsgi backend certificates must chain to"},
	{"uwsgi_ssl_verify", CTX_PROXY, ALWAYS, &tl_set_flag, UWSGI(verify), ONE, "verify uwsgi backend certificates"},
	{"uwsgi_ssl_verify_depth", CTX_PROXY, ALWAYS, &set_count_row, UWSGI(verify_depth), ONE, "depth of uwsgi backend chain verification"},
};
/* clang-format on */

const struct tl_keyword_table tl_nginx_keywords = {
	keywords,
	sizeof(keywords) / sizeof(keywords[0]),
	false,
};

/* What nginx prints when it refuses a directive (ngx_conf_handler). */
const struct tl_server_words tl_nginx_words = {
	.server = "nginx",
	.unknown = "unknown directive",
	.not_allowed = "directive is not allowed here",
	/* Most slots refuse a second value ("is duplicate"); bitmask and array slots do not. */
	.refuses_duplicates = true,
	/* The TLS directives of the http, stream, proxy, grpc and uwsgi modules. */
	.tls_prefixes =
		(const char *const[]){"ssl_", "proxy_ssl_", "grpc_ssl_", "uwsgi_ssl_", NULL},
	.unknown_fmt = "unknown directive \"%s\"",
};

bool
tl_ngx_apply_keyword(struct lower *l, struct scope *scope, const struct tl_directive *d)
{
	void *targets[NGX_NTARGETS] = {
		[NGX_TARGET_TLS] = &scope->tls,
		[NGX_TARGET_PROXY] = &scope->up[NGX_UP_PROXY],
		[NGX_TARGET_GRPC] = &scope->up[NGX_UP_GRPC],
		[NGX_TARGET_UWSGI] = &scope->up[NGX_UP_UWSGI],
		[NGX_TARGET_SCOPE] = scope,
	};

	return tl_keyword_apply(&l->engine, &tl_nginx_keywords, scope->ctx, targets, d);
}

bool
tl_ngx_keyword_allowed(struct lower *l, unsigned ctx, const struct tl_directive *d)
{
	return tl_keyword_allowed(&l->engine, &tl_nginx_keywords, ctx, d);
}

/*
 * grpc_ssl_* and uwsgi_ssl_* default to what proxy_ssl_* does: the three
 * merge functions set the same values (ngx_http_grpc_merge_loc_conf,
 * ngx_http_uwsgi_merge_loc_conf), so the facts are kept once.
 */
static const char *
nginx_default(const struct tl_keyword *kw, struct tl_version version)
{
	static const char *const kin[] = {"grpc_ssl_", "uwsgi_ssl_"};

	for (size_t i = 0; i < sizeof(kin) / sizeof(kin[0]); i++)
		if (strncmp(kw->name, kin[i], strlen(kin[i])) == 0) {
			char name[64];

			snprintf(name, sizeof(name), "proxy_ssl_%s", kw->name + strlen(kin[i]));
			return tl_nginx_default(name, version, NULL);
		}
	return tl_nginx_default(kw->name, version, NULL);
}

void
tl_ngx_compute_defaults(struct lower *l, void *settings, unsigned target)
{
	tl_keyword_defaults(&l->engine, &tl_nginx_keywords, target, settings, nginx_default,
			    l->default_note);
}
