/*
 * The servers tlslint reads, as one table: how each is recognised (file
 * name, then content), where its configs usually are, the version whose
 * defaults apply when --target does not say, and its front end, which
 * reads an entry config and lowers it into the model. run.c, main.c and
 * --version loop over this table; a new server is a new row.
 */
#ifndef TL_SERVERS_H
#define TL_SERVERS_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stddef.h>

#include "../src/arena.h"
#include "../src/diag.h"
#include "../src/fsroot.h"
#include "../src/model.h"
#include "../src/options.h"
#include "../src/source.h"
#include "suppress.h"

/* What a front end reads with and lowers into. */
struct tl_server_env {
	struct tl_arena *arena;
	struct tl_sources *sources;
	struct tl_diag *diag;
	struct tl_fs *fs;
	struct tl_suppressions *suppressions;
	struct tl_model *model;
	struct tl_version version; /* --target, else the server's stable release */
	const struct tl_options *opts;
};

struct tl_server {
	enum tl_server_kind kind;
	const char *name;                   /* as in --server and --target */
	struct tl_version stable;           /* the default --target */
	const char *stable_note;            /* for --version: which release, of when, from where */
	const char *const *file_names;      /* base names that mean this server, NULL-ended */
	const char *const *file_suffixes;   /* name endings that do, NULL-ended */
	const char *const *usual_locations; /* where an ops engineer's configs are */
	/* PCRE2, multi-line: lines only this server's configs have; the most matches wins. */
	const char *content_pattern;
	/*
	 * Reads the entry config PATH (or, for "-", TEXT of LEN bytes from
	 * standard input) and lowers it. Returns 0, or a negative errno when
	 * the entry cannot be read (-EPROTONOSUPPORT: no front end yet).
	 */
	int (*lint)(const struct tl_server_env *env, const char *path, const char *text,
		    size_t len);
};

/* Every server, in the order of enum tl_server_kind (AUTO excluded). */
const struct tl_server *const *tl_servers(size_t *count);
const struct tl_server *tl_server_of(enum tl_server_kind kind);

/*
 * The server an entry is written for, from its name (PATH, "-" for
 * standard input) and the first bytes of its text (HEAD, LEN): a file name
 * that only one server uses, else the server whose content pattern
 * matches most lines, else nginx.
 */
const struct tl_server *tl_server_detect(const char *path, const char *head, size_t len);

/* The rows (parsers/<server>_server.c). */
extern const struct tl_server tl_nginx_server;
extern const struct tl_server tl_apache_server;
extern const struct tl_server tl_haproxy_server;

#endif
