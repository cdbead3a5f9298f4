/*
 * httpd version facts. Sources: CHANGES of httpd 2.4 (up to 2.4.63 in the
 * httpd repository's 2.4.x branch), modules/ssl/ssl_engine_config.c and
 * ssl_engine_init.c (the merge and init functions), and for 2.4.64 to
 * 2.4.71 what Debian's apache2 2.4.71-1~deb12u1 does, measured (see
 * docs/design.md, "Apache httpd").
 */
#include "apache_facts.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

const char tl_apache_stable_note[] =
	"httpd 2.4.71, the current 2.4 release (Debian's bookworm-security package "
	"2.4.71-1~deb12u1 of 2026-11-12: \"New upstream release\")";

struct apache_default {
	const char *directive;
	struct tl_version
		since; /* in force from this version until the next row of the directive */
	const char *value;
};

/* Rows of one directive are consecutive and in version order. */
static const struct apache_default defaults[] = {
	/*
	 * ssl_init_ctx_cipher_suite: SSL_DEFAULT_CIPHER_LIST of the OpenSSL 3
	 * headers mod_ssl is built with, and the suffix mod_ssl always adds.
	 */
	{"SSLCipherSuite", {0, 0, 0}, "ALL:!COMPLEMENTOFDEFAULT:!eNULL:!aNULL:!eNULL:!EXP"},
	{"SSLCompression", {0, 0, 0}, "on"},
	{"SSLCompression", {2, 4, 4}, "off"}, /* CHANGES 2.4.4: default off (CRIME) */
	{"SSLEngine", {0, 0, 0}, "off"},
	{"SSLHonorCipherOrder", {0, 0, 0}, "off"},
	{"SSLInsecureRenegotiation", {0, 0, 0}, "off"},
	{"SSLProtocol", {0, 0, 0}, "all"},
	{"SSLProtocol", {2, 4, 17}, "all -SSLv3"},  /* CHANGES 2.4.17 */
	{"SSLProxyCheckPeerName", {0, 0, 0}, "on"}, /* unset counts as on (ssl_engine_io.c) */
	{"SSLProxyEngine", {0, 0, 0}, "off"},
	{"SSLProxyProtocol", {0, 0, 0}, "all"},
	{"SSLProxyProtocol", {2, 4, 17}, "all -SSLv3"},
	{"SSLProxyVerify", {0, 0, 0}, "none"},
	{"SSLProxyVerifyDepth", {0, 0, 0}, "1"},
	{"SSLSessionCacheTimeout", {0, 0, 0}, "300"},
	{"SSLSessionTickets", {2, 4, 11}, "on"}, /* CHANGES 2.4.11: added, OpenSSL's default kept */
	{"SSLUseStapling", {0, 0, 0}, "off"},
	{"SSLVerifyClient", {0, 0, 0}, "none"},
	{"SSLVerifyDepth", {0, 0, 0}, "1"},
};

const char *
tl_apache_default(const char *directive, struct tl_version version)
{
	const struct apache_default *found = NULL;

	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		if (strcasecmp(defaults[i].directive, directive) != 0)
			continue;
		if (tl_version_cmp(version, defaults[i].since) >= 0)
			found = &defaults[i];
	}
	return found != NULL ? found->value : NULL;
}

static const struct tl_version feature_since[TL_AP_FEATURE_COUNT] = {
	[TL_AP_TLS13] = {2, 4, 36},
	[TL_AP_SNI_POLICY] = {2, 4, 66},
	[TL_AP_NO_OPTIONAL] = {2, 4, 64},
};

bool
tl_apache_has(enum tl_apache_feature feature, struct tl_version version)
{
	return tl_version_cmp(version, feature_since[feature]) >= 0;
}

