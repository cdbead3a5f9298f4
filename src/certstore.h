/*
 * The certificate store: every certificate, key or chain file a site names
 * is read and parsed once, however many sites share it, keyed by where it
 * is on this machine (resolved through struct tl_fs, so under --root two
 * names linked to one file share an entry). A file may hold certificates (leaf first, then the
 * chain), a private key and DH parameters together, in PEM or DER.
 * OpenSSL errors are drained into the entry's messages, never left on
 * OpenSSL's error queue.
 */
#ifndef TL_CERTSTORE_H
#define TL_CERTSTORE_H

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <stdbool.h>
#include <sys/types.h>

#include "arena.h"
#include "fsroot.h"

struct tl_cert_file {
	const char *path;       /* on this machine */
	int read_error;         /* 0, or the errno of resolving, opening or reading it */
	mode_t mode;            /* permission bits, when read */
	gid_t gid;              /* its group, when read */
	STACK_OF(X509) * certs; /* in file order; empty when none could be read */
	const char *cert_error; /* why a CERTIFICATE block did not parse, or NULL */
	/*
	 * A PEM block was malformed or a certificate in one did not decode (not
	 * merely no certificate at all): a reader that stops at the first bad
	 * block fails, where one that loops until "no start line" finds none.
	 */
	bool cert_malformed;
	EVP_PKEY *key;       /* the first private key, if any parsed */
	bool key_present;    /* a private key block was found (parsed or not) */
	bool key_encrypted;  /* it needs a passphrase */
	const char *key_pem; /* the encrypted key block, to try passphrases on */
	const char *key_error;
	EVP_PKEY *dh_params; /* "DH PARAMETERS" block, if any */
};

struct tl_certstore;

/* Files are read through FS (--root containment). */
struct tl_certstore *tl_certstore_new(struct tl_arena *arena, struct tl_fs *fs);

/* The parsed file at server path PATH, loading it on first use. Never NULL. */
const struct tl_cert_file *tl_certstore_get(struct tl_certstore *store, const char *path);

/* How many distinct files were loaded, and how many of them held certificates. */
size_t tl_certstore_files(const struct tl_certstore *store);
size_t tl_certstore_certificate_files(const struct tl_certstore *store);

#endif
