/*
 * The certificate store: a hash table from path to parsed file. Parsing
 * walks the PEM blocks one by one, so a bundle that mixes certificates,
 * a key and DH parameters is understood the way nginx, Apache and HAProxy
 * read it, and an encrypted key is recognised without a prompt.
 */
#include "certstore.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "phase_time.h"
#include "fsutil.h"
#include "strmap.h"

/* Certificate files larger than this are not certificates anyone deploys. */
#define MAX_CERT_FILE (4 * 1024 * 1024)

/*
 * OpenSSL 3.0 builds a decoder context for every key it decodes, which is
 * most of a key's cost (0.53 ms a P-256 key through EVP_PKCS82PKEY). A
 * context made once per key type and reused decodes one in about 0.05 ms;
 * it writes each key into OUT.
 */
struct key_decoder {
	const char *type; /* "RSA", "EC", "ED25519", "ED448" */
	OSSL_DECODER_CTX *ctx;
	EVP_PKEY *out;
};

struct tl_certstore {
	struct tl_arena *arena;
	struct key_decoder decoders[4];
	size_t ndecoders;
	struct tl_fs *fs;
	struct tl_strmap by_name; /* server path → struct tl_cert_file */
	struct tl_strmap files;   /* host path → struct tl_cert_file */
	struct tl_strmap der;     /* SHA-256 of a certificate's DER → X509 */
	size_t certificate_files;
};

static void
free_cert_file(void *p)
{
	struct tl_cert_file *f = p;

	sk_X509_pop_free(f->certs, X509_free);
	EVP_PKEY_free(f->key);
	EVP_PKEY_free(f->dh_params);
	/* Encrypted, but key material all the same: no copy outlives the run. */
	if (f->key_pem != NULL)
		OPENSSL_cleanse((char *)f->key_pem, strlen(f->key_pem));
}

struct tl_certstore *
tl_certstore_new(struct tl_arena *arena, struct tl_fs *fs)
{
	struct tl_certstore *store = tl_arena_alloc(arena, sizeof(*store));

	store->arena = arena;
	store->fs = fs;
	tl_strmap_init(&store->by_name, arena);
	tl_strmap_init(&store->files, arena);
	tl_strmap_init(&store->der, arena);
	return store;
}

/* Everything on OpenSSL's error queue as one line, and the queue left empty. */
static const char *
drain_errors(struct tl_arena *arena, const char *fallback)
{
	char buf[256];
	char *msg = NULL;
	unsigned long e;

	while ((e = ERR_get_error()) != 0) {
		ERR_error_string_n(e, buf, sizeof(buf));
		msg = msg ? tl_arena_printf(arena, "%s; %s", msg, buf)
			  : tl_arena_strdup(arena, buf);
	}
	return msg ? msg : fallback;
}

static bool
is_key_block(const char *name)
{
	size_t n = strlen(name);

	return n >= 11 && strcmp(name + n - 11, "PRIVATE KEY") == 0;
}

/* Re-encodes one PEM block so that the typed PEM readers can parse it alone. */
static char *
pem_block(const char *name, const char *header, const unsigned char *data, long len, long *out_len)
{
	BIO *mem = BIO_new(BIO_s_mem());
	char *copy = NULL;
	char *p;

	if (mem == NULL)
		return NULL;
	if (PEM_write_bio(mem, name, header, data, len) > 0) {
		*out_len = BIO_get_mem_data(mem, &p);
		copy = malloc((size_t)*out_len + 1);
		if (copy != NULL) {
			memcpy(copy, p, (size_t)*out_len);
			copy[*out_len] = '\0';
		}
	}
	BIO_free(mem);
	return copy;
}

/* A key from its DER, through the type-specific decoders where possible. */
static void
free_decoders(void *p)
{
	struct tl_certstore *store = p;

	for (size_t i = 0; i < store->ndecoders; i++)
		OSSL_DECODER_CTX_free(store->decoders[i].ctx);
}

