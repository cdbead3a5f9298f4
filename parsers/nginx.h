/*
 * nginx: the parser (syntax only, nginx's own tokenizer rules) and the
 * lowering of its directive tree into the common model.
 */
#ifndef TL_NGINX_H
#define TL_NGINX_H

/* Checks see only the model: the build compiles checks/ with this set (checks/meson.build). */
#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stddef.h>

#include "../src/arena.h"
#include "../src/diag.h"
#include "../src/fsroot.h"
#include "../src/source.h"
#include "tree.h"

/* Limits on everything a config controls. */
struct tl_parse_limits {
	size_t max_file_size;  /* bytes per file */
	size_t max_total_size; /* bytes over all files of one parse */
	size_t max_files;      /* distinct files per parse, the entry included */
	/*
	 * Files parsed, counting each include of one file again: a snippet
	 * included by every server is read once and parsed per include.
	 */
	size_t max_parses;
	unsigned max_include_depth;
	unsigned max_nesting; /* block depth */
	size_t max_args;      /* arguments of one directive */
};

extern const struct tl_parse_limits tl_default_parse_limits;

struct tl_parse_env {
	struct tl_arena *arena;
	struct tl_sources *sources;
	struct tl_diag *diag; /* parse-error, include-missing findings go here */
	struct tl_fs *fs;     /* every included file is read through it (--root) */
	struct tl_parse_limits limits;
};

/*
 * Parses the entry config PATH (an ordinary path, not mapped under --root)
 * and the files it includes. Returns 0, or a negative errno when the entry
 * itself cannot be read; everything wrong inside is a finding.
 * tree->prefix is set to nginx's configuration prefix as deployed: the
 * directory of PATH in the server's namespace (its place under --root).
 */
int tl_nginx_parse_file(struct tl_parse_env *env, const char *path, struct tl_tree *tree);

/*
 * Parses config text that did not come from a file (standard input). If it
 * is `nginx -T` output, each "# configuration file NAME:" section becomes
 * the source NAME and includes are resolved among the sections; the prefix
 * is the directory of the first section's NAME. Other text has the prefix
 * "." without --root and nginx's default /etc/nginx with it.
 */
int tl_nginx_parse_text(struct tl_parse_env *env, const char *name, const char *text, size_t len,
			struct tl_tree *tree);

#endif
