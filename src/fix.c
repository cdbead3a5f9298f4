/*
 * One edit per check and server, as templates. The checks see only the
 * model, so what to type in which server's language lives here, beside
 * the servers' directive names, and not in the checks.
 *
 * Placeholders, filled per finding:
 *   {line}        "line N" of the finding, or "the config" when it has no place
 *   {dir}         the word the finding points at, quoted: `ssl_protocols`
 *   {edit:A|B}    "change `A` on line N" when the finding points at A (or B),
 *                 else "add `A` ..." placed by the level the finding's place is
 *                 at, as the parsers registered it (tl_diag_scope): "at the
 *                 http {} level (line 5)", "inside the block on line 9"
 *   {ciphers}     the profile's TLS <= 1.2 suites, ':'-joined
 *   {protocols}   the profile's versions, "TLSv1.2 TLSv1.3"
 *   {protocols+}  the same in httpd's words, "-all +TLSv1.2 +TLSv1.3"
 *   {minproto}    the profile's lowest version
 *   {curves}      the profile's groups, ':'-joined
 *   {hsts}        the profile's minimum HSTS max-age in seconds
 *   {dhbits}      the profile's DH size (2048 when it sets none)
 *   {rsabits}     the profile's RSA size
 * The "see `tlslint explain ID`" pointer is the text report's, not part of
 * the fix: JSON consumers have the check id already.
 */
#include "fix.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "model.h"

struct fix_texts {
	const char *any; /* for every server, or when the finding names none */
	const char *nginx;
	const char *apache;
	const char *haproxy;
};

#define CIPHERS_N "{edit:ssl_ciphers}: `ssl_ciphers {ciphers};`"
#define CIPHERS_A "{edit:SSLCipherSuite}: `SSLCipherSuite {ciphers}`"
#define CIPHERS_H                                                                                  \
	"set `ciphers {ciphers}` on the `bind` lines (or `ssl-default-bind-ciphers {ciphers}` in " \
	"`global`)"
#define PROTOCOLS_N "{edit:ssl_protocols}: `ssl_protocols {protocols};`"
#define PROTOCOLS_A "{edit:SSLProtocol}: `SSLProtocol {protocols+}`"
#define PROTOCOLS_H                                                                                \
	"set `ssl-min-ver {minproto}` on the `bind` lines (or `ssl-default-bind-options "          \
	"ssl-min-ver {minproto}` in `global`)"

