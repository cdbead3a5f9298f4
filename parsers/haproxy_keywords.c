/*
 * The HAProxy keyword table on the shared lowering engine. Three kinds of
 * rows: global and proxy-section lines (cfgparse-ssl.c cfg_kws, the
 * "mode" of cfgparse-listen.c); the words of a bind line (bind_kws of
 * src/listener.c, src/cfgparse-ssl.c, src/cfgparse-quic.c, … and, for a
 * crt-list entry's [options], ssl_bind_kws / ssl_crtlist_kws); the words
 * of a server or default-server line (srv_kws). Every keyword HAProxy has
 * is a row, so that an unknown one is refused as HAProxy refuses it; the
 * first version of each is the first release tag (v2.6.0 … v3.4.0) whose
 * keyword lists have it. Rows that tlslint does not model use tl_set_none.
 */
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/provider.h>
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../src/fsutil.h"
#include "haproxy_facts.h"
#include "haproxy_fetches.h"
#include "haproxy_lower_int.h"

static struct hp_lower *
hp(struct tl_lower *engine)
{
	return engine->server;
}

const char *
tl_hp_join(struct hp_lower *l, const char *base, const char *written)
{
	if (written[0] == '/' || base == NULL)
		return tl_path_join(l->env->arena, l->engine.prefix, written);
	return tl_path_join(l->env->arena, tl_path_join(l->env->arena, l->engine.prefix, base),
			    written);
}

/* ---- flags written as one word ("ssl", "no-tls-tickets") ---- */

static void
set_on(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
       void *field)
{
	struct tl_flag *f = field;

	(void)engine;
	(void)kw;
	f->v = tl_value_set(d);
	f->on = true;
}

static void
set_off(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	void *field)
{
	struct tl_flag *f = field;

	(void)engine;
	(void)kw;
	f->v = tl_value_set(d);
	f->on = false;
}

static const struct tl_setter set_on_row = {set_on, NULL};
static const struct tl_setter set_off_row = {set_off, NULL};

/* ---- alpn, npn, check-alpn (ssl_sock_parse_alpn, ssl_bind_parse_npn) ---- */

/*
 * A comma-separated protocol list, each name at most 255 bytes (its length
 * goes in one byte on the wire); a longer one is HAProxy's alert as it
 * reads the keyword (v2.6.0). Empty names between commas pass. Stored when
 * the row has a field.
 */
static void
set_protocol_names(struct tl_lower *engine, const struct tl_keyword *kw,
		   const struct tl_directive *d, void *field)
{
	const char *p = d->args[0].text;
	bool npn = strcmp(kw->name, "npn") == 0;

	for (;;) {
		size_t len = strcspn(p, ",");

		if (len > 255) {
			tl_lower_invalid(engine, d->args[0].loc,
					 "'%s' : %s protocol name too long : '%s…' (%zu bytes, "
					 "at most 255)",
					 d->name, npn ? "NPN" : "ALPN",
					 tl_arena_strndup(engine->arena, p, 16), len);
			return;
		}
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	if (field != NULL)
		tl_set_str.set(engine, kw, d, field);
}

static const struct tl_setter set_protocol_names_row = {set_protocol_names, NULL};

/* ciphersuites (ssl_bind_parse_ciphersuites, srv_parse_ciphersuites): an empty word is refused. */
static void
set_suites(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	   void *field)
{
	if (d->args[0].text[0] == '\0') {
		tl_lower_invalid(engine, d->args[0].loc, "'%s' : missing cipher suite", d->name);
		return;
	}
	tl_set_str.set(engine, kw, d, field);
}

static const struct tl_setter set_suites_row = {set_suites, NULL};

/* ---- protocol versions (parse_tls_method_options, parse_tls_method_minmax) ---- */

/* The version a keyword ends in ("no-tlsv11" → TLSv1.1), or 0. */
static unsigned
suffix_version(const char *name)
{
	static const struct {
		const char *suffix;
		unsigned bit;
	} versions[] = {
		{"-sslv3", TL_PROTO_SSLv3},    {"-tlsv10", TL_PROTO_TLSv1},
		{"-tlsv11", TL_PROTO_TLSv1_1}, {"-tlsv12", TL_PROTO_TLSv1_2},
		{"-tlsv13", TL_PROTO_TLSv1_3},
	};
	const char *dash = strchr(name, '-');

	for (size_t i = 0; dash != NULL && i < sizeof(versions) / sizeof(versions[0]); i++)
		if (strcmp(dash, versions[i].suffix) == 0)
			return versions[i].bit;
	return 0;
}

static void
set_no(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
       void *field)
{
	struct hp_versions *v = field;

	(void)engine;
	v->no.v = tl_value_set(d);
	v->no.mask |= suffix_version(kw->name);
}

/* force-tlsv12: exactly that version (min = max). */
static void
set_force(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	  void *field)
{
	struct hp_versions *v = field;
	unsigned bit = suffix_version(kw->name);

	(void)engine;
	v->min.v = v->max.v = tl_value_set(d);
	v->min.mask = v->max.mask = bit;
}

/* ssl-min-ver / ssl-max-ver SSLv3 | TLSv1.0 | TLSv1.1 | TLSv1.2 | TLSv1.3 (case matters). */
static void
set_version(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	    void *field)
{
	static const char *const names[] = {"SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"};
	static const unsigned bits[] = {TL_PROTO_SSLv3, TL_PROTO_TLSv1, TL_PROTO_TLSv1_1,
					TL_PROTO_TLSv1_2, TL_PROTO_TLSv1_3};
	struct tl_protocols *p = field;

	(void)kw;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(d->args[0].text, names[i]) == 0) {
			p->v = tl_value_set(d);
			p->mask = bits[i];
			return;
		}
	tl_lower_invalid(engine, d->args[0].loc, "'%s' : unknown ssl/tls version", d->args[0].text);
}

static const struct tl_setter set_no_row = {set_no, NULL};
static const struct tl_setter set_force_row = {set_force, NULL};
static const struct tl_setter set_version_row = {set_version, NULL};

/* ---- files ---- */

/* ca-file, crl-file: relative to ca-base. */
static void
set_ca(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
       void *field)
{
	struct tl_str *s = field;

	(void)kw;
	s->v = tl_value_set(d);
	s->s = tl_hp_join(hp(engine), hp(engine)->global.ca_base.s, d->args[0].text);
}

/* A server's client certificate: relative to crt-base. */
static void
set_client_crt(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	       void *field)
{
	struct tl_str *s = field;

	(void)kw;
	s->v = tl_value_set(d);
	s->s = tl_hp_join(hp(engine), hp(engine)->global.crt_base.s, d->args[0].text);
}

static void
push_crt(struct tl_lower *engine, const struct tl_directive *d, struct hp_ssl *ssl,
	 enum hp_crt_kind kind)
{
	struct hp_crt *c = tl_arena_alloc(engine->arena, sizeof(*c));

	c->kind = kind;
	c->arg = &d->args[0];
	c->keyword = d->loc;
	tl_ptrvec_push(engine->arena, &ssl->crts, c);
}

static void
set_crt(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	void *field)
{
	(void)kw;
	push_crt(engine, d, field, HP_CRT);
}

static void
set_crt_list(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	     void *field)
{
	(void)kw;
	push_crt(engine, d, field, HP_CRT_LIST);
}

static void
set_default_crt(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		void *field)
{
	(void)kw;
	push_crt(engine, d, field, HP_CRT_DEFAULT);
}

static void
set_base(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	 void *field)
{
	struct tl_str *s = field;

	(void)engine;
	(void)kw;
	s->v = tl_value_set(d);
	s->s = d->args[0].text;
}

