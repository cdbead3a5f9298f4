/*
 * HAProxy version facts. Sources: HAProxy's own tree at the release tags
 * v2.6.0 to v3.4.0 (src/ssl_sock.c ssl_sock_prepare_ctx and
 * ssl_sock_initial_ctx, src/cfgparse-ssl.c, src/ssl_ckch.c,
 * src/ssl_crtlist.c), and Debian's haproxy 2.6.12 measured with
 * `haproxy -c` and on 127.0.0.1 (docs/design.md, "HAProxy").
 */
#include "haproxy_facts.h"

#include <stdlib.h>
#include <string.h>

#include "haproxy_fetches.h"

const char tl_haproxy_stable_note[] =
	"HAProxy 3.4.0, the current stable branch (tag v3.4.0 of 2026-06-03 in "
	"github.com/haproxy/haproxy)";

static const struct tl_version feature_since[TL_HP_FEATURE_COUNT] = {
	[TL_HP_CRTLIST_KEYWORDS] = {2, 8, 0}, [TL_HP_IGNORE_ERR_NAMES] = {2, 7, 0},
	[TL_HP_ENGINE_ALWAYS] = {3, 4, 0},    [TL_HP_OCSP_UPDATE_URI_OPTIONAL] = {3, 0, 0},
	[TL_HP_DEFAULT_CRT] = {3, 0, 0},
};

bool
tl_haproxy_has(enum tl_haproxy_feature feature, struct tl_version version)
{
	return tl_version_cmp(version, feature_since[feature]) >= 0;
}

/*
 * Every bind line's SSL context is built at start-up, and any error in it
 * (a certificate or key that does not load or match, a cipher or curve
 * list OpenSSL refuses, DH parameters that do not load, a TLS bind with
 * no certificate) is an alert that stops HAProxy: `haproxy -c` already
 * reports them, since it loads every certificate. The server context
 * always has SSL_OP_NO_COMPRESSION and SSL_OP_NO_RENEGOTIATION, and
 * SSL_OP_CIPHER_SERVER_PREFERENCE unless prefer-client-ciphers. With no
 * DH parameters (no ssl-dh-param-file, none in the PEM, no
 * tune.ssl.default-dh-param) no DHE suite can be negotiated: SSL_DEFAULT_DH_PARAM
 * is 0 and HAProxy does not ask OpenSSL for automatic parameters. DH
 * parameters OpenSSL's security level refuses are a warning: HAProxy
 * starts without DHE.
 */
const struct tl_server_facts tl_haproxy_facts = {
	.name = "haproxy",
	.on_fault =
		{
			[TL_FAULT_CERTIFICATE] = "refuses to start",
			[TL_FAULT_KEY] = "refuses to start",
			/* opened as a file: haproxy -c waits for a writer
			   (realserver-hostile-files) */
			[TL_FAULT_FILE_FIFO] =
				"blocks at start-up, waiting for something to write to "
				"the FIFO",
			[TL_FAULT_KEY_MISMATCH] = "refuses to start (inconsistencies between "
						  "private key and certificate loaded)",
			[TL_FAULT_CIPHERS] = "refuses to start",
			[TL_FAULT_GROUPS] = "refuses to start",
			[TL_FAULT_DH_FILE] = "refuses to start",
			[TL_FAULT_NO_CERTIFICATE] = "refuses to start",
			[TL_FAULT_NO_CERTIFICATE_NAMED] = "refuses to start",
		},
	.dh_builtin = false,
	/* ssl_sock_prepare_ctx sets the cipher string after the certificates load. */
	.seclevel_before_certificates = false,
	/* ssl_sock_chose_sni_ctx: ECDSA, then RSA, then DSA certificates for one name. */
	.names_shared_by_key_type = true,
	.groups_auto = NULL,
	.password_line_max = 0,
	.options =
		{
			[TL_OPT_SERVER_PREFERENCE] = {.on = true},
			[TL_OPT_SESSION_TICKETS] = {.on = true},
			[TL_OPT_COMPRESSION] = {.on = false, .forced = true},
			[TL_OPT_CLIENT_RENEGOTIATION] = {.on = false, .forced = true},
		},
};

/*
 * ssl_get_tmp_dh: ffdhe2048 (or ffdhe4096 for 4096-bit keys) for keys of at
 * least 2048 bits, capped at BITS; HAProxy's own 1024-bit group below.
 * Measured: "tune.ssl.default-dh-param 2048" with an RSA-2048 key gives
 * "Server Temp Key: DH, 2048 bits", 1024 a warning and no DHE.
 *
 * ssl_sock_prepare_bind_conf (v2.6.0 to v3.4.0): a TLS bind line without
 * a certificate is an alert, unless it has strict-sni and no
 * generate-certificates: then only a warning ("no SSL certificate
 * specified for bind … ssl connections will fail"), and HAProxy starts
 * with every handshake on it failing (haproxy -c 2.6.12 passes,
 * testdata/haproxy/strict-sni-no-certificate).
 */
const struct tl_server_facts *
tl_haproxy_facts_for(long long dh_bits, bool no_certificate_starts)
{
	static struct tl_server_facts variants[2][2];
	bool own_dh = dh_bits >= 2048;
	struct tl_server_facts *f = &variants[own_dh][no_certificate_starts];

	if (!own_dh && !no_certificate_starts)
		return &tl_haproxy_facts;
	if (f->name == NULL) {
		*f = tl_haproxy_facts;
		f->dh_builtin = own_dh;
		if (no_certificate_starts)
			f->on_fault[TL_FAULT_NO_CERTIFICATE] = NULL;
	}
	return f;
}

static int
compare_fetch(const void *key, const void *row)
{
	const struct tl_haproxy_fetch *k = key, *r = row;

	return strcmp(k->name, r->name);
}

bool
tl_haproxy_fetch_known(const char *name, size_t len, struct tl_version version)
{
	struct tl_haproxy_fetch key = {0};
	const struct tl_haproxy_fetch *row;
	char buf[128];

	if (len > 4 && strncmp(name, "lua.", 4) == 0)
		return true;
	if (len >= sizeof(buf))
		return false;
	memcpy(buf, name, len);
	buf[len] = '\0';
	key.name = buf;
	row = bsearch(&key, tl_haproxy_fetches, tl_haproxy_nfetches, sizeof(*row), compare_fetch);
	return row != NULL && tl_version_cmp(version, row->since) >= 0 &&
	       (row->until.major == 0 || tl_version_cmp(version, row->until) < 0);
}
