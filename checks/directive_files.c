/*
 * directive-invalid for the files a directive names that no other check
 * reads: a DH parameters file that cannot be read or holds no parameters
 * stops the server at start-up, and so does a password file the server
 * reads with its directive. Most directive-invalid findings come from
 * lowering (a value the server rejects); these need the file itself.
 */
#include <string.h>

#include "check_ctx.h"
#include "checks.h"
#include "fsroot.h"
#include "fsutil.h"
#include "keyinfo.h"

static void
dhparam_site(struct tl_check_ctx *ctx, const struct tl_site *site)
{
	const struct tl_path *p = &site->tls.dhparam;
	const struct tl_cert_file *file;
	struct tl_finding *f;

	if (p->v.origin == TL_ORIGIN_UNSET || p->v.origin == TL_ORIGIN_DEFAULT || p->path == NULL)
		return;
	file = tl_certstore_get(ctx->certs, p->path);
	if (file->read_error == 0 && file->dh_params != NULL)
		return;
	f = tl_diag_add(ctx->diag, TL_CK_DIRECTIVE_INVALID, p->v.loc,
			"DH parameters file '%s' %s; the server %s", p->s,
			file->read_error != 0 ? tl_diag_printf(ctx->arena, "cannot be read (%s)",
							       tl_file_error(file->read_error))
					      : "holds no 'DH PARAMETERS' block",
			tl_file_fault_text(site->facts, TL_FAULT_DH_FILE, file->read_error));
	f->server = tl_server_name(site->server);
	f->site = site->label;
}

/*
 * A password file the server reads as it reads the directive (nginx):
 * one it cannot open, or with a line too long, stops it whether or not
 * any key is encrypted.
 */
static void
password_file_site(struct tl_check_ctx *ctx, const struct tl_site *site)
{
	const struct tl_path *p = &site->tls.password_file;
	const char *consequence = tl_fault_consequence(site->facts, TL_FAULT_PASSWORD_FILE);
	size_t line_max = site->facts != NULL ? site->facts->password_line_max : 0;
	struct tl_finding *f = NULL;
	char *text = NULL;
	size_t len = 0, longest;
	int rc;

	if (consequence == NULL || p->v.origin == TL_ORIGIN_UNSET ||
	    p->v.origin == TL_ORIGIN_DEFAULT || p->path == NULL)
		return;
	rc = tl_fs_read(ctx->an.fs, p->path, 64 * 1024, &text, &len, NULL, NULL);
	if (rc < 0)
		f = tl_diag_add(ctx->diag, TL_CK_DIRECTIVE_INVALID, p->v.loc,
				"password file '%s' cannot be opened (%s); the server %s", p->s,
				tl_file_error(-rc),
				tl_file_fault_text(site->facts, TL_FAULT_PASSWORD_FILE, -rc));
	else if (line_max > 0 && (longest = tl_longest_line(text, len)) >= line_max)
		f = tl_diag_add(ctx->diag, TL_CK_DIRECTIVE_INVALID, p->v.loc,
				"password file '%s' has a line of %zu bytes, the server reads "
				"passphrases of fewer than %zu (\"too long line\"); the server %s",
				p->s, longest, line_max, consequence);
	if (f != NULL) {
		f->server = tl_server_name(site->server);
		f->site = site->label;
	}
}

void
tl_check_directive_invalid(struct tl_check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];

		if (tl_site_has_context(site))
			dhparam_site(ctx, site);
		password_file_site(ctx, site);
	}
	tl_check_conf_commands(ctx);
}
