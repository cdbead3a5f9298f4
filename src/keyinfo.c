/*
 * Effective private keys: encrypted keys are opened with the passphrases
 * of the site's password file, tried in file order as nginx does
 * (ngx_ssl_read_password_file: one passphrase a line, a trailing CR
 * dropped, empty lines skipped), through a callback so that OpenSSL never
 * prompts. Cached per (certificate, key, password file).
 */
#include "keyinfo.h"

#include <errno.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <stdio.h>
#include <string.h>

#include "fsroot.h"
#include "strmap.h"

/* Without a limit of the server's, a password file is still not read past this. */
#define MAX_PASSWORD_FILE (64 * 1024)

struct tl_key_cache {
	struct tl_strmap map;     /* "cert\nkey\npassword file" → struct tl_key_info */
	struct tl_ptrmap by_pair; /* (pair, password file) → the same, on the hot path */
};

static void
free_key(void *p)
{
	EVP_PKEY_free(p);
}

static int
passphrase_cb(char *buf, int size, int rwflag, void *u)
{
	const char *pass = u;
	size_t len = strlen(pass);

	(void)rwflag;
	/* nginx truncates a longer passphrase to the buffer, with a warning. */
	if (len > (size_t)size)
		len = (size_t)size;
	memcpy(buf, pass, len);
	return (int)len;
}

static EVP_PKEY *
open_with(const char *pem, const char *pass)
{
	BIO *bio = BIO_new_mem_buf(pem, -1);
	EVP_PKEY *key = NULL;

	if (bio != NULL)
		key = PEM_read_bio_PrivateKey(bio, NULL, passphrase_cb, (void *)pass);
	BIO_free(bio);
	ERR_clear_error();
	return key;
}

size_t
tl_longest_line(const char *text, size_t len)
{
	size_t longest = 0;

	for (size_t start = 0; start < len;) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;

		if (end - start > longest)
			longest = end - start;
		start = end + 1;
	}
	return longest;
}

EVP_PKEY *
tl_key_open_with_lines(struct tl_arena *arena, const char *pem, const char *text, size_t len,
		       size_t *tried)
{
	*tried = 0;
	for (size_t start = 0; start < len;) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t n = end - start;
		EVP_PKEY *key;

		if (n > 0 && text[start + n - 1] == '\r')
			n--;
		if (n > 0) {
			(*tried)++;
			key = open_with(pem, tl_arena_strndup(arena, text + start, n));
			if (key != NULL) {
				tl_arena_defer(arena, free_key, key);
				return key;
			}
		}
		start = end + 1;
	}
	return NULL;
}

/* Tries every line of the password file on the encrypted key. */
static void
try_passwords(struct tl_analysis *an, struct tl_key_info *ki, const struct tl_path *pw,
	      const struct tl_server_facts *facts)
{
	/* A line of the server's limit or more stops the server (nginx: 4096 bytes). */
	size_t line_max = facts != NULL ? facts->password_line_max : 0;
	char *text = NULL;
	size_t len = 0;
	int rc;

	ki->password_file = pw;
	rc = tl_fs_read(an->fs, pw->path, MAX_PASSWORD_FILE, &text, &len, NULL, NULL);
	if (rc < 0) {
		ki->password_errno = -rc;
		return;
	}
	if (line_max > 0 && tl_longest_line(text, len) >= line_max)
		ki->password_errno = EMSGSIZE;
	else
		ki->key = tl_key_open_with_lines(an->arena, ki->file->key_pem, text, len,
						 &ki->npasswords);
	if (ki->key != NULL)
		ki->opened_by = (int)ki->npasswords;
	OPENSSL_cleanse(text, len); /* the passphrases */
}

