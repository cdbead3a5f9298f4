/* Building the X509_STORE of trust anchors, without any network access. */
#include "truststore.h"

#include "trust_bundle.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>
#include <stdlib.h>

static void
free_store(void *p)
{
	X509_STORE_free(p);
}

X509_STORE *
tl_trust_store_new(struct tl_arena *arena, const char *ca_file, const char *ca_path,
		   const char **error)
{
	X509_STORE *store;

	if (ca_file == NULL && ca_path == NULL) {
		/*
		 * The public anchors clients ship with: OpenSSL's default bundle
		 * (Debian: /etc/ssl/certs/ca-certificates.crt, from the
		 * ca-certificates package; SSL_CERT_FILE overrides it), decoded
		 * root by root as chains need them (trust_bundle.c). Not the
		 * default directory: Debian's make-ssl-cert puts the snakeoil
		 * certificate there with a hash link, and through it a host's
		 * self-signed certificate would pass as trusted. A machine without
		 * the bundle trusts nothing.
		 */
		const char *file = getenv(X509_get_default_cert_file_env());

		if (file == NULL || *file == '\0')
			file = X509_get_default_cert_file();
		store = tl_trust_bundle_store(arena, file);
		ERR_clear_error();
		if (store == NULL)
			*error = "out of memory";
		return store;
	}
	store = X509_STORE_new();
	if (store == NULL) {
		*error = "out of memory";
		return NULL;
	}
	tl_arena_defer(arena, free_store, store);
	if (ca_file != NULL && X509_STORE_load_file(store, ca_file) != 1) {
		*error = tl_arena_printf(arena, "cannot load trust anchors from '%s'", ca_file);
		ERR_clear_error();
		return NULL;
	}
	if (ca_path != NULL && X509_STORE_load_path(store, ca_path) != 1) {
		*error = tl_arena_printf(arena, "cannot use trust anchor directory '%s'", ca_path);
		ERR_clear_error();
		return NULL;
	}
	return store;
}
