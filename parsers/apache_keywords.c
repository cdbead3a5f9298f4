/*
 * The httpd keyword table on the shared lowering engine: mod_ssl's
 * directives (modules/ssl/mod_ssl.c ssl_config_cmds, with the contexts of
 * its SSL_CMD_SRV/ALL/PXY/DIR macros and the GLOBAL_ONLY checks of its
 * handlers), the core's Protocols and mod_proxy's SSL side, each with the
 * module that provides it; httpd's own setters beside them, written to
 * ssl_engine_config.c's rules, and the version defaults.
 */
#include <limits.h>
#include <openssl/ssl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../src/fsutil.h"
#include "apache_facts.h"
#include "apache_lower_int.h"

static struct tl_file_ref
file_ref(struct tl_lower *engine, const struct tl_arg *arg)
{
	struct tl_file_ref ref = {0};

	ref.written = arg->text;
	ref.loc = arg->loc;
	/* An ENGINE or PKCS#11 key identifier is no file. */
	if (strncmp(arg->text, "pkcs11:", 7) == 0) {
		ref.dynamic = true;
		return ref;
	}
	/* Relative to the ServerRoot (ap_server_root_relative). */
	ref.path = tl_path_join(engine->arena, engine->prefix, arg->text);
	return ref;
}

/* What httpd asks of a path a directive names when it reads the line (ssl_util_path_check). */
enum ap_path_check {
	AP_CHECK_FILE,   /* a regular file, not empty (SSL_PCM_EXISTS|ISREG|ISNONZERO) */
	AP_CHECK_DIR,    /* a directory (SSL_PCM_EXISTS|ISDIR) */
	AP_CHECK_EXISTS, /* anything (SSLPassPhraseDialog exec:) */
};

static bool path_ok(struct tl_lower *engine, const char *name, const struct tl_arg *arg,
		    const char *written, enum ap_path_check check);
static void set_str(struct tl_lower *engine, const struct tl_keyword *kw,
		    const struct tl_directive *d, void *field);

/* ---- flags: the engine's tl_set_flag, in httpd's words (bad_flag_fmt, ap_set_flag_slot) ---- */

/*
 * SSLCompression on: refused when the OpenSSL in use has no compression
 * method (ssl_cmd_SSLCompression), as Debian's and most builds of OpenSSL 3.
 * The linked libssl stands for the server's.
 */
static void
set_compression(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		void *field)
{
	tl_set_flag.set(engine, kw, d, field);
	if (((struct tl_flag *)field)->on && ((struct tl_flag *)field)->v.dir == d &&
	    sk_SSL_COMP_num(SSL_COMP_get_compression_methods()) <= 0) {
		tl_lower_invalid(engine, d->args[0].loc,
				 "This version of OpenSSL does not have any compression methods "
				 "available, cannot enable SSLCompression.");
		((struct tl_flag *)field)->v.origin = TL_ORIGIN_UNSET;
	}
}

static const struct tl_setter set_compression_row = {set_compression, tl_default_flag};

/* SSLEngine on | off (| optional, which 2.4.64 dropped: the port then speaks plain HTTP). */
static void
set_engine(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	   void *field)
{
	struct tl_flag *f = field;
	const char *arg = d->args[0].text;

	(void)kw;
	if (strcasecmp(arg, "optional") == 0) {
		f->v = tl_value_set(d);
		f->on = false;
		return;
	}
	if (strcasecmp(arg, "on") != 0 && strcasecmp(arg, "off") != 0) {
		tl_lower_invalid(engine, d->args[0].loc, "Argument must be On or Off");
		return;
	}
	f->v = tl_value_set(d);
	f->on = strcasecmp(arg, "on") == 0;
}

static const struct tl_setter set_engine_row = {set_engine, tl_default_flag};

/* ---- SSLProtocol (ssl_cmd_protocol_parse, ssl_init_ctx_protocol) ---- */

/*
 * Parses an SSLProtocol/SSLProxyProtocol line. Each line starts from no
 * version; +X adds, -X removes, a bare X replaces what is there. "all" is
 * TLSv1 to TLSv1.2 and, from 2.4.36, TLSv1.3; OpenSSL 3 has no SSLv3.
 * Returns false with *why set when httpd refuses the line.
 */
static bool
parse_protocols(struct tl_lower *engine, const struct tl_directive *d, unsigned *out,
		const struct tl_arg **bad, const char **why, const struct tl_arg **overrides)
{
	unsigned all = TL_PROTO_TLSv1 | TL_PROTO_TLSv1_1 | TL_PROTO_TLSv1_2;
	unsigned mask = 0;

	if (tl_apache_has(TL_AP_TLS13, engine->version))
		all |= TL_PROTO_TLSv1_3;
	for (size_t i = 0; i < d->nargs; i++) {
		const char *w = d->args[i].text;
		char action = 0;
		unsigned bit;

		if (*w == '+' || *w == '-')
			action = *w++;
		*bad = &d->args[i];
		if (strcasecmp(w, "all") == 0) {
			bit = all;
		} else if (strcasecmp(w, "SSLv2") == 0) {
			if (action == '-')
				continue;
			*why = "SSLProtocol: SSLv2 is no longer supported";
			return false;
		} else if (strcasecmp(w, "SSLv3") == 0) {
			if (action == '-')
				continue;
			*why = "SSLv3 not supported by this version of OpenSSL";
			return false;
		} else if (strcasecmp(w, "TLSv1") == 0) {
			bit = TL_PROTO_TLSv1;
		} else if (strcasecmp(w, "TLSv1.1") == 0) {
			bit = TL_PROTO_TLSv1_1;
		} else if (strcasecmp(w, "TLSv1.2") == 0) {
			bit = TL_PROTO_TLSv1_2;
		} else if (strcasecmp(w, "TLSv1.3") == 0 &&
			   tl_apache_has(TL_AP_TLS13, engine->version)) {
			bit = TL_PROTO_TLSv1_3;
		} else {
			*why = tl_arena_printf(engine->arena, "SSLProtocol: Illegal protocol '%s'",
					       w);
			return false;
		}
		if (action == '-')
			mask &= ~bit;
		else if (action == '+')
			mask |= bit;
		else {
			/* A bare keyword replaces: httpd warns AH02532 when something was set. */
			if (mask != 0 && *overrides == NULL)
				*overrides = &d->args[i];
			mask = bit;
		}
	}
	*out = mask;
	return true;
}

/*
 * What OpenSSL gets (ssl_init_ctx_protocol with OpenSSL >= 1.1): the
 * highest version enabled, down to the lowest that leaves no gap.
 */
static unsigned
without_holes(unsigned mask)
{
	unsigned out = 0;
	unsigned bit = TL_PROTO_TLSv1_3;

	while (bit && !(mask & bit))
		bit >>= 1;
	while (bit && (mask & bit)) {
		out |= bit;
		bit >>= 1;
	}
	return out;
}

static void
set_protocols(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	      void *field)
{
	struct tl_protocols *p = field;
	const struct tl_arg *bad = NULL, *overrides = NULL;
	const char *why = NULL;
	unsigned mask;

	(void)kw;
	if (!parse_protocols(engine, d, &mask, &bad, &why, &overrides)) {
		tl_lower_invalid(engine, bad->loc, "%s", why);
		return;
	}
	if (overrides != NULL) {
		struct tl_finding *f = tl_lower_overridden(
			engine, overrides->loc,
			"%s: Protocol '%s' overrides already set parameter(s) (httpd warns "
			"AH02532): a word without + or - replaces the versions before it; write "
			"'+%s'",
			d->name, overrides->text, overrides->text);

		f->fix = "write {dir} on {line} with a `+` in front, as every version after "
			 "the first: `SSLProtocol {protocols+}`";
	}
	p->v = tl_value_set(d);
	p->mask = without_holes(mask);
}

