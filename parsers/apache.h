/*
 * Apache httpd: the parser (httpd's own reading rules, server/config.c and
 * server/util.c of 2.4) and the lowering of its directive tree into the
 * common model.
 *
 * httpd executes some directives while it reads (EXEC_ON_READ): Include
 * and IncludeOptional, Define and UnDefine, the conditional sections
 * <IfModule>, <IfDefine>, <IfVersion>, <IfFile>, <IfDirective> and
 * <IfSection>, mod_macro's <Macro> and Use, LoadModule and ServerRoot. The
 * parser does the same, so the tree holds what httpd goes on to process:
 * included files and true conditionals spliced in place, false ones and
 * macro definitions gone, macro uses expanded.
 */
#ifndef TL_APACHE_H
#define TL_APACHE_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stdbool.h>

#include "../src/options.h"
#include "../src/strmap.h"
#include "nginx.h"
#include "tree.h"

/* What the command line tells the parser. */
struct tl_apache_options {
	const char *const *defines; /* --define NAME (httpd -D NAME) */
	size_t ndefines;
	struct tl_version version; /* the targeted httpd, for <IfVersion> */
};

/* A parse: the tree and what httpd learnt while reading it. */
struct tl_apache_parse {
	/*
	 * Sections are directives named without '<' ("VirtualHost") with
	 * block set; their arguments are what stood before the closing '>'.
	 * tree.prefix is the ServerRoot as deployed, which relative paths of
	 * the configuration are resolved against.
	 */
	struct tl_tree tree;
	/* Modules loaded (LoadModule, or compiled in), by both names: "ssl_module", "mod_ssl.c". */
	struct tl_strmap modules;
	/*
	 * False when no LoadModule was read (a vhost snippet linted on its
	 * own): which modules httpd has is then unknown, and every <IfModule>
	 * was taken to be true.
	 */
	bool modules_known;
	/*
	 * The files the configuration was read through: lowering checks the
	 * files and directories directives name through it, as httpd does
	 * while it reads them (never outside --root).
	 */
	struct tl_fs *fs;
};

int tl_apache_parse_file(struct tl_parse_env *env, const struct tl_apache_options *opts,
			 const char *path, struct tl_apache_parse *out);

/* Config text from standard input (NAME names it in messages). */
int tl_apache_parse_text(struct tl_parse_env *env, const struct tl_apache_options *opts,
			 const char *name, const char *text, size_t len,
			 struct tl_apache_parse *out);

/* True when the module of that name (either form) is loaded in PARSE, or unknown. */
bool tl_apache_module_loaded(const struct tl_apache_parse *parse, const char *module);

#endif