static const struct tl_setter set_ca_row = {set_ca, NULL};
static const struct tl_setter set_client_crt_row = {set_client_crt, NULL};
static const struct tl_setter set_crt_row = {set_crt, NULL};
static const struct tl_setter set_crt_list_row = {set_crt_list, NULL};
static const struct tl_setter set_default_crt_row = {set_default_crt, NULL};
static const struct tl_setter set_base_row = {set_base, NULL};

/* ---- the rest ---- */

/* bind "verify none | optional | required" (bind_parse_verify). */
static void
set_verify(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	   void *field)
{
	struct tl_client_auth_setting *c = field;
	const char *w = d->args[0].text;

	(void)kw;
	if (strcmp(w, "none") == 0)
		c->mode = TL_CLIENT_AUTH_OFF;
	else if (strcmp(w, "optional") == 0)
		c->mode = TL_CLIENT_AUTH_OPTIONAL;
	else if (strcmp(w, "required") == 0)
		c->mode = TL_CLIENT_AUTH_REQUIRE;
	else {
		tl_lower_invalid(engine, d->args[0].loc,
				 "'verify' : unknown verify method '%s', only 'none', 'optional', "
				 "and 'required' are supported",
				 w);
		return;
	}
	c->v = tl_value_set(d);
}

/*
 * server "sni EXPR": SNI is sent, from a sample expression, which HAProxy
 * parses as it reads the line (server_parse_sni_expr). Only the fetch name
 * is judged, against the names HAProxy registers in the targeted version
 * (haproxy_fetches.c): its arguments, the converters after it and whether
 * it can be used at that point are left to HAProxy.
 */
static void
set_sni(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	void *field)
{
	struct tl_str *name = field;
	struct tl_upstream_tls *up =
		(struct tl_upstream_tls *)((char *)field - offsetof(struct tl_upstream_tls, name));

	const char *expr = d->args[0].text;
	size_t len = 0;

	(void)kw;
	/* sample_parse_expr (v2.6.0): the fetch name is the leading run of is_idchar(). */
	while (isalnum((unsigned char)expr[len]) || strchr("._-+:", expr[len]) != NULL) {
		if (expr[len] == '\0')
			break;
		len++;
	}
	if (len == 0) {
		tl_lower_invalid(
			engine, d->args[0].loc,
			"error detected while parsing sni expression : missing fetch method");
		return;
	}
	if (!tl_haproxy_fetch_known(expr, len, engine->version)) {
		tl_lower_invalid(
			engine, d->args[0].loc,
			"error detected while parsing sni expression : unknown fetch method "
			"'%s' (HAProxy %u.%u has no such sample fetch)",
			tl_arena_strndup(engine->arena, expr, len), engine->version.major,
			engine->version.minor);
		return;
	}
	name->v = tl_value_set(d);
	name->s = d->args[0].text;
	up->server_name.v = tl_value_set(d);
	up->server_name.on = true;
}

/* tune.ssl.default-dh-param BITS (ssl_parse_global_default_dh: at least 1024). */
static void
set_dh_bits(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	    void *field)
{
	struct tl_count *c = field;
	char *end;
	long n = strtol(d->args[0].text, &end, 10);

	(void)kw;
	if (*end != '\0' || n < 1024) {
		tl_lower_invalid(engine, d->args[0].loc,
				 "'%s' requires at least 1024 bits, got '%s'", d->name,
				 d->args[0].text);
		return;
	}
	c->v = tl_value_set(d);
	c->n = n;
}

/*
 * ssl-load-extra-files none | all | WORD... (ssl_parse_global_extra_files):
 * WORD one of bundle, sctl, ocsp, issuer, key; none and all only alone.
 */
static void
set_extra_files(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		void *field)
{
	static const struct {
		const char *word;
		unsigned bit;
	} words[] = {{"bundle", HP_GF_BUNDLE},
		     {"sctl", HP_GF_SCTL},
		     {"ocsp", HP_GF_OCSP},
		     {"issuer", HP_GF_ISSUER},
		     {"key", HP_GF_KEY}};
	unsigned *gf = field, set = 0;

	(void)kw;
	for (size_t i = 0; i < d->nargs; i++) {
		const char *w = d->args[i].text;
		size_t k = 0;

		if (strcmp(w, "none") == 0 || strcmp(w, "all") == 0) {
			if (i > 0 || d->nargs > 1) {
				tl_lower_invalid(engine, d->args[i].loc,
						 "'%s' 'none' and 'all' can be only used alone",
						 d->name);
				return;
			}
			*gf = strcmp(w, "all") == 0 ? HP_GF_ALL : 0;
			return;
		}
		while (k < sizeof(words) / sizeof(words[0]) && strcmp(w, words[k].word) != 0)
			k++;
		if (k == sizeof(words) / sizeof(words[0])) {
			tl_lower_invalid(
				engine, d->args[i].loc,
				"'%s' expects one or multiple arguments (none, all, bundle, "
				"sctl, ocsp, issuer).",
				d->name);
			return;
		}
		set |= words[k].bit;
	}
	if (d->nargs == 0) {
		tl_lower_invalid(engine, d->loc,
				 "'%s' expects one or multiple arguments (none, all, bundle, sctl, "
				 "ocsp, issuer).",
				 d->name);
		return;
	}
	*gf = set;
}

/*
 * ssl-security-level 0..5 (ssl_parse_security_level, v3.0.0): OpenSSL's
 * level for every context HAProxy makes, set before the certificates.
 */
static void
set_security_level(struct tl_lower *engine, const struct tl_keyword *kw,
		   const struct tl_directive *d, void *field)
{
	struct tl_count *c = field;
	char *end;
	long n = strtol(d->args[0].text, &end, 10);

	(void)kw;
	if (*end != '\0' || d->args[0].text[0] == '\0') {
		tl_lower_invalid(engine, d->args[0].loc,
				 "'%s' : expects an integer argument, found '%s'", d->name,
				 d->args[0].text);
		return;
	}
	if (n < 0 || n > 5) {
		tl_lower_invalid(engine, d->args[0].loc, "'%s' : expects a value between 0 and 5",
				 d->name);
		return;
	}
	c->v = tl_value_set(d);
	c->n = n;
}

/*
 * issuers-chain-path DIR (ssl_load_global_issuers_from_path, v2.6.0): read
 * as the line is, so a path that does not exist or is not a directory is
 * the line's alert. Relative to HAProxy's working directory.
 */
static void
set_issuers_path(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		 void *field)
{
	struct hp_lower *l = hp(engine);
	struct tl_str *s = field;
	const char *path = d->nargs > 0 ? d->args[0].text : "";
	struct stat st;

	(void)kw;
	if (path[0] == '\0' || tl_fs_stat(l->fs, tl_hp_join(l, NULL, path), &st) != 0) {
		tl_lower_invalid(engine, d->nargs > 0 ? d->args[0].loc : d->loc,
				 "global statement '%s' expects a directory path as an argument.",
				 d->name);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		tl_lower_invalid(engine, d->args[0].loc,
				 "global statement '%s': %s is not a directory.", d->name, path);
		return;
	}
	s->v = tl_value_set(d);
	s->s = tl_hp_join(l, NULL, path);
}

/*
 * What HAProxy says of a keyword given an empty word or none (the end of
 * the line hands it an empty one): its own message where tlslint knows it.
 */
static const struct {
	const char *name;
	const char *message;
} empty_messages[] = {
	{"ca-ignore-err", "missing error IDs list"},          /* bind_parse_ignore_err, v2.6.0 */
	{"crt-ignore-err", "missing error IDs list"},         /* bind_parse_ignore_err, v2.6.0 */
	{"verifyhost", "missing hostname to verify against"}, /* srv_parse_verifyhost, v2.6.0 */
};

const char *
tl_hp_empty_arg_message(const char *name)
{
	for (size_t i = 0; i < sizeof(empty_messages) / sizeof(empty_messages[0]); i++)
		if (strcmp(empty_messages[i].name, name) == 0)
			return empty_messages[i].message;
	return NULL;
}