static void
default_protocols(struct tl_lower *engine, const struct tl_keyword *kw, const char *value,
		  void *field)
{
	unsigned mask = 0;
	char *copy = tl_arena_strdup(engine->arena, value);
	char *save = NULL;

	(void)kw;
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		unsigned bit =
			strcasecmp(w + 1, "SSLv3") == 0 ? 0
			: strcasecmp(w, "all") == 0
				? (TL_PROTO_TLSv1 | TL_PROTO_TLSv1_1 | TL_PROTO_TLSv1_2 |
				   (tl_apache_has(TL_AP_TLS13, engine->version) ? TL_PROTO_TLSv1_3
										: 0))
				: 0;

		if (w[0] == '-')
			mask &= ~bit;
		else
			mask |= bit;
	}
	((struct tl_protocols *)field)->mask = mask;
}

static const struct tl_setter set_protocols_row = {set_protocols, default_protocols};

/* ---- SSLCipherSuite [SSL|TLSv1.3] spec (ssl_cmd_SSLCipherSuite) ---- */

static void
set_ciphers(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	    void *field)
{
	struct tl_tls *tls = (struct tl_tls *)((char *)field - kw->offset);
	const char *proto = d->nargs == 2 ? d->args[0].text : "SSL";
	const struct tl_arg *spec = &d->args[d->nargs - 1];

	if (strcmp(proto, "SSL") == 0) {
		/* mod_ssl always disables NULL and export ciphers. */
		tls->ciphers.v = tl_value_set(d);
		tls->ciphers.s =
			tl_arena_printf(engine->arena, "%s:!aNULL:!eNULL:!EXP", spec->text);
	} else if (strcmp(proto, "TLSv1.3") == 0 && tl_apache_has(TL_AP_TLS13, engine->version)) {
		tls->ciphersuites.v = tl_value_set(d);
		tls->ciphersuites.s = spec->text;
	} else {
		tl_lower_invalid(engine, d->args[0].loc, "protocol '%s' not supported", proto);
	}
}

static void
default_ciphers(struct tl_lower *engine, const struct tl_keyword *kw, const char *value,
		void *field)
{
	(void)engine;
	(void)kw;
	((struct tl_str *)field)->s = value;
}

static const struct tl_setter set_ciphers_row = {set_ciphers, default_ciphers};

/*
 * SSLProxyCipherSuite [SSL|TLSv1.3] spec (ssl_cmd_SSLProxyCipherSuite): the
 * cipher string, with the suffix mod_ssl adds, or the TLS 1.3 suites;
 * another protocol word is refused as apache2 -t reads the line.
 */
static void
set_proxy_ciphers(struct tl_lower *engine, const struct tl_keyword *kw,
		  const struct tl_directive *d, void *field)
{
	struct ap_scope *scope = field;
	const char *proto = d->nargs == 2 ? d->args[0].text : "SSL";
	const struct tl_arg *spec = &d->args[d->nargs - 1];

	if (strcmp(proto, "SSL") == 0) {
		scope->proxy.ciphers.v = tl_value_set(d);
		scope->proxy.ciphers.s =
			tl_arena_printf(engine->arena, "%s:!aNULL:!eNULL:!EXP", spec->text);
	} else if (strcmp(proto, "TLSv1.3") == 0 && tl_apache_has(TL_AP_TLS13, engine->version)) {
		set_str(engine, kw, d, &scope->proxy_verify.suites13);
		scope->proxy_verify.suites13.s = spec->text;
	} else {
		tl_lower_invalid(engine, d->args[0].loc, "protocol '%s' not supported", proto);
	}
}

static const struct tl_setter set_proxy_ciphers_row = {set_proxy_ciphers, NULL};

/* In a directory context only the SSL slot exists; it renegotiates per request. */
static void
set_dir_ciphers(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		void *field)
{
	(void)kw;
	(void)field;
	if (d->nargs == 2 && strcmp(d->args[0].text, "SSL") != 0) {
		if (strcmp(d->args[0].text, "TLSv1.3") == 0)
			tl_lower_invalid(
				engine, d->args[0].loc,
				"TLSv1.3 ciphers cannot be set inside a directory context");
		else
			tl_lower_invalid(engine, d->args[0].loc, "protocol '%s' not supported",
					 d->args[0].text);
	}
}

static const struct tl_setter set_dir_ciphers_row = {set_dir_ciphers, NULL};

/* ---- certificates: kept per level in order, paired after the merge (apache_lower.c) ---- */

static void
push_file(struct tl_lower *engine, struct ap_files *files, const struct tl_directive *d)
{
	if (files->n == files->cap) {
		size_t cap = files->cap ? 2 * files->cap : 4;
		struct tl_file_ref *refs = tl_arena_calloc(engine->arena, cap, sizeof(*refs));
		struct tl_loc *dirs = tl_arena_calloc(engine->arena, cap, sizeof(*dirs));

		if (files->n) {
			memcpy(refs, files->refs, files->n * sizeof(*refs));
			memcpy(dirs, files->dirs, files->n * sizeof(*dirs));
		}
		files->refs = refs;
		files->dirs = dirs;
		files->cap = cap;
	}
	files->refs[files->n] = file_ref(engine, &d->args[0]);
	files->dirs[files->n] = d->loc;
	files->n++;
}

static void
set_file_list(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	      void *field)
{
	(void)kw;
	push_file(engine, field, d);
}

static const struct tl_setter set_file_list_row = {set_file_list, NULL};

static void
set_chain(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	  void *field)
{
	struct ap_chain *c = field;

	(void)kw;
	c->v = tl_value_set(d);
	c->ref = file_ref(engine, &d->args[0]);
	/* httpd reads it without a word; only its documentation retires it. */
	tl_lower_deprecated(engine, d->loc,
			    "SSLCertificateChainFile is deprecated since httpd 2.4.8: put the "
			    "intermediate certificates after the certificate in SSLCertificateFile "
			    "and remove this line")
		->fix = "append the certificates of the file named on {line} to the "
			"`SSLCertificateFile` file, after the leaf, and delete {line}";
}

static const struct tl_setter set_chain_row = {set_chain, NULL};

/* ---- SSLOpenSSLConfCmd name value (ssl_cmd_SSLOpenSSLConfCmd) ---- */

/* The type SSL_CONF gives NAME as mod_ssl asks (file, server, certificate commands). */
static int
conf_command_type(const char *name)
{
	SSL_CONF_CTX *cctx = SSL_CONF_CTX_new();
	int type;

	if (cctx == NULL)
		abort();
	SSL_CONF_CTX_set_flags(cctx, SSL_CONF_FLAG_FILE | SSL_CONF_FLAG_SERVER |
					     SSL_CONF_FLAG_CERTIFICATE | SSL_CONF_FLAG_SHOW_ERRORS);
	type = SSL_CONF_cmd_value_type(cctx, name);
	SSL_CONF_CTX_free(cctx);
	return type;
}