/* A PKCS#8 PrivateKeyInfo of key type TYPE through the store's decoder for it; NULL on failure. */
static EVP_PKEY *
decode_pkcs8(struct tl_certstore *store, const char *type, const unsigned char *data, long len)
{
	struct key_decoder *d = NULL;
	const unsigned char *p = data;
	size_t left = (size_t)len;
	EVP_PKEY *key;

	for (size_t i = 0; i < store->ndecoders; i++)
		if (strcmp(store->decoders[i].type, type) == 0)
			d = &store->decoders[i];
	if (d == NULL) {
		if (store->ndecoders == sizeof(store->decoders) / sizeof(store->decoders[0]))
			return NULL;
		d = &store->decoders[store->ndecoders];
		d->type = type;
		d->ctx = OSSL_DECODER_CTX_new_for_pkey(&d->out, "DER", "PrivateKeyInfo", type,
						       EVP_PKEY_KEYPAIR, NULL, NULL);
		if (d->ctx == NULL) {
			ERR_clear_error();
			return NULL;
		}
		if (store->ndecoders++ == 0)
			tl_arena_defer(store->arena, free_decoders, store);
	}
	d->out = NULL;
	if (OSSL_DECODER_from_data(d->ctx, &p, &left) != 1 || d->out == NULL) {
		EVP_PKEY_free(d->out);
		d->out = NULL;
		/* The slower path below says why, in its own words. */
		ERR_clear_error();
		return NULL;
	}
	key = d->out;
	d->out = NULL;
	return key;
}

static EVP_PKEY *
decode_key(struct tl_certstore *store, const char *name, const unsigned char *data, long len)
{
	const unsigned char *p = data;

	/*
	 * OpenSSL 3's generic decoders try every format and cost several
	 * times more than these direct paths: with hundreds of key files
	 * that dominated a whole run.
	 */
	if (strcmp(name, "RSA PRIVATE KEY") == 0)
		return d2i_PrivateKey(EVP_PKEY_RSA, NULL, &p, len);
	if (strcmp(name, "EC PRIVATE KEY") == 0)
		return d2i_PrivateKey(EVP_PKEY_EC, NULL, &p, len);
	if (strcmp(name, "PRIVATE KEY") == 0) {
		PKCS8_PRIV_KEY_INFO *p8 = d2i_PKCS8_PRIV_KEY_INFO(NULL, &p, len);
		const ASN1_OBJECT *alg = NULL;
		const unsigned char *inner = NULL;
		int inner_len = 0;
		EVP_PKEY *key = NULL;

		if (p8 == NULL)
			return NULL;
		if (PKCS8_pkey_get0(&alg, &inner, &inner_len, NULL, p8) == 1) {
			int nid = OBJ_obj2nid(alg);
			const char *type = nid == NID_rsaEncryption          ? "RSA"
					   : nid == NID_X9_62_id_ecPublicKey ? "EC"
					   : nid == NID_ED25519              ? "ED25519"
					   : nid == NID_ED448                ? "ED448"
									     : NULL;

			if (type != NULL)
				key = decode_pkcs8(store, type, data, len);
			if (key == NULL && nid == NID_rsaEncryption)
				key = d2i_PrivateKey(EVP_PKEY_RSA, NULL, &inner, inner_len);
		}
		/* Any other type, or one the reused decoder refused: OpenSSL's generic path. */
		if (key == NULL)
			key = EVP_PKCS82PKEY(p8);
		PKCS8_PRIV_KEY_INFO_free(p8);
		return key;
	}
	return d2i_AutoPrivateKey(NULL, &p, len);
}

/*
 * One private key block. The key is the first block that decodes as one:
 * OpenSSL 3's PEM_read_bio_PrivateKey(), which nginx, Apache and HAProxy
 * call, skips blocks it cannot decode and takes the next key (seen with
 * nginx 1.22: a corrupt block before a good key loads). An encrypted key
 * is only recognised: its PEM is kept so that a check can try the
 * configured passphrases.
 */
