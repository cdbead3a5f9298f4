/*
 * What httpd refuses while it builds a TLS context at start-up, after
 * `apache2 -t` has passed: mod_ssl builds one for every server with
 * SSLEngine on (the main server's too) and one towards backends for every
 * server with SSLProxyEngine on (ssl_init_ConfigureServer), and in each
 * (ssl_init_ctx_verify, ssl_init_ctx_crl) it loads:
 *
 *   - the CA file into the verify store (SSL_CTX_load_verify_file, which
 *     wants at least one certificate or CRL: AH01895), whether or not any
 *     client is verified; a CA directory always loads;
 *   - then the CA names it sends clients, from SSLCADNRequestFile/Path
 *     when set, else from the CA file and directory: the certificates
 *     PEM_read_bio_X509 finds in each, none at all being AH01896;
 *   - the CRL file (X509_STORE_load_file: again a certificate or a CRL,
 *     AH01901); SSLCARevocationCheck leaf or chain without a CRL file or
 *     directory is AH01899.
 *
 * Each was measured against Debian's httpd 2.4.71 (the golden cases'
 * apache2-t files and testdata/realserver/apache-refusals.sh). The
 * messages name no line; each finding is at the directive to change.
 */
/* SRP_VBASE is deprecated in OpenSSL 3.0, and still what mod_ssl calls. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <errno.h>
#include <openssl/err.h>
#include <openssl/provider.h>
#include <openssl/srp.h>
#include <openssl/pem.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../src/fsroot.h"
#include "../src/fsutil.h"
#include "../checks/cipher_string.h"
#include "../checks/cipher_suites.h"
#include "apache_lower_int.h"

/* CA bundles can be large (a system store is ~200 KiB); beyond this they are not judged. */
#define MAX_CA_FILE (16u << 20)
/* Files of a CA directory looked at; beyond this the directory is not judged. */
#define MAX_CA_DIR_FILES 4096

/* One side of a context: the server's (SSL…) or the one towards backends (SSLProxy…). */
struct side {
	const char *prefix; /* "SSL" or "SSLProxy" */
	const struct tl_str *ca_file, *crl_file;
	const struct ap_verify *v;
};

static bool
is_set(const struct tl_str *s)
{
	return (s->v.origin == TL_ORIGIN_SET || s->v.origin == TL_ORIGIN_INHERITED) && s->s != NULL;
}

/* The file a setting names, read (relative to the ServerRoot, under --root): 0 or -errno. */
static int
read_setting(struct ap_lower *l, const char *written, char **text, size_t *len)
{
	const char *path = tl_path_join(l->env->arena, l->server_root, written);

	return tl_fs_read(l->env->fs, path, MAX_CA_FILE, text, len, NULL, NULL);
}

/* No passphrase is ever typed here: an encrypted block is left alone. */
static int
no_passphrase(char *buf, int size, int rwflag, void *u)
{
	(void)buf;
	(void)size;
	(void)rwflag;
	(void)u;
	return -1;
}

/*
 * What X509_load_cert_crl_file makes of TEXT: the number of certificates
 * and CRLs, or -1 when a PEM block is malformed.
 */
static int
certs_and_crls(const char *text, size_t len)
{
	BIO *bio = BIO_new_mem_buf(text, (int)len);
	STACK_OF(X509_INFO) *infos =
		bio ? PEM_X509_INFO_read_bio(bio, NULL, no_passphrase, NULL) : NULL;
	int n = infos != NULL ? 0 : -1;

	for (int i = 0; i < sk_X509_INFO_num(infos); i++) {
		const X509_INFO *info = sk_X509_INFO_value(infos, i);

		n += (info->x509 != NULL) + (info->crl != NULL);
	}
	sk_X509_INFO_pop_free(infos, X509_INFO_free);
	BIO_free(bio);
	ERR_clear_error();
	return n;
}

/* What SSL_add_file_cert_subjects_to_stack takes from TEXT: certificates until the first bad one.
 */