static void
set_conf_command(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		 void *field)
{
	struct tl_tls *tls = (struct tl_tls *)((char *)field - kw->offset);
	struct tl_conf_commands *cmds = field;
	struct tl_conf_command *item;
	const char *name = d->args[0].text;
	const char *value = d->args[1].text;
	int type = conf_command_type(name);

	if (type == SSL_CONF_TYPE_UNKNOWN) {
		tl_lower_invalid(engine, d->args[0].loc,
				 "'%s': invalid OpenSSL configuration command", name);
		return;
	}
	/* ssl_cmd_SSLOpenSSLConfCmd checks the files and directories commands name. */
	if (type == SSL_CONF_TYPE_FILE || type == SSL_CONF_TYPE_DIR) {
		if (!path_ok(engine, kw->name, &d->args[1], value,
			     type == SSL_CONF_TYPE_FILE ? AP_CHECK_FILE : AP_CHECK_DIR))
			return;
		value = tl_path_join(engine->arena, engine->prefix, value);
	}
	if (strcasecmp(name, "CipherString") == 0)
		value = tl_arena_printf(engine->arena, "%s:!aNULL:!eNULL:!EXP", value);
	if (strcasecmp(name, "DHParameters") == 0) {
		/* The DH parameters, as nginx's ssl_dhparam gives them. */
		tls->dhparam.v = tl_value_set(d);
		tls->dhparam.s = d->args[1].text;
		tls->dhparam.path = value;
	}
	if (cmds->n == cmds->cap) {
		size_t cap = cmds->cap ? 2 * cmds->cap : 4;
		struct tl_conf_command *items = tl_arena_calloc(engine->arena, cap, sizeof(*items));

		if (cmds->n)
			memcpy(items, cmds->items, cmds->n * sizeof(*items));
		cmds->items = items;
		cmds->cap = cap;
	}
	item = &cmds->items[cmds->n++];
	item->name = name;
	item->value = value;
	item->loc = d->loc;
	item->written = d->args[1].text;
	item->written_loc = d->args[1].loc;
	if (cmds->v.origin != TL_ORIGIN_SET)
		cmds->v = tl_value_set(d);
}

static const struct tl_setter set_conf_command_row = {set_conf_command, NULL};

/* ---- session caches (ssl_cmd_SSLSessionCache, SSLStaplingCache) ---- */

/* The socache module a provider name needs. */
static const char *
socache_module(const char *provider)
{
	static const char *const known[][2] = {
		{"shmcb", "socache_shmcb_module"}, {"dbm", "socache_dbm_module"},
		{"dc", "socache_dc_module"},       {"memcache", "socache_memcache_module"},
		{"redis", "socache_redis_module"}, {"default", "socache_shmcb_module"},
	};

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcasecmp(provider, known[i][0]) == 0)
			return known[i][1];
	return NULL;
}

/* True when the provider of ARG ("shmcb:/path(512000)") is loaded; else the finding. */
static bool
provider_loaded(struct tl_lower *engine, const struct tl_directive *d, const char *what)
{
	const char *arg = d->args[0].text;
	size_t n = strcspn(arg, ":");
	char *provider = tl_arena_strndup(engine->arena, arg, n);
	const char *module = socache_module(provider);

	if (module != NULL && tl_ap_has_module(engine, module))
		return true;
	tl_lower_invalid(engine, d->args[0].loc,
			 "%s: '%s' %s cache not supported. Maybe you need to load the "
			 "appropriate socache module (mod_socache_%s?).",
			 d->name, provider, what, provider);
	return false;
}

/*
 * What mod_socache_shmcb's create refuses in "shmcb:PATH(SIZE)" (the part
 * after the colon), in its words; NULL when it accepts ARGS. The size is
 * read with strtol into a size_t, so a negative one is too large.
 */
static const char *
shmcb_args_error(const char *args)
{
	const char *open = strrchr(args, '(');
	size_t len = strlen(args);
	char *end;
	long size;

	if (len == 0)
		return NULL;
	if (open == NULL)
		return args[len - 1] == ')' ? "Invalid argument: no opening parenthesis" : NULL;
	if (args[len - 1] != ')')
		return "Invalid argument: no closing parenthesis or cache size missing after "
		       "pathname with parenthesis";
	size = strtol(open + 1, &end, 10);
	if (end != args + len - 1)
		return "Invalid argument: cache size not numerical";
	if (size >= 0 && size < 8192)
		return "Invalid argument: size has to be >= 8192 bytes";
	if (size < 0 || (unsigned long)size >= UINT_MAX)
		return "Invalid argument: size has to be < 4294967295 bytes on this platform";
	return NULL;
}

/* True when the provider of D's argument accepts what follows its colon; else the finding. */
static bool
cache_args_ok(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d)
{
	const char *arg = d->args[0].text;
	const char *colon = strchr(arg, ':');
	size_t n = colon != NULL ? (size_t)(colon - arg) : strlen(arg);
	const char *why;

	/* "default" is shmcb under another name (mod_socache_shmcb registers both). */
	if ((n != 5 || strncasecmp(arg, "shmcb", 5) != 0) &&
	    (n != 7 || strncasecmp(arg, "default", 7) != 0))
		return true;
	why = colon != NULL ? shmcb_args_error(colon + 1) : NULL;
	if (why == NULL)
		return true;
	tl_lower_invalid(engine, d->args[0].loc, "%s: %s", kw->name, why);
	return false;
}

static void
set_session_cache(struct tl_lower *engine, const struct tl_keyword *kw,
		  const struct tl_directive *d, void *field)
{
	struct tl_session_cache *c = field;
	const char *arg = d->args[0].text;

	(void)kw;
	memset(c, 0, sizeof(*c));
	c->v = tl_value_set(d);
	c->builtin_size = -1;
	if (strcasecmp(arg, "none") == 0 || strcasecmp(arg, "nonenotnull") == 0) {
		c->mode = TL_CACHE_NONE;
		return;
	}
	if (!provider_loaded(engine, d, "session") || !cache_args_ok(engine, kw, d)) {
		c->v.origin = TL_ORIGIN_UNSET;
		return;
	}
	c->mode = TL_CACHE_ON;
	c->shared_name = arg;
}

static void
default_session_cache(struct tl_lower *engine, const struct tl_keyword *kw, const char *value,
		      void *field)
{
	(void)engine;
	(void)kw;
	(void)value;
	((struct tl_session_cache *)field)->mode = TL_CACHE_NONE;
}

static const struct tl_setter set_session_cache_row = {set_session_cache, default_session_cache};

static void
set_stapling_cache(struct tl_lower *engine, const struct tl_keyword *kw,
		   const struct tl_directive *d, void *field)
{
	struct tl_str *s = field;

	if (!provider_loaded(engine, d, "stapling") || !cache_args_ok(engine, kw, d))
		return;
	s->v = tl_value_set(d);
	s->s = d->args[0].text;
}

static const struct tl_setter set_stapling_cache_row = {set_stapling_cache, NULL};

/* ---- numbers, client authentication, passphrases ---- */

/*
 * A number as httpd reads one, with atoi(3): leading blanks, an optional
 * sign and the digits that follow; whatever comes after is ignored, and no
 * digits at all is 0. So "300s" is 300 and "abc" is 0, both accepted
 * (ssl_cmd_SSLSessionCacheTimeout, ssl_cmd_verify_depth_parse only refuse
 * a negative result). Clamped to int, as atoi's result is.
 */
