/*
 * Policies: what a configuration is measured against. The built-in
 * profiles (modern, intermediate, old) are Mozilla's server-side TLS
 * guidelines, compiled in from their JSON (src/profiles_data.c, generated
 * by scripts/gen-profiles.py); a custom policy has the same fields.
 */
#ifndef TL_POLICY_H
#define TL_POLICY_H

#include <stdbool.h>

enum {
	TL_CERT_TYPE_RSA = 1u << 0,
	TL_CERT_TYPE_ECDSA = 1u << 1,
};

struct tl_policy {
	const char *name;
	const char *source;              /* e.g. "Mozilla Server Side TLS guidelines 6.0" */
	unsigned tls_versions;           /* TL_PROTO_* bits */
	const char *const *ciphers;      /* TLS <= 1.2 suites, OpenSSL names, NULL-terminated */
	const char *const *ciphersuites; /* TLS 1.3 suites */
	const char *const *tls_curves;   /* key exchange groups */
	unsigned certificate_types;      /* TL_CERT_TYPE_* */
	const char *const *certificate_curves;
	const char *const *certificate_signatures;
	int rsa_key_size;  /* minimum RSA bits; 0 when the guideline sets none */
	int dh_param_size; /* 0 when DHE is not used */
	int ecdh_param_size;
	long hsts_min_age;                /* seconds */
	int maximum_certificate_lifespan; /* days */
	int recommended_certificate_lifespan;
	bool ocsp_staple;
	bool server_preferred_order;
};

/* modern, intermediate, old; NULL-terminated (src/profiles_data.c). */
extern const struct tl_policy *const tl_builtin_policies[];

/* The built-in profile NAME, or NULL. */
const struct tl_policy *tl_policy_builtin(const char *name);

/* RSA keys below this are weak whatever the profile says (Mozilla: 2048). */
#define TL_MIN_RSA_BITS 2048
/* EC keys below this are weak. */
#define TL_MIN_EC_BITS 256

#endif