static int
ca_names(const char *text, size_t len)
{
	BIO *bio = BIO_new_mem_buf(text, (int)len);
	X509 *x;
	int n = 0;

	while (bio != NULL && (x = PEM_read_bio_X509(bio, NULL, no_passphrase, NULL)) != NULL) {
		n++;
		X509_free(x);
	}
	BIO_free(bio);
	ERR_clear_error();
	return n;
}

/* The CA names of file WRITTEN, or -1 when it cannot be judged. */
static int
file_names(struct ap_lower *l, const char *written)
{
	char *text = NULL;
	size_t len = 0;

	if (read_setting(l, written, &text, &len) != 0)
		return -1;
	return ca_names(text, len);
}

/* The CA names of every file of directory WRITTEN (ssl_init_ca_cert_path), or -1. */
static int
dir_names(struct ap_lower *l, const char *written)
{
	const char *dir = tl_path_join(l->env->arena, l->server_root, written);
	struct tl_ptrvec names = {0};
	long n = tl_fs_list_dir(l->env->fs, dir, MAX_CA_DIR_FILES, &names);
	int total = 0;

	if (n < 0 || n > MAX_CA_DIR_FILES)
		return -1;
	for (size_t i = 0; i < names.len; i++) {
		const char *path = tl_path_join(l->env->arena, dir, names.items[i]);
		char *text = NULL;
		size_t len = 0;
		struct stat st;

		if (tl_fs_stat(l->env->fs, path, &st) != 0 || S_ISDIR(st.st_mode))
			continue;
		if (tl_fs_read(l->env->fs, path, MAX_CA_FILE, &text, &len, NULL, NULL) == -EFBIG)
			return -1;
		if (text != NULL)
			total += ca_names(text, len);
	}
	return total;
}

/* AH01895 (CA file) or AH01901 (CRL file): a file X509_load_cert_crl_file finds nothing in. */
static bool
store_file_loads(struct ap_lower *l, const struct side *side, const struct tl_str *s,
		 const char *directive, const char *refusal)
{
	char *text = NULL;
	size_t len = 0;
	int n;

	if (read_setting(l, s->s, &text, &len) != 0)
		return true;
	n = certs_and_crls(text, len);
	if (n > 0)
		return true;
	tl_lower_invalid(
		&l->engine, s->v.loc,
		"%s%s '%s' %s ('no certificate or crl found'); httpd refuses to start (%s)",
		side->prefix, directive, s->s,
		n < 0 ? "has a malformed PEM block" : "holds no certificate or CRL", refusal);
	return false;
}

/* The CA names httpd sends clients (ssl_init_FindCAList): none at all is AH01896. */
static void
ca_list(struct ap_lower *l, const struct side *side)
{
	const struct ap_verify *v = side->v;
	/* Only the server side has SSLCADNRequest* (the proxy's rows write nothing there). */
	bool dn = is_set(&v->cadn_file) || is_set(&v->cadn_path);
	const struct tl_str *file = dn ? &v->cadn_file : side->ca_file;
	const struct tl_str *dir = dn ? &v->cadn_path : &v->ca_path;
	const char *file_name = dn ? "SSLCADNRequestFile" : "CACertificateFile";
	const char *dir_name = dn ? "SSLCADNRequestPath" : "CACertificatePath";
	const char *prefix = dn ? "" : side->prefix;
	int names = 0, n;
	const char *what;

	if (is_set(file)) {
		if ((n = file_names(l, file->s)) < 0)
			return;
		names += n;
	}
	if (is_set(dir)) {
		if ((n = dir_names(l, dir->s)) < 0)
			return;
		names += n;
	}
	if (names > 0)
		return;
	if (is_set(file) && is_set(dir))
		what = tl_arena_printf(l->env->arena, "%s%s '%s' nor in the files of %s%s '%s'",
				       prefix, file_name, file->s, prefix, dir_name, dir->s);
	else if (is_set(file))
		what = tl_arena_printf(l->env->arena, "%s%s '%s'", prefix, file_name, file->s);
	else
		what = tl_arena_printf(l->env->arena, "the files of %s%s '%s'", prefix, dir_name,
				       dir->s);
	tl_lower_invalid(&l->engine, is_set(file) ? file->v.loc : dir->v.loc,
			 "no certificate in %s, so the list of CA names httpd builds from it is "
			 "empty; httpd refuses to start (AH01896: Unable to determine list of "
			 "acceptable CA certificates for client authentication)",
			 what);
}

