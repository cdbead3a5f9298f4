/*
 * Policies: what a configuration is measured against. The built-in
 * profiles (modern, intermediate, old) are Mozilla's server-side TLS
 * guidelines, compiled in from their JSON (src/profiles_data.c, generated
 * by scripts/gen-profiles.py) for every guideline version from 5.0 on, so
 * that "intermediate@5.7" keeps its meaning when a newer tlslint ships a
 * newer guideline; a custom policy has the same fields.
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
	const char *guideline;           /* Mozilla guideline version, e.g. "6.0" */
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

/* Every profile of every guideline version, newest version first; NULL-terminated. */
extern const struct tl_policy *const tl_builtin_policies[];

/* The built-in profile NAME of the newest guideline version that has one, or NULL. */
const struct tl_policy *tl_policy_builtin(const char *name);

/*
 * The profile SPEC names: "NAME" (the newest guideline version holding
 * NAME) or "NAME@VERSION". Returns NULL with *error set (from ARENA) to a
 * message naming the names or versions there are, e.g. "profile 'old' has
 * no guideline version '6.0' (old: 5.0 to 5.8)".
 */
struct tl_arena;
const struct tl_policy *tl_policy_resolve(struct tl_arena *arena, const char *spec,
					  const char **error);

/* The guideline versions that hold profile NAME, oldest first ("5.0, 5.1, …"), or "". */
const char *tl_policy_versions(struct tl_arena *arena, const char *name);

/* RSA keys below this are weak whatever the profile says (Mozilla: 2048). */
#define TL_MIN_RSA_BITS 2048
/* EC keys below this are weak. */
#define TL_MIN_EC_BITS 256

#endif