/* A word HAProxy refuses empty and tlslint does not model otherwise (verifyhost). */
static void
set_nonempty(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	     void *field)
{
	const char *message = tl_hp_empty_arg_message(kw->name);

	(void)field;
	if (d->args[0].text[0] == '\0')
		tl_lower_invalid(engine, d->args[0].loc, "'%s' : %s.", d->name,
				 message != NULL ? message : "missing argument");
}

static const struct tl_setter set_nonempty_row = {set_nonempty, NULL};

/*
 * The verify error names ca-ignore-err and crt-ignore-err take from 2.7
 * (x509_v_codes of src/ssl_utils.c, v2.7.0 to v3.4.0: OpenSSL's
 * X509_V_ERR_* names, all defined in OpenSSL 3.0).
 */
static const char *const verify_error_names[] = {
	"X509_V_OK",
	"X509_V_ERR_UNSPECIFIED",
	"X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT",
	"X509_V_ERR_UNABLE_TO_GET_CRL",
	"X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE",
	"X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE",
	"X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
	"X509_V_ERR_CERT_SIGNATURE_FAILURE",
	"X509_V_ERR_CRL_SIGNATURE_FAILURE",
	"X509_V_ERR_CERT_NOT_YET_VALID",
	"X509_V_ERR_CERT_HAS_EXPIRED",
	"X509_V_ERR_CRL_NOT_YET_VALID",
	"X509_V_ERR_CRL_HAS_EXPIRED",
	"X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD",
	"X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD",
	"X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD",
	"X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD",
	"X509_V_ERR_OUT_OF_MEM",
	"X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT",
	"X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN",
	"X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
	"X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE",
	"X509_V_ERR_CERT_CHAIN_TOO_LONG",
	"X509_V_ERR_CERT_REVOKED",
	"X509_V_ERR_NO_ISSUER_PUBLIC_KEY",
	"X509_V_ERR_PATH_LENGTH_EXCEEDED",
	"X509_V_ERR_INVALID_PURPOSE",
	"X509_V_ERR_CERT_UNTRUSTED",
	"X509_V_ERR_CERT_REJECTED",
	"X509_V_ERR_SUBJECT_ISSUER_MISMATCH",
	"X509_V_ERR_AKID_SKID_MISMATCH",
	"X509_V_ERR_AKID_ISSUER_SERIAL_MISMATCH",
	"X509_V_ERR_KEYUSAGE_NO_CERTSIGN",
	"X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER",
	"X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION",
	"X509_V_ERR_KEYUSAGE_NO_CRL_SIGN",
	"X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION",
	"X509_V_ERR_INVALID_NON_CA",
	"X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED",
	"X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE",
	"X509_V_ERR_PROXY_CERTIFICATES_NOT_ALLOWED",
	"X509_V_ERR_INVALID_EXTENSION",
	"X509_V_ERR_INVALID_POLICY_EXTENSION",
	"X509_V_ERR_NO_EXPLICIT_POLICY",
	"X509_V_ERR_DIFFERENT_CRL_SCOPE",
	"X509_V_ERR_UNSUPPORTED_EXTENSION_FEATURE",
	"X509_V_ERR_UNNESTED_RESOURCE",
	"X509_V_ERR_PERMITTED_VIOLATION",
	"X509_V_ERR_EXCLUDED_VIOLATION",
	"X509_V_ERR_SUBTREE_MINMAX",
	"X509_V_ERR_APPLICATION_VERIFICATION",
	"X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE",
	"X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX",
	"X509_V_ERR_UNSUPPORTED_NAME_SYNTAX",
	"X509_V_ERR_CRL_PATH_VALIDATION_ERROR",
	"X509_V_ERR_PATH_LOOP",
	"X509_V_ERR_SUITE_B_INVALID_VERSION",
	"X509_V_ERR_SUITE_B_INVALID_ALGORITHM",
	"X509_V_ERR_SUITE_B_INVALID_CURVE",
	"X509_V_ERR_SUITE_B_INVALID_SIGNATURE_ALGORITHM",
	"X509_V_ERR_SUITE_B_LOS_NOT_ALLOWED",
	"X509_V_ERR_SUITE_B_CANNOT_SIGN_P_384_WITH_P_256",
	"X509_V_ERR_HOSTNAME_MISMATCH",
	"X509_V_ERR_EMAIL_MISMATCH",
	"X509_V_ERR_IP_ADDRESS_MISMATCH",
	"X509_V_ERR_DANE_NO_MATCH",
	"X509_V_ERR_EE_KEY_TOO_SMALL",
	"X509_V_ERR_CA_KEY_TOO_SMALL",
	"X509_V_ERR_CA_MD_TOO_WEAK",
	"X509_V_ERR_INVALID_CALL",
	"X509_V_ERR_STORE_LOOKUP",
	"X509_V_ERR_NO_VALID_SCTS",
	"X509_V_ERR_PROXY_SUBJECT_NAME_VIOLATION",
	"X509_V_ERR_OCSP_VERIFY_NEEDED",
	"X509_V_ERR_OCSP_VERIFY_FAILED",
	"X509_V_ERR_OCSP_CERT_UNKNOWN",
	"X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM",
	"X509_V_ERR_SIGNATURE_ALGORITHM_MISMATCH",
	"X509_V_ERR_SIGNATURE_ALGORITHM_INCONSISTENCY",
	"X509_V_ERR_INVALID_CA",
	"X509_V_ERR_PATHLEN_INVALID_FOR_NON_CA",
	"X509_V_ERR_PATHLEN_WITHOUT_KU_KEY_CERT_SIGN",
	"X509_V_ERR_KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA",
	"X509_V_ERR_ISSUER_NAME_EMPTY",
	"X509_V_ERR_SUBJECT_NAME_EMPTY",
	"X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER",
	"X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER",
	"X509_V_ERR_EMPTY_SUBJECT_ALT_NAME",
	"X509_V_ERR_EMPTY_SUBJECT_SAN_NOT_CRITICAL",
	"X509_V_ERR_CA_BCONS_NOT_CRITICAL",
	"X509_V_ERR_AUTHORITY_KEY_IDENTIFIER_CRITICAL",
	"X509_V_ERR_SUBJECT_KEY_IDENTIFIER_CRITICAL",
	"X509_V_ERR_CA_CERT_MISSING_KEY_USAGE",
	"X509_V_ERR_EXTENSIONS_REQUIRE_VERSION_3",
	"X509_V_ERR_EC_KEY_EXPLICIT_PARAMS",
};

/*
 * ca-ignore-err / crt-ignore-err all | ID,... (bind_parse_ignore_err). 2.6
 * reads each number after a comma with atoi(), so an empty one or a name
 * is ID 0, and takes 1..94 (SSL_MAX_VFY_ERROR_CODE; measured on 2.6.12,
 * 2.6.0 took 1..63); from 2.7 the list is split on commas (empty pieces
 * skipped) and a piece not starting with a digit is an X509_V_ERR_* name.
 */
