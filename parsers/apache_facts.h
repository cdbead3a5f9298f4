/*
 * Facts about Apache httpd (with mod_ssl) that depend on its version:
 * directive defaults, with the source of each, and what httpd does as
 * model facts.
 */
#ifndef TL_APACHE_FACTS_H
#define TL_APACHE_FACTS_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include "../src/model.h"
#include "../src/options.h"

/* The default --target for httpd: the current 2.4 release. */
#define TL_APACHE_STABLE                                                                           \
	{                                                                                          \
		2, 4, 71                                                                           \
	}
extern const char tl_apache_stable_note[];

/* The value httpd applies for DIRECTIVE when it is set nowhere, in VERSION; NULL if none. */
const char *tl_apache_default(const char *directive, struct tl_version version);

/* What httpd does, for the model (site->facts). */
extern const struct tl_server_facts tl_apache_facts;

/* Versions where behaviour tlslint models changed. */
enum tl_apache_feature {
	TL_AP_TLS13,       /* SSLProtocol all includes TLSv1.3, SSLCipherSuite TLSv1.3 (2.4.36) */
	TL_AP_SNI_POLICY,  /* SSLVHostSNIPolicy (2.4.66) */
	TL_AP_NO_OPTIONAL, /* SSLEngine optional no longer supported (2.4.64) */
	TL_AP_FEATURE_COUNT,
};

bool tl_apache_has(enum tl_apache_feature feature, struct tl_version version);

#endif