static void
parse_key_block(struct tl_certstore *store, struct tl_cert_file *f, const char *name,
		const char *header, const unsigned char *data, long len)
{
	struct tl_arena *arena = store->arena;
	EVP_PKEY *key;

	f->key_present = true;
	if (f->key != NULL || f->key_encrypted)
		return;
	if (strcmp(name, "ENCRYPTED PRIVATE KEY") == 0 || strstr(header, "ENCRYPTED") != NULL) {
		long plen = 0;
		char *pem = pem_block(name, header, data, len, &plen);

		f->key_encrypted = true;
		f->key_error = NULL;
		if (pem != NULL)
			f->key_pem = tl_arena_strndup(arena, pem, (size_t)plen);
		if (pem != NULL)
			OPENSSL_cleanse(pem, (size_t)plen);
		free(pem);
		return;
	}
	key = decode_key(store, name, data, len);
	if (key != NULL) {
		f->key = key;
		f->key_error = NULL;
	} else if (f->key_error == NULL) {
		f->key_error = drain_errors(arena, "not a private key");
	}
	ERR_clear_error();
}

static void
free_x509(void *x)
{
	X509_free(x);
}

/*
 * The same intermediate sits in hundreds of fullchain files: each
 * distinct certificate is parsed once and shared (reference counted).
 */
static X509 *
decode_cert(struct tl_certstore *store, const unsigned char *der, long len, bool aux)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[SHA256_DIGEST_LENGTH];
	char key[2 * SHA256_DIGEST_LENGTH + 2];
	const unsigned char *p = der;
	X509 *x;

	SHA256(der, (size_t)len, md);
	for (size_t i = 0; i < sizeof(md); i++) {
		key[2 * i] = hex[md[i] >> 4];
		key[2 * i + 1] = hex[md[i] & 15];
	}
	key[2 * sizeof(md)] = aux ? 'a' : 'c';
	key[2 * sizeof(md) + 1] = '\0';
	x = tl_strmap_get(&store->der, key);
	if (x != NULL) {
		X509_up_ref(x);
		return x;
	}
	x = aux ? d2i_X509_AUX(NULL, &p, len) : d2i_X509(NULL, &p, len);
	if (x == NULL)
		return NULL;
	/* The cache holds a reference of its own, dropped with the arena. */
	X509_up_ref(x);
	tl_strmap_put(&store->der, key, x);
	tl_arena_defer(store->arena, free_x509, x);
	return x;
}

/* Counts lines forward through a text, so naming the line of each block stays linear. */
struct line_cursor {
	const char *text;
	size_t len;
	size_t off;
	unsigned long line;
};

/* The 1-based line of the first "-----BEGIN" at or after FROM (FROM never moves back). */
static unsigned long
block_line(struct line_cursor *c, size_t from)
{
	const char *begin = memmem(c->text + from, c->len - from, "-----BEGIN", 10);
	size_t to = begin ? (size_t)(begin - c->text) : from;

	for (; c->off < to; c->off++)
		c->line += c->text[c->off] == '\n';
	return c->line;
}

/*
 * A malformed block that was meant to be a private key (a truncated key
 * file): the key's reason, if no good key turns up later. Nothing of the
 * block's text is quoted.
 */
static void
note_bad_key_block(struct tl_arena *arena, struct tl_cert_file *f, const char *text, size_t start,
		   unsigned nblock, struct line_cursor *lines)
{
	const char *begin = memmem(text + start, lines->len - start, "-----BEGIN ", 11);
	const char *end;
	char label[64];

	if (begin == NULL)
		return;
	begin += 11;
	end = memmem(begin, lines->len - (size_t)(begin - text), "-----", 5);
	if (end == NULL || (size_t)(end - begin) >= sizeof(label))
		return;
	memcpy(label, begin, (size_t)(end - begin));
	label[end - begin] = '\0';
	if (!is_key_block(label))
		return;
	f->key_present = true;
	if (f->key == NULL && !f->key_encrypted && f->key_error == NULL)
		f->key_error = tl_arena_printf(arena, "PEM block %u (line %lu) is malformed: %s",
					       nblock, block_line(lines, start),
					       ERR_reason_error_string(ERR_peek_last_error()));
}

