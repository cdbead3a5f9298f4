/*
 * Facts about nginx that depend on its version: directive defaults and
 * the versions that introduced behaviour tlslint models. Data with a
 * source for each fact, so a finding can say which default applied.
 */
#ifndef TL_NGINX_FACTS_H
#define TL_NGINX_FACTS_H

#include "../src/options.h"

/* The default --target for nginx: the current stable branch. */
extern const struct tl_version tl_nginx_stable;
extern const char tl_nginx_stable_note[];

/*
 * The built-in value of DIRECTIVE (as nginx would apply it when the
 * directive is absent everywhere) in nginx VERSION, or NULL if nginx has
 * none. *source (if not NULL) names where the fact comes from.
 */
const char *tl_nginx_default(const char *directive, struct tl_version version, const char **source);

/* Versions where behaviour tlslint models changed. */
enum tl_nginx_feature {
	TL_NGX_CERT_VARIABLES,        /* ssl_certificate with variables (1.15.9) */
	TL_NGX_SSL_DIRECTIVE_REMOVED, /* "ssl on;" no longer accepted (1.25.1) */
	TL_NGX_HTTP2_DIRECTIVE,       /* "http2 on;" replaces "listen … http2" (1.25.1) */
	TL_NGX_ADD_HEADER_INHERIT,    /* add_header_inherit (1.29.3) */
	TL_NGX_PROTOCOLS_PER_SNI,     /* ssl_protocols honoured in non-default servers (1.29.2) */
	TL_NGX_REJECT_HANDSHAKE,      /* ssl_reject_handshake (1.19.4) */
	TL_NGX_CONF_COMMAND,          /* ssl_conf_command (1.19.4) */
	TL_NGX_FEATURE_COUNT,
};

bool tl_nginx_has(enum tl_nginx_feature feature, struct tl_version version);

#endif