static long long
atoi_value(const char *s)
{
	long long n = 0;
	bool negative = false;

	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '+' || *s == '-')
		negative = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++)
		if (n <= INT_MAX)
			n = n * 10 + (*s - '0');
	if (n > INT_MAX)
		n = INT_MAX;
	return negative ? -n : n;
}

static void
set_seconds(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	    void *field)
{
	struct tl_seconds *t = field;
	long long n = atoi_value(d->args[0].text);

	(void)kw;
	if (n < 0) {
		tl_lower_invalid(engine, d->args[0].loc, "%s: Invalid argument", d->name);
		return;
	}
	t->v = tl_value_set(d);
	t->seconds = n;
}

static void
default_seconds(struct tl_lower *engine, const struct tl_keyword *kw, const char *value,
		void *field)
{
	(void)engine;
	(void)kw;
	((struct tl_seconds *)field)->seconds = atoi_value(value);
}

static const struct tl_setter set_seconds_row = {set_seconds, default_seconds};

static void
set_count(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	  void *field)
{
	struct tl_count *c = field;
	long long n = atoi_value(d->args[0].text);

	(void)kw;
	if (n < 0) {
		tl_lower_invalid(engine, d->args[0].loc, "%s: Invalid argument '%s'", d->name,
				 d->args[0].text);
		return;
	}
	if (c == NULL)
		return;
	c->v = tl_value_set(d);
	c->n = n;
}

static void
default_count(struct tl_lower *engine, const struct tl_keyword *kw, const char *value, void *field)
{
	(void)engine;
	(void)kw;
	((struct tl_count *)field)->n = atoi_value(value);
}

static const struct tl_setter set_count_row = {set_count, default_count};

/*
 * The OCSP and stapling times and SSLRenegBufferSize: atoi, refused only
 * when negative, each in its handler's words (kept nowhere in the model).
 */
static void
set_nonnegative(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		void *field)
{
	(void)field;
	if (atoi_value(d->args[0].text) >= 0)
		return;
	if (strcasecmp(kw->name, "SSLRenegBufferSize") == 0)
		tl_lower_invalid(engine, d->args[0].loc, "Invalid size for SSLRenegBufferSize: %s",
				 d->args[0].text);
	else
		tl_lower_invalid(engine, d->args[0].loc, "%s: invalid argument", kw->name);
}

static const struct tl_setter set_nonnegative_row = {set_nonnegative, NULL};

static const struct {
	const char *word;
	enum tl_client_auth mode;
} verify_words[] = {
	{"none", TL_CLIENT_AUTH_OFF},          {"off", TL_CLIENT_AUTH_OFF},
	{"optional", TL_CLIENT_AUTH_OPTIONAL}, {"require", TL_CLIENT_AUTH_REQUIRE},
	{"on", TL_CLIENT_AUTH_REQUIRE},        {"optional_no_ca", TL_CLIENT_AUTH_OPTIONAL_ANY},
};

static int
verify_mode(const char *word)
{
	for (size_t i = 0; i < sizeof(verify_words) / sizeof(verify_words[0]); i++)
		if (strcasecmp(word, verify_words[i].word) == 0)
			return (int)verify_words[i].mode;
	return -1;
}

static void
set_verify(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	   void *field)
{
	struct tl_client_auth_setting *a = field;
	int mode = verify_mode(d->args[0].text);

	(void)kw;
	if (mode < 0) {
		tl_lower_invalid(engine, d->args[0].loc, "%s: Invalid argument '%s'", d->name,
				 d->args[0].text);
		return;
	}
	if (a == NULL)
		return;
	a->v = tl_value_set(d);
	a->mode = (enum tl_client_auth)mode;
}

static void
default_verify(struct tl_lower *engine, const struct tl_keyword *kw, const char *value, void *field)
{
	(void)engine;
	(void)kw;
	((struct tl_client_auth_setting *)field)->mode = (enum tl_client_auth)verify_mode(value);
}

static const struct tl_setter set_verify_row = {set_verify, default_verify};

/* SSLProxyVerify none|optional|require|optional_no_ca: verify when it is not none. */
static void
set_proxy_verify(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		 void *field)
{
	struct tl_flag *f = field;
	int mode = verify_mode(d->args[0].text);

	(void)kw;
	if (mode < 0) {
		tl_lower_invalid(engine, d->args[0].loc, "%s: Invalid argument '%s'", d->name,
				 d->args[0].text);
		return;
	}
	f->v = tl_value_set(d);
	f->on = mode == TL_CLIENT_AUTH_REQUIRE || mode == TL_CLIENT_AUTH_OPTIONAL;
}

static void
default_proxy_verify(struct tl_lower *engine, const struct tl_keyword *kw, const char *value,
		     void *field)
{
	(void)engine;
	(void)kw;
	((struct tl_flag *)field)->on = strcasecmp(value, "none") != 0;
}

static const struct tl_setter set_proxy_verify_row = {set_proxy_verify, default_proxy_verify};

/* SSLPassPhraseDialog builtin | exec:/path | |/path: a program is noted, never run. */
static void
set_passphrase(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	       void *field)
{
	struct tl_str *s = field;
	const char *arg = d->args[0].text;

	(void)kw;
	/* ssl_cmd_SSLPassPhraseDialog: "builtin" in any case; "exec:" and "|" need a path. */
	if (strcasecmp(arg, "builtin") == 0) {
		memset(s, 0, sizeof(*s));
		return;
	}
	if (!(strncmp(arg, "exec:", 5) == 0 && arg[5] != '\0') &&
	    !(arg[0] == '|' && arg[1] != '\0')) {
		tl_lower_invalid(engine, d->args[0].loc, "SSLPassPhraseDialog: Invalid argument");
		return;
	}
	if (strncmp(arg, "exec:", 5) == 0 &&
	    !path_ok(engine, kw->name, &d->args[0], arg + 5, AP_CHECK_EXISTS))
		return;
	s->v = tl_value_set(d);
	s->s = arg;
}

static const struct tl_setter set_passphrase_row = {set_passphrase, NULL};

/* A path setting (SSLCACertificateFile and the like): kept as written. */
static void
set_str(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	void *field)
{
	struct tl_str *s = field;

	(void)engine;
	(void)kw;
	s->v = tl_value_set(d);
	s->s = d->args[0].text;
}

static const struct tl_setter set_str_row = {set_str, NULL};

/* ---- files httpd checks while it reads the configuration (ssl_cmd_check_file, _dir) ---- */

/*
 * True when WRITTEN (in ARG of directive NAME, relative to the ServerRoot as
 * ap_server_root_relative makes it) is what CHECK asks for; else the
 * finding, in httpd's words: apache2 -t stops there. Looked up through the
 * file layer the configuration was read with, so under --root only the
 * tree below the root is consulted.
 */
static bool
path_ok(struct tl_lower *engine, const char *name, const struct tl_arg *arg, const char *written,
	enum ap_path_check check)
{
	const struct ap_lower *l = engine->server;
	const char *path = tl_path_join(engine->arena, engine->prefix, written);
	struct stat st;
	bool ok;

