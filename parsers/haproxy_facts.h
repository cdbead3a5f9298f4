/*
 * Facts about HAProxy that depend on its version: when keywords and
 * behaviours appeared, and what HAProxy does, as model facts.
 */
#ifndef TL_HAPROXY_FACTS_H
#define TL_HAPROXY_FACTS_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include "../src/model.h"
#include "../src/options.h"

/* The default --target for HAProxy: the current stable branch. */
#define TL_HAPROXY_STABLE                                                                          \
	{                                                                                          \
		3, 4, 0                                                                            \
	}
extern const char tl_haproxy_stable_note[];

/* What HAProxy does, for the model (site->facts). */
extern const struct tl_server_facts tl_haproxy_facts;

/*
 * The same with HAProxy's own DH group for DHE suites, as
 * "tune.ssl.default-dh-param BITS" gives one (BITS 0: not set). 1024 is
 * a group OpenSSL's security level 2 refuses, so only 2048 and more count.
 * NO_CERTIFICATE_STARTS: a bind line without a certificate is only a
 * warning (strict-sni without generate-certificates).
 */
const struct tl_server_facts *tl_haproxy_facts_for(long long dh_bits, bool no_certificate_starts);

/*
 * OpenSSL's security level when HAProxy loads a certificate into a
 * context: it sets none before (2.6 has no ssl-security-level; 3.0's
 * applies to every context it makes), so Debian's OpenSSL 3 default, 2,
 * applies whatever the cipher string says (haproxy -c 2.6.12 refuses an
 * RSA-1024 server crt under "ciphers DEFAULT@SECLEVEL=0").
 */
#define TL_HAPROXY_LOAD_SECLEVEL 2

/* Versions where behaviour tlslint models changed. */
enum tl_haproxy_feature {
	TL_HP_CRTLIST_KEYWORDS, /* crt-list options have their own table (2.8): no-alpn, … */
	TL_HP_IGNORE_ERR_NAMES, /* ca-ignore-err/crt-ignore-err take X509_V_ERR_* names (2.7) */
	TL_HP_ENGINE_ALWAYS,    /* ssl-engine is a keyword without USE_ENGINE too (3.4) */
	TL_HP_OCSP_UPDATE_URI_OPTIONAL, /* ocsp-update on without an OCSP URI is no error (3.0) */
	TL_HP_DEFAULT_CRT,              /* bind "default-crt" (3.0) */
	TL_HP_FEATURE_COUNT,
};

bool tl_haproxy_has(enum tl_haproxy_feature feature, struct tl_version version);

#endif
