/*
 * HAProxy crt-list files (crtlist_parse_file and crtlist_parse_line of
 * src/ssl_crtlist.c, the same in 2.6 and 3.4): one certificate a line,
 * optional SSL options between '[' and ']', then SNI filters ("!name"
 * excludes, "*.example.com" one label). What the options mean is the
 * lowering's business; this reads the lines as HAProxy splits them.
 */
#ifndef TL_HAPROXY_CRTLIST_H
#define TL_HAPROXY_CRTLIST_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include "../src/diag.h"
#include "tree.h"

struct tl_crtlist_entry {
	struct tl_arg cert;     /* the certificate path as written */
	struct tl_arg *options; /* the words between '[' and ']' */
	size_t noptions;
	struct tl_arg *filters; /* SNI filters, a leading '!' kept */
	size_t nfilters;
};

struct tl_crtlist {
	struct tl_crtlist_entry *entries;
	size_t n;
};

/*
 * Reads the crt-list text of SRC into OUT. What HAProxy refuses is a
 * parse-error in its words, in DIAG; true when HAProxy would load the
 * list (warnings aside).
 */
bool tl_haproxy_crtlist_parse(struct tl_arena *arena, struct tl_diag *diag,
			      const struct tl_source *src, struct tl_crtlist *out);

#endif
