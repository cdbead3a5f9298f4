/* nginx as a row of the server table: detection, usual location, stable release, front end. */
#include <errno.h>
#include <string.h>

#include "nginx.h"
#include "nginx_facts.h"
#include "nginx_lower.h"
#include "scopes.h"
#include "servers.h"
#include "../src/phase_time.h"

static int
lint_nginx(const struct tl_server_env *env, const char *path, const char *text, size_t len)
{
	struct tl_parse_env penv = {env->arena, env->sources, env->diag, env->fs,
				    tl_default_parse_limits};
	struct tl_lower_env lenv = {env->arena, env->diag, env->version, env->fs};
	struct tl_tree tree;
	int rc;

	memset(&tree, 0, sizeof(tree));
	if (text != NULL)
		rc = tl_nginx_parse_text(&penv, "<stdin>", text, len, &tree);
	else
		rc = tl_nginx_parse_file(&penv, path, &tree);
	if (rc != 0)
		return rc;
	tl_suppressions_collect(env->suppressions, &tree);
	tl_scopes_collect(env->diag, env->arena, TL_SERVER_NGINX, &tree);
	/* The lowering reads certificates too: they are charged to their own phase. */
	tl_phase_enter(TL_PHASE_LOWER);
	tl_nginx_lower(&lenv, &tree, env->model);
	if (tree.globs > 0 && tree.globs_matched == 0 && env->model->unmatched_include == NULL) {
		env->model->unmatched_include = tree.first_empty_glob;
		env->model->unmatched_include_loc = tree.first_empty_glob_loc;
	}
	return 0;
}

static const char *const file_names[] = {"nginx.conf", NULL};
/* Debian, RHEL and nginx.org packages; a build from source (--prefix=/usr/local/nginx). */
static const char *const locations[] = {"/etc/nginx/nginx.conf", "/usr/local/nginx/conf/nginx.conf",
					NULL};

const struct tl_server tl_nginx_server = {
	.kind = TL_SERVER_NGINX,
	.name = "nginx",
	.stable = TL_NGINX_STABLE,
	.stable_note = tl_nginx_stable_note,
	.file_names = file_names,
	.usual_locations = locations,
	/* Blocks and ";"-terminated TLS directives: neither httpd nor HAProxy writes these. */
	.content_pattern =
		"^\\s*(?:http|stream|events|mail|upstream|server|location\\s[^{]*)\\s*\\{"
		"|^\\s*(?:ssl_\\w+|server_name|listen|include)\\s[^;{}\\n]*;",
	.lint = lint_nginx,
};
