/* Apache httpd as a row of the server table: detection, usual locations, stable release, front end.
 */
#include <errno.h>
#include <string.h>

#include "apache.h"
#include "apache_facts.h"
#include "apache_lower.h"
#include "scopes.h"
#include "servers.h"
#include "../src/phase_time.h"

static int
lint_apache(const struct tl_server_env *env, const char *path, const char *text, size_t len)
{
	struct tl_parse_env penv = {env->arena, env->sources, env->diag, env->fs,
				    tl_default_parse_limits};
	struct tl_lower_env lenv = {env->arena, env->diag, env->version, env->fs};
	struct tl_apache_options opts = {NULL, 0, env->version};
	struct tl_apache_parse parse;
	int rc;

	if (env->opts != NULL) {
		opts.defines = (const char *const *)env->opts->defines.items;
		opts.ndefines = env->opts->defines.len;
	}
	if (text != NULL)
		rc = tl_apache_parse_text(&penv, &opts, "<stdin>", text, len, &parse);
	else
		rc = tl_apache_parse_file(&penv, &opts, path, &parse);
	if (rc != 0)
		return rc;
	tl_suppressions_collect(env->suppressions, &parse.tree);
	tl_scopes_collect(env->diag, env->arena, TL_SERVER_APACHE, &parse.tree);
	/* The lowering reads certificates too: they are charged to their own phase. */
	tl_phase_enter(TL_PHASE_LOWER);
	tl_apache_lower(&lenv, &parse, env->model);
	return 0;
}

static const char *const file_names[] = {"apache2.conf", "httpd.conf", NULL};
/* Debian, RHEL; the official container image and a build from source (/usr/local/apache2). */
static const char *const locations[] = {"/etc/apache2/apache2.conf", "/etc/httpd/conf/httpd.conf",
					"/usr/local/apache2/conf/httpd.conf", NULL};

const struct tl_server tl_apache_server = {
	.kind = TL_SERVER_APACHE,
	.name = "apache",
	.stable = TL_APACHE_STABLE,
	.stable_note = tl_apache_stable_note,
	.file_names = file_names,
	.usual_locations = locations,
	/* Sections in angle brackets, and httpd's one-directive-a-line core directives. */
	.content_pattern =
		"(?i)^\\s*</?(?:VirtualHost|IfModule|IfDefine|Directory|Location|Files)\\b"
		"|^\\s*(?:Listen|ServerRoot|LoadModule|SSLEngine|SSLCertificateFile|"
		"DocumentRoot|IncludeOptional)\\s+[^;{}\\n]*$",
	.lint = lint_apache,
};
