/*
 * Reading the files of one configuration, shared by every server's parser:
 * the entry file, then each file an include names, read through struct
 * tl_fs (so never outside --root), each file once however many names and
 * includes reach it, within the parse limits (files, bytes, include
 * depth), with include cycles refused. What a file says is the parser's
 * business; which files are read, and the findings when one cannot be,
 * are this module's.
 */
#ifndef TL_CONF_FILES_H
#define TL_CONF_FILES_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stdbool.h>
#include <stddef.h>

#include "../src/strmap.h"
#include "nginx.h"
#include "tree.h"

struct tl_conf_files {
	struct tl_parse_env *env;
	struct tl_tree *tree;          /* its nfiles counts the files read */
	const char *server;            /* "nginx": the findings say whose config it is */
	struct tl_strmap cache;        /* host path → struct tl_conf_file_entry */
	struct tl_strmap identity;     /* "device:inode" → the same: one file by two names */
	size_t nparses;                /* files parsed so far, repeats included */
	size_t total;                  /* their bytes */
	struct tl_strmap pem_reported; /* source path → itself: its PEM block was reported */
	bool files_reported;
	bool total_reported;
};

/* The files being read, innermost first: the include stack. */
struct tl_conf_frame {
	const struct tl_conf_frame *up;
	const struct tl_source *src;
	unsigned include_depth; /* 0 for the entry */
};

void tl_conf_files_init(struct tl_conf_files *cf, struct tl_parse_env *env, struct tl_tree *tree,
			const char *server);

/*
 * Reads the entry file PATH (an ordinary path on this machine; one under
 * --root is read from its place there, links followed inside the root:
 * tl_fs_read_entry) and counts it. Returns 0, or a negative errno.
 */
int tl_conf_files_entry(struct tl_conf_files *cf, const char *path, struct tl_source **src);

/* Counts SRC as the entry (text that came from standard input). */
void tl_conf_files_entry_source(struct tl_conf_files *cf, struct tl_source *src);

/*
 * The entry from text in memory (standard input) named NAME: copied,
 * NUL-terminated, registered and counted. Returns 0, or -EFBIG when it is
 * larger than a file may be.
 */
int tl_conf_files_entry_text(struct tl_conf_files *cf, const char *name, const char *text,
			     size_t len, struct tl_source **src);

/*
 * The file at server path PATH, to be parsed in place of the include at
 * INC while AT is being read: read (or found among the files already
 * read) and counted against the limits. NULL when it cannot be parsed;
 * the finding is then made (include-missing, or parse-error for a limit
 * or a cycle), except that with MISSING_OK a file that does not exist is
 * no finding (httpd IncludeOptional).
 */
struct tl_source *tl_conf_files_include(struct tl_conf_files *cf, const struct tl_conf_frame *at,
					struct tl_loc inc, const char *path, bool missing_ok);

/*
 * For text already in memory (a section of an `nginx -T` dump): true when
 * LEN bytes may be parsed in place of the include at INC, counted like a
 * file. KNOWN is their source if it was made already (for the cycle
 * check), else NULL.
 */
bool tl_conf_files_admit(struct tl_conf_files *cf, const struct tl_conf_frame *at,
			 struct tl_loc inc, const struct tl_source *known, size_t len);

/*
 * A key or a certificate saved as, appended to or included as a config:
 * true when a line opening a PEM block ("-----BEGIN ...-----", blanks
 * before it only) starts at OFF of SRC. The parser then reads no further
 * in the file, so no line of the block becomes a directive or an excerpt;
 * the parse-error finding is made at the armour line, once per file.
 */
bool tl_conf_files_pem_at(struct tl_conf_files *cf, const struct tl_source *src, size_t off);

/*
 * How much of SRC is configuration, for a parser that reads it by lines:
 * its length, or where its first PEM block's line starts (see
 * tl_conf_files_pem_at).
 */
size_t tl_conf_files_config_len(struct tl_conf_files *cf, const struct tl_source *src);

/* A finding of the parse, naming the server. */
struct tl_finding *tl_conf_finding(struct tl_conf_files *cf, enum tl_check_id check,
				   struct tl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
