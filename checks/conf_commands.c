/*
 * directive-invalid for OpenSSL configuration commands (nginx
 * ssl_conf_command, httpd SSLOpenSSLConfCmd) that OpenSSL itself refuses:
 * each command is handed to SSL_CONF_cmd on a scratch context, as the
 * servers do (ngx_ssl_conf_commands, mod_ssl's ssl_init_ctx), and a
 * refusal there stops the server: nginx at -t, httpd at start-up (AH02407).
 * Commands other checks judge (cipher lists, groups) and commands that
 * name files (which are read only inside --root, by other checks) are left
 * to them.
 */
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "check_ctx.h"
#include "checks.h"
#include "ssl_conf.h"

/* Judged by cipher-invalid and curve-weak, with better words. */
static const char *const judged_elsewhere[] = {"CipherString", "Ciphersuites", "Curves", "Groups",
					       NULL};

static bool
elsewhere(const char *name)
{
	for (size_t i = 0; judged_elsewhere[i] != NULL; i++)
		if (strcasecmp(judged_elsewhere[i], name) == 0)
			return true;
	return false;
}

/* tl_ssl_conf_refusal, once per distinct command: ten thousand sites share a handful. */
static const char *
verdict(struct tl_check_ctx *ctx, struct tl_strmap *verdicts, const char *name, const char *value)
{
	const char *key = tl_diag_printf(ctx->arena, "%s %s", name, value);
	const char *why = tl_strmap_get(verdicts, key);

	if (why == NULL) {
		why = tl_ssl_conf_refusal(name, value, false);
		if (why == NULL)
			why = ""; /* taken */
		tl_strmap_put(verdicts, key, (void *)why);
	}
	return why[0] != '\0' ? why : NULL;
}

static void
site_commands(struct tl_check_ctx *ctx, const struct tl_site *site, struct tl_strmap *seen,
	      struct tl_strmap *verdicts)
{
	const struct tl_conf_commands *cmds = &site->tls.conf_commands;

	for (size_t i = 0; i < cmds->n; i++) {
		const struct tl_conf_command *c = &cmds->items[i];
		char key[64];
		const char *why;
		struct tl_finding *f;

		/* An inherited command is one line: judged once, where it is written. */
		snprintf(key, sizeof(key), "%u:%u", c->loc.src ? c->loc.src->id : 0, c->loc.off);
		if (tl_strmap_get(seen, key) != NULL || elsewhere(c->name))
			continue;
		tl_strmap_put(seen, tl_arena_strndup(ctx->arena, key, strlen(key)), (void *)"1");
		why = verdict(ctx, verdicts, c->name, c->value);
		if (why == NULL)
			continue;
		f = tl_diag_add(ctx->diag, TL_CK_DIRECTIVE_INVALID, c->loc,
				"OpenSSL refuses the configuration command '%s %s' (%s); the "
				"server %s",
				c->name, c->value, why,
				tl_fault_text(site->facts, TL_FAULT_CONF_COMMAND));
		f->server = tl_server_name(site->server);
		f->site = site->label;
	}
}

void
tl_check_conf_commands(struct tl_check_ctx *ctx)
{
	struct tl_strmap seen, verdicts;

	tl_strmap_init(&seen, ctx->arena);
	tl_strmap_init(&verdicts, ctx->arena);
	for (size_t i = 0; i < ctx->model->sites.len; i++) {
		const struct tl_site *site = ctx->model->sites.items[i];

		if (tl_site_has_context(site))
			site_commands(ctx, site, &seen, &verdicts);
	}
}