	if (l->parse->fs == NULL)
		return true;
	ok = tl_fs_stat(l->parse->fs, path, &st) == 0;
	if (ok && check == AP_CHECK_FILE)
		ok = S_ISREG(st.st_mode) && st.st_size > 0;
	else if (ok && check == AP_CHECK_DIR)
		ok = S_ISDIR(st.st_mode);
	if (ok)
		return true;
	if (check == AP_CHECK_FILE)
		tl_lower_invalid(engine, arg->loc, "%s: file '%s' does not exist or is empty", name,
				 path);
	else if (check == AP_CHECK_DIR)
		tl_lower_invalid(engine, arg->loc, "%s: directory '%s' does not exist", name, path);
	else
		tl_lower_invalid(engine, arg->loc, "%s: file '%s' does not exist", name, path);
	return false;
}

/*
 * A directive that names a file (or a directory) httpd checks when it
 * reads the line: the check, then, where the row keeps the value, the
 * path as written (set_str). One pair of setters for every such
 * directive of mod_ssl's table.
 */
static void
set_checked(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	    void *field, enum ap_path_check check)
{
	if (!path_ok(engine, kw->name, &d->args[0], d->args[0].text, check))
		return;
	if (field != NULL)
		set_str(engine, kw, d, field);
}

static void
set_checked_file(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		 void *field)
{
	set_checked(engine, kw, d, field, AP_CHECK_FILE);
}

static void
set_checked_dir(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		void *field)
{
	set_checked(engine, kw, d, field, AP_CHECK_DIR);
}

static const struct tl_setter set_checked_file_row = {set_checked_file, NULL};
static const struct tl_setter set_checked_dir_row = {set_checked_dir, NULL};

/* ---- the global seeding, engine and OCSP proxy lines (ssl_engine_config.c) ---- */

/*
 * SSLRandomSeed startup|connect builtin|file:PATH|exec:PATH|egd:PATH|PATH
 * [bytes] (ssl_cmd_SSLRandomSeed): each path, relative to the ServerRoot,
 * must exist (SSL_PCM_EXISTS). Debian's OpenSSL 3 has no EGD.
 */
static void
set_random_seed(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		void *field)
{
	const char *ctx = d->args[0].text, *src = d->args[1].text, *path = NULL;
	const struct ap_lower *l = engine->server;
	size_t len = strlen(src);
	struct stat st;

	(void)kw;
	(void)field;
	if (strcasecmp(ctx, "startup") != 0 && strcasecmp(ctx, "connect") != 0) {
		tl_lower_invalid(engine, d->args[0].loc, "SSLRandomSeed: invalid context: `%s'",
				 ctx);
		return;
	}
	if (len > 5 && (strncmp(src, "file:", 5) == 0 || strncmp(src, "exec:", 5) == 0)) {
		path = src + 5;
	} else if (len > 4 && strncmp(src, "egd:", 4) == 0) {
		tl_lower_invalid(
			engine, d->args[1].loc,
			"Invalid SSLRandomSeed entropy source `%s': This version of OpenSSL "
			"does not support the Entropy Gathering Daemon (EGD).",
			src);
		return;
	} else if (strcasecmp(src, "builtin") != 0) {
		path = src;
	}
	if (path != NULL && l->parse->fs != NULL) {
		const char *full = tl_path_join(engine->arena, engine->prefix, path);

		if (tl_fs_stat(l->parse->fs, full, &st) != 0) {
			tl_lower_invalid(engine, d->args[1].loc,
					 "SSLRandomSeed: source path '%s' does not exist", full);
			return;
		}
	}
	if (d->nargs < 3)
		return;
	if (path == NULL)
		tl_lower_invalid(engine, d->args[2].loc,
				 "SSLRandomSeed: byte specification not allowed for builtin seed "
				 "source");
	else if (atoi_value(d->args[2].text) < 0)
		tl_lower_invalid(engine, d->args[2].loc,
				 "SSLRandomSeed: invalid number of bytes specified");
}

static const struct tl_setter set_random_seed_row = {set_random_seed, NULL};

/*
 * SSLCryptoDevice builtin|ENGINE (ssl_cmd_SSLCryptoDevice): httpd asks
 * OpenSSL for the engine by id, which loads ID.so from OpenSSL's engines
 * directory. tlslint loads nothing: it knows what Debian 12's libssl3 has
 * (dynamic, built in; padlock, loader_attic and afalg in engines-3, afalg
 * only where the kernel has AF_ALG), measured with apache2 -t, and says
 * that another id is refused unless such a file is installed.
 */
static void
set_crypto_device(struct tl_lower *engine, const struct tl_keyword *kw,
		  const struct tl_directive *d, void *field)
{
	static const char *const known[] = {"dynamic", "padlock", "loader_attic", "afalg", NULL};
	const char *arg = d->args[0].text;

	(void)kw;
	(void)field;
	if (strcasecmp(arg, "builtin") == 0)
		return;
	for (size_t i = 0; known[i] != NULL; i++)
		if (strcmp(arg, known[i]) == 0)
			return;
	tl_lower_invalid(engine, d->args[0].loc,
			 "SSLCryptoDevice: Invalid argument; must be one of: 'builtin' (none), "
			 "'dynamic' (Dynamic engine loading support) (Debian 12's OpenSSL has no "
			 "engine '%s' unless a package installs %s.so in its engines directory)",
			 arg, arg);
}

static const struct tl_setter set_crypto_device_row = {set_crypto_device, NULL};

/*
 * SSLOCSPProxyURL URL (ssl_cmd_SSLOCSPProxyURL): refused when apr_uri_parse
 * fails, which it does only in the host part after "//": an IPv6 literal
 * without its ']', or a port that is not all digits.
 */
static void
set_ocsp_proxy_url(struct tl_lower *engine, const struct tl_keyword *kw,
		   const struct tl_directive *d, void *field)
{
	const char *url = d->args[0].text;
	const char *host = NULL, *end, *at, *colon;
	size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

	(void)kw;
	(void)field;
	if (strncmp(url, "//", 2) == 0)
		host = url + 2;
	else if (n > 0 && strncmp(url + n, "://", 3) == 0)
		host = url + n + 3;
	if (host == NULL)
		return;
	end = host + strcspn(host, "/?#");
	for (at = end; at > host && at[-1] != '@'; at--)
		;
	host = at;
	if (*host == '[') {
		const char *close = memchr(host, ']', (size_t)(end - host));

		if (close == NULL)
			goto bad;
		colon = close + 1 < end && close[1] == ':' ? close + 1 : NULL;
	} else {
		colon = memchr(host, ':', (size_t)(end - host));
	}
	if (colon != NULL)
		for (const char *p = colon + 1; p < end; p++)
			if (*p < '0' || *p > '9')
				goto bad;
	return;
bad:
	tl_lower_invalid(engine, d->args[0].loc, "SSLOCSPProxyURL: Cannot parse URL %s", url);
}

static const struct tl_setter set_ocsp_proxy_url_row = {set_ocsp_proxy_url, NULL};

/* ---- words from a fixed set, in httpd's words when one is not (ssl_engine_config.c) ---- */

enum ap_words_message {
	AP_WORDS_INVALID_ARGUMENT, /* "NAME: Invalid argument 'w'" (crlcheck, ocspcheck parse) */
	AP_WORDS_ILLEGAL_OPTION,   /* "SSLOptions: Illegal option 'w'" */
	AP_WORDS_SNI_POLICY,       /* "Invalid SSLVhostSNIPolicy argument 'w'" */
};

