/*
 * Facts about nginx that depend on its version: directive defaults and
 * the versions that introduced behaviour tlslint models. Data with a
 * source for each fact, so a finding can say which default applied.
 */
#ifndef TL_NGINX_FACTS_H
#define TL_NGINX_FACTS_H

/* Checks see only the model: the build compiles checks/ with this set (checks/meson.build). */
#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include "../src/model.h"
#include "../src/options.h"

/* The default --target for nginx: the current stable branch. */
#define TL_NGINX_STABLE                                                                            \
	{                                                                                          \
		1, 30, 0                                                                           \
	}
extern const struct tl_version tl_nginx_stable;
extern const char tl_nginx_stable_note[];

/*
 * The built-in value of DIRECTIVE (as nginx would apply it when the
 * directive is absent everywhere) in nginx VERSION, or NULL if nginx has
 * none. *source (if not NULL) names where the fact comes from.
 */
const char *tl_nginx_default(const char *directive, struct tl_version version, const char **source);

/* What nginx does, for the model (site->facts). */
extern const struct tl_server_facts tl_nginx_facts;

/*
 * Versions where behaviour tlslint models changed. Which directives exist
 * in which version is in the keyword table (nginx_keywords.c).
 */
enum tl_nginx_feature {
	TL_NGX_CERT_VARIABLES,     /* ssl_certificate with variables (1.15.9) */
	TL_NGX_CERT_DATA,          /* ssl_certificate "data:PEM" (1.15.10) */
	TL_NGX_QUIC,               /* listen … quic, the http3 module (1.25.0) */
	TL_NGX_ADD_HEADER_INHERIT, /* add_header_inherit (1.29.3) */
	TL_NGX_PROTOCOLS_PER_SNI,  /* ssl_protocols honoured in non-default servers (1.29.2) */
	TL_NGX_LISTEN_PORT_RANGES, /* listen 8000-8010 (1.15.10) */
	TL_NGX_SSL_ON_DEPRECATED,  /* "ssl on" warns at start-up (1.15.0; removed in 1.25.1) */
	/* Ticket keys rotated by nginx itself with a shared session cache (1.23.2, CHANGES). */
	TL_NGX_TICKET_KEY_ROTATION,
	/* The "http2" directive; "listen … http2" warns as deprecated (1.25.1, CHANGES). */
	TL_NGX_HTTP2_DIRECTIVE,
	/* ssl_trusted_certificate alone serves ssl_verify_client (1.27.2, merge_srv_conf). */
	TL_NGX_VERIFY_WITH_TRUSTED,
	/*
	 * stream builds a TLS context for a server with certificates even
	 * without "listen … ssl" (1.25.5; before, ngx_stream_ssl_merge_conf
	 * returned at once for such a server).
	 */
	TL_NGX_STREAM_TLS_WITHOUT_LISTEN_SSL,
	/*
	 * proxy_ssl_certificate and its key (grpc_, uwsgi_, stream) with
	 * variables, loaded per connection (1.21.0, changes.xml).
	 */
	TL_NGX_UPSTREAM_CERT_VARIABLES,
	/*
	 * "listen … quic" refuses the TCP-only parameters backlog, fastopen,
	 * deferred and so_keepalive too, not only ssl, http2 and proxy_protocol
	 * (1.25.4, ngx_http_core_listen).
	 */
	TL_NGX_QUIC_TCP_PARAMS,
	/* ssl_stapling with ssl_certificate_compression stops nginx (1.29.3). */
	TL_NGX_STAPLING_NOT_WITH_COMPRESSION,
	TL_NGX_FEATURE_COUNT,
};

bool tl_nginx_has(enum tl_nginx_feature feature, struct tl_version version);

#endif
