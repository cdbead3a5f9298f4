/*
 * The system's bundle of trust anchors as a store that decodes a root
 * only when chain building asks for its subject (src/trust_bundle.c).
 */
#ifndef TL_TRUST_BUNDLE_H
#define TL_TRUST_BUNDLE_H

#include <openssl/x509.h>

#include "arena.h"

/*
 * A store (freed with the arena) trusting the certificates of the PEM
 * bundle FILE, read when a chain is first verified; an unreadable or
 * empty FILE trusts nothing. NULL only when out of memory.
 */
X509_STORE *tl_trust_bundle_store(struct tl_arena *arena, const char *file);

#endif