static void
check_side(struct ap_lower *l, const struct side *side)
{
	const struct ap_verify *v = side->v;

	if (is_set(side->ca_file) || is_set(&v->ca_path)) {
		if (!is_set(side->ca_file) ||
		    store_file_loads(l, side, side->ca_file, "CACertificateFile",
				     "AH01895: Unable to configure verify locations for client "
				     "authentication"))
			ca_list(l, side);
	}
	if (is_set(side->crl_file))
		store_file_loads(l, side, side->crl_file, "CARevocationFile",
				 "AH01901: unable to configure X.509 CRL storage for certificate "
				 "revocation");
	else if (!is_set(&v->crl_path) && is_set(&v->crl_check) &&
		 (strcasecmp(v->crl_check.s, "leaf") == 0 ||
		  strcasecmp(v->crl_check.s, "chain") == 0))
		tl_lower_invalid(
			&l->engine, v->crl_check.v.loc,
			"%sCARevocationCheck %s without %sCARevocationFile or "
			"%sCARevocationPath; httpd refuses to start (AH01899: CRL checking "
			"has been enabled, but neither %sCARevocationFile nor "
			"%sCARevocationPath is configured)",
			side->prefix, v->crl_check.s, side->prefix, side->prefix, side->prefix,
			side->prefix);
}

/*
 * ssl_init_ctx_protocol and ssl_init_ctx_cipher_suite for the context
 * towards backends (the server's own are the checks': proto-none,
 * cipher-invalid). Debian's OpenSSL has no PROFILE=SYSTEM: it matches nothing.
 */
static void
proxy_versions_and_ciphers(struct ap_lower *l, const struct ap_scope *scope)
{
	const struct tl_protocols *p = &scope->proxy.protocols;
	const struct tl_str *c = &scope->proxy.ciphers;
	const struct tl_str *s13 = &scope->proxy_verify.suites13;

	if ((p->v.origin == TL_ORIGIN_SET || p->v.origin == TL_ORIGIN_INHERITED) && p->mask == 0)
		tl_lower_invalid(&l->engine, p->v.loc,
				 "SSLProxyProtocol enables no protocol version; httpd refuses to "
				 "start (AH02231: No SSL protocols available)");
	if (is_set(c)) {
		const struct tl_cipher_list *list;
		const char *error = NULL;
		int rc = tl_lower_cipher_eval(l->env, c->s, TL_CIPHER_LINKED_ONLY, &list, &error);

		if (rc != 0)
			tl_lower_invalid(
				&l->engine, c->v.loc,
				"SSLProxyCipherSuite '%s' %s; httpd refuses to start "
				"(AH01898: Unable to configure permitted SSL ciphers)",
				c->v.dir != NULL ? c->v.dir->args[c->v.dir->nargs - 1].text : c->s,
				rc == -ENOENT   ? "enables no cipher suite ('no cipher match')"
				: error != NULL ? error
						: "is not a valid cipher string");
	}
	if (is_set(s13) && !tl_cipher_suites13_any_known(s13->s))
		tl_lower_invalid(&l->engine, s13->v.loc,
				 "SSLProxyCipherSuite TLSv1.3 '%s' names no TLS 1.3 suite; httpd "
				 "refuses to start (AH10127: Unable to configure permitted TLSv1.3 "
				 "ciphers)",
				 s13->s);
}

/*
 * The client certificates of one file (ssl_init_proxy_certs, load_x509_info):
 * a certificate alone is trusted as a chain certificate; one whose key is
 * missing or encrypted is AH02252, one whose key is another's AH02326.
 */
