/*
 * The private key of a certificate/key pair as the server would end up
 * with it: the key pair.c read, or an encrypted key opened with one of the
 * passphrases the site configures (nginx ssl_password_file), tried line by
 * line the way the server tries them and never by prompting. Shared by the
 * key checks and the checks of leaf properties, so that a pair whose key
 * the server cannot load gets one finding (key-missing, key-unparsable or
 * key-encrypted) and nothing else.
 */
#ifndef TL_KEYINFO_H
#define TL_KEYINFO_H

#include <openssl/evp.h>
#include <stdbool.h>

#include "pair.h"

enum tl_key_status {
	TL_KEY_NONE,       /* no key configured and none in the certificate file */
	TL_KEY_UNREADABLE, /* the key file cannot be read (read_error) */
	TL_KEY_UNPARSABLE, /* read, but holds no key OpenSSL can parse */
	TL_KEY_LOCKED,     /* encrypted and no configured passphrase opens it */
	TL_KEY_DYNAMIC,    /* named with variables: known only per handshake */
	TL_KEY_OK,         /* usable: plain, or opened with a passphrase */
};

struct tl_key_info {
	enum tl_key_status status;
	const struct tl_cert_file *file; /* where the key was looked for, or NULL */
	EVP_PKEY *key;                   /* TL_KEY_OK: the usable key */
	bool encrypted;                  /* the key needs a passphrase */
	/* For encrypted keys: the password file, whether it could be read, how many lines. */
	const struct tl_path *password_file;
	int password_errno;
	size_t npasswords;
	int opened_by; /* 1-based line of the passphrase that opened it, or 0 */
	/* Index in info->served of the certificate the key belongs to, or -1. */
	int key_match;
	/* served[key_match], else served[0]; NULL when the certificate file has none. */
	X509 *leaf;
};

/* The key of PAIR for SITE (whose password file applies), computed once per (key, password file).
 */
/*
 * The encrypted key PEM opened with one of the passphrases of TEXT (a
 * password file of LEN bytes), tried line by line as nginx tries them;
 * NULL when none opens it. *TRIED counts the passphrases tried. The key
 * lives as long as ARENA.
 */
EVP_PKEY *tl_key_open_with_lines(struct tl_arena *arena, const char *pem, const char *text,
				 size_t len, size_t *tried);

/* The length of the longest line of TEXT, without its newline. */
size_t tl_longest_line(const char *text, size_t len);

const struct tl_key_info *tl_key_info_get(struct tl_analysis *an, const struct tl_site *site,
					  const struct tl_cert_pair *pair,
					  const struct tl_pair_info *info);

/*
 * The leaf to judge for the leaf-property checks, or NULL when the
 * certificate or the key could not be loaded (those have their own
 * finding, and no other check fires on such a pair).
 */
X509 *tl_key_usable_leaf(struct tl_analysis *an, const struct tl_site *site,
			 const struct tl_cert_pair *pair, const struct tl_pair_info *info);

/* "RSA", "EC", "Ed25519", … for KEY. */
const char *tl_key_type_name(const EVP_PKEY *key);

#endif
