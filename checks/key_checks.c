/*
 * The key family: key-missing, key-unparsable, key-encrypted, key-mismatch
 * and key-permissions. Each pair's key gets at most one of the first four,
 * in that order of cause: a key that cannot be read, parsed or opened
 * cannot be compared with the certificate. Findings point at the
 * directive naming the key (for a bundle that holds its own key, at the
 * certificate directive).
 */
#include <grp.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "strmap.h"
#include "checks.h"
#include "fsutil.h"
#include "keyinfo.h"
#include "site_certs.h"

static const struct tl_client_error no_shared_cipher_clients[] = {
	{"Chrome", "ERR_SSL_VERSION_OR_CIPHER_MISMATCH"},
	{"Firefox", "SSL_ERROR_NO_CYPHER_OVERLAP"},
	{"OpenSSL/curl", "sslv3 alert handshake failure"},
	{"Go", "remote error: tls: handshake failure"},
	{"Java", "Received fatal alert: handshake_failure"},
	{NULL, NULL},
};

/* The directive to change: the key directive, or the certificate's when none is named. */
static struct tl_loc
key_loc(const struct tl_cert_pair *pair)
{
	return pair->key.written != NULL ? pair->key_dir : pair->cert_dir;
}

/* The key's name as written in the config (the certificate file for a bundle). */
static const char *
key_written(const struct tl_cert_pair *pair)
{
	return pair->key.written != NULL ? pair->key.written : pair->cert.written;
}

static struct tl_finding *key_finding(struct tl_check_ctx *ctx, enum tl_check_id check,
				      const struct tl_site *site, const struct tl_cert_pair *pair,
				      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static struct tl_finding *
key_finding(struct tl_check_ctx *ctx, enum tl_check_id check, const struct tl_site *site,
	    const struct tl_cert_pair *pair, const char *fmt, ...)
{
	va_list ap;
	struct tl_finding *f;

	va_start(ap, fmt);
	f = tl_diag_vadd(ctx->diag, check, key_loc(pair), fmt, ap);
	va_end(ap);
	f->server = tl_server_name(site->server);
	f->site = site->label;
	return f;
}

/* The same with a message already made (shared by every site naming the key). */
static struct tl_finding *
key_finding_message(struct tl_check_ctx *ctx, enum tl_check_id check, const struct tl_site *site,
		    const struct tl_cert_pair *pair, const char *message)
{
	struct tl_finding *f = tl_diag_add_message(ctx->diag, check, key_loc(pair), message);

	f->server = tl_server_name(site->server);
	f->site = site->label;
	return f;
}

/* Shows where the key file was looked for when --root or a prefix changed the path. */
static void
relate_path(struct tl_check_ctx *ctx, struct tl_finding *f, const struct tl_cert_pair *pair,
	    const struct tl_cert_file *file)
{
	if (strcmp(key_written(pair), file->path) != 0)
		tl_finding_relate(ctx->diag, f, file->path, (struct tl_loc){0},
				  "read from this path on this machine");
}

/* A certificate that could not be read has its own finding; so has its key then. */
static bool
cert_readable(const struct tl_pair_info *info)
{
	return info->cert_file->read_error == 0 && sk_X509_num(info->served) > 0;
}

static void
missing(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	const struct tl_pair_info *info)
{
	const struct tl_key_info *ki = tl_key_info_get(&ctx->an, site, pair, info);
	struct tl_finding *f;

	if (ki->status == TL_KEY_NONE && cert_readable(info)) {
		if (info->cert_file->key_present)
			key_finding(ctx, TL_CK_KEY_MISSING, site, pair,
				    "no private key is named for certificate '%s'; the key inside "
				    "the file is not read by this server, which %s",
				    pair->cert.written, tl_fault_text(site->facts, TL_FAULT_KEY));
		else if (pair->key_sidecar.written != NULL)
			key_finding(ctx, TL_CK_KEY_MISSING, site, pair,
				    "no private key for certificate '%s': the file holds none and "
				    "there is no '%s' beside it; the server %s",
				    pair->cert.written, pair->key_sidecar.written,
				    tl_fault_text(site->facts, TL_FAULT_KEY));
		else
			key_finding(ctx, TL_CK_KEY_MISSING, site, pair,
				    "no private key for certificate '%s': none is configured and "
				    "the file holds none; the server %s",
				    pair->cert.written, tl_fault_text(site->facts, TL_FAULT_KEY));
		return;
	}
	/* The same missing file named for certificate and key: cert-missing says it. */
	if (ki->status != TL_KEY_UNREADABLE || pair->key.written == NULL ||
	    (info->cert_file == ki->file))
		return;
	f = key_finding(ctx, TL_CK_KEY_MISSING, site, pair,
			"cannot read private key '%s': %s; the server %s", pair->key.written,
			tl_file_error(ki->file->read_error),
			tl_file_fault_text(site->facts, TL_FAULT_KEY, ki->file->read_error));
	relate_path(ctx, f, pair, ki->file);
}

void
tl_check_key_missing(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, missing);
}

