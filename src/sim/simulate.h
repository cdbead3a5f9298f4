/*
 * The offline handshake simulation (issue 13, docs/simulate.md): for every
 * TLS socket and every name its sites answer, the site the server's SNI
 * selection picks (select.h), that site's server SSL_CTX (server_ctx.h),
 * each client profile's ClientHello fed to it (first_flight.h), and the
 * client's verdict on the certificate chain it gets (client_verify.h).
 * Profiles × distinct contexts are run, never profiles × sites: results
 * are shared by every site whose context is the same.
 */
#ifndef TL_SIM_SIMULATE_H
#define TL_SIM_SIMULATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "analysis.h"
#include "model.h"
#include "profile.h"
#include "refusal.h"
#include "server_ctx.h"
#include "strmap.h"

enum tl_sim_stage {
	TL_SIM_OK,
	TL_SIM_HANDSHAKE,   /* the server refused the hello (an alert) */
	TL_SIM_CERTIFICATE, /* the client refused the certificate or chain */
	TL_SIM_NO_SITE, /* no site takes the name (HAProxy strict-sni, nginx ssl_reject_handshake)
			 */
	TL_SIM_SERVER,  /* the site's context could not be built: see the lint findings */
	/* Not simulated: the certificate is chosen per handshake (variables, nginx "data:"). */
	TL_SIM_UNKNOWN,
};

struct tl_sim_result {
	const struct tl_client_profile *client;
	enum tl_sim_stage stage;
	unsigned version, suite, group; /* IANA numbers, when the server answered */
	bool retry;                     /* a HelloRetryRequest was needed for the group */
	int alert;                      /* the server's alert, or -1 */
	const char *reason;             /* OpenSSL's reason, the client's reason, or NULL */
	const char *words;              /* what the client shows, or NULL */
	const struct tl_sim_cert *cert; /* the certificate chosen */
	bool aia_fetched;               /* connects only by fetching a missing intermediate */
	/*
	 * Decided from the cipher tables and the server's selection rule, not
	 * by OpenSSL: the suite or version is one the linked library cannot
	 * negotiate (RC4, 3DES, EXPORT, SSLv3 in Debian's build).
	 */
	bool computed;
	unsigned computed_version, computed_suite;
	/* A refusal: the setting it is down to, and why in words (refusal.h); NULL: unknown. */
	enum tl_sim_cause cause;
	const char *why;
	const char *problem; /* stage CERTIFICATE: tl_cert_problem_name(), e.g. "unknown-issuer" */
};

/* One site as a client reaches it: the socket, the name sent, the site SNI picks. */
struct tl_sim_site {
	const struct tl_socket *socket;
	const char *name;              /* the SNI name sent; NULL: none */
	const struct tl_site *named;   /* the site whose name it is (the row's label) */
	const struct tl_site *site;    /* the site the server selects; NULL: none (stage NO_SITE) */
	const char *label;             /* "www.example.com:443" */
	struct tl_sim_result *results; /* one per client, in the order asked */
};

/* The most site/name rows one simulation makes; the rest are counted, not simulated. */
#define TL_SIM_MAX_ROWS 50000

struct tl_sim {
	const struct tl_client_profile *const *clients;
	size_t nclients;
	struct tl_sim_site *sites;
	size_t nsites;
	size_t contexts;   /* distinct server contexts built */
	size_t handshakes; /* first flights run (contexts × clients at most) */
	/* Site/name rows left out at TL_SIM_MAX_ROWS (port ranges can make millions). */
	size_t rows_left_out;
};

/*
 * Simulates CLIENTS (NCLIENTS of them) against every TLS site of MODEL,
 * or only the name ONLY_NAME (non-NULL) on every TLS socket, or only the
 * sites ONLY_SITES holds (keys (site, NULL); NULL: all). AN holds the
 * certificate store, trust anchors and --now. Fills *OUT from AN's arena.
 */
void tl_simulate(struct tl_analysis *an, const struct tl_model *model,
		 const struct tl_client_profile *const *clients, size_t nclients,
		 const char *only_name, const struct tl_ptrmap *only_sites, struct tl_sim *out);

/*
 * The clients_see of the findings in DIAG that a simulation can answer
 * (src/sim/clients_broken.c): for a certificate or handshake defect at a
 * site, the profiled clients it really breaks there and what each shows,
 * replacing the check's general list. Findings no profiled client is
 * broken by keep theirs.
 */
struct tl_diag;
void tl_sim_clients_broken(struct tl_analysis *an, const struct tl_model *model,
			   struct tl_diag *diag);

/* "TLSv1.2" for the IANA version number V ("SSLv3", "TLSv1.3", …). */
const char *tl_sim_version_name(unsigned v);
/* The IANA name of suite SUITE (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), or "0x…". */
const char *tl_sim_suite_name(struct tl_arena *arena, unsigned suite);
/* "x25519", "secp256r1", … for group GROUP, or "0x…". */
const char *tl_sim_group_name(struct tl_arena *arena, unsigned group);
/* "handshake_failure" for alert A. */
const char *tl_sim_alert_name(int a);

#endif