/*
 * A directive whose words httpd compares with strcasecmp (strcEQ) against
 * fixed lists: the first word against FIRST, every further one against
 * MORE (NULL: FIRST again), each with an optional + or - when SIGNS.
 */
struct ap_words {
	const char *directive;
	const char *const *first;
	const char *const *more;
	bool signs;
	enum ap_words_message message;
};

static const char *const crl_check[] = {"none", "leaf", "chain", NULL};
static const char *const crl_check_more[] = {"no_crl_for_cert_ok", NULL};
static const char *const ocsp_check[] = {"off", "leaf", "on", NULL};
static const char *const ocsp_check_more[] = {"no_ocsp_for_cert_ok", NULL};
static const char *const ssl_options[] = {"StdEnvVars",
					  "ExportCertData",
					  "FakeBasicAuth",
					  "StrictRequire",
					  "OptRenegotiate",
					  "LegacyDNStringFormat",
					  NULL};
/* mod_ssl 2.4.71's strings (2.4.66 added it; the 2.4.x mirror has no source of it yet). */
static const char *const sni_policy[] = {"strict", "secure", "insecure", "authonly", NULL};

static const struct ap_words word_rules[] = {
	{"SSLCARevocationCheck", crl_check, crl_check_more, false, AP_WORDS_INVALID_ARGUMENT},
	{"SSLOCSPEnable", ocsp_check, ocsp_check_more, false, AP_WORDS_INVALID_ARGUMENT},
	{"SSLOptions", ssl_options, NULL, true, AP_WORDS_ILLEGAL_OPTION},
	{"SSLProxyCARevocationCheck", crl_check, crl_check_more, false, AP_WORDS_INVALID_ARGUMENT},
	{"SSLVHostSNIPolicy", sni_policy, NULL, false, AP_WORDS_SNI_POLICY},
};

static bool
in_list(const char *const *list, const char *w)
{
	for (; *list != NULL; list++)
		if (strcasecmp(*list, w) == 0)
			return true;
	return false;
}

/* Checks D's words against its rule; httpd stops at the first that is not allowed. */
static void
set_words(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	  void *field)
{
	const struct ap_words *rule = NULL;

	for (size_t i = 0; i < sizeof(word_rules) / sizeof(word_rules[0]); i++)
		if (strcasecmp(word_rules[i].directive, kw->name) == 0)
			rule = &word_rules[i];
	if (rule == NULL)
		return;
	for (size_t i = 0; i < d->nargs; i++) {
		const char *w = d->args[i].text;
		const char *const *list = i > 0 && rule->more != NULL ? rule->more : rule->first;

		if (rule->signs && (*w == '+' || *w == '-'))
			w++;
		if (in_list(list, w))
			continue;
		if (rule->message == AP_WORDS_ILLEGAL_OPTION)
			tl_lower_invalid(engine, d->args[i].loc, "SSLOptions: Illegal option '%s'",
					 w);
		else if (rule->message == AP_WORDS_SNI_POLICY)
			tl_lower_invalid(engine, d->args[i].loc,
					 "Invalid SSLVhostSNIPolicy argument '%s'", w);
		else
			tl_lower_invalid(engine, d->args[i].loc, "%s: Invalid argument '%s'",
					 kw->name, w);
		return;
	}
	if (field != NULL)
		set_str(engine, kw, d, field);
}

static const struct tl_setter set_words_row = {set_words, NULL};

/* Protocols h2 http/1.1 (core): HTTP/2 offered when the list has h2. */
static void
set_http2(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	  void *field)
{
	struct tl_flag *f = field;

	(void)engine;
	(void)kw;
	f->v = tl_value_set(d);
	f->on = false;
	for (size_t i = 0; i < d->nargs; i++)
		if (strcasecmp(d->args[i].text, "h2") == 0)
			f->on = true;
}

static const struct tl_setter set_http2_row = {set_http2, NULL};

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
#define ONE 1, 1, NULL
#define TWO 2, 2, NULL
#define ONE_TWO 1, 2, NULL
#define ANY 1, TL_MANY_ARGS, NULL
#define NO_TARGET TL_NO_TARGET, 0
#define TLS(m) AP_TARGET_TLS, offsetof(struct tl_tls, m)
#define PROXY(m) AP_TARGET_PROXY, offsetof(struct tl_upstream_tls, m)
#define SCOPE(m) AP_TARGET_SCOPE, offsetof(struct ap_scope, m)
#define WHOLE_SCOPE AP_TARGET_SCOPE, 0
#define SSL "ssl_module"
#define PROXY_MODULE "proxy_module"
#define CORE NULL

/*
 * Sorted by name (compared without case, as httpd does) for bsearch; a
 * unit test checks the order. Contexts from mod_ssl.c's ssl_config_cmds:
 * SSL_CMD_SRV is AP_SRV, SSL_CMD_ALL also directories, SSL_CMD_PXY the
 * server and <Proxy>; AP_MAIN alone for the handlers that refuse a
 * virtual host (GLOBAL_ONLY).
 */
