/*
 * HAProxy: the parser (HAProxy's own reading rules: parse_cfg in
 * src/cfgparse.c, parse_line in src/tools.c, the .if conditions of
 * src/cfgcond.c, at 2.6 and 3.4).
 *
 * A configuration is a list of lines; a line whose first word names a
 * section (global, defaults, frontend, backend, listen, crt-store, …)
 * opens it, every other line is a keyword of the section open. Words are
 * split, unquoted, unescaped and "${VAR}"-expanded as HAProxy does it, and
 * the conditional blocks .if/.elif/.else/.endif are evaluated while
 * reading, so the tree holds only the lines HAProxy goes on to process.
 */
#ifndef TL_HAPROXY_H
#define TL_HAPROXY_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stdbool.h>

#include "../src/options.h"
#include "nginx.h"
#include "tree.h"

/* What the command line tells the parser. */
struct tl_haproxy_options {
	/* "VAR=VALUE" (--env); when ENV_SET is false, the process environment instead. */
	const char *const *env;
	size_t nenv;
	bool env_set;
	struct tl_version version; /* the targeted HAProxy: version_atleast(), empty words */
};

/*
 * The tree of a parse: each section is a block directive named by its
 * keyword ("frontend") with the words after it as arguments; its lines
 * are its children. tree.prefix is the entry file's directory as deployed.
 */
int tl_haproxy_parse_file(struct tl_parse_env *env, const struct tl_haproxy_options *opts,
			  const char *path, struct tl_tree *tree);

/* Config text from standard input (NAME names it in messages). */
int tl_haproxy_parse_text(struct tl_parse_env *env, const struct tl_haproxy_options *opts,
			  const char *name, const char *text, size_t len, struct tl_tree *tree);

#endif
