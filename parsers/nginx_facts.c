/*
 * nginx version facts. Sources: docs/xml/nginx/changes.xml and the merge
 * functions of src/http/modules/ngx_http_ssl_module.c,
 * src/stream/ngx_stream_ssl_module.c and ngx_http_proxy_module.c in the
 * nginx repository (release tags up to release-1.30.4), and the module
 * documentation on nginx.org.
 */
#include "nginx_facts.h"

#include <stddef.h>
#include <string.h>

const struct tl_version tl_nginx_stable = TL_NGINX_STABLE;
const char tl_nginx_stable_note[] = "nginx 1.30, the stable branch (1.30.0 of 2026-04-14; 1.30.4 "
				    "of 2026-07-15 is the newest seen)";

struct nginx_default {
	const char *directive;
	struct tl_version since; /* in force from this version until the next row */
	const char *value;
	const char *source;
};

/* Rows of one directive are consecutive and in version order. */
static const struct nginx_default defaults[] = {
	{"proxy_ssl_ciphers", {0, 0, 0}, "DEFAULT", "ngx_http_proxy_module.c merge"},
	{"proxy_ssl_protocols",
	 {0, 0, 0},
	 "TLSv1 TLSv1.1 TLSv1.2",
	 "ngx_http_proxy_module.c merge"},
	{"proxy_ssl_protocols",
	 {1, 23, 4},
	 "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3",
	 "changes.xml 1.23.4: TLSv1.3 enabled by default"},
	{"proxy_ssl_protocols",
	 {1, 27, 3},
	 "TLSv1.2 TLSv1.3",
	 "changes.xml 1.27.3: TLSv1 and TLSv1.1 disabled by default"},
	{"proxy_ssl_server_name", {0, 0, 0}, "off", "ngx_http_proxy_module.c merge"},
	{"proxy_ssl_verify", {0, 0, 0}, "off", "ngx_http_proxy_module.c merge"},
	{"ssl_ciphers",
	 {0, 0, 0},
	 "HIGH:!aNULL:!MD5",
	 "NGX_DEFAULT_CIPHERS in ngx_http_ssl_module.c"},
	{"ssl_ecdh_curve", {0, 0, 0}, "prime256v1", "ngx_http_ssl_module.c before 1.11.0"},
	{"ssl_ecdh_curve", {1, 11, 0}, "auto", "changes.xml 1.11.0; NGX_DEFAULT_ECDH_CURVE"},
	{"ssl_early_data", {0, 0, 0}, "off", "ngx_http_ssl_module.c merge"},
	{"ssl_prefer_server_ciphers", {0, 0, 0}, "off", "ngx_http_ssl_module.c merge"},
	{"ssl_protocols",
	 {0, 0, 0},
	 "SSLv3 TLSv1 TLSv1.1 TLSv1.2",
	 "ngx_http_ssl_module.c before 1.9.1"},
	{"ssl_protocols",
	 {1, 9, 1},
	 "TLSv1 TLSv1.1 TLSv1.2",
	 "changes.xml 1.9.1: SSLv3 disabled by default"},
	{"ssl_protocols",
	 {1, 23, 4},
	 "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3",
	 "changes.xml 1.23.4: TLSv1.3 enabled by default"},
	{"ssl_protocols",
	 {1, 27, 3},
	 "TLSv1.2 TLSv1.3",
	 "changes.xml 1.27.3: TLSv1 and TLSv1.1 disabled by default"},
	{"ssl_reject_handshake", {0, 0, 0}, "off", "ngx_http_ssl_module.c merge"},
	{"ssl_session_cache", {0, 0, 0}, "none", "ngx_http_ssl_module.c merge"},
	{"ssl_session_tickets", {0, 0, 0}, "on", "ngx_http_ssl_module.c merge"},
	{"ssl_session_timeout", {0, 0, 0}, "5m", "ngx_http_ssl_module.c merge"},
	{"ssl_stapling", {0, 0, 0}, "off", "ngx_http_ssl_module.c merge"},
	{"ssl_stapling_verify", {0, 0, 0}, "off", "ngx_http_ssl_module.c merge"},
	{"ssl_verify_client", {0, 0, 0}, "off", "ngx_http_ssl_module.c merge"},
};

const char *
tl_nginx_default(const char *directive, struct tl_version version, const char **source)
{
	const struct nginx_default *found = NULL;

	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		if (strcmp(defaults[i].directive, directive) != 0)
			continue;
		if (tl_version_cmp(version, defaults[i].since) >= 0)
			found = &defaults[i];
	}
	if (found == NULL)
		return NULL;
	if (source != NULL)
		*source = found->source;
	return found->value;
}