/* clang-format off */
static const struct tl_keyword keywords[] = {
	{"Protocols", AP_SRV, ALWAYS, &set_http2_row, SCOPE(http2), ANY, "protocols offered in ALPN (h2, http/1.1)", CORE},
	{"SSLCACertificateFile", AP_SRV, ALWAYS, &set_checked_file_row, TLS(client_certificate), ONE, "CAs for client certificates", SSL},
	{"SSLCACertificateFile", AP_DIR | AP_PROXY, ALWAYS, &set_checked_file_row, NO_TARGET, ONE, "CAs for client certificates", SSL},
	{"SSLCACertificatePath", AP_ALL, ALWAYS, &set_checked_dir_row, SCOPE(verify.ca_path), ONE, "directory of CAs for client certificates", SSL},
	{"SSLCADNRequestFile", AP_SRV, ALWAYS, &set_checked_file_row, SCOPE(verify.cadn_file), ONE, "CA names sent to clients", SSL},
	{"SSLCADNRequestPath", AP_SRV, ALWAYS, &set_checked_dir_row, SCOPE(verify.cadn_path), ONE, "CA names sent to clients", SSL},
	{"SSLCARevocationCheck", AP_SRV, ALWAYS, &set_words_row, SCOPE(verify.crl_check), ANY, "how client certificates are checked for revocation", SSL},
	{"SSLCARevocationFile", AP_SRV, ALWAYS, &set_checked_file_row, TLS(crl), ONE, "revoked client certificates", SSL},
	{"SSLCARevocationPath", AP_SRV, ALWAYS, &set_checked_dir_row, SCOPE(verify.crl_path), ONE, "directory of revoked client certificates", SSL},
	{"SSLCertificateChainFile", AP_SRV, ALWAYS, &set_chain_row, SCOPE(chain), ONE, "intermediate certificates sent after the certificate (deprecated)", SSL},
	{"SSLCertificateFile", AP_SRV, ALWAYS, &set_file_list_row, SCOPE(certs), ONE, "server certificate (and chain)", SSL},
	{"SSLCertificateKeyFile", AP_SRV, ALWAYS, &set_file_list_row, SCOPE(keys), ONE, "private key of the certificate of the same rank", SSL},
	{"SSLCipherSuite", AP_SRV, ALWAYS, &set_ciphers_row, TLS(ciphers), ONE_TWO, "cipher string (TLS <= 1.2) or, with TLSv1.3, the TLS 1.3 suites", SSL},
	{"SSLCipherSuite", AP_DIR | AP_PROXY, ALWAYS, &set_dir_ciphers_row, NO_TARGET, ONE_TWO, "cipher string a request renegotiates to", SSL},
	{"SSLCompression", AP_SRV, SINCE(2, 4, 3), &set_compression_row, TLS(options[TL_OPT_COMPRESSION]), ONE, "TLS compression", SSL},
	{"SSLCryptoDevice", AP_MAIN, ALWAYS, &set_crypto_device_row, NO_TARGET, ONE, "OpenSSL engine", SSL},
	{"SSLEngine", AP_SRV, ALWAYS, &set_engine_row, TLS(engine), ONE, "TLS for the virtual host", SSL},
	{"SSLFIPS", AP_MAIN, ALWAYS, &tl_set_flag, SCOPE(fips), ONE, "FIPS mode of OpenSSL", SSL},
	{"SSLHonorCipherOrder", AP_SRV, ALWAYS, &tl_set_flag, TLS(options[TL_OPT_SERVER_PREFERENCE]), ONE, "the server's cipher order over the client's", SSL},
	{"SSLInsecureRenegotiation", AP_SRV, ALWAYS, &tl_set_flag, TLS(options[TL_OPT_UNSAFE_LEGACY_RENEGOTIATION]), ONE, "renegotiation with clients that lack RFC 5746", SSL},
	{"SSLOCSPDefaultResponder", AP_SRV, ALWAYS, &tl_set_none, NO_TARGET, ONE, "OCSP responder for client certificates", SSL},
	{"SSLOCSPEnable", AP_SRV, ALWAYS, &set_words_row, NO_TARGET, ANY, "OCSP checks of client certificates", SSL},
	{"SSLOCSPNoverify", AP_SRV, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "skip verifying OCSP responses", SSL},
	{"SSLOCSPOverrideResponder", AP_SRV, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "always use the default OCSP responder", SSL},
	{"SSLOCSPProxyURL", AP_SRV, ALWAYS, &set_ocsp_proxy_url_row, NO_TARGET, ONE, "proxy for OCSP requests", SSL},
	{"SSLOCSPResponderCertificateFile", AP_SRV, ALWAYS, &set_checked_file_row, NO_TARGET, ONE, "trusted OCSP responder certificates", SSL},
	{"SSLOCSPResponderTimeout", AP_SRV, ALWAYS, &set_nonnegative_row, NO_TARGET, ONE, "timeout of OCSP requests", SSL},
	{"SSLOCSPResponseMaxAge", AP_SRV, ALWAYS, &set_nonnegative_row, NO_TARGET, ONE, "oldest OCSP response accepted", SSL},
	{"SSLOCSPResponseTimeSkew", AP_SRV, ALWAYS, &set_nonnegative_row, NO_TARGET, ONE, "clock skew allowed in OCSP responses", SSL},
	{"SSLOCSPUseRequestNonce", AP_SRV, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "nonce in OCSP requests", SSL},
	{"SSLOpenSSLConfCmd", AP_SRV, ALWAYS, &set_conf_command_row, TLS(conf_commands), TWO, "raw OpenSSL configuration command", SSL},
	{"SSLOptions", AP_ALL, ALWAYS, &set_words_row, NO_TARGET, ANY, "per-request SSL options", SSL},
	{"SSLPassPhraseDialog", AP_MAIN, ALWAYS, &set_passphrase_row, TLS(passphrase_program), ONE, "where passphrases of encrypted keys come from", SSL},
	{"SSLProtocol", AP_SRV, ALWAYS, &set_protocols_row, TLS(protocols), ANY, "protocol versions enabled", SSL},
	{"SSLProxyCACertificateFile", AP_PXY, ALWAYS, &set_checked_file_row, PROXY(trusted_certificate), ONE, "CAs that backend certificates must chain to", SSL},
	{"SSLProxyCACertificatePath", AP_PXY, ALWAYS, &set_checked_dir_row, SCOPE(proxy_verify.ca_path), ONE, "directory of CAs for backend certificates", SSL},
	{"SSLProxyCARevocationCheck", AP_PXY, ALWAYS, &set_words_row, SCOPE(proxy_verify.crl_check), ANY, "revocation checks of backend certificates", SSL},
	{"SSLProxyCARevocationFile", AP_PXY, ALWAYS, &set_checked_file_row, PROXY(crl), ONE, "revoked backend certificates", SSL},
	{"SSLProxyCARevocationPath", AP_PXY, ALWAYS, &set_checked_dir_row, SCOPE(proxy_verify.crl_path), ONE, "directory of revoked backend certificates", SSL},
	{"SSLProxyCheckPeerCN", AP_PXY, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "compare the backend certificate's CN with the host", SSL},
	{"SSLProxyCheckPeerExpire", AP_PXY, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "refuse expired backend certificates", SSL},
	{"SSLProxyCheckPeerName", AP_PXY, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "check the backend certificate's names", SSL},
	{"SSLProxyCipherSuite", AP_PXY, ALWAYS, &set_proxy_ciphers_row, WHOLE_SCOPE, ONE_TWO, "cipher string towards backends", SSL},
	{"SSLProxyEngine", AP_PXY, ALWAYS, &tl_set_flag, PROXY(enabled), ONE, "TLS to backends (https:// in ProxyPass)", SSL},
	{"SSLProxyMachineCertificateChainFile", AP_PXY, ALWAYS, &set_checked_file_row, NO_TARGET, ONE, "chain of the client certificate for backends", SSL},
	{"SSLProxyMachineCertificateFile", AP_PXY, ALWAYS, &set_checked_file_row, PROXY(certificate), ONE, "client certificates for backends", SSL},
	{"SSLProxyMachineCertificatePath", AP_PXY, ALWAYS, &set_checked_dir_row, SCOPE(proxy_verify.machine_path), ONE, "directory of client certificates for backends", SSL},
	{"SSLProxyProtocol", AP_PXY, ALWAYS, &set_protocols_row, PROXY(protocols), ANY, "protocol versions towards backends", SSL},
	{"SSLProxyVerify", AP_PXY, ALWAYS, &set_proxy_verify_row, PROXY(verify), ONE, "verify the backend certificate", SSL},
	{"SSLProxyVerifyDepth", AP_PXY, ALWAYS, &set_count_row, PROXY(verify_depth), ONE, "depth of backend chain verification", SSL},
	{"SSLRandomSeed", AP_MAIN, ALWAYS, &set_random_seed_row, NO_TARGET, 2, 3, NULL, "seeding of OpenSSL's generator", SSL},
	{"SSLRenegBufferSize", AP_DIR, ALWAYS, &set_nonnegative_row, NO_TARGET, ONE, "request body kept for a renegotiation", SSL},
	{"SSLRequire", AP_DIR, ALWAYS, &tl_set_none, NO_TARGET, ANY, "access condition (deprecated)", SSL},
	{"SSLRequireSSL", AP_DIR, ALWAYS, &tl_set_none, NO_TARGET, 0, 0, NULL, "refuse requests without TLS", SSL},
	{"SSLSessionCache", AP_MAIN, ALWAYS, &set_session_cache_row, TLS(session_cache), ONE, "server-side TLS session cache", SSL},
	{"SSLSessionCacheTimeout", AP_SRV, ALWAYS, &set_seconds_row, TLS(session_timeout), ONE, "lifetime of cached sessions and tickets", SSL},
	{"SSLSessionTicketKeyFile", AP_SRV, ALWAYS, &set_checked_file_row, TLS(session_ticket_key), ONE, "file of session ticket keys", SSL},
	{"SSLSessionTickets", AP_SRV, SINCE(2, 4, 11), &tl_set_flag, TLS(options[TL_OPT_SESSION_TICKETS]), ONE, "TLS session tickets", SSL},
	/* Built where OpenSSL has SRP (HAVE_SRP), as Debian's and most OpenSSL 3 are. */
	{"SSLSRPUnknownUserSeed", AP_SRV, SINCE(2, 4, 4), &tl_set_none, NO_TARGET, ONE, "SRP seed for unknown users", SSL},
	{"SSLSRPVerifierFile", AP_SRV, SINCE(2, 4, 4), &set_checked_file_row, SCOPE(verify.srp_file), ONE, "SRP verifier file", SSL},
	{"SSLStaplingCache", AP_MAIN, ALWAYS, &set_stapling_cache_row, TLS(stapling_cache), ONE, "cache of OCSP responses for stapling", SSL},
	{"SSLStaplingErrorCacheTimeout", AP_SRV, ALWAYS, &set_nonnegative_row, NO_TARGET, ONE, "how long OCSP errors are cached", SSL},
	{"SSLStaplingFakeTryLater", AP_SRV, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "answer tryLater when OCSP fails", SSL},
	{"SSLStaplingForceURL", AP_SRV, ALWAYS, &set_str_row, TLS(stapling_responder), ONE, "OCSP responder used for stapling", SSL},
	{"SSLStaplingResponderTimeout", AP_SRV, ALWAYS, &set_nonnegative_row, NO_TARGET, ONE, "timeout of OCSP requests for stapling", SSL},
	{"SSLStaplingResponseMaxAge", AP_SRV, ALWAYS, &set_nonnegative_row, NO_TARGET, ONE, "oldest OCSP response stapled", SSL},
	{"SSLStaplingResponseTimeSkew", AP_SRV, ALWAYS, &set_nonnegative_row, NO_TARGET, ONE, "clock skew allowed in stapled responses", SSL},
	{"SSLStaplingReturnResponderErrors", AP_SRV, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "staple OCSP error responses", SSL},
	{"SSLStaplingStandardCacheTimeout", AP_SRV, ALWAYS, &set_nonnegative_row, NO_TARGET, ONE, "how long OCSP responses are cached", SSL},
	{"SSLStrictSNIVHostCheck", AP_SRV, ALWAYS, &tl_set_flag, NO_TARGET, ONE, "refuse requests without SNI on name-based hosts", SSL},
	{"SSLUserName", AP_ALL, ALWAYS, &tl_set_none, NO_TARGET, ONE, "variable that names the user", SSL},
	{"SSLUseStapling", AP_SRV, ALWAYS, &tl_set_flag, TLS(stapling), ONE, "OCSP stapling", SSL},
	{"SSLVerifyClient", AP_SRV, ALWAYS, &set_verify_row, TLS(verify_client), ONE, "client certificate verification", SSL},
	{"SSLVerifyClient", AP_DIR | AP_PROXY, ALWAYS, &set_verify_row, NO_TARGET, ONE, "client certificates a request renegotiates for", SSL},
	{"SSLVerifyDepth", AP_SRV, ALWAYS, &set_count_row, TLS(verify_depth), ONE, "depth of client chain verification", SSL},
	{"SSLVerifyDepth", AP_DIR | AP_PROXY, ALWAYS, &set_count_row, NO_TARGET, ONE, "depth of client chain verification per request", SSL},
	{"SSLVHostSNIPolicy", AP_MAIN, SINCE(2, 4, 66), &set_words_row, NO_TARGET, ONE, "when a request may go to another virtual host than its SNI", SSL},
};
/* clang-format on */