static void
set_ignore_err(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	       void *field)
{
	const char *list = d->args[0].text;
	bool names = tl_haproxy_has(TL_HP_IGNORE_ERR_NAMES, engine->version);

	(void)field;
	if (list[0] == '\0') {
		tl_lower_invalid(engine, d->args[0].loc, "'%s' : %s.", d->name,
				 tl_hp_empty_arg_message(kw->name));
		return;
	}
	if (strcmp(list, "all") == 0)
		return;
	for (const char *p = list; p != NULL;) {
		size_t len = strcspn(p, ",");
		const char *next = p[len] == ',' ? p + len + 1 : NULL;
		int code;

		if (names && len == 0) {
			p = next;
			continue;
		}
		if (names && !isdigit((unsigned char)p[0])) {
			const char *name = tl_arena_strndup(engine->arena, p, len);
			size_t k = 0;

			while (k < sizeof(verify_error_names) / sizeof(verify_error_names[0]) &&
			       strcmp(verify_error_names[k], name) != 0)
				k++;
			if (k == sizeof(verify_error_names) / sizeof(verify_error_names[0])) {
				tl_lower_invalid(engine, d->args[0].loc,
						 "'%s' : error constant '%s' unknown in error IDs "
						 "list '%s'",
						 d->name, name, list);
				return;
			}
		} else {
			code = (int)strtol(p, NULL, 10); /* atoi() */
			if (code <= 0 || code > 94) {
				tl_lower_invalid(engine, d->args[0].loc,
						 "'%s' : ID '%d' out of range (1..94) in error IDs "
						 "list '%s'",
						 d->name, code, list);
				return;
			}
		}
		p = next;
	}
}

static const struct tl_setter set_ignore_err_row = {set_ignore_err, NULL};
/*
 * HAProxy's parse_time_err() for a value in seconds (src/tools.c, v2.6.0
 * to v3.4.0): digits, then an optional unit (us, ms, s, m, h, d), rounded
 * up to whole seconds, below 2^31. NULL when it parses, else what is
 * wrong; *OVER is set for an overflow. Arithmetic wraps as HAProxy's does.
 */
static const char *
hp_time_error(const char *text, bool *over)
{
	unsigned long long value = 0, mult = 1, div = 1, result;

	*over = false;
	if (!isdigit((unsigned char)*text))
		return text;
	while (isdigit((unsigned char)*text))
		value = value * 10 + (unsigned long long)(*text++ - '0');
	switch (*text) {
	case '\0':
		break;
	case 's':
		break;
	case 'u':
		if (text[1] != 's')
			return text;
		div = 1000000;
		text++;
		break;
	case 'm':
		if (text[1] == 's') {
			div = 1000;
			text++;
		} else {
			mult = 60;
		}
		break;
	case 'h':
		mult = 3600;
		break;
	case 'd':
		mult = 86400;
		break;
	default:
		return text;
	}
	/* A character after the unit is only a warning ("will be reported as an error"). */
	result = (value * mult + (div - 1)) / div;
	if (result >= 0x80000000ULL) {
		*over = true;
		return text;
	}
	return NULL;
}

/* tune.ssl.lifetime TIME (ssl_parse_global_lifetime, v2.6.0): the session cache lifetime. */
static void
set_lifetime(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	     void *field)
{
	const char *value = d->nargs > 0 ? d->args[0].text : "";
	const char *bad;
	bool over;

	(void)kw;
	(void)field;
	if (value[0] == '\0') {
		tl_lower_invalid(engine, d->nargs > 0 ? d->args[0].loc : d->loc,
				 "'%s' expects ssl sessions <lifetime> in seconds as argument.",
				 d->name);
		return;
	}
	bad = hp_time_error(value, &over);
	if (bad != NULL && over)
		tl_lower_invalid(engine, d->args[0].loc,
				 "timer overflow in argument '%s' to <%s> (maximum value is "
				 "2147483647 s or ~68 years).",
				 value, d->name);
	else if (bad != NULL)
		tl_lower_invalid(engine, d->args[0].loc,
				 "unexpected character '%c' in argument to <%s>.", *bad, d->name);
}

static const struct tl_setter set_lifetime_row = {set_lifetime, NULL};

/*
 * ssl-engine: HAProxy has it only when built with USE_ENGINE, which its
 * default build and Debian's leave out (haproxy -vv: -ENGINE; OpenSSL 3
 * deprecates engines): until 3.4 the keyword is not registered (the
 * "unknown keyword" alert, haproxy -c 2.6.12), from 3.4 it is and refuses
 * itself (ssl_parse_global_ssl_engine, v3.4.0). A build with USE_ENGINE
 * would take it; tlslint judges the packaged one.
 */
static void
set_engine(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	   void *field)
{
	(void)kw;
	(void)field;
	if (tl_haproxy_has(TL_HP_ENGINE_ALWAYS, engine->version))
		tl_lower_invalid(
			engine, d->loc,
			"'%s' is not supported (built without USE_ENGINE or with "
			"-DOPENSSL_NO_ENGINE): HAProxy's default build and Debian's have no "
			"engine support; use an OpenSSL provider (ssl-provider)",
			d->name);
	else
		tl_lower_invalid(
			engine, d->loc,
			"unknown keyword '%s' in 'global' section: HAProxy registers it only "
			"when built with USE_ENGINE, which its default build and Debian's "
			"leave out; use an OpenSSL provider (ssl-provider)",
			d->name);
}

/* ssl-provider-path DIR (ssl_parse_global_ssl_provider_path): where later ssl-provider look. */
static void
set_provider_path(struct tl_lower *engine, const struct tl_keyword *kw,
		  const struct tl_directive *d, void *field)
{
	struct tl_str *s = field;

	(void)kw;
	if (d->nargs == 0 || d->args[0].text[0] == '\0') {
		tl_lower_invalid(engine, d->loc,
				 "global statement '%s' expects a directory path as an argument.",
				 d->name);
		return;
	}
	s->v = tl_value_set(d);
	s->s = tl_hp_join(hp(engine), NULL, d->args[0].text);
}

/*
 * The module file of a provider NAME with a '/' in it: OpenSSL's DSO layer
 * (dlfcn_name_converter, dlfcn_merger) takes such a name as written, with
 * no ".so" added: as it is when absolute, else under ssl-provider-path's
 * directory or, without one, the module directory the linked libcrypto
 * was built with (standing for the server's).
 */
static const char *
provider_module_path(struct hp_lower *l, const char *name)
{
	const char *dir = l->global.provider_path.v.origin != TL_ORIGIN_UNSET
				  ? l->global.provider_path.s
				  : OPENSSL_info(OPENSSL_INFO_MODULES_DIR);

	return tl_path_join(l->env->arena, name[0] == '/' ? NULL : dir, name);
}

/*
 * Whether OSSL_PROVIDER_load() finds provider NAME as HAProxy calls it
 * (ssl_init_provider, v2.6.0): OpenSSL 3's built-in ones and those an
 * earlier line loaded always; a module NAME.so in ssl-provider-path's
 * directory when one is set (the server's files, through the --root
 * layer), else where the linked libcrypto looks for modules (tried in a
 * library context of its own, so tlslint's stays as it is: the linked
 * OpenSSL stands for the server's). A NAME that is a path names a module
 * file of the server's: it is looked up through the --root layer too and
 * never loaded, since OpenSSL would dlopen() it as written, outside the
 * root, and run a shared object the config chose inside tlslint.
 */
static bool
provider_loads(struct hp_lower *l, const char *name)
{
	static const char *const builtin[] = {"default", "base", "null"};
	OSSL_LIB_CTX *ctx;
	OSSL_PROVIDER *prov;
	struct stat st;

	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (strcmp(name, builtin[i]) == 0)
			return true;
	/* Loaded already: OpenSSL hands back the same one, wherever the path points now. */
	for (size_t i = 0; i < l->global.providers.len; i++)
		if (strcmp(name, l->global.providers.items[i]) == 0)
			return true;
	if (strchr(name, '/') != NULL)
		return tl_fs_stat(l->fs, provider_module_path(l, name), &st) == 0 &&
		       S_ISREG(st.st_mode);
	if (l->global.provider_path.v.origin != TL_ORIGIN_UNSET)
		return tl_fs_stat(l->fs,
				  tl_arena_printf(l->env->arena, "%s/%s.so",
						  l->global.provider_path.s, name),
				  &st) == 0 &&
		       S_ISREG(st.st_mode);
	ctx = OSSL_LIB_CTX_new();
	prov = ctx != NULL ? OSSL_PROVIDER_load(ctx, name) : NULL;
	if (prov != NULL)
		OSSL_PROVIDER_unload(prov);
	OSSL_LIB_CTX_free(ctx);
	ERR_clear_error();
	return prov != NULL;
}

