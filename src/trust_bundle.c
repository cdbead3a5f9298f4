/*
 * The system bundle of trust anchors, decoded only where a chain needs it.
 *
 * Debian's bundle holds about 150 roots. OpenSSL 3.0 takes 0.25 ms to
 * decode each (a decoder context is built for every public key), so
 * loading them all made every run 40 ms slower: ten times what a
 * one-site pre-commit run costs otherwise. Here the file is read at the
 * first chain verification (a run without certificates never reads it),
 * and each block is indexed by its subject, read from the DER without
 * decoding the key; an X509_LOOKUP hands OpenSSL the roots of a subject
 * when chain building first asks for it, and adds them to the store,
 * where later lookups find them. What a verification trusts is what
 * X509_STORE_load_file would have trusted (certificates; the bundle holds
 * no CRLs, and CRLs are never used), tested in test_trust_bundle.c.
 */
#include "trust_bundle.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <string.h>

/* One PEM block of the bundle. */
struct anchor {
	X509_NAME *subject;
	unsigned char *der;
	long len;
	bool aux;   /* "TRUSTED CERTIFICATE": DER followed by OpenSSL's trust settings */
	bool added; /* decoded and in the store */
};

struct bundle {
	char *file; /* read at the first lookup, then NULL */
	struct anchor *items;
	size_t n, cap;
};

/* Forgets every anchor read (the array itself is kept). */
static void
bundle_clear(struct bundle *b)
{
	for (size_t i = 0; i < b->n; i++) {
		X509_NAME_free(b->items[i].subject);
		OPENSSL_free(b->items[i].der);
	}
	b->n = 0;
}

static void
bundle_free(struct bundle *b)
{
	bundle_clear(b);
	OPENSSL_free(b->items);
	OPENSSL_free(b->file);
	OPENSSL_free(b);
}

/*
 * The header of the DER element at *P (before END): its tag, and its
 * content's start and length. Definite lengths only, as DER requires.
 */
static bool
der_element(const unsigned char **p, const unsigned char *end, unsigned char *tag,
	    const unsigned char **content, size_t *len)
{
	const unsigned char *s = *p;
	size_t n;

	if (end - s < 2)
		return false;
	*tag = *s++;
	n = *s++;
	if (n & 0x80) {
		size_t bytes = n & 0x7f;

		if (bytes == 0 || bytes > 4 || (size_t)(end - s) < bytes)
			return false;
		n = 0;
		while (bytes-- > 0)
			n = (n << 8) | *s++;
	}
	if ((size_t)(end - s) < n)
		return false;
	*content = s;
	*len = n;
	*p = s + n;
	return true;
}

/*
 * The subject of the certificate DER: Certificate → tbsCertificate →
 * [0] version (optional), serialNumber, signature, issuer, validity,
 * subject. NULL when the DER is not shaped so.
 */
static X509_NAME *
subject_of(const unsigned char *der, long len)
{
	const unsigned char *p = der, *end = der + len, *content, *start;
	unsigned char tag;
	size_t n;

	if (!der_element(&p, end, &tag, &content, &n) || tag != 0x30)
		return NULL;
	p = content;
	end = content + n;
	if (!der_element(&p, end, &tag, &content, &n) || tag != 0x30)
		return NULL;
	p = start = content;
	end = content + n;
	/* The version is optional: [0] (0xa0) when present. */
	if (!der_element(&p, end, &tag, &content, &n))
		return NULL;
	if (tag != 0xa0)
		p = start;
	/* serialNumber, signature, issuer, validity */
	for (int i = 0; i < 4; i++)
		if (!der_element(&p, end, &tag, &content, &n))
			return NULL;
	start = p;
	if (!der_element(&p, end, &tag, &content, &n) || tag != 0x30)
		return NULL;
	return d2i_X509_NAME(NULL, &start, (long)(p - start));
}

static bool
bundle_push(struct bundle *b, const struct anchor *a)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 256;
		struct anchor *items = OPENSSL_realloc(b->items, cap * sizeof(*items));

		if (items == NULL)
			return false;
		b->items = items;
		b->cap = cap;
	}
	b->items[b->n++] = *a;
	return true;
}

/*
 * Indexes every certificate block of B's file. A block whose DER is not
 * shaped as a certificate is skipped (X509_STORE_load_file would refuse
 * the file: a system bundle never has one).
 */