static void
machine_file(struct ap_lower *l, const struct tl_str *setting, const char *which, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	BIO *bio;
	STACK_OF(X509_INFO) * infos;
	const char *why = NULL;

	if (tl_fs_read(l->env->fs,
		       path != NULL ? path
				    : tl_path_join(l->env->arena, l->server_root, setting->s),
		       MAX_CA_FILE, &text, &len, NULL, NULL) != 0)
		return;
	bio = BIO_new_mem_buf(text, (int)len);
	infos = bio != NULL ? PEM_X509_INFO_read_bio(bio, NULL, no_passphrase, NULL) : NULL;
	for (int i = 0; i < sk_X509_INFO_num(infos) && why == NULL; i++) {
		const X509_INFO *inf = sk_X509_INFO_value(infos, i);
		bool key = inf->x_pkey != NULL && inf->x_pkey->dec_pkey != NULL;

		if (inf->x509 != NULL && !key && inf->enc_data == NULL)
			continue;
		if (!key || inf->enc_data != NULL)
			why = "a certificate without its private key, or with an encrypted one: "
			      "httpd asks no passphrase for it; httpd refuses to start (AH02252: "
			      "incomplete client cert configured for SSL proxy)";
		else if (inf->x509 != NULL &&
			 X509_check_private_key(inf->x509, inf->x_pkey->dec_pkey) != 1)
			why = "a certificate with another certificate's private key; httpd refuses "
			      "to start (AH02326: proxy client certificate and private key do not "
			      "match)";
	}
	sk_X509_INFO_pop_free(infos, X509_INFO_free);
	BIO_free(bio);
	ERR_clear_error();
	OPENSSL_cleanse(text, len); /* the client keys */
	if (why != NULL)
		tl_lower_invalid(&l->engine, setting->v.loc,
				 "SSLProxyMachineCertificate%s '%s' holds %s", which,
				 path == NULL ? setting->s : path, why);
}

/* SSLProxyMachineCertificateFile, then every file of SSLProxyMachineCertificatePath. */
static void
machine_certificates(struct ap_lower *l, const struct ap_scope *scope)
{
	const struct tl_str *file = &scope->proxy.certificate;
	const struct tl_str *dir = &scope->proxy_verify.machine_path;

	if (is_set(file))
		machine_file(l, file, "File", NULL);
	if (is_set(dir)) {
		const char *path = tl_path_join(l->env->arena, l->server_root, dir->s);
		struct tl_ptrvec names = {0};
		long n = tl_fs_list_dir(l->env->fs, path, MAX_CA_DIR_FILES, &names);

		for (size_t i = 0; n >= 0 && n <= MAX_CA_DIR_FILES && i < names.len; i++) {
			const char *f = tl_path_join(l->env->arena, path, names.items[i]);
			struct stat st;

			if (tl_fs_stat(l->env->fs, f, &st) == 0 && !S_ISDIR(st.st_mode))
				machine_file(l, dir, "Path", f);
		}
	}
}

/*
 * The SSLOpenSSLConfCmd commands that load a CA file (ChainCAFile,
 * VerifyCAFile: X509_STORE_load_file) want a certificate or a CRL in it,
 * as SSLCACertificateFile does; httpd applies them at start-up (AH02407).
 */
static void
conf_command_files(struct ap_lower *l, const struct tl_conf_commands *cmds)
{
	for (size_t i = 0; i < cmds->n; i++) {
		const struct tl_conf_command *c = &cmds->items[i];
		char *text = NULL;
		size_t len = 0;
		int n;

		if (strcasecmp(c->name, "ChainCAFile") != 0 &&
		    strcasecmp(c->name, "VerifyCAFile") != 0)
			continue;
		if (tl_fs_read(l->env->fs, c->value, MAX_CA_FILE, &text, &len, NULL, NULL) != 0)
			continue;
		n = certs_and_crls(text, len);
		if (n > 0)
			continue;
		tl_lower_invalid(&l->engine, c->loc,
				 "SSLOpenSSLConfCmd %s '%s' %s ('no certificate or crl found'); "
				 "httpd refuses to start (AH02407: \"SSLOpenSSLConfCmd %s %s\" "
				 "failed)",
				 c->name, c->written,
				 n < 0 ? "has a malformed PEM block"
				       : "holds no certificate or CRL",
				 c->name, c->written);
	}
}

