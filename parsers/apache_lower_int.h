/*
 * Internal to httpd lowering: the state shared by the keyword table
 * (apache_keywords.c) and the walk over the main server and its virtual
 * hosts (apache_lower.c).
 */
#ifndef TL_APACHE_LOWER_INT_H
#define TL_APACHE_LOWER_INT_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stdbool.h>

#include "apache.h"
#include "lower.h"

/* Where a directive may appear (httpd's RSRC_CONF, OR_AUTHCFG, PROXY_CONF, GLOBAL_ONLY). */
enum {
	AP_MAIN = 1u << 0,  /* the main server config */
	AP_VHOST = 1u << 1, /* <VirtualHost> */
	AP_DIR = 1u << 2,   /* <Directory>, <Location>, <Files>, their *Match forms, <If> */
	AP_PROXY = 1u << 3, /* <Proxy>, <ProxyMatch> */
};

#define AP_SRV (AP_MAIN | AP_VHOST)
#define AP_ALL (AP_SRV | AP_DIR | AP_PROXY)
#define AP_PXY (AP_SRV | AP_PROXY)

/* The structs a keyword row fills (indices of the engine's targets; 0 is none). */
enum {
	AP_TARGET_TLS = 1, /* struct tl_tls */
	AP_TARGET_PROXY,   /* struct tl_upstream_tls */
	AP_TARGET_SCOPE,   /* struct ap_scope itself */
	AP_NTARGETS,
};

/* SSLCertificateFile or SSLCertificateKeyFile lines of one level, in order. */
struct ap_files {
	struct tl_file_ref *refs;
	struct tl_loc *dirs; /* the directive of each */
	size_t n, cap;
};

/* SSLCertificateChainFile: inherited as one value. */
struct ap_chain {
	struct tl_value v;
	struct tl_file_ref ref;
};

/*
 * What mod_ssl loads into the verify store of one context besides the CA
 * and CRL files the model keeps (ssl_init_ctx_verify, ssl_init_ctx_crl):
 * each merged main server -> virtual host, the virtual host's when set.
 */
struct ap_verify {
	struct tl_str ca_path;   /* SSLCACertificatePath, as written */
	struct tl_str cadn_file; /* SSLCADNRequestFile (server side only) */
	struct tl_str cadn_path; /* SSLCADNRequestPath */
	struct tl_str crl_path;  /* SSLCARevocationPath */
	struct tl_str crl_check; /* SSLCARevocationCheck: its first word */
	struct tl_str srp_file;  /* SSLSRPVerifierFile (server side only) */
	/* Towards backends only: */
	struct tl_str suites13;     /* SSLProxyCipherSuite TLSv1.3 … */
	struct tl_str machine_path; /* SSLProxyMachineCertificatePath */
};

/* The settings of one level (the main server, a virtual host, a section) being lowered. */
struct ap_scope {
	unsigned ctx;
	struct tl_tls tls;
	struct tl_upstream_tls proxy;
	struct ap_files certs, keys;
	struct ap_chain chain;
	struct tl_header hsts;                 /* Header [always] set Strict-Transport-Security */
	struct tl_flag http2;                  /* Protocols lists h2 */
	struct ap_verify verify, proxy_verify; /* SSL… and SSLProxy… */
	struct tl_flag fips;                   /* SSLFIPS (the main server only) */
};

struct ap_lower {
	struct tl_lower_env *env;
	const struct tl_apache_parse *parse;
	struct tl_model *model;
	const char *server_root;
	const char *default_note;
	struct tl_loc main_loc; /* the main server, where a default is reported */
	struct tl_lower engine; /* engine.server points back here */
	struct tl_tls tls_defaults;
	struct tl_upstream_tls proxy_defaults;
};

extern const struct tl_keyword_table tl_apache_keywords;
extern const struct tl_server_words tl_apache_words;

/* Applies D at level SCOPE if the table knows it; false if it does not. */
bool tl_ap_apply_keyword(struct ap_lower *l, struct ap_scope *scope, const struct tl_directive *d);

/* SETTINGS (the struct of AP_TARGET_TLS or _PROXY) filled with the version's defaults. */
void tl_ap_compute_defaults(struct ap_lower *l, void *settings, unsigned target);

/*
 * What httpd refuses while it builds the TLS contexts of SITE (from SCOPE,
 * merged): the files its verify store and CA list load (apache_tls_context.c).
 */
void tl_ap_check_tls_context(struct ap_lower *l, const struct ap_scope *scope,
			     const struct tl_site *site);

/* SSLFIPS on where OpenSSL has no FIPS provider stops httpd once any context is built. */
void tl_ap_check_fips(struct ap_lower *l, const struct tl_flag *fips, bool any_tls);

/* The same for the context a <Proxy> section with SSLProxyEngine on builds (SCOPE merged). */
void tl_ap_check_proxy_context(struct ap_lower *l, const struct ap_scope *scope);

/* Whether the module a row names is loaded (the engine's has_module). */
bool tl_ap_has_module(const struct tl_lower *engine, const char *module);

#endif
