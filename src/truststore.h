/*
 * The trust anchors for chain checks: --ca-file and --ca-path, else the
 * system's default store. Nothing is ever fetched: no AIA, no OCSP, no CRL.
 */
#ifndef TL_TRUSTSTORE_H
#define TL_TRUSTSTORE_H

#include <openssl/x509.h>

#include "arena.h"

/*
 * Builds the store (freed with the arena). CA_FILE and CA_PATH may be
 * NULL; when both are, the system store is used. Returns NULL with *error
 * set when a named file or directory cannot be loaded.
 */
X509_STORE *tl_trust_store_new(struct tl_arena *arena, const char *ca_file, const char *ca_path,
			       const char **error);

#endif