static bool
is_cert_block(const char *name)
{
	return strcmp(name, "CERTIFICATE") == 0 || strcmp(name, "X509 CERTIFICATE") == 0 ||
	       strcmp(name, "TRUSTED CERTIFICATE") == 0;
}

/*
 * Reads the PEM blocks of a file the way the servers do (nginx's
 * ngx_ssl_load_certificate, HAProxy's and mod_ssl's chain loaders):
 * PEM_read_bio_X509_AUX() for the first certificate, then
 * PEM_read_bio_X509() until the end. Both read every block in turn and
 * fail on the first one that is not well-formed PEM, or is a certificate
 * that does not decode, so such a file is refused whole (nginx: "cannot
 * load certificate … PEM_read_bio_X509() failed") and nothing of it is
 * kept: checks must not judge a chain or a leaf from half a file.
 * "TRUSTED CERTIFICATE" is accepted only as the first certificate, as
 * PEM_read_bio_X509() skips it (seen with nginx 1.22: not served).
 * Text between blocks is ignored, as PEM readers do. Key blocks follow
 * their own, more forgiving rule (parse_key_block).
 */
static void
parse_pem(struct tl_certstore *store, struct tl_cert_file *f, const char *text, size_t len)
{
	struct tl_arena *arena = store->arena;
	BIO *bio = BIO_new_mem_buf(text, (int)len);
	char *name = NULL;
	char *header = NULL;
	unsigned char *data = NULL;
	long dlen = 0;
	unsigned nblock = 0;
	bool cert_failed = false;
	struct line_cursor lines = {text, len, 0, 1};

	for (;;) {
		size_t start = len - (size_t)BIO_ctrl_pending(bio);
		int ok = PEM_read_bio(bio, &name, &header, &data, &dlen);
		size_t left = (size_t)BIO_ctrl_pending(bio);

		if (ok != 1) {
			unsigned long e = ERR_peek_last_error();

			if (ERR_GET_LIB(e) == ERR_LIB_PEM &&
			    ERR_GET_REASON(e) == PEM_R_NO_START_LINE)
				break;
			nblock++;
			note_bad_key_block(arena, f, text, start, nblock, &lines);
			if (!cert_failed) {
				f->cert_error = tl_arena_printf(
					arena, "PEM block %u (line %lu) is malformed: %s", nblock,
					block_line(&lines, start),
					drain_errors(arena, "malformed PEM"));
				cert_failed = true;
			}
			ERR_clear_error();
			/* A reader that failed without reading on would loop here for ever. */
			if (left == 0 || len - left <= start)
				break;
			continue;
		}
		nblock++;
		if (is_cert_block(name)) {
			bool trusted = strcmp(name, "TRUSTED CERTIFICATE") == 0;

			if (!cert_failed && (sk_X509_num(f->certs) == 0 || !trusted)) {
				X509 *x = decode_cert(store, data, dlen, trusted);

				if (x != NULL) {
					sk_X509_push(f->certs, x);
				} else {
					f->cert_error = tl_arena_printf(
						arena,
						"certificate in PEM block %u (line %lu) does not "
						"decode: %s",
						nblock, block_line(&lines, start),
						drain_errors(arena, "malformed certificate"));
					cert_failed = true;
				}
			}
		} else if (is_key_block(name)) {
			parse_key_block(store, f, name, header, data, dlen);
		} else if ((strcmp(name, "DH PARAMETERS") == 0 ||
			    strcmp(name, "X9.42 DH PARAMETERS") == 0) &&
			   f->dh_params == NULL) {
			/* nginx reads both with PEM_read_bio_DHparams (X9.42: dhx, 1.22 -t passes).
			 */
			long plen = 0;
			char *pem = pem_block(name, header, data, dlen, &plen);
			BIO *b = pem ? BIO_new_mem_buf(pem, (int)plen) : NULL;

			if (b != NULL)
				f->dh_params = PEM_read_bio_Parameters(b, NULL);
			BIO_free(b);
			free(pem);
		}
		OPENSSL_free(name);
		OPENSSL_free(header);
		/* The decoded block may be a private key: leave no copy behind. */
		OPENSSL_clear_free(data, (size_t)dlen);
		name = header = NULL;
		data = NULL;
	}
	if (cert_failed) {
		f->cert_malformed = true;
		/* A file the server refuses has no certificates to judge. */
		sk_X509_pop_free(f->certs, X509_free);
		f->certs = sk_X509_new_null();
	} else if (sk_X509_num(f->certs) == 0) {
		f->cert_error = "no PEM certificate block";
	}
	ERR_clear_error();
	BIO_free(bio);
}