static struct tl_key_info *
analyse(struct tl_analysis *an, const struct tl_site *site, const struct tl_cert_pair *pair,
	const struct tl_pair_info *info)
{
	struct tl_key_info *ki = tl_arena_alloc(an->arena, sizeof(*ki));
	const struct tl_path *pw = &site->tls.password_file;

	ki->key_match = -1;
	ki->file = info->key_file;
	if (pair->key.written != NULL && pair->key.dynamic)
		ki->status = TL_KEY_DYNAMIC;
	else if (ki->file == NULL)
		ki->status = TL_KEY_NONE;
	else if (ki->file->read_error != 0)
		ki->status = TL_KEY_UNREADABLE;
	else if (ki->file->key != NULL) {
		ki->status = TL_KEY_OK;
		ki->key = ki->file->key;
	} else if (ki->file->key_encrypted) {
		ki->encrypted = true;
		ki->status = TL_KEY_LOCKED;
		if (pw->v.origin != TL_ORIGIN_UNSET && pw->path != NULL && ki->file->key_pem)
			try_passwords(an, ki, pw, site->facts);
		if (ki->key != NULL)
			ki->status = TL_KEY_OK;
	} else
		ki->status = TL_KEY_UNPARSABLE;
	ki->key_match = tl_key_match_index(info->served, ki->key);
	ki->leaf = sk_X509_value(info->served, ki->key_match >= 0 ? ki->key_match : 0);
	return ki;
}

const struct tl_key_info *
tl_key_info_get(struct tl_analysis *an, const struct tl_site *site, const struct tl_cert_pair *pair,
		const struct tl_pair_info *info)
{
	const struct tl_path *pw = &site->tls.password_file;
	char small[1024];
	const char *id;
	struct tl_key_info *ki;

	if (an->keys == NULL) {
		an->keys = tl_arena_alloc(an->arena, sizeof(*an->keys));
		tl_strmap_init(&an->keys->map, an->arena);
		tl_ptrmap_init(&an->keys->by_pair, an->arena);
	}
	ki = tl_ptrmap_get(&an->keys->by_pair, pair, pw->path);
	if (ki != NULL)
		return ki;
	{
		const char *key = pair->key.written == NULL ? ""
				  : pair->key.dynamic       ? "$"
							    : pair->key.path;
		const char *pass = pw->v.origin != TL_ORIGIN_UNSET && pw->path ? pw->path : "";

		/* A lookup must not allocate: the key goes on the stack when it fits. */
		if ((size_t)snprintf(small, sizeof(small), "%s\n%s\n%s", pair->cert.path, key,
				     pass) < sizeof(small))
			id = small;
		else
			id = tl_arena_printf(an->arena, "%s\n%s\n%s", pair->cert.path, key, pass);
	}
	ki = tl_strmap_get(&an->keys->map, id);
	if (ki == NULL) {
		ki = analyse(an, site, pair, info);
		tl_strmap_put(&an->keys->map, id, ki);
	}
	tl_ptrmap_put(&an->keys->by_pair, pair, pw->path, ki);
	return ki;
}

X509 *
tl_key_usable_leaf(struct tl_analysis *an, const struct tl_site *site,
		   const struct tl_cert_pair *pair, const struct tl_pair_info *info)
{
	const struct tl_key_info *ki;

	if (info->leaf == NULL)
		return NULL;
	ki = tl_key_info_get(an, site, pair, info);
	if (ki->status == TL_KEY_DYNAMIC)
		return info->leaf;
	return ki->status == TL_KEY_OK ? ki->leaf : NULL;
}

const char *
tl_key_type_name(const EVP_PKEY *key)
{
	switch (EVP_PKEY_get_base_id(key)) {
	case EVP_PKEY_RSA:
		return "RSA";
	case EVP_PKEY_RSA_PSS:
		return "RSA-PSS";
	case EVP_PKEY_DSA:
		return "DSA";
	case EVP_PKEY_EC:
		return "EC";
	case EVP_PKEY_ED25519:
		return "Ed25519";
	case EVP_PKEY_ED448:
		return "Ed448";
	default: {
		const char *name = EVP_PKEY_get0_type_name(key);

		return name ? name : "unknown";
	}
	}
}
