/*
 * What a check sees: the model, the certificate store and trust anchors,
 * the policy and the time, and the findings sink. Nothing of parsing, of
 * the command line or of a particular server: a check written against
 * this works for every server whose lowering fills the model.
 */
#ifndef TL_CHECK_CTX_H
#define TL_CHECK_CTX_H

#include <openssl/x509_vfy.h>
#include <time.h>

#include "analysis.h"
#include "arena.h"
#include "catalogue.h"
#include "certstore.h"
#include "diag.h"
#include "model.h"
#include "policy.h"
#include "strmap.h"

struct tl_cipher_cache;

struct tl_check_ctx {
	struct tl_arena *arena;
	const struct tl_model *model;
	struct tl_certstore *certs;
	X509_STORE *trust;              /* trust anchors for chain checks */
	const struct tl_policy *policy; /* the profile the configuration is measured against */
	time_t now;
	unsigned expiry_warning_days;
	struct tl_diag *diag; /* where findings go */
	/* Certificate/key pairs and keys as the server loads them (analysis.h). */
	struct tl_analysis an;
	struct tl_cipher_cache *ciphers; /* one evaluation per cipher string, made on first use */
	struct tl_strmap memo; /* decisions checks share between sites, by what they depend on */
	/* Client profile ids that must connect (--require-clients): client-unsupported. */
	const struct tl_ptrvec *require_clients;
};

#endif