static const struct fix_texts fixes[TL_CHECK_COUNT] = {
	[TL_CK_CERT_EKU] = {.any = "reissue the certificate named on {line} with `extendedKeyUsage "
				   "= serverAuth` and replace the file"},
	[TL_CK_CERT_EXPIRED] =
		{.any = "renew the certificate and replace the file named on {line}"},
	[TL_CK_CERT_EXPIRING] =
		{.any = "renew the certificate named on {line} and replace the file "
			"before it expires; if renewal is automated, it is not "
			"working"},
	[TL_CK_CERT_HOSTNAME_MISMATCH] =
		{.any = "serve a certificate whose subjectAltName covers the name, or stop serving "
			"the name on {line}",
		 .nginx = "give this server a certificate whose subjectAltName covers every name "
			  "of the `server_name` on {line}, or move the name to a server that has "
			  "one",
		 .apache = "give this virtual host a certificate whose subjectAltName covers its "
			   "`ServerName` and every `ServerAlias` (the name on {line}), or move the "
			   "name to a virtual host that has one",
		 .haproxy = "add a certificate whose subjectAltName covers the name to the `crt` "
			    "or `crt-list` of the `bind`, or stop routing the name on {line} to "
			    "it"},
	[TL_CK_CERT_IS_CA] = {.any = "replace the file named on {line} with an end-entity "
				     "certificate (CA:FALSE, EKU serverAuth) issued by that CA"},
	[TL_CK_CERT_LIFETIME] = {.any = "reissue the certificate named on {line} with a shorter "
					"validity (ACME CAs issue 90 days) and automate renewal"},
	[TL_CK_CERT_MISSING] =
		{.any = "deploy the certificate file named on {line}, or correct the path",
		 .nginx = "deploy the file named on {line} or correct the path (a relative path is "
			  "taken from nginx's conf prefix), readable by the master process",
		 .apache =
			 "deploy the file named on {line} or correct the path (a relative path is "
			 "taken from `ServerRoot`)",
		 .haproxy = "deploy the file named on {line} or correct the path (a relative path "
			    "is taken from `crt-base`)"},
	[TL_CK_CERT_MUST_STAPLE] =
		{.any = "staple OCSP responses for the certificate named on {line}, or reissue it "
			"without Must-Staple",
		 .nginx = "add `ssl_stapling on;` and a `resolver` to this server, or reissue the "
			  "certificate named on {line} without Must-Staple",
		 .apache = "add `SSLUseStapling on` and an `SSLStaplingCache` at server level, or "
			   "reissue the certificate named on {line} without Must-Staple",
		 .haproxy = "put a `.ocsp` response beside the certificate named on {line} (or "
			    "`ocsp-update on`, HAProxy 2.8+), or reissue it without Must-Staple"},
	[TL_CK_CERT_NO_SAN] = {.any = "reissue the certificate named on {line} with every name of "
				      "the site in subjectAltName (clients ignore the CN)"},
	[TL_CK_CERT_NOT_YET_VALID] = {.any = "deploy the certificate named on {line} only once it "
					     "is valid, or fix the clock of the machine that "
					     "issued it"},
	[TL_CK_CERT_SELF_SIGNED] = {.any = "replace the certificate named on {line} with one from "
					   "a public or private CA (and its chain); if it is "
					   "meant to be trusted as it is, lint with `--ca-file`"},
	[TL_CK_CERT_TYPE] = {.any = "serve a certificate of a type the profile allows, instead of "
				    "or beside the one named on {line}"},
	[TL_CK_CERT_UNPARSABLE] = {.any = "put the PEM certificate (`-----BEGIN CERTIFICATE-----`, "
					  "leaf first) in the file named on {line}; convert DER "
					  "with `openssl x509 -inform DER`"},
	[TL_CK_CERT_WEAK_KEY] = {.any = "reissue the certificate named on {line} with an RSA "
					"{rsabits}-bit or ECDSA P-256 key, and deploy it with its "
					"key"},
	[TL_CK_CERT_WEAK_SIGNATURE] = {.any = "get the certificate reissued with a SHA-256 "
					      "signature (with the CA's current intermediate) "
					      "and replace the file named on {line}"},
	[TL_CK_CHAIN_CONTAINS_ROOT] = {.any = "remove the root certificate from the file named on "
					      "{line}; clients have it already"},
	[TL_CK_CHAIN_EXPIRED] = {.any = "replace the expired intermediate in the file named on "
					"{line} with the CA's current one"},
	[TL_CK_CHAIN_EXTRA_CERT] = {.any = "remove the certificates that are not on the leaf's "
					   "path from the file named on {line}"},
	[TL_CK_CHAIN_INCOMPLETE] =
		{.any = "append the intermediate to the file named on {line}, after the leaf",
		 .haproxy = "append the intermediate to the PEM named on {line}, after the leaf "
			    "(or set `issuers-chain-path`)"},
	[TL_CK_CHAIN_ORDER] = {.any = "reorder the file named on {line}: the leaf first, then "
				      "each issuer after the certificate it signed"},
	[TL_CK_CHAIN_UNTRUSTED] =
		{.any = "serve a certificate from a CA the clients trust (replace "
			"the file named on {line}); for a private CA every "
			"client has, lint with `--ca-file`"},
	[TL_CK_CIPHER_INSECURE] = {.any = "use the profile's cipher list: {ciphers}",
				   .nginx = CIPHERS_N,
				   .apache = CIPHERS_A,
				   .haproxy = CIPHERS_H},
	[TL_CK_CIPHER_INVALID] =
		{.any = "correct the cipher string on {line} (OpenSSL names; check it with "
			"`tlslint ciphers 'STRING'`)"},
	[TL_CK_CIPHER_KEY_MISMATCH] =
		{.any = "add suites for the certificate's key type to the cipher string on {line} "
			"(`ECDHE-RSA-…` for RSA, `ECDHE-ECDSA-…` for ECDSA), or serve a "
			"certificate of the type the list expects"},
	[TL_CK_CIPHER_NO_PFS] = {.any = "use the profile's cipher list, or append `:!kRSA`",
				 .nginx = CIPHERS_N,
				 .apache = CIPHERS_A,
				 .haproxy = CIPHERS_H},
	[TL_CK_CIPHER_NONE_FOR_PROTOCOL] =
		{.any = "add suites that the version can use to the cipher list on {line}, or "
			"disable that version"},
	[TL_CK_CIPHER_WEAK] = {.any = "use the profile's cipher list: {ciphers}",
			       .nginx = CIPHERS_N,
			       .apache = CIPHERS_A,
			       .haproxy = CIPHERS_H},
	[TL_CK_CLIENT_UNSUPPORTED] = {.any = "change the setting on {line} so that the client "
					     "can connect, as the message says (`tlslint simulate "
					     "--clients ID` shows what it gets), or drop it from "
					     "`require-clients`"},
	[TL_CK_COMPRESSION_ENABLED] =
		{.any = "remove the compression setting on {line}",
		 .apache = "remove `SSLCompression on` (or the `Compression` option) on {line}"},
	[TL_CK_CURVE_WEAK] = {.any = "set the groups on {line} to `{curves}`",
			      .nginx = "{edit:ssl_ecdh_curve}: `ssl_ecdh_curve {curves};`",
			      .apache = "set `SSLOpenSSLConfCmd Groups {curves}` (on {line})",
			      .haproxy = "set `curves {curves}` on the `bind` on {line} (or "
					 "`ssl-default-bind-curves` in `global`)"},
	[TL_CK_DH_WEAK] =
		{.any = "use DH parameters of {dhbits} bits or more (`openssl dhparam -out "
			"dhparam.pem {dhbits}`) in the file named on {line}",
		 .nginx = "point `ssl_dhparam` on {line} at {dhbits}-bit parameters (`openssl "
			  "dhparam -out dhparam.pem {dhbits}`), or remove it"},
	/* The lowering that knows the deprecation sets the exact edit; this is the rest. */
	[TL_CK_DIRECTIVE_DEPRECATED] = {.any = "replace {dir} on {line} with what the message "
					       "names"},
	[TL_CK_DIRECTIVE_INVALID] = {.any = "change or remove {dir} on {line}: use a value the "
					    "server accepts, as the message says"},
	[TL_CK_DIRECTIVE_OVERRIDDEN] = {.any = "keep one setting: remove the earlier one or "
					       "merge it into {dir} on {line}"},
	[TL_CK_DIRECTIVE_UNSUPPORTED] = {.any = "remove or rewrite {dir} on {line} for the "
						"version you deploy, or target the version that "
						"has it (`--target`, `targets:`)"},
	[TL_CK_EARLY_DATA] =
		{.any = "turn early data off on {line}",
		 .nginx = "set `ssl_early_data off;` on {line}, or pass `Early-Data "
			  "$ssl_early_data` to the backend and answer `425` to unsafe requests",
		 .haproxy = "remove `allow-0rtt` on {line}, or add `http-request "
			    "wait-for-handshake` for unsafe methods"},
	[TL_CK_HSTS_MISSING] =
		{.any = "send `Strict-Transport-Security: max-age={hsts}` from the site on {line}",
		 .nginx = "add `add_header Strict-Transport-Security \"max-age={hsts}\" always;` "
			  "to the block on {line} (and to every block below it that has "
			  "`add_header` lines of its own)",
		 .apache = "add `Header always set Strict-Transport-Security "
			   "\"max-age={hsts}\"` to the virtual host (mod_headers loaded)",
		 .haproxy = "add `http-after-response set-header Strict-Transport-Security "
			    "\"max-age={hsts}\"` to the section on {line}"},
	[TL_CK_HSTS_SHORT] = {.any = "raise `max-age` on {line} to {hsts} once the site is known "
				     "to work over HTTPS only"},
	[TL_CK_HTTP2_CIPHER_BLOCKLIST] =
		{.any = "put ECDHE AEAD suites first in the cipher string on {line}",
		 .nginx = "put ECDHE AEAD suites first in `ssl_ciphers` on {line}: `{ciphers}`",
		 .apache = "put ECDHE AEAD suites first in `SSLCipherSuite` on {line}: "
			   "`{ciphers}`"},
	[TL_CK_INCLUDE_MISSING] = {.any = "create the file named on {line}, correct the path, or "
					  "use a wildcard if the file is optional"},
	[TL_CK_KEY_ENCRYPTED] =
		{.any = "give the server the key's passphrase, or store the key decrypted "
			"(`openssl pkey -in enc.key -out key.pem`, mode 0600)",
		 .nginx = "add `ssl_password_file` with the key's passphrase (one per line), or "
			  "decrypt the key named on {line} (`openssl pkey -in enc.key -out "
			  "key.pem`, mode 0600)",
		 .apache = "set `SSLPassPhraseDialog exec:SCRIPT` that prints the passphrase, or "
			   "decrypt the key named on {line} (`openssl pkey -in enc.key -out "
			   "key.pem`, mode 0600)",
		 .haproxy = "decrypt the key in the PEM named on {line} (`openssl pkey -in enc.key "
			    "-out key.pem`); HAProxy cannot ask for a passphrase"},
	[TL_CK_KEY_MISMATCH] =
		{.any = "name the certificate's own key on {line} (compare `openssl x509 -noout "
			"-pubkey` with `openssl pkey -pubout`)",
		 .nginx = "name the key of the certificate on {line}: the Nth "
			  "`ssl_certificate_key` pairs with the Nth `ssl_certificate` (compare "
			  "`openssl x509 -noout -pubkey` with `openssl pkey -pubout`)",
		 .haproxy = "put the certificate's own key in the PEM named on {line} (compare "
			    "`openssl x509 -noout -pubkey` with `openssl pkey -pubout`)"},
	[TL_CK_KEY_MISSING] =
		{.any = "name a readable private key for the certificate on {line}",
		 .nginx = "add `ssl_certificate_key` with the certificate's key after the "
			  "`ssl_certificate` on {line}, readable by the master process",
		 .apache = "add `SSLCertificateKeyFile` with the certificate's key (on {line}), or "
			   "append the key to the `SSLCertificateFile` file",
		 .haproxy = "append the private key to the PEM named on {line}, or put it beside "
			    "it as a `.key` file"},
	[TL_CK_KEY_PERMISSIONS] = {.any = "`chmod 0600` the key file named on {line} (owner root), "
					  "or `chmod 0640` with group `ssl-cert`"},
	[TL_CK_KEY_UNPARSABLE] = {.any = "name the PEM private key of the certificate on {line} "
					 "(`-----BEGIN PRIVATE KEY-----`); convert DER with "
					 "`openssl pkey -inform DER`"},
	[TL_CK_LISTEN_SSL_MISSING] =
		{.any = "switch TLS on for the listener of {line}",
		 .nginx = "add `ssl` to the `listen` of this server (`listen 443 ssl;`); it is "
			  "plain HTTP now",
		 .apache = "add `SSLEngine on` to the virtual host of {line} (and to the first one "
			   "of its address)",
		 .haproxy = "add `ssl crt FILE` to the `bind` on {line}"},
	[TL_CK_OCSP_STAPLING_BROKEN] =
		{.any = "make stapling work for the certificate named on {line}, or switch it off",
		 .nginx = "give nginx a `resolver` and the issuer (in the chain or "
			  "`ssl_trusted_certificate`) for the certificate named on {line}, or set "
			  "`ssl_stapling off;`",
		 .apache = "add `SSLStaplingCache \"shmcb:${APACHE_RUN_DIR}/ssl_stapling(32768)\"` "
			   "at server level (mod_socache_shmcb loaded), or set `SSLUseStapling "
			   "off`",
		 .haproxy = "put the issuer in the PEM or an `.issuer` file beside the certificate "
			    "named on {line}"},
	[TL_CK_PARSE_ERROR] = {.any = "correct the text at {line} so that the server reads it (the "
				      "message says what it expected there)"},
	[TL_CK_PROTO_LEGACY] = {.any = "enable only {protocols}",
				.nginx = PROTOCOLS_N,
				.apache = PROTOCOLS_A,
				.haproxy = PROTOCOLS_H},
	[TL_CK_PROTO_NO_MODERN] = {.any = "enable {protocols}",
				   .nginx = PROTOCOLS_N,
				   .apache = PROTOCOLS_A,
				   .haproxy = PROTOCOLS_H},
	[TL_CK_PROTO_NONE] =
		{.any = "enable {protocols} and remove settings that contradict them",
		 .nginx = PROTOCOLS_N " (and no lower `MaxProtocol` command)",
		 .apache = PROTOCOLS_A " (and no `SSLOpenSSLConfCmd MaxProtocol` below it)",
		 .haproxy =
			 "set `ssl-min-ver {minproto}` with no lower `ssl-max-ver` on the `bind` "
			 "lines or in `ssl-default-bind-options`"},
	[TL_CK_PROTO_TLS13_MISSING] =
		{.any = "enable TLS 1.3 as well",
		 .nginx = "{edit:ssl_protocols}: `ssl_protocols {protocols};`",
		 .apache = "{edit:SSLProtocol}: `SSLProtocol {protocols+}`",
		 .haproxy = "remove `ssl-max-ver` below TLSv1.3 (on {line}), or set `ssl-max-ver "
			    "TLSv1.3`"},
	[TL_CK_RENEGOTIATION_INSECURE] = {.any = "remove {dir} on {line} (off is the default)"},
	[TL_CK_SESSION_TICKETS] =
		{.any = "switch session tickets off, or rotate their keys",
		 .nginx = "add `ssl_session_tickets off;` to the block on {line} (or, from nginx "
			  "1.23.2, `ssl_session_cache shared:SSL:10m;` without a key file)",
		 .apache = "{edit:SSLSessionTickets}: `SSLSessionTickets off`",
		 .haproxy = "add `no-tls-tickets` to the `bind` on {line} (or to "
			    "`ssl-default-bind-options`)"},
	[TL_CK_SNI_DUPLICATE_NAME] = {.any = "keep the name in one site of the address: remove it "
					     "on {line} or from the other site"},
	[TL_CK_SNI_IGNORED_SETTING] =
		{.any = "set {dir} on the default site of the address instead of {line}, or give "
			"this site an address of its own",
		 .nginx = "move {dir} on {line} to the default server of the address (its "
			  "`default_server`, or its first `server`), or give this server an "
			  "address of its own"},
	[TL_CK_SSL_NO_CERTIFICATE] =
		{.any = "give the listener of {line} a certificate and key",
		 .nginx = "add `ssl_certificate` and `ssl_certificate_key` to the server of {line} "
			  "(or to `http {}`)",
		 .apache = "add `SSLCertificateFile` and `SSLCertificateKeyFile` to the virtual "
			   "host of {line}",
		 .haproxy = "add `crt FILE` (a PEM with certificate, chain and key) to the `bind` "
			    "on {line}"},
	[TL_CK_SUPPRESSION_INVALID] = {.any = "correct the comment on {line} to `# tlslint: "
					      "disable=ID` with an id of `tlslint --list-checks`, "
					      "or delete it"},
	[TL_CK_UPSTREAM_NO_SNI] =
		{.any = "send the backend's name as SNI",
		 .nginx = "add `proxy_ssl_server_name on;` beside the {dir} on {line}",
		 .haproxy = "add `sni str(BACKEND-NAME)` to the `server` on {line}"},
	[TL_CK_UPSTREAM_NO_VERIFY] =
		{.any = "verify the backend's certificate",
		 .nginx = "add `proxy_ssl_verify on;` and `proxy_ssl_trusted_certificate` with the "
			  "backend's CA beside the {dir} on {line}",
		 .apache = "add `SSLProxyVerify require` and `SSLProxyCACertificateFile` with the "
			   "backend's CA for the {dir} on {line}",
		 .haproxy = "add `verify required ca-file FILE` (the backend's CA) to the {dir} on "
			    "{line}"},
};