const struct tl_keyword_table tl_apache_keywords = {keywords,
						    sizeof(keywords) / sizeof(keywords[0]), true};

/* invoke_cmd in httpd's server/config.c: the refusal names what the directive's kind takes. */
static const char *
arity_message(struct tl_arena *arena, const struct tl_keyword *kw)
{
	static const struct {
		unsigned min, max;
		const char *takes;
	} kinds[] = {
		{0, 0, "takes no arguments"},
		{1, 1, "takes one argument"},
		{2, 2, "takes two arguments"},
		{3, 3, "takes three arguments"},
		{1, 2, "takes 1-2 arguments"},
		{2, 3, "takes two or three arguments"},
		{1, 3, "takes one, two or three arguments"},
	};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kinds[i].min == kw->min_args && kinds[i].max == kw->max_args)
			return tl_arena_printf(arena, "%s %s", kw->name, kinds[i].takes);
	return tl_arena_printf(arena, "%s requires at least %s", kw->name,
			       kw->min_args <= 1 ? "one argument" : "two arguments");
}

/*
 * Where httpd says a directive cannot be: ap_check_cmd_context for the
 * main-server-only ones in a <VirtualHost>, invoke_cmd's override check
 * for the others, naming the section they are in.
 */
static const char *
level_message(struct tl_arena *arena, const struct tl_keyword *row, unsigned ctx,
	      const struct tl_directive *d)
{
	const char *section = d->parent != NULL && d->parent->name[0] ? d->parent->name : "";

	if (ctx == AP_VHOST && (row->ctx & AP_MAIN))
		return tl_arena_printf(arena, "%s cannot occur within <VirtualHost> section",
				       d->name);
	if (section[0] != '\0')
		return tl_arena_printf(arena, "%s not allowed in <%s> context", d->name, section);
	return tl_arena_printf(arena, "%s not allowed here", d->name);
}

const struct tl_server_words tl_apache_words = {
	.server = "apache",
	.unknown = "Invalid command",
	.not_allowed = "not allowed here",
	/* httpd keeps the last value of a setting (or appends, for lists). */
	.refuses_duplicates = false,
	.bad_level_fmt = "%s not allowed here",
	.arity_message = arity_message,
	.bad_flag_fmt = "%s must be On or Off",
	.level_message = level_message,
	.no_module_fmt = "Invalid command '%s', perhaps misspelled or defined by a module not "
			 "included in the server configuration",
	/* mod_ssl's directives (and mod_proxy's SSLProxy*), whatever their case. */
	.tls_prefixes = (const char *const[]){"SSL", NULL},
	.unknown_fmt = "Invalid command '%s', perhaps misspelled or defined by a module not "
		       "included in the server configuration",
};

bool
tl_ap_apply_keyword(struct ap_lower *l, struct ap_scope *scope, const struct tl_directive *d)
{
	void *targets[AP_NTARGETS] = {NULL, &scope->tls, &scope->proxy, scope};

	return tl_keyword_apply(&l->engine, &tl_apache_keywords, scope->ctx, targets, d);
}

static const char *
apache_default(const struct tl_keyword *kw, struct tl_version version)
{
	return tl_apache_default(kw->name, version);
}

void
tl_ap_compute_defaults(struct ap_lower *l, void *settings, unsigned target)
{
	tl_keyword_defaults(&l->engine, &tl_apache_keywords, target, settings, apache_default,
			    l->default_note);
}

bool
tl_ap_has_module(const struct tl_lower *engine, const char *module)
{
	const struct ap_lower *l = engine->server;

	return tl_apache_module_loaded(l->parse, module);
}