static void
unparsable(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	   const struct tl_pair_info *info)
{
	const struct tl_key_info *ki = tl_key_info_get(&ctx->an, site, pair, info);
	const char *why;
	struct tl_finding *f;

	if (ki->status != TL_KEY_UNPARSABLE)
		return;
	if (ki->file->key_present)
		why = ki->file->key_error ? ki->file->key_error : "malformed private key";
	else if (sk_X509_num(ki->file->certs) > 0)
		why = "it holds a certificate, not a private key";
	else
		why = "no PEM private key block";
	f = key_finding(ctx, TL_CK_KEY_UNPARSABLE, site, pair,
			"'%s' holds no private key (%s); the server %s", key_written(pair), why,
			tl_fault_text(site->facts, TL_FAULT_KEY));
	relate_path(ctx, f, pair, ki->file);
}

void
tl_check_key_unparsable(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, unparsable);
}

static void
encrypted(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	  const struct tl_pair_info *info)
{
	const struct tl_key_info *ki = tl_key_info_get(&ctx->an, site, pair, info);
	const struct tl_path *pw = ki->password_file;
	const struct tl_str *program = &site->tls.passphrase_program;
	struct tl_finding *f;

	if (ki->status != TL_KEY_LOCKED)
		return;
	/*
	 * A program the server asks for the passphrase (httpd SSLPassPhraseDialog
	 * exec:): whether the key opens depends on what it prints, which tlslint
	 * does not run, so this is no refusal, only a dependency to know of.
	 */
	if (pw == NULL && program->v.origin != TL_ORIGIN_UNSET &&
	    program->v.origin != TL_ORIGIN_DEFAULT) {
		f = key_finding(ctx, TL_CK_KEY_ENCRYPTED, site, pair,
				"private key '%s' is encrypted; its passphrase comes from the "
				"program '%s', which tlslint does not run: the server starts only "
				"if that program prints the right passphrase",
				key_written(pair), program->s);
		f->severity = TL_SEV_WARNING;
		tl_finding_relate(ctx->diag, f, NULL, program->v.loc,
				  "the passphrase program is set here");
		return;
	}
	if (pw == NULL) {
		key_finding(ctx, TL_CK_KEY_ENCRYPTED, site, pair,
			    "private key '%s' is encrypted and no password file is configured; "
			    "the server cannot load it without prompting for the passphrase and "
			    "%s",
			    key_written(pair), tl_fault_text(site->facts, TL_FAULT_KEY));
		return;
	}
	/* A server that reads the file with its directive says so there (directive-invalid). */
	if (ki->password_errno != 0 &&
	    tl_fault_consequence(site->facts, TL_FAULT_PASSWORD_FILE) != NULL)
		return;
	if (ki->password_errno != 0)
		f = key_finding(ctx, TL_CK_KEY_ENCRYPTED, site, pair,
				"private key '%s' is encrypted and its password file '%s' cannot "
				"be read: %s; the server %s",
				key_written(pair), pw->s, strerror(ki->password_errno),
				tl_fault_text(site->facts, TL_FAULT_KEY));
	else if (ki->npasswords == 0)
		f = key_finding(ctx, TL_CK_KEY_ENCRYPTED, site, pair,
				"private key '%s' is encrypted and its password file '%s' holds "
				"no passphrase; the server %s",
				key_written(pair), pw->s, tl_fault_text(site->facts, TL_FAULT_KEY));
	else if (ki->npasswords == 1)
		f = key_finding(ctx, TL_CK_KEY_ENCRYPTED, site, pair,
				"the passphrase in '%s' does not open encrypted private key '%s' "
				"(bad decrypt); the server %s",
				pw->s, key_written(pair), tl_fault_text(site->facts, TL_FAULT_KEY));
	else
		f = key_finding(ctx, TL_CK_KEY_ENCRYPTED, site, pair,
				"none of the %zu passphrases in '%s' opens encrypted private key "
				"'%s' (bad decrypt); the server %s",
				ki->npasswords, pw->s, key_written(pair),
				tl_fault_text(site->facts, TL_FAULT_KEY));
	tl_finding_relate(ctx->diag, f, NULL, pw->v.loc, "the password file is set here");
}