const char *
tl_fix_template(enum tl_check_id id, const char *server)
{
	const struct fix_texts *t;

	if ((unsigned)id >= TL_CHECK_COUNT)
		return NULL;
	t = &fixes[id];
	if (server != NULL) {
		if (strcmp(server, "nginx") == 0 && t->nginx != NULL)
			return t->nginx;
		if (strcmp(server, "apache") == 0 && t->apache != NULL)
			return t->apache;
		if (strcmp(server, "haproxy") == 0 && t->haproxy != NULL)
			return t->haproxy;
	}
	return t->any;
}

/* A growing string in a fixed buffer: fixes are one line, and longer text is cut. */
struct out {
	char buf[2048];
	size_t len;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (n > sizeof o->buf - 1 - o->len)
		n = sizeof o->buf - 1 - o->len;
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void
puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void
put_list(struct out *o, const char *const *items, const char *sep, const char *prefix)
{
	for (size_t i = 0; items != NULL && items[i] != NULL; i++) {
		if (i > 0)
			puts_(o, sep);
		puts_(o, prefix);
		puts_(o, items[i]);
	}
}

/* The words of the profile's versions ("TLSv1.2", "TLSv1.3"), lowest first, NULL-terminated. */
static size_t
profile_versions(const struct tl_policy *policy, const char **names, size_t max)
{
	static const struct {
		unsigned bit;
		const char *name;
	} versions[] = {
		{TL_PROTO_SSLv3, "SSLv3"},     {TL_PROTO_TLSv1, "TLSv1"},
		{TL_PROTO_TLSv1_1, "TLSv1.1"}, {TL_PROTO_TLSv1_2, "TLSv1.2"},
		{TL_PROTO_TLSv1_3, "TLSv1.3"},
	};
	size_t n = 0;

	for (size_t i = 0; i < sizeof versions / sizeof versions[0] && n + 1 < max; i++)
		if ((policy->tls_versions & versions[i].bit) != 0)
			names[n++] = versions[i].name;
	names[n] = NULL;
	return n;
}

/* Where a finding points: its line, the word there, and the level or block it is in. */
struct spot {
	unsigned line;
	char word[64];       /* the word at the finding, without quotes; "" without a place */
	const char *level;   /* the outer level it is at ("http {}", "server config"), or NULL */
	unsigned block_line; /* else the first line of the site's block it is in, or 0 */
};

static void
spot_of(const struct tl_finding *f, const struct tl_diag *diag, struct spot *s)
{
	size_t n = 0;
	unsigned col;
	const struct tl_scope *sc;

	memset(s, 0, sizeof *s);
	if (f->loc.src == NULL)
		return;
	tl_loc_linecol(&f->loc, &s->line, &col);
	sc = diag != NULL ? tl_diag_scope_at(diag, &f->loc) : NULL;
	if (sc != NULL && sc->label != NULL) {
		s->level = sc->label;
	} else if (sc != NULL) {
		struct tl_loc start = tl_loc_make(sc->src, sc->off, 0);

		tl_loc_linecol(&start, &s->block_line, &col);
	}
	for (const char *p = f->loc.src->text + f->loc.off;
	     p < f->loc.src->text + f->loc.src->len && n < sizeof s->word - 1; p++) {
		unsigned char c = (unsigned char)*p;

		/* Config text: no blanks, quotes, braces or control bytes in the quoted word. */
		if (c <= ' ' || c == ';' || c == '{' || c == '`' || c == '"' || c == '\'' ||
		    c == 0x7f)
			break;
		s->word[n++] = (char)c;
	}
	s->word[n] = '\0';
}

static void
put_line(struct out *o, const struct spot *s)
{
	char num[32];

	if (s->line == 0) {
		puts_(o, "the config");
		return;
	}
	snprintf(num, sizeof num, "line %u", s->line);
	puts_(o, num);
}

/* {edit:A|B}: change the directive pointed at, or add A at the level its place is at. */
static void
put_edit(struct out *o, const struct spot *s, const char *alts, size_t alts_len)
{
	const char *first_end = memchr(alts, '|', alts_len);
	size_t first_len = first_end != NULL ? (size_t)(first_end - alts) : alts_len;

	for (const char *a = alts; a < alts + alts_len;) {
		const char *bar = memchr(a, '|', (size_t)(alts + alts_len - a));
		size_t n = bar != NULL ? (size_t)(bar - a) : (size_t)(alts + alts_len - a);

		if (s->word[0] != '\0' && strlen(s->word) == n && strncasecmp(s->word, a, n) == 0) {
			puts_(o, "change `");
			puts_(o, s->word);
			puts_(o, "` on ");
			put_line(o, s);
			return;
		}
		a += n + (bar != NULL);
	}
	puts_(o, "add `");
	put(o, alts, first_len);
	puts_(o, "`");
	if (s->line == 0)
		return;
	if (s->level != NULL) {
		/* An inherited default points at its level: http {}, httpd's server config. */
		puts_(o, " at the ");
		puts_(o, s->level);
		puts_(o, " level (");
		put_line(o, s);
		puts_(o, ")");
	} else if (s->block_line != 0) {
		char num[64];

		snprintf(num, sizeof num, " inside the block on line %u", s->block_line);
		puts_(o, num);
	} else {
		puts_(o, " next to `");
		puts_(o, s->word);
		puts_(o, "` on ");
		put_line(o, s);
	}
}

static void
put_number(struct out *o, long n)
{
	char num[32];

	snprintf(num, sizeof num, "%ld", n);
	puts_(o, num);
}

static void
put_placeholder(struct out *o, const char *name, size_t n, const struct spot *s,
		const struct tl_policy *policy)
{
	const char *versions[8];
	size_t nversions = policy != NULL ? profile_versions(policy, versions, 8) : 0;

#define IS(lit) (n == sizeof(lit) - 1 && memcmp(name, lit, n) == 0)
	if (IS("line")) {
		put_line(o, s);
	} else if (IS("dir")) {
		if (s->word[0] == '\0') {
			puts_(o, "the directive");
		} else {
			puts_(o, "`");
			puts_(o, s->word);
			puts_(o, "`");
		}
	} else if (n > 5 && memcmp(name, "edit:", 5) == 0) {
		put_edit(o, s, name + 5, n - 5);
	} else if (policy == NULL) {
		puts_(o, "the profile's");
	} else if (IS("ciphers")) {
		put_list(o, policy->ciphers, ":", "");
	} else if (IS("protocols")) {
		put_list(o, versions, " ", "");
	} else if (IS("protocols+")) {
		puts_(o, "-all ");
		put_list(o, versions, " ", "+");
	} else if (IS("minproto")) {
		puts_(o, nversions > 0 ? versions[0] : "TLSv1.2");
	} else if (IS("curves")) {
		put_list(o, policy->tls_curves, ":", "");
	} else if (IS("hsts")) {
		put_number(o, policy->hsts_min_age);
	} else if (IS("dhbits")) {
		put_number(o, policy->dh_param_size > 0 ? policy->dh_param_size : 2048);
	} else if (IS("rsabits")) {
		put_number(o, policy->rsa_key_size > 0 ? policy->rsa_key_size : TL_MIN_RSA_BITS);
	} else {
		/* A typo in the table: shown as written, and the unit tests catch it. */
		puts_(o, "{");
		put(o, name, n);
		puts_(o, "}");
	}
#undef IS
}

const char *
tl_fix_expand(struct tl_arena *arena, const char *template, const struct tl_finding *f,
	      const struct tl_diag *diag, const struct tl_policy *policy)
{
	struct out o = {.len = 0};
	struct spot s;

	o.buf[0] = '\0';
	spot_of(f, diag, &s);
	for (const char *p = template; *p != '\0';) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;

		if (close != NULL && close > p + 1) {
			put_placeholder(&o, p + 1, (size_t)(close - p - 1), &s, policy);
			p = close + 1;
		} else {
			put(&o, p, 1);
			p++;
		}
	}
	return tl_arena_strdup(arena, o.buf);
}

void
tl_fixes_fill(struct tl_diag *diag, const struct tl_policy *policy)
{
	for (size_t i = 0; i < diag->findings.len; i++) {
		struct tl_finding *f = diag->findings.items[i];
		const char *template;

		template = f->fix != NULL ? f->fix : tl_fix_template(f->id, f->server);
		if (template == NULL)
			continue;
		/*
		 * A profile with no TLS <= 1.2 suites (modern) is not met by a better
		 * cipher list but by switching those versions off.
		 */
		if (policy != NULL && (policy->ciphers == NULL || policy->ciphers[0] == NULL) &&
		    strstr(template, "{ciphers}") != NULL)
			template = tl_fix_template(TL_CK_PROTO_LEGACY, f->server);
		f->fix = tl_fix_expand(diag->arena, template, f, diag, policy);
	}
}