/* ssl-provider NAME (ssl_parse_global_ssl_provider): loaded as the line is read. */
static void
set_provider(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	     void *field)
{
	struct hp_lower *l = hp(engine);

	(void)kw;
	(void)field;
	if (d->nargs == 0 || d->args[0].text[0] == '\0') {
		tl_lower_invalid(engine, d->loc,
				 "global statement '%s' expects a valid engine provider name as an "
				 "argument.",
				 d->name);
		return;
	}
	if (provider_loads(l, d->args[0].text))
		tl_ptrvec_push(engine->arena, &l->global.providers, (void *)d->args[0].text);
	else if (strchr(d->args[0].text, '/') != NULL)
		tl_lower_invalid(engine, d->args[0].loc,
				 "ssl-provider %s: unknown provider (no module file '%s')",
				 d->args[0].text, provider_module_path(l, d->args[0].text));
	else
		tl_lower_invalid(
			engine, d->args[0].loc, "ssl-provider %s: unknown provider (%s)",
			d->args[0].text,
			l->global.provider_path.v.origin != TL_ORIGIN_UNSET
				? tl_arena_printf(engine->arena,
						  "no %s.so in ssl-provider-path '%s'",
						  d->args[0].text,
						  l->global.provider_path.v.dir->args[0].text)
				: "not built into OpenSSL, and no such module where it looks");
}

/*
 * ssl-propquery QUERY (ssl_parse_global_ssl_propquery): the default
 * property query, which EVP_set_default_properties() must parse (HAProxy's
 * alert then says only "(null)"); tried in a library context of its own.
 */
static void
set_propquery(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
	      void *field)
{
	OSSL_LIB_CTX *ctx;
	int ok;

	(void)kw;
	(void)field;
	if (d->nargs == 0 || d->args[0].text[0] == '\0') {
		tl_lower_invalid(engine, d->loc,
				 "global statement '%s' expects a property string as an argument.",
				 d->name);
		return;
	}
	ctx = OSSL_LIB_CTX_new();
	ok = ctx != NULL && EVP_set_default_properties(ctx, d->args[0].text) == 1;
	OSSL_LIB_CTX_free(ctx);
	ERR_clear_error();
	if (!ok)
		tl_lower_invalid(engine, d->args[0].loc,
				 "'%s' : OpenSSL cannot parse the property query '%s' (HAProxy's "
				 "alert says only '(null)')",
				 d->name, d->args[0].text);
}

static const struct tl_setter set_engine_row = {set_engine, NULL};
static const struct tl_setter set_provider_path_row = {set_provider_path, NULL};
static const struct tl_setter set_provider_row = {set_provider, NULL};
static const struct tl_setter set_propquery_row = {set_propquery, NULL};
static const struct tl_setter set_issuers_path_row = {set_issuers_path, NULL};
static const struct tl_setter set_security_level_row = {set_security_level, NULL};
static const struct tl_setter set_extra_files_row = {set_extra_files, NULL};
static const struct tl_setter set_verify_row = {set_verify, NULL};
static const struct tl_setter set_sni_row = {set_sni, NULL};
static const struct tl_setter set_dh_bits_row = {set_dh_bits, NULL};

/*
 * ssl-default-bind-options / ssl-default-server-options: option words as
 * on a bind (server) line, only those the global statement knows.
 */
static const char *const bind_options[] = {
	"no-tls-tickets", "tls-tickets", "prefer-client-ciphers", "strict-sni",
	"no-strict-sni",  "ssl-min-ver", "ssl-max-ver",           NULL};
static const char *const server_options[] = {"no-tls-tickets", "ssl-min-ver",    "ssl-max-ver",
					     "renegotiate",    "no-renegotiate", NULL};

static bool
global_option(const char *const *known, const char *w)
{
	for (const char *const *k = known; *k != NULL; k++)
		if (strcmp(*k, w) == 0)
			return true;
	return (strncmp(w, "no-", 3) == 0 || strncmp(w, "force-", 6) == 0) &&
	       suffix_version(w) != 0;
}

static void
set_global_options(struct tl_lower *engine, const struct tl_directive *d, const char *const *known,
		   unsigned ctx)
{
	struct hp_lower *l = hp(engine);
	void *targets[HP_NTARGETS] = {NULL};

	targets[HP_TARGET_TLS] = &l->global.bind.tls;
	targets[HP_TARGET_SSL] = &l->global.bind;
	targets[HP_TARGET_UP] = &l->global.server.up;
	targets[HP_TARGET_SERVER] = &l->global.server;
	for (size_t i = 0; i < d->nargs; i++) {
		const char *w = d->args[i].text;

		if (!global_option(known, w)) {
			tl_lower_invalid(engine, d->args[i].loc,
					 "unknown option '%s' on global statement '%s'.", w,
					 d->name);
			return;
		}
		if (strcmp(w, "ssl-min-ver") == 0 || strcmp(w, "ssl-max-ver") == 0)
			i++; /* its version */
	}
	tl_hp_apply_words(l, ctx, targets, d->args, d->nargs, d->name);
}

static void
set_bind_options(struct tl_lower *engine, const struct tl_keyword *kw, const struct tl_directive *d,
		 void *field)
{
	(void)kw;
	(void)field;
	set_global_options(engine, d, bind_options, HP_BIND);
}

static void
set_server_options(struct tl_lower *engine, const struct tl_keyword *kw,
		   const struct tl_directive *d, void *field)
{
	(void)kw;
	(void)field;
	set_global_options(engine, d, server_options, HP_SERVER);
}

static const struct tl_setter set_bind_options_row = {set_bind_options, NULL};
static const struct tl_setter set_server_options_row = {set_server_options, NULL};

static const char *const verify_values[] = {"none", "required", NULL};
static const char *const on_off_values[] = {"on", "off", NULL};

