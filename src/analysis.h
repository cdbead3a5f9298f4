/*
 * Certificate analysis as a service, beside the certificate store: how a
 * server pairs a certificate file with its key, which served certificate
 * is the leaf, the path OpenSSL builds from what is served to the trust
 * anchors at a given time (pair.h), and the key the server ends up with
 * after its passphrases (keyinfo.h). Each distinct pair is analysed once
 * and shared by the checks and, later, the handshake simulator.
 */
#ifndef TL_ANALYSIS_H
#define TL_ANALYSIS_H

#include <openssl/x509_vfy.h>
#include <time.h>

#include "arena.h"
#include "certstore.h"
#include "fsroot.h"

struct tl_pair_cache;
struct tl_key_cache;

struct tl_analysis {
	struct tl_arena *arena;
	struct tl_certstore *certs;  /* where every file is read, once */
	X509_STORE *trust;           /* the anchors paths are built to */
	time_t now;                  /* the instant paths are verified at */
	struct tl_fs *fs;            /* password files are read through it (--root) */
	struct tl_pair_cache *pairs; /* made on first use */
	struct tl_key_cache *keys;
};

#endif