static void
bundle_read(struct bundle *b)
{
	BIO *in = BIO_new_file(b->file, "r");
	char *name = NULL, *header = NULL;
	unsigned char *der = NULL;
	long len = 0;

	OPENSSL_free(b->file);
	b->file = NULL;
	while (in != NULL && PEM_read_bio(in, &name, &header, &der, &len) == 1) {
		struct anchor a = {.der = der, .len = len};

		a.aux = strcmp(name, PEM_STRING_X509_TRUSTED) == 0;
		if (a.aux || strcmp(name, PEM_STRING_X509) == 0 ||
		    strcmp(name, PEM_STRING_X509_OLD) == 0)
			a.subject = subject_of(der, len);
		if (a.subject == NULL || !bundle_push(b, &a)) {
			X509_NAME_free(a.subject);
			OPENSSL_free(der);
		}
		OPENSSL_free(name);
		OPENSSL_free(header);
		name = header = NULL;
		der = NULL;
	}
	/*
	 * Anything but the end of the file (a block that is not base64, an
	 * unterminated one) makes X509_STORE_load_file refuse the whole file,
	 * so nothing of it is trusted here either.
	 */
	if (ERR_GET_REASON(ERR_peek_last_error()) != PEM_R_NO_START_LINE)
		bundle_clear(b);
	ERR_clear_error();
	BIO_free(in);
}

/*
 * Adds to the store every anchor of subject NAME not added yet. OpenSSL
 * takes *RET as borrowed (it adds its own reference and never frees the
 * lookup's), so the store's reference is the only one left.
 */
static int
by_subject(X509_LOOKUP *lookup, X509_LOOKUP_TYPE type, const X509_NAME *name, X509_OBJECT *ret)
{
	struct bundle *b = X509_LOOKUP_get_method_data(lookup);
	X509_STORE *store = X509_LOOKUP_get_store(lookup);
	int found = 0;

	if (b == NULL || type != X509_LU_X509)
		return 0;
	if (b->file != NULL)
		bundle_read(b);
	for (size_t i = 0; i < b->n; i++) {
		struct anchor *a = &b->items[i];
		const unsigned char *p = a->der;
		X509 *cert;

		if (a->added || X509_NAME_cmp(a->subject, name) != 0)
			continue;
		a->added = true;
		cert = a->aux ? d2i_X509_AUX(NULL, &p, a->len) : d2i_X509(NULL, &p, a->len);
		if (cert == NULL || X509_STORE_add_cert(store, cert) != 1) {
			X509_free(cert);
			continue;
		}
		if (!found && X509_OBJECT_set1_X509(ret, cert) == 1) {
			found = 1;
			X509_free(cert); /* the reference set1 took: RET borrows */
		}
		X509_free(cert);
	}
	ERR_clear_error();
	return found;
}

static void
lookup_free(X509_LOOKUP *lookup)
{
	struct bundle *b = X509_LOOKUP_get_method_data(lookup);

	if (b != NULL)
		bundle_free(b);
	X509_LOOKUP_set_method_data(lookup, NULL);
}

static void
method_free(void *p)
{
	X509_LOOKUP_meth_free(p);
}

static void
store_free(void *p)
{
	X509_STORE_free(p);
}

X509_STORE *
tl_trust_bundle_store(struct tl_arena *arena, const char *file)
{
	X509_LOOKUP_METHOD *method = X509_LOOKUP_meth_new("tlslint trust bundle");
	X509_STORE *store;
	X509_LOOKUP *lookup;
	struct bundle *b;

	if (method == NULL)
		return NULL;
	/* Deferred before the store, so freed after it: the store's lookup uses the method. */
	tl_arena_defer(arena, method_free, method);
	X509_LOOKUP_meth_set_get_by_subject(method, by_subject);
	X509_LOOKUP_meth_set_free(method, lookup_free);
	store = X509_STORE_new();
	if (store == NULL)
		return NULL;
	tl_arena_defer(arena, store_free, store);
	b = OPENSSL_zalloc(sizeof(*b));
	if (b == NULL || (b->file = OPENSSL_strdup(file)) == NULL ||
	    (lookup = X509_STORE_add_lookup(store, method)) == NULL) {
		if (b != NULL)
			bundle_free(b);
		return NULL;
	}
	X509_LOOKUP_set_method_data(lookup, b);
	return store;
}