/* True when TEXT is one DER certificate (only to say so in the message: it is never used). */
static bool
is_der_certificate(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	X509 *x = d2i_X509(NULL, &p, (long)len);
	bool yes = x != NULL;

	X509_free(x);
	ERR_clear_error();
	return yes;
}

/* True when TEXT is a DER private key (again only for the message). */
static bool
is_der_key(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	EVP_PKEY *key;

	if (memmem(text, len, "-----BEGIN", 10) != NULL)
		return false;
	key = d2i_AutoPrivateKey(NULL, &p, (long)len);
	EVP_PKEY_free(key);
	ERR_clear_error();
	return key != NULL;
}

static void
load(struct tl_certstore *store, struct tl_cert_file *f, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	struct stat st;
	int rc;
	enum tl_phase was = tl_phase_enter(TL_PHASE_CERTS);

	f->certs = sk_X509_new_null();
	rc = tl_fs_read(store->fs, path, MAX_CERT_FILE, &text, &len, NULL, &st);
	if (rc < 0) {
		f->read_error = -rc;
		tl_phase_enter(was);
		return;
	}
	f->mode = st.st_mode & 07777;
	f->gid = st.st_gid;
	if (memmem(text, len, "-----BEGIN", 10) != NULL)
		parse_pem(store, f, text, len);
	else if (len == 0)
		f->cert_error = "the file is empty";
	else if (is_der_certificate(text, len))
		/* nginx, Apache and HAProxy read PEM only, whatever OpenSSL could decode. */
		f->cert_error =
			"it is a DER certificate, and the server reads PEM only (convert it "
			"with 'openssl x509 -inform DER -in FILE -out FILE.pem')";
	else
		f->cert_error = "not a PEM file";
	if (!f->key_present && len > 0 && is_der_key(text, len)) {
		f->key_present = true;
		f->key_error = "it is a DER key, and the server reads PEM only (convert it with "
			       "'openssl pkey -inform DER -in FILE -out FILE.pem')";
	}
	/* Key material read from the file does not outlive its parse. */
	OPENSSL_cleanse(text, len);
	tl_phase_enter(was);
}

const struct tl_cert_file *
tl_certstore_get(struct tl_certstore *store, const char *path)
{
	struct tl_cert_file *f = tl_strmap_get(&store->by_name, path);
	const char *host = NULL;

	if (f != NULL)
		return f;
	/* Two names for one file (a link, "a/../b") share the file's entry. */
	if (tl_fs_resolve(store->fs, path, &host) == 0)
		f = tl_strmap_get(&store->files, host);
	if (f == NULL) {
		f = tl_arena_alloc(store->arena, sizeof(*f));
		f->path = tl_arena_strdup(store->arena, host != NULL ? host : path);
		load(store, f, path);
		tl_arena_defer(store->arena, free_cert_file, f);
		if (host != NULL)
			tl_strmap_put(&store->files, host, f);
		if (sk_X509_num(f->certs) > 0)
			store->certificate_files++;
	}
	tl_strmap_put(&store->by_name, path, f);
	return f;
}

size_t
tl_certstore_files(const struct tl_certstore *store)
{
	return store->files.len;
}

size_t
tl_certstore_certificate_files(const struct tl_certstore *store)
{
	return store->certificate_files;
}
