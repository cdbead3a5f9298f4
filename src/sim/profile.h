/*
 * Client profiles for the offline handshake simulation (issue 13): what a
 * real client sends (its ClientHello, captured from the program or built
 * from its published parameters) and what it does with the server's
 * answer (trust, AIA fetching, key and signature limits, the words it
 * shows). Compiled in, so a single binary simulates with nothing beside it.
 *
 *   src/sim/profiles_current.c  captured from programs of Debian packages
 *                               (generated from testdata/clients/hello/)
 *   src/sim/profiles_legacy.c   older clients, from published parameters
 *   src/sim/hello_build.c       ClientHello bytes for a profile and a name
 *   src/sim/client_facts.c      each family's certificate behaviour
 *   src/sim/client_verify.c     the client's verdict on the server's answer
 */
#ifndef TL_SIM_PROFILE_H
#define TL_SIM_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum tl_client_era {
	TL_CLIENT_CURRENT, /* captured on this machine from a Debian package */
	TL_CLIENT_LEGACY,  /* built from published parameters */
};

/*
 * A ClientHello as parameters, for clients that cannot be captured here.
 * Lists are IANA code points in the client's order; a count of 0 leaves
 * the extension out.
 */
struct tl_hello_params {
	uint16_t record_version; /* the record layer's version (0x0301 for most) */
	uint16_t legacy_version; /* client_version: the highest below TLS 1.3 */
	const uint16_t *suites;
	size_t nsuites;
	const uint16_t *groups; /* supported_groups (elliptic_curves) */
	size_t ngroups;
	const uint16_t *sigalgs; /* signature_algorithms (TLS 1.2+ clients) */
	size_t nsigalgs;
	const uint16_t *versions; /* supported_versions (TLS 1.3 clients) */
	size_t nversions;
	const uint16_t *key_shares; /* groups a TLS 1.3 client sends a key share for */
	size_t nkey_shares;
	bool sni;                /* sends server_name */
	bool ec_point_formats;   /* sends ec_point_formats (uncompressed) */
	bool renegotiation_info; /* the extension (else the SCSV suite, if listed) */
	bool extended_master_secret;
	bool session_ticket;
	bool status_request; /* asks for a stapled OCSP response */
	bool alpn_h2;        /* ALPN "h2", "http/1.1" (else none) */
};

struct tl_client_profile {
	const char *id;     /* stable: family-version[-platform], e.g. "android-7.0" */
	const char *family; /* "chrome", "firefox", "android", "java", … (client_facts.c) */
	const char *name;   /* for people: "Android 7.0 (Nougat)" */
	enum tl_client_era era;
	/* Where the hello's facts come from: a package and version, or a public source. */
	const char *source;
	/* Captured: the ClientHello records as the program sent them (name in SNI replaced). */
	const unsigned char *hello;
	size_t hello_len;
	/* Legacy: the parameters the hello is built from (hello NULL). */
	const struct tl_hello_params *params;
};

/* Every profile, current first, each in id order; *N is their count. */
const struct tl_client_profile *const *tl_client_profiles(size_t *n);

/* The profile with this id, or NULL. */
const struct tl_client_profile *tl_client_profile_find(const char *id);

#endif