static const struct tl_version feature_since[TL_NGX_FEATURE_COUNT] = {
	[TL_NGX_CERT_VARIABLES] = {1, 15, 9},
	/* '"data:"' first appears in ngx_event_openssl.c at release-1.15.10. */
	[TL_NGX_CERT_DATA] = {1, 15, 10},
	/* src/http/v3 and the "quic" listen parameter first appear at release-1.25.0. */
	[TL_NGX_QUIC] = {1, 25, 0},
	[TL_NGX_ADD_HEADER_INHERIT] = {1, 29, 3},
	[TL_NGX_PROTOCOLS_PER_SNI] = {1, 29, 2},
	[TL_NGX_LISTEN_PORT_RANGES] = {1, 15, 10},
	/* CHANGES of 1.15.0: 'the "ssl" directive is deprecated' */
	[TL_NGX_SSL_ON_DEPRECATED] = {1, 15, 0},
	[TL_NGX_TICKET_KEY_ROTATION] = {1, 23, 2},
	[TL_NGX_HTTP2_DIRECTIVE] = {1, 25, 1},
	/* The message and the test changed between release-1.27.1 and release-1.27.2. */
	[TL_NGX_VERIFY_WITH_TRUSTED] = {1, 27, 2},
	/* "if (!conf->listen) return NGX_CONF_OK" is in release-1.25.4, gone in 1.25.5. */
	[TL_NGX_STREAM_TLS_WITHOUT_LISTEN_SSL] = {1, 25, 5},
	/* changes.xml 1.21.0: 'variables support in the "proxy_ssl_certificate", …' */
	[TL_NGX_UPSTREAM_CERT_VARIABLES] = {1, 21, 0},
	/* Three "incompatible with \"quic\"" returns in release-1.25.3, eight in 1.25.4. */
	[TL_NGX_QUIC_TCP_PARAMS] = {1, 25, 4},
	/* The check is in ngx_http_ssl_module.c and ngx_stream_ssl_module.c from release-1.29.3. */
	[TL_NGX_STAPLING_NOT_WITH_COMPRESSION] = {1, 29, 3},
};

bool
tl_nginx_has(enum tl_nginx_feature feature, struct tl_version version)
{
	return tl_version_cmp(version, feature_since[feature]) >= 0;
}

/*
 * What nginx does, as the model's server facts. Start-up: every fault
 * below stops nginx -t and a reload (ngx_ssl_certificate,
 * ngx_ssl_ciphers, ngx_ssl_ecdh_curve, ngx_ssl_dhparam; the default
 * server check of ngx_http_ssl_merge_srv_conf), each shown by a golden
 * case's nginx-t file. DH: without ssl_dhparam nginx sets no parameters
 * and OpenSSL then offers no DHE suite (ngx_ssl_dhparam returns at once).
 * "auto" leaves OpenSSL's own group list (NGX_DEFAULT_ECDH_CURVE). The
 * password file is read with the directive (ngx_ssl_read_password_file):
 * one it cannot open, or a line of NGX_SSL_PASSWORD_BUFFER_SIZE (4096)
 * bytes or more, stops nginx whether or not a key is encrypted.
 * Options: ngx_ssl_create sets SSL_OP_NO_COMPRESSION, and every
 * connection gets SSL_OP_NO_RENEGOTIATION (ngx_ssl_create_connection, and
 * again after the SNI switch in ngx_http_ssl_servername), after
 * ssl_conf_command has run: renegotiation is refused whatever is
 * configured. Cipher preference and tickets are directives (their defaults
 * are in the table above).
 */
const struct tl_server_facts tl_nginx_facts = {
	.name = "nginx",
	.on_fault =
		{
			[TL_FAULT_CERTIFICATE] = "refuses to start",
			[TL_FAULT_KEY] = "refuses to start",
			/* opened as a file: nginx -t waits for a writer (realserver-hostile-files)
			 */
			[TL_FAULT_FILE_FIFO] =
				"blocks at start-up, waiting for something to write to "
				"the FIFO",
			/* ngx_ssl_conf_commands: SSL_CONF_cmd("…", "…") failed, at nginx -t */
			[TL_FAULT_CONF_COMMAND] = "refuses to start",
			[TL_FAULT_PASSWORD_FILE] = "refuses to start",
			/* OpenSSL's X509_check_private_key reason, which nginx -t prints */
			[TL_FAULT_KEY_MISMATCH] = "refuses to start (key values mismatch)",
			[TL_FAULT_CIPHERS] = "refuses to start",
			[TL_FAULT_GROUPS] = "refuses to start",
			[TL_FAULT_DH_FILE] = "refuses to start",
			[TL_FAULT_DH_TOO_SMALL] = "does not start",
			[TL_FAULT_NO_CERTIFICATE] = "refuses to start",
			/*
			 * ngx_http_ssl_init (and stream's, 1.25.5+): a default server with
			 * ssl_reject_handshake and no certificate makes it check every
			 * server of the address ('no "ssl_certificate" is defined for the
			 * "listen ... ssl" directive in FILE:LINE', the server's line).
			 */
			[TL_FAULT_NO_CERTIFICATE_BESIDE_REJECTING] = "refuses to start",
		},
	.dh_builtin = false,
	/*
	 * ngx_ssl_stapling_certificate, measured with nginx -t 1.22: '"ssl_stapling"
	 * ignored, no OCSP responder URL in the certificate', '… issuer certificate not
	 * found for certificate', '… host not found in OCSP responder' (resolved at start
	 * without a resolver).
	 */
	.stapling_unusable = "starts and ignores ssl_stapling for it (nginx -t warns)",
	.stapling_resolver = true,
	/* ngx_http_add_server_names, measured with nginx -t 1.22 (sni-duplicate-name). */
	.duplicate_name_warning = "nginx warns 'conflicting server name … ignored'",
	/* ngx_ssl_ciphers runs before ngx_ssl_certificates in ngx_http_ssl_merge_srv_conf. */
	.seclevel_before_certificates = true,
	.groups_auto = "auto",
	/* ngx_http_headers_filter: without "always" only these statuses get the header. */
	.header_without_always = "only 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308 "
				 "responses carry it, errors (4xx, 5xx) do not; add 'always'",
	.password_line_max = 4096,
	.options =
		{
			[TL_OPT_SESSION_TICKETS] = {.on = true},
			[TL_OPT_CLIENT_RENEGOTIATION] = {.on = false, .forced = true},
			[TL_OPT_UNSAFE_LEGACY_RENEGOTIATION] = {.on = false, .forced = true},
		},
};