void
tl_check_key_encrypted(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, encrypted);
}

static void
mismatch(struct tl_check_ctx *ctx, const struct tl_site *site, const struct tl_cert_pair *pair,
	 const struct tl_pair_info *info)
{
	const struct tl_key_info *ki = tl_key_info_get(&ctx->an, site, pair, info);
	X509 *leaf = info->leaf;
	EVP_PKEY *pub;
	const char *subject;
	struct tl_finding *f;

	/* A key matching a later certificate is chain-order's finding. */
	if (ki->status != TL_KEY_OK || leaf == NULL || ki->key_match >= 0)
		return;
	pub = X509_get0_pubkey(leaf);
	subject = tl_cert_subject(ctx->arena, leaf);
	if (pub != NULL && EVP_PKEY_get_base_id(pub) != EVP_PKEY_get_base_id(ki->key)) {
		/*
		 * OpenSSL keeps one slot per key type: the key lands in
		 * another slot than the certificate, loading succeeds and
		 * no slot has both halves (research B.1 NGX-KEY-TYPE).
		 */
		f = key_finding(
			ctx, TL_CK_KEY_MISMATCH, site, pair,
			"private key '%s' is of type %s but certificate '%s' (%s) has a key "
			"of type %s; "
			"the server may start, and then every handshake fails with 'no "
			"shared cipher'",
			key_written(pair), tl_key_type_name(ki->key), pair->cert.written, subject,
			tl_key_type_name(pub));
		f->clients_see = no_shared_cipher_clients;
	} else {
		f = key_finding(ctx, TL_CK_KEY_MISMATCH, site, pair,
				"private key '%s' does not belong to certificate '%s' (%s) or any "
				"certificate the file serves; the server %s",
				key_written(pair), pair->cert.written, subject,
				tl_fault_text(site->facts, TL_FAULT_KEY_MISMATCH));
	}
	tl_finding_relate(ctx->diag, f, NULL, pair->cert_dir, "the certificate is named here");
}

void
tl_check_key_mismatch(struct tl_check_ctx *ctx)
{
	tl_each_site_cert(ctx, mismatch);
}

/*
 * key-permissions: one finding per key file, at the first directive that
 * names it; the other directives naming it are related entries. The same
 * directive reached from another site is merged by the diagnostics.
 */
struct perm_seen {
	struct tl_finding *finding;
	struct tl_loc loc;
	const char *message;
};