/*
 * ssl_init_ticket_key reads the first 48 bytes of SSLSessionTicketKeyFile
 * (name, HMAC and AES keys); a shorter file stops httpd (AH02287), a
 * longer one starts (the rest is ignored). apache2 -t already refuses an
 * empty one.
 */
static void
ticket_key_file(struct ap_lower *l, const struct tl_str *s)
{
	char *text = NULL;
	size_t len = 0;

	if (!is_set(s) || read_setting(l, s->s, &text, &len) != 0)
		return;
	OPENSSL_cleanse(text, len); /* the ticket keys: only the length is judged */
	if (len == 0 || len >= 48)
		return;
	tl_lower_invalid(&l->engine, s->v.loc,
			 "SSLSessionTicketKeyFile '%s' holds %zu bytes, and httpd reads 48; httpd "
			 "refuses to start (AH02287: Failed to read 48 bytes from …: End of file "
			 "found)",
			 s->s, len);
}

/*
 * SSLSRPVerifierFile, which SRP_VBASE_init reads (an `openssl srp` index
 * file); anything else is AH02310. The host's libcrypto reads the file
 * where --root puts it, standing for the server's.
 */
static void
srp_file(struct ap_lower *l, const struct tl_str *s)
{
	const char *host = NULL;
	SRP_VBASE *vb;
	int err;

	if (!is_set(s) ||
	    tl_fs_resolve(l->env->fs, tl_path_join(l->env->arena, l->server_root, s->s), &host) !=
		    0 ||
	    host == NULL)
		return;
	vb = SRP_VBASE_new(NULL);
	if (vb == NULL)
		return;
	err = SRP_VBASE_init(vb, (char *)host);
	SRP_VBASE_free(vb);
	ERR_clear_error();
	if (err != SRP_NO_ERROR)
		tl_lower_invalid(&l->engine, s->v.loc,
				 "SSLSRPVerifierFile '%s' is not an SRP verifier file; httpd "
				 "refuses to start (AH02310: Unable to load SRP verifier file "
				 "[error %d])",
				 s->s, err);
}

void
tl_ap_check_fips(struct ap_lower *l, const struct tl_flag *fips, bool any_tls)
{
	OSSL_LIB_CTX *libctx;
	OSSL_PROVIDER *prov;

	if (!fips->on || fips->v.origin != TL_ORIGIN_SET || !any_tls)
		return;
	/* A FIPS provider on this host stands for one on the server's: then nothing is claimed. */
	libctx = OSSL_LIB_CTX_new();
	prov = libctx != NULL ? OSSL_PROVIDER_load(libctx, "fips") : NULL;
	OSSL_PROVIDER_unload(prov);
	OSSL_LIB_CTX_free(libctx);
	ERR_clear_error();
	if (prov != NULL)
		return;
	tl_lower_invalid(&l->engine, fips->v.loc,
			 "SSLFIPS on asks OpenSSL for FIPS-approved algorithms only, and this "
			 "OpenSSL (as Debian 12's) has no FIPS provider: httpd refuses to start "
			 "(AH01884: OpenSSL has FIPS mode enabled, then 'library has no ciphers')");
}

void
tl_ap_check_tls_context(struct ap_lower *l, const struct ap_scope *scope,
			const struct tl_site *site)
{
	if (l->env->fs == NULL)
		return;
	if (site->tls.engine.on || scope->tls.engine.on) {
		struct side server = {"SSL", &scope->tls.client_certificate, &scope->tls.crl,
				      &scope->verify};

		check_side(l, &server);
		conf_command_files(l, &scope->tls.conf_commands);
		ticket_key_file(l, &scope->tls.session_ticket_key);
		srp_file(l, &scope->verify.srp_file);
	}
	tl_ap_check_proxy_context(l, scope);
}

void
tl_ap_check_proxy_context(struct ap_lower *l, const struct ap_scope *scope)
{
	struct side proxy = {"SSLProxy", &scope->proxy.trusted_certificate, &scope->proxy.crl,
			     &scope->proxy_verify};

	if (l->env->fs == NULL || !scope->proxy.enabled.on)
		return;
	proxy_versions_and_ciphers(l, scope);
	check_side(l, &proxy);
	machine_certificates(l, scope);
}