/* clang-format off */
static const struct tl_keyword rows[] = {
	{"accept-netscaler-cip", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"accept-proxy", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"addr", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"agent-addr", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"agent-check", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"agent-inter", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"agent-port", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"agent-send", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"allow-0rtt", HP_BIND | HP_CRTLIST, {0}, {0}, &set_on_row, HP_TARGET_TLS, offsetof(struct tl_tls, early_data), 0, 0, NULL, "accepts TLS 1.3 early data"},
	{"allow-0rtt", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"alpn", HP_BIND | HP_CRTLIST, {0}, {0}, &set_protocol_names_row, HP_TARGET_TLS, offsetof(struct tl_tls, alpn), 1, 1, NULL, "the ALPN protocols offered"},
	{"alpn", HP_SERVER, {0}, {0}, &set_protocol_names_row, TL_NO_TARGET, 0, 1, 1, NULL, "the ALPN protocols offered to servers (checked, not modelled)"},
	{"backlog", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"backup", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"ca-base", HP_GLOBAL, {0}, {0}, &set_base_row, HP_TARGET_GLOBAL, offsetof(struct hp_global, ca_base), 1, 1, NULL, "the directory relative CA and CRL files are in"},
	{"ca-file", HP_BIND | HP_CRTLIST, {0}, {0}, &set_ca_row, HP_TARGET_TLS, offsetof(struct tl_tls, client_certificate), 1, 1, NULL, "CAs client certificates are verified against"},
	{"ca-file", HP_SERVER, {0}, {0}, &set_ca_row, HP_TARGET_UP, offsetof(struct tl_upstream_tls, trusted_certificate), 1, 1, NULL, "CAs the server's certificate is verified against"},
	{"ca-ignore-err", HP_BIND, {0}, {0}, &set_ignore_err_row, TL_NO_TARGET, 0, 1, 1, NULL, "verify errors ignored (checked, not modelled)"},
	{"ca-sign-file", HP_BIND, {0}, {0}, &set_ca_row, HP_TARGET_SSL, offsetof(struct hp_ssl, ca_sign_file), 1, 1, NULL, "the CA and key generate-certificates signs with"},
	{"ca-sign-pass", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"ca-verify-file", HP_BIND | HP_CRTLIST, {0}, {0}, &set_ca_row, HP_TARGET_SSL, offsetof(struct hp_ssl, ca_verify_file), 1, 1, NULL, "CAs client certificates are verified against, not sent"},
	{"cc", HP_BIND, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"cc", HP_SERVER, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"check", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"check-alpn", HP_SERVER, {0}, {0}, &set_protocol_names_row, TL_NO_TARGET, 0, 1, 1, NULL, "the ALPN protocols of health checks (checked, not modelled)"},
	{"check-pool-conn-name", HP_SERVER, {3, 2, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"check-proto", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"check-reuse-pool", HP_SERVER, {3, 2, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"check-send-proxy", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"check-sni", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"check-sni-auto", HP_SERVER, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"check-ssl", HP_SERVER, {0}, {0}, &set_on_row, HP_TARGET_SERVER, offsetof(struct hp_server, check_ssl), 0, 0, NULL, "TLS for health checks: the server's TLS context is built"},
	{"check-via-socks4", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"ciphers", HP_BIND | HP_CRTLIST, {0}, {0}, &tl_set_str, HP_TARGET_TLS, offsetof(struct tl_tls, ciphers), 1, 1, NULL, "the TLS <= 1.2 cipher string"},
	{"ciphers", HP_SERVER, {0}, {0}, &tl_set_str, HP_TARGET_UP, offsetof(struct tl_upstream_tls, ciphers), 1, 1, NULL, "the TLS <= 1.2 cipher string to servers"},
	{"ciphersuites", HP_BIND | HP_CRTLIST, {0}, {0}, &set_suites_row, HP_TARGET_TLS, offsetof(struct tl_tls, ciphersuites), 1, 1, NULL, "the TLS 1.3 suites"},
	{"ciphersuites", HP_SERVER, {0}, {0}, &set_suites_row, HP_TARGET_SERVER, offsetof(struct hp_server, ciphersuites), 1, 1, NULL, "the TLS 1.3 suites to servers"},
	{"client-sigalgs", HP_BIND, {2, 8, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"client-sigalgs", HP_CRTLIST, {2, 8, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"client-sigalgs", HP_SERVER, {2, 9, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"cookie", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"crl-file", HP_BIND | HP_CRTLIST, {0}, {0}, &set_ca_row, HP_TARGET_TLS, offsetof(struct tl_tls, crl), 1, 1, NULL, "revoked client certificates"},
	{"crl-file", HP_SERVER, {0}, {0}, &set_ca_row, HP_TARGET_UP, offsetof(struct tl_upstream_tls, crl), 1, 1, NULL, "revoked server certificates"},
	{"crt", HP_BIND, {0}, {0}, &set_crt_row, HP_TARGET_SSL, 0, 1, 1, NULL, "a certificate file, or a directory of them"},
	{"crt", HP_SERVER, {0}, {0}, &set_client_crt_row, HP_TARGET_UP, offsetof(struct tl_upstream_tls, certificate), 1, 1, NULL, "the client certificate sent to servers"},
	{"crt-base", HP_GLOBAL, {0}, {0}, &set_base_row, HP_TARGET_GLOBAL, offsetof(struct hp_global, crt_base), 1, 1, NULL, "the directory relative certificate files are in"},
	{"crt-ignore-err", HP_BIND, {0}, {0}, &set_ignore_err_row, TL_NO_TARGET, 0, 1, 1, NULL, "verify errors ignored (checked, not modelled)"},
	{"crt-list", HP_BIND, {0}, {0}, &set_crt_list_row, HP_TARGET_SSL, 0, 1, 1, NULL, "a file of certificates with per-name options"},
	{"curves", HP_BIND | HP_CRTLIST, {0}, {0}, &tl_set_str, HP_TARGET_TLS, offsetof(struct tl_tls, groups), 1, 1, NULL, "the key exchange groups"},
	{"curves", HP_SERVER, {2, 9, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"default-crt", HP_BIND, {3, 0, 0}, {0}, &set_default_crt_row, HP_TARGET_SSL, 0, 1, 1, NULL, "a certificate that is also the default"},
	{"defer-accept", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"disabled", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"downinter", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"ecdhe", HP_BIND | HP_CRTLIST, {0}, {0}, &tl_set_str, HP_TARGET_SSL, offsetof(struct hp_ssl, ecdhe), 1, 1, NULL, "the key exchange groups when no curves applies"},
	{"ech", HP_BIND, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"enabled", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"error-limit", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"expose-fd", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"fall", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"fastinter", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"force-sslv3", HP_BIND, {0}, {0}, &set_force_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions), 0, 0, NULL, "only SSLv3"},
	{"force-sslv3", HP_SERVER, {0}, {0}, &set_force_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions), 0, 0, NULL, "only SSLv3"},
	{"force-tlsv10", HP_BIND, {0}, {0}, &set_force_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions), 0, 0, NULL, "only TLSv1.0"},
	{"force-tlsv10", HP_SERVER, {0}, {0}, &set_force_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions), 0, 0, NULL, "only TLSv1.0"},
	{"force-tlsv11", HP_BIND, {0}, {0}, &set_force_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions), 0, 0, NULL, "only TLSv1.1"},
	{"force-tlsv11", HP_SERVER, {0}, {0}, &set_force_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions), 0, 0, NULL, "only TLSv1.1"},
	{"force-tlsv12", HP_BIND, {0}, {0}, &set_force_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions), 0, 0, NULL, "only TLSv1.2"},
	{"force-tlsv12", HP_SERVER, {0}, {0}, &set_force_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions), 0, 0, NULL, "only TLSv1.2"},
	{"force-tlsv13", HP_BIND, {0}, {0}, &set_force_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions), 0, 0, NULL, "only TLSv1.3"},
	{"force-tlsv13", HP_SERVER, {0}, {0}, &set_force_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions), 0, 0, NULL, "only TLSv1.3"},
	{"generate-certificates", HP_BIND, {0}, {0}, &set_on_row, HP_TARGET_SSL, offsetof(struct hp_ssl, generate_certificates), 0, 0, NULL, "certificates made on the fly"},
	{"gid", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"group", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"guid", HP_SERVER, {3, 0, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"guid-prefix", HP_BIND, {3, 0, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"hash-key", HP_SERVER, {3, 0, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"healthcheck", HP_SERVER, {3, 4, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"id", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"id", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"idle-ping", HP_BIND, {3, 2, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"idle-ping", HP_SERVER, {3, 2, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"init-addr", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"init-state", HP_SERVER, {3, 1, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"inter", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"interface", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"issuers-chain-path", HP_GLOBAL, {0}, {0}, &set_issuers_path_row, HP_TARGET_GLOBAL, offsetof(struct hp_global, issuers_chain_path), 0, 1, NULL, "chains for certificate files that have none"},
	{"key-base", HP_GLOBAL, {3, 0, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"ktls", HP_BIND, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"ktls", HP_CRTLIST, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"ktls", HP_SERVER, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"label", HP_BIND, {3, 2, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"level", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"log-bufsize", HP_SERVER, {2, 9, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"log-proto", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"max-reuse", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"maxconn", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"maxconn", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"maxqueue", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"minconn", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"mode", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"mode", HP_PROXY, {0}, {0}, &tl_set_str, HP_TARGET_PROXY, offsetof(struct hp_proxy, mode), 1, 1, NULL, "tcp or http"},
	{"mss", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"name", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"namespace", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"namespace", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"nbconn", HP_BIND, {2, 9, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"nice", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"no-agent-check", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-alpn", HP_BIND, {2, 8, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-alpn", HP_CRTLIST, {2, 8, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-backup", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-ca-names", HP_BIND | HP_CRTLIST, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-check", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-check-reuse-pool", HP_SERVER, {3, 2, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-check-send-proxy", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-check-sni-auto", HP_SERVER, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-check-ssl", HP_SERVER, {0}, {0}, &set_off_row, HP_TARGET_SERVER, offsetof(struct hp_server, check_ssl), 0, 0, NULL, "no TLS for health checks"},
	{"no-renegotiate", HP_SERVER, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-send-proxy", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-send-proxy-v2", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-send-proxy-v2-ssl", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-send-proxy-v2-ssl-cn", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-sni-auto", HP_SERVER, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-ssl", HP_SERVER, {0}, {0}, &set_off_row, HP_TARGET_UP, offsetof(struct tl_upstream_tls, enabled), 0, 0, NULL, "no TLS to this server"},
	{"no-ssl-reuse", HP_SERVER, {0}, {0}, &set_off_row, HP_TARGET_UP, offsetof(struct tl_upstream_tls, session_reuse), 0, 0, NULL, "no session reuse"},
	{"no-sslv3", HP_BIND, {0}, {0}, &set_no_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions), 0, 0, NULL, "switches SSLv3 off"},
	{"no-sslv3", HP_SERVER, {0}, {0}, &set_no_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions), 0, 0, NULL, "switches SSLv3 off"},
	{"no-strict-sni", HP_BIND, {3, 2, 0}, {0}, &set_off_row, HP_TARGET_SSL, offsetof(struct hp_ssl, strict_sni), 0, 0, NULL, "an unknown name gets the default certificate"},
	{"no-tfo", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-tls-tickets", HP_BIND, {0}, {0}, &set_off_row, HP_TARGET_TLS, offsetof(struct tl_tls, options[TL_OPT_SESSION_TICKETS]), 0, 0, NULL, "no session tickets"},
	{"no-tls-tickets", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"no-tlsv10", HP_BIND, {0}, {0}, &set_no_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions), 0, 0, NULL, "switches TLSv1.0 off"},
	{"no-tlsv10", HP_SERVER, {0}, {0}, &set_no_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions), 0, 0, NULL, "switches TLSv1.0 off"},
	{"no-tlsv11", HP_BIND, {0}, {0}, &set_no_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions), 0, 0, NULL, "switches TLSv1.1 off"},
	{"no-tlsv11", HP_SERVER, {0}, {0}, &set_no_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions), 0, 0, NULL, "switches TLSv1.1 off"},
	{"no-tlsv12", HP_BIND, {0}, {0}, &set_no_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions), 0, 0, NULL, "switches TLSv1.2 off"},
	{"no-tlsv12", HP_SERVER, {0}, {0}, &set_no_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions), 0, 0, NULL, "switches TLSv1.2 off"},
	{"no-tlsv13", HP_BIND, {0}, {0}, &set_no_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions), 0, 0, NULL, "switches TLSv1.3 off"},
	{"no-tlsv13", HP_SERVER, {0}, {0}, &set_no_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions), 0, 0, NULL, "switches TLSv1.3 off"},
	{"non-stick", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"npn", HP_BIND | HP_CRTLIST, {0}, {0}, &set_protocol_names_row, TL_NO_TARGET, 0, 1, 1, NULL, "the NPN protocols offered (checked, not modelled)"},
	{"npn", HP_SERVER, {0}, {0}, &set_protocol_names_row, TL_NO_TARGET, 0, 1, 1, NULL, "the NPN protocols offered to servers (checked, not modelled)"},
	{"observe", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"ocsp-update", HP_CRTLIST, {2, 8, 0}, {0}, &tl_set_enum, HP_TARGET_SSL, offsetof(struct hp_ssl, ocsp_update), 1, 1, on_off_values, "OCSP responses fetched and refreshed by HAProxy"},
	{"on-error", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"on-marked-down", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"on-marked-up", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"pool-conn-name", HP_SERVER, {3, 0, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"pool-low-conn", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"pool-max-conn", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"pool-purge-delay", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"port", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"prefer-client-ciphers", HP_BIND, {0}, {0}, &set_off_row, HP_TARGET_TLS, offsetof(struct tl_tls, options[TL_OPT_SERVER_PREFERENCE]), 0, 0, NULL, "the client's cipher order wins"},
	{"process", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"proto", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"proto", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"proxy-v2-options", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"quic-cc-algo", HP_BIND, {2, 7, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"quic-cc-algo", HP_SERVER, {3, 4, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"quic-force-retry", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"quic-socket", HP_BIND, {2, 9, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"redir", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"renegotiate", HP_SERVER, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"resolve-net", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"resolve-opts", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"resolve-prefer", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"resolvers", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"rise", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"send-proxy", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"send-proxy-v2", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"send-proxy-v2-ssl", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"send-proxy-v2-ssl-cn", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"set-proxy-v2-tlv-fmt", HP_SERVER, {2, 9, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "a PROXY v2 TLV: (ID) and a format"},
	{"severity-output", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"shard", HP_SERVER, {2, 7, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"shards", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"sigalgs", HP_BIND, {2, 8, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"sigalgs", HP_CRTLIST, {2, 8, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"sigalgs", HP_SERVER, {2, 9, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"slowstart", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"sni", HP_SERVER, {0}, {0}, &set_sni_row, HP_TARGET_UP, offsetof(struct tl_upstream_tls, name), 1, 1, NULL, "the SNI sent to the server (an expression)"},
	{"sni-auto", HP_SERVER, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"socks4", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"source", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"ssl", HP_BIND, {0}, {0}, &set_on_row, HP_TARGET_SSL, offsetof(struct hp_ssl, ssl), 0, 0, NULL, "TLS on this bind line"},
	{"ssl", HP_SERVER, {0}, {0}, &set_on_row, HP_TARGET_UP, offsetof(struct tl_upstream_tls, enabled), 0, 0, NULL, "TLS to this server"},
	{"ssl-default-bind-ciphers", HP_GLOBAL, {0}, {0}, &tl_set_str, HP_TARGET_TLS, offsetof(struct tl_tls, ciphers), 1, 1, NULL, "the bind lines' TLS <= 1.2 cipher string"},
	{"ssl-default-bind-ciphersuites", HP_GLOBAL, {0}, {0}, &tl_set_str, HP_TARGET_TLS, offsetof(struct tl_tls, ciphersuites), 1, 1, NULL, "the bind lines' TLS 1.3 suites"},
	{"ssl-default-bind-client-sigalgs", HP_GLOBAL, {2, 8, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"ssl-default-bind-curves", HP_GLOBAL, {0}, {0}, &tl_set_str, HP_TARGET_TLS, offsetof(struct tl_tls, groups), 1, 1, NULL, "the bind lines' key exchange groups"},
	{"ssl-default-bind-options", HP_GLOBAL, {0}, {0}, &set_bind_options_row, HP_TARGET_SSL, 0, 1, TL_MANY_ARGS, NULL, "the bind lines' versions and options"},
	{"ssl-default-bind-sigalgs", HP_GLOBAL, {2, 8, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"ssl-default-server-ciphers", HP_GLOBAL, {0}, {0}, &tl_set_str, HP_TARGET_UP, offsetof(struct tl_upstream_tls, ciphers), 1, 1, NULL, "the server lines' TLS <= 1.2 cipher string"},
	{"ssl-default-server-ciphersuites", HP_GLOBAL, {0}, {0}, &tl_set_str, HP_TARGET_SERVER, offsetof(struct hp_server, ciphersuites), 1, 1, NULL, "the server lines' TLS 1.3 suites"},
	{"ssl-default-server-client-sigalgs", HP_GLOBAL, {2, 9, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"ssl-default-server-curves", HP_GLOBAL, {2, 9, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"ssl-default-server-options", HP_GLOBAL, {0}, {0}, &set_server_options_row, HP_TARGET_SERVER, 0, 1, TL_MANY_ARGS, NULL, "the server lines' versions and options"},
	{"ssl-default-server-sigalgs", HP_GLOBAL, {2, 9, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"ssl-dh-param-file", HP_GLOBAL, {0}, {0}, &tl_set_path, HP_TARGET_GLOBAL, offsetof(struct hp_global, dhparam), 1, 1, NULL, "DH parameters for DHE"},
	{"ssl-engine", HP_GLOBAL, {0}, {0}, &set_engine_row, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "an OpenSSL engine (refused: no USE_ENGINE)"},
	{"ssl-load-extra-del-ext", HP_GLOBAL, {0}, {0}, &set_on_row, HP_TARGET_GLOBAL, offsetof(struct hp_global, extra_del_ext), 0, TL_MANY_ARGS, NULL, "a certificate x.crt has its key in x.key"},
	{"ssl-load-extra-files", HP_GLOBAL, {0}, {0}, &set_extra_files_row, HP_TARGET_GLOBAL, offsetof(struct hp_global, extra_files), 0, TL_MANY_ARGS, NULL, "the files read beside a certificate"},
	{"ssl-max-ver", HP_BIND | HP_CRTLIST, {0}, {0}, &set_version_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions.max), 1, 1, NULL, "the highest protocol version"},
	{"ssl-max-ver", HP_SERVER, {0}, {0}, &set_version_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions.max), 1, 1, NULL, "the highest protocol version"},
	{"ssl-min-ver", HP_BIND | HP_CRTLIST, {0}, {0}, &set_version_row, HP_TARGET_SSL, offsetof(struct hp_ssl, versions.min), 1, 1, NULL, "the lowest protocol version"},
	{"ssl-min-ver", HP_SERVER, {0}, {0}, &set_version_row, HP_TARGET_SERVER, offsetof(struct hp_server, versions.min), 1, 1, NULL, "the lowest protocol version"},
	{"ssl-mode-async", HP_GLOBAL, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"ssl-passphrase-cmd", HP_GLOBAL, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"ssl-propquery", HP_GLOBAL, {0}, {0}, &set_propquery_row, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "OpenSSL's default property query (checked, not modelled)"},
	{"ssl-provider", HP_GLOBAL, {0}, {0}, &set_provider_row, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "an OpenSSL provider to load (checked, not modelled)"},
	{"ssl-provider-path", HP_GLOBAL, {0}, {0}, &set_provider_path_row, HP_TARGET_GLOBAL, offsetof(struct hp_global, provider_path), 0, TL_MANY_ARGS, NULL, "where ssl-provider finds modules"},
	{"ssl-reuse", HP_SERVER, {0}, {0}, &set_on_row, HP_TARGET_UP, offsetof(struct tl_upstream_tls, session_reuse), 0, 0, NULL, "session reuse"},
	{"ssl-security-level", HP_GLOBAL, {3, 0, 0}, {0}, &set_security_level_row, HP_TARGET_GLOBAL, offsetof(struct hp_global, security_level), 1, 1, NULL, "OpenSSL's security level, set before the certificates load"},
	{"ssl-server-verify", HP_GLOBAL, {0}, {0}, &tl_set_enum, HP_TARGET_GLOBAL, offsetof(struct hp_global, server_verify), 1, 1, verify_values, "whether server certificates are verified by default"},
	{"ssl-skip-self-issued-ca", HP_GLOBAL, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"stick", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"strict-maxconn", HP_SERVER, {3, 2, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"strict-sni", HP_BIND, {0}, {0}, &set_on_row, HP_TARGET_SSL, offsetof(struct hp_ssl, strict_sni), 0, 0, NULL, "an unknown name gets no certificate"},
	{"tcp-md5sig", HP_BIND, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"tcp-md5sig", HP_SERVER, {3, 3, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"tcp-ss", HP_BIND, {3, 4, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"tcp-ut", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"tcp-ut", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"tfo", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"tfo", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"thread", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"tls-ticket-keys", HP_BIND, {0}, {0}, &tl_set_str, HP_TARGET_TLS, offsetof(struct tl_tls, session_ticket_key), 1, 1, NULL, "session ticket keys"},
	{"tls-tickets", HP_BIND, {3, 2, 0}, {0}, &set_on_row, HP_TARGET_TLS, offsetof(struct tl_tls, options[TL_OPT_SESSION_TICKETS]), 0, 0, NULL, "session tickets"},
	{"tls-tickets", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"track", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"transparent", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"tune.ssl.cachesize", HP_GLOBAL, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"tune.ssl.capture-buffer-size", HP_GLOBAL, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"tune.ssl.capture-cipherlist-size", HP_GLOBAL, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"tune.ssl.certificate-compression", HP_GLOBAL, {3, 4, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"tune.ssl.default-dh-param", HP_GLOBAL, {0}, {0}, &set_dh_bits_row, HP_TARGET_GLOBAL, offsetof(struct hp_global, default_dh), 1, 1, NULL, "the size of HAProxy's own DH group"},
	{"tune.ssl.force-private-cache", HP_GLOBAL, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"tune.ssl.hard-maxrecord", HP_GLOBAL, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"tune.ssl.keylog", HP_GLOBAL, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"tune.ssl.lifetime", HP_GLOBAL, {0}, {0}, &set_lifetime_row, TL_NO_TARGET, 0, 0, 1, NULL, "the session cache lifetime (checked, not modelled)"},
	{"tune.ssl.maxrecord", HP_GLOBAL, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"tune.ssl.ocsp-update.maxdelay", HP_GLOBAL, {2, 8, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"tune.ssl.ocsp-update.mindelay", HP_GLOBAL, {2, 8, 0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"tune.ssl.ssl-ctx-cache-size", HP_GLOBAL, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, TL_MANY_ARGS, NULL, "accepted, not modelled"},
	{"uid", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"user", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"usesrc", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"v4v6", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"v6only", HP_BIND, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 0, 0, NULL, "accepted, not modelled"},
	{"verify", HP_BIND | HP_CRTLIST, {0}, {0}, &set_verify_row, HP_TARGET_TLS, offsetof(struct tl_tls, verify_client), 1, 1, NULL, "client certificates: none, optional, required"},
	{"verify", HP_SERVER, {0}, {0}, &tl_set_enum, HP_TARGET_SERVER, offsetof(struct hp_server, verify), 1, 1, verify_values, "verification of the server certificate: none, required"},
	{"verifyhost", HP_SERVER, {0}, {0}, &set_nonempty_row, TL_NO_TARGET, 0, 1, 1, NULL, "the name the server's certificate is checked for (checked, not modelled)"},
	{"weight", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
	{"ws", HP_SERVER, {0}, {0}, &tl_set_none, TL_NO_TARGET, 0, 1, 1, NULL, "accepted, not modelled"},
};
/* clang-format on */

const struct tl_keyword_table tl_haproxy_keywords = {rows, sizeof(rows) / sizeof(rows[0]), false};

const struct tl_server_words tl_haproxy_words = {
	.server = "haproxy",
	.unknown = "unknown keyword",
	.not_allowed = "unknown keyword",
	.bad_level_fmt = "unknown keyword '%s' out of section",
	.bad_arity_fmt = "'%s' expects an argument",
	/* The global section's TLS keywords (cfgparse-ssl.c cfg_kws): a typo stops HAProxy. */
	.tls_prefixes = (const char *const[]){"ssl-", "tune.ssl.", NULL},
	.unknown_fmt = "unknown keyword '%s' in 'global' section",
};
