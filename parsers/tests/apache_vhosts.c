/*
 * apache_vhosts CONFIG: tlslint's view of httpd's name-based virtual hosts,
 * for testdata/realserver/apache-vhosts.sh to compare with `apache2 -S`.
 * Parses and lowers CONFIG exactly as tlslint does (no --root) and prints,
 * per socket in config order, one line per site:
 *
 *   ADDR:PORT default NAME (FILE:LINE)     the site httpd falls back to
 *   ADDR:PORT namevhost NAME (FILE:LINE)   every site, in selection order
 *   ADDR:PORT alias NAME                   its other names
 *
 * FILE:LINE is the <VirtualHost> line, as apache2 -S prints it.
 */
#include <stdio.h>
#include <string.h>

#include "../../src/effective.h"
#include "../apache.h"
#include "../apache_facts.h"
#include "../apache_lower.h"

static void
print_site(const struct tl_socket *sock, const char *what, const struct tl_site *site)
{
	unsigned line, col;
	const struct tl_name *first = site->names.len ? site->names.items[0] : NULL;

	tl_loc_linecol(&site->loc, &line, &col);
	printf("%s:%u %s %s (%s:%u)\n", sock->addr, sock->port, what,
	       first ? first->name : "(none)", site->loc.src ? site->loc.src->path : "?", line);
}

int
main(int argc, char **argv)
{
	struct tl_arena *arena = tl_arena_new();
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_model model;
	struct tl_fs fs;
	struct tl_parse_env penv;
	struct tl_lower_env lenv = {0};
	struct tl_apache_parse parse;
	const struct tl_version stable = TL_APACHE_STABLE;
	struct tl_apache_options opts = {NULL, 0, stable};

	if (argc != 2) {
		fprintf(stderr, "usage: apache_vhosts CONFIG\n");
		return 2;
	}
	tl_sources_init(&sources, arena);
	tl_diag_init(&diag, arena);
	tl_model_init(&model, arena);
	tl_fs_init(&fs, arena, NULL);
	memset(&penv, 0, sizeof(penv));
	penv.arena = arena;
	penv.sources = &sources;
	penv.diag = &diag;
	penv.fs = &fs;
	penv.limits = tl_default_parse_limits;
	if (tl_apache_parse_file(&penv, &opts, argv[1], &parse) != 0) {
		fprintf(stderr, "apache_vhosts: cannot parse %s\n", argv[1]);
		return 2;
	}
	lenv.arena = arena;
	lenv.diag = &diag;
	lenv.version = stable;
	tl_apache_lower(&lenv, &parse, &model);
	tl_effective_tls(&model);
	for (size_t i = 0; i < model.sockets.len; i++) {
		const struct tl_socket *sock = model.sockets.items[i];

		if (sock->default_site != NULL)
			print_site(sock, "default", sock->default_site);
		for (size_t k = 0; k < sock->sites.len; k++) {
			const struct tl_site *site = sock->sites.items[k];

			print_site(sock, "namevhost", site);
			for (size_t n = 1; n < site->names.len; n++) {
				const struct tl_name *name = site->names.items[n];

				printf("%s:%u alias %s\n", sock->addr, sock->port, name->name);
			}
		}
	}
	tl_arena_free(arena);
	return 0;
}