/*
 * What httpd does, measured against Debian's 2.4.71 (docs/design.md). Every
 * SSL-enabled virtual host is set up when httpd starts, default or not, so
 * each fault below stops it: the files at `apache2 -t` already
 * (SSLCertificateFile: file '…' does not exist or is empty), the rest at
 * start (AH02562, AH02564, AH02565, AH01898, AH02407, AH02572). DH: with
 * no parameters mod_ssl asks OpenSSL for automatic ones (SSL_CTX_set_dh_auto),
 * so DHE works without any. Passphrases come from a program or a terminal,
 * never from a file. mod_ssl sets SSL_OP_NO_RENEGOTIATION on every server
 * context (ssl_init_ctx_protocol), so clients can never renegotiate. After
 * SNI picks another virtual host, ssl_find_vhost installs its context but
 * copies its versions only when an SSLProtocol applies to it, keeps the
 * first context's groups, and only adds options (SSL_set_options).
 */
const struct tl_server_facts tl_apache_facts = {
	.name = "apache",
	.on_fault =
		{
			[TL_FAULT_CERTIFICATE] = "refuses to start",
			[TL_FAULT_KEY] = "refuses to start",
			/* mod_ssl's ssl_cmd_check_file: "does not exist or is empty" */
			[TL_FAULT_FILE_FIFO] = "refuses to start",
			/* AH02407: "SSLOpenSSLConfCmd … …" failed, at start-up (apache2 -t passes)
			 */
			[TL_FAULT_CONF_COMMAND] = "refuses to start",
			/* AH02407 with "key values mismatch" for an SSLOpenSSLConfCmd PrivateKey */
			[TL_FAULT_KEY_MISMATCH] =
				"refuses to start (the certificate and private key "
				"do not match: AH02565, or AH02407 for "
				"SSLOpenSSLConfCmd PrivateKey)",
			[TL_FAULT_CIPHERS] = "refuses to start",
			[TL_FAULT_GROUPS] = "refuses to start",
			[TL_FAULT_DH_FILE] = "refuses to start",
			[TL_FAULT_DH_TOO_SMALL] = "refuses to start",
			[TL_FAULT_NO_CERTIFICATE] = "refuses to start",
			[TL_FAULT_NO_CERTIFICATE_NAMED] = "refuses to start",
			/*
			 * use_certificate_chain reads SSLCertificateChainFile until an error
			 * and accepts only "no start line": no PEM at all is an empty chain,
			 * a broken block stops httpd.
			 */
			[TL_FAULT_CHAIN_MALFORMED] = "refuses to start (AH01903: Failed to "
						     "configure CA certificate chain!)",
			/* AH01958: SSLStapling: no stapling cache available */
			[TL_FAULT_STAPLING_NO_CACHE] = "refuses to start",
			/*
			 * ssl_init_ctx_protocol: an empty SSLProtocol set stops it; MinProtocol/
			 * MaxProtocol commands that leave nothing do not (they apply later).
			 */
			[TL_FAULT_NO_PROTOCOLS] = "refuses to start (AH02231: No SSL protocols "
						  "available)",
		},
	.dh_builtin = true,
	/* mod_headers: without "always" the header goes to the onsuccess table (hsts.sh). */
	.header_without_always = "redirects and error responses go without it (mod_headers' "
				 "onsuccess table); write 'Header always set "
				 "Strict-Transport-Security …'",
	/* ssl_stapling_init_cert: measured with httpd 2.4.71
	   (testdata/realserver/apache-stapling.sh). */
	.stapling_unusable = "starts without stapling for it (AH02218, AH02604 in the error log)",
	/* ssl_init_ctx_cipher_suite runs before ssl_init_server_certs (ssl_init_ctx). */
	.seclevel_before_certificates = true,
	.groups_auto = NULL,
	.password_line_max = 0,
	.options =
		{
			[TL_OPT_SESSION_TICKETS] = {.on = true},
			[TL_OPT_CLIENT_RENEGOTIATION] = {.on = false, .forced = true},
		},
	.from_default =
		{
			.protocols_if_unset = true,
			.groups = true,
			.options = true,
		},
};
