/*
 * Internal to nginx lowering: the state shared by the keyword table
 * (nginx_keywords.c), listen/server_name (nginx_listen.c) and the walk over
 * blocks (nginx_lower.c).
 */
#ifndef TL_NGINX_LOWER_INT_H
#define TL_NGINX_LOWER_INT_H

/* Checks see only the model: the build compiles checks/ with this set (checks/meson.build). */
#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stdbool.h>

#include "../src/certstore.h"
#include "../src/strmap.h"
#include "lower.h"
#include "nginx_lower.h"

/* Where a directive may appear (nginx's NGX_HTTP_MAIN_CONF etc.). */
enum {
	CTX_HTTP_MAIN = 1u << 0,
	CTX_HTTP_SRV = 1u << 1,
	CTX_HTTP_LOC = 1u << 2,
	CTX_HTTP_LIF = 1u << 3, /* "if" inside a location */
	CTX_STREAM_MAIN = 1u << 4,
	CTX_STREAM_SRV = 1u << 5,
	CTX_MAIN = 1u << 6, /* outside any block (NGX_MAIN_CONF) */
};

#define CTX_SSL_HTTP (CTX_HTTP_MAIN | CTX_HTTP_SRV)
#define CTX_PROXY (CTX_HTTP_MAIN | CTX_HTTP_SRV | CTX_HTTP_LOC)
#define CTX_STREAM (CTX_STREAM_MAIN | CTX_STREAM_SRV)

/*
 * The modules that build a TLS context towards a backend, each with its
 * own directives (proxy_ssl_*, grpc_ssl_*, uwsgi_ssl_*) inherited on its
 * own, and the same merge and set-up code (ngx_http_proxy_set_ssl,
 * ngx_http_grpc_set_ssl, ngx_http_uwsgi_set_ssl; stream's proxy is the
 * proxy row).
 */
enum ngx_upstream_module {
	NGX_UP_PROXY,
	NGX_UP_GRPC,
	NGX_UP_UWSGI,
	NGX_UP_COUNT,
};

/* The structs a keyword row fills (indices of the engine's targets; 0 is none). */
enum {
	NGX_TARGET_TLS = 1, /* struct tl_tls */
	/* struct tl_upstream_tls of a module: NGX_TARGET_PROXY + enum ngx_upstream_module */
	NGX_TARGET_PROXY,
	NGX_TARGET_GRPC,
	NGX_TARGET_UWSGI,
	NGX_TARGET_SCOPE, /* struct scope itself (resolver, http2) */
	NGX_NTARGETS,
};

/* add_header_inherit (nginx 1.29.3): how a level's headers combine with the level above. */
enum header_inherit {
	INHERIT_ON, /* the default: inherit only when the level has no add_header */
	INHERIT_OFF,
	INHERIT_MERGE,
};

/* The add_header state of one level (http, server, location, if). */
struct headers {
	bool has_own;         /* any add_header at this level */
	struct tl_loc own_at; /* the first of them */
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
	struct tl_upstream_tls up[NGX_UP_COUNT]; /* by enum ngx_upstream_module */
	struct headers headers;
	struct tl_str resolver;
	struct tl_flag http2;
	struct tl_value legacy_ssl_on; /* "ssl on" at this level (http or server) */
};

/* A shared session cache, one shared memory zone of nginx's (ssl_session_cache shared:). */
struct ngx_cache_zone {
	struct ngx_cache_zone *next;
	const char *name;
	long long bytes;
	/*
	 * Who declared it (ngx_shared_memory_add's tag): the http or stream
	 * session cache, or the http or stream OCSP cache; another use of the
	 * name is refused.
	 */
	unsigned use;
	struct tl_loc loc;
};

struct lower {
	struct tl_lower_env *env;
	struct tl_model *model;
	const char *prefix;
	const char *default_note;
	struct tl_lower engine; /* the shared engine's state; engine.server points back here */
	/* The targeted version's defaults, computed once and copied into each site. */
	struct tl_tls tls_defaults;
	struct tl_upstream_tls up_defaults[NGX_UP_COUNT];
	struct ngx_cache_zone *cache_zones; /* every shared cache declared so far */
	/* Files nginx loads while it builds contexts towards backends, through the fs layer. */
	struct tl_certstore *files;
	/*
	 * CA, CRL, ticket key and stapling files as read (path → struct
	 * setting_file, nginx_tls_context.c): read once, however many servers
	 * name one (nginx reads it again for each; the verdict is the same).
	 */
	struct tl_strmap setting_files;
	/* Certificate and key paths as written → joined to the prefix: one copy each. */
	struct tl_strmap joined_paths;
};

/* The keyword table and how nginx words its refusals (nginx_keywords.c). */
extern const struct tl_keyword_table tl_nginx_keywords;
extern const struct tl_server_words tl_nginx_words;

/* Applies D if it is a keyword of the table; false if the table does not know it. */
bool tl_ngx_apply_keyword(struct lower *l, struct scope *scope, const struct tl_directive *d);

/*
 * For directives lowered by hand (listen, server_name): true when the
 * targeted nginx accepts D at this level with its number of arguments;
 * else the finding is made and false returned.
 */
bool tl_ngx_keyword_allowed(struct lower *l, unsigned ctx, const struct tl_directive *d);

/* SETTINGS (the struct of NGX_TARGET_TLS or _PROXY) filled with the version's defaults. */
void tl_ngx_compute_defaults(struct lower *l, void *settings, unsigned target);

/* "listen": a listener of SITE. */
void tl_ngx_lower_listen(struct lower *l, struct tl_site *site, const struct tl_directive *d);

/* True when nginx builds a TLS context for SITE (nginx_tls_context.c). */
bool tl_ngx_builds_context(struct lower *l, const struct tl_site *site, enum tl_site_mode mode);

/* True when SITE listens with ssl somewhere (or says the old "ssl on"). */
bool tl_ngx_listens_ssl(const struct tl_site *site);

/*
 * What nginx refuses while it builds SITE's TLS context, once its
 * settings are merged (nginx_tls_context.c): verification without CAs,
 * CA, CRL and ticket key files it cannot load.
 */
void tl_ngx_check_tls_context(struct lower *l, const struct tl_site *site, enum tl_site_mode mode);

/*
 * The same for a context towards a backend of MODULE: its cipher string,
 * client certificate and key, verification without CAs, its CA and CRL
 * files, its configuration commands.
 */
void tl_ngx_check_upstream_context(struct lower *l, const struct tl_upstream_tls *t,
				   enum ngx_upstream_module module);

/* "proxy", "grpc" or "uwsgi": how MODULE's directives begin. */
const char *tl_ngx_upstream_prefix(enum ngx_upstream_module module);

/* One argument of a "server_name": a name of SITE. */
void tl_ngx_add_name(struct lower *l, struct tl_site *site, const struct tl_arg *a);

#endif