/*
 * Group-readable is fine when the group is root or ssl-cert: that is
 * Debian's convention (/etc/ssl/private 0710 root:ssl-cert, keys 0640
 * root:ssl-cert) for daemons that drop privileges after reading keys.
 * Any other group, and any world-readable key, lets unrelated accounts
 * copy the key.
 */
static const char *
exposure(struct tl_check_ctx *ctx, const struct tl_cert_file *file)
{
	struct group *gr;
	const char *group;

	if (file->mode & 0004)
		return tl_diag_printf(ctx->arena, "readable by all users (mode %04o)",
				      (unsigned)file->mode);
	if (!(file->mode & 0040))
		return NULL;
	gr = getgrgid(file->gid);
	group = gr ? gr->gr_name : NULL;
	if (file->gid == 0 || (group != NULL && strcmp(group, "ssl-cert") == 0))
		return NULL;
	return group ? tl_diag_printf(ctx->arena, "readable by group '%s' (mode %04o)", group,
				      (unsigned)file->mode)
		     : tl_diag_printf(ctx->arena, "readable by group %u (mode %04o)",
				      (unsigned)file->gid, (unsigned)file->mode);
}

static bool
same_loc(const struct tl_loc *a, const struct tl_loc *b)
{
	return a->src == b->src && a->off == b->off;
}

static void
permissions(struct tl_check_ctx *ctx, struct tl_strmap *files, struct tl_ptrmap *named,
	    const struct tl_site *site, const struct tl_cert_pair *pair,
	    const struct tl_pair_info *info)
{
	const struct tl_key_info *ki = tl_key_info_get(&ctx->an, site, pair, info);
	struct perm_seen *seen;
	struct tl_loc loc = key_loc(pair);
	const char *why;

	if (ki->file == NULL || ki->file->read_error != 0 || !ki->file->key_present)
		return;
	seen = tl_strmap_get(files, ki->file->path);
	if (seen != NULL) {
		if (same_loc(&seen->loc, &loc)) {
			/* Same directive, another site: merged by the diagnostics. */
			key_finding_message(ctx, TL_CK_KEY_PERMISSIONS, site, pair, seen->message);
			return;
		}
		/* Each other directive once, found by hashing: 100,000 sites may share a key. */
		if (tl_ptrmap_get(named, loc.src, (const void *)(uintptr_t)loc.off) != NULL)
			return;
		tl_ptrmap_put(named, loc.src, (const void *)(uintptr_t)loc.off, seen);
		tl_finding_relate(ctx->diag, seen->finding, NULL, loc,
				  "the same key file is named here");
		return;
	}
	why = exposure(ctx, ki->file);
	if (why == NULL)
		return;
	seen = tl_arena_alloc(ctx->arena, sizeof(*seen));
	seen->loc = loc;
	seen->message = tl_diag_printf(ctx->arena,
				       "private key '%s' is %s; any local account can copy it "
				       "and impersonate the site",
				       key_written(pair), why);
	seen->finding = key_finding_message(ctx, TL_CK_KEY_PERMISSIONS, site, pair, seen->message);
	relate_path(ctx, seen->finding, pair, ki->file);
	tl_strmap_put(files, ki->file->path, seen);
}

void
tl_check_key_permissions(struct tl_check_ctx *ctx)
{
	struct tl_strmap files; /* key path → struct perm_seen, for files found exposed */
	struct tl_ptrmap named; /* directives already related to a finding */

	tl_strmap_init(&files, ctx->arena);
	tl_ptrmap_init(&named, ctx->arena);
	/* Walked here rather than with tl_each_site_cert, which carries no state. */
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];

		for (size_t k = 0; k < site->tls.certs.n && !site->tls_unread; k++) {
			const struct tl_cert_pair *pair = &site->tls.certs.pairs[k];

			if (pair->cert.written == NULL || pair->cert.dynamic)
				continue;
			permissions(ctx, &files, &named, site, pair,
				    tl_pair_info_get(&ctx->an, pair));
		}
	}
}
