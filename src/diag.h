/*
 * Findings. Parsers, lowering and checks add findings here; nothing prints
 * until the run is over, when they are filtered (enabled checks, severity
 * overrides, inline suppressions), sorted and de-duplicated so that output
 * is byte-for-byte stable.
 */
#ifndef TL_DIAG_H
#define TL_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "catalogue.h"
#include "severity.h"
#include "source.h"

/* What one client prints when the problem hits it, e.g. {"Chrome", "NET::ERR_CERT_DATE_INVALID"}.
 */
struct tl_client_error {
	const char *client;
	const char *text;
};

/* A list of client errors, terminated by {NULL, NULL}. Checks keep these as static tables. */
typedef const struct tl_client_error tl_clients_see[];

struct tl_related {
	const char *file;  /* a path as the user knows it, e.g. a certificate (not copied) */
	struct tl_loc loc; /* or a place in a config (src may be NULL) */
	const char *message;
};

struct tl_finding {
	enum tl_check_id id;
	const char *check; /* its name, e.g. "cert-expired" */
	/*
	 * The catalogue's default from the start; a check whose severity
	 * depends on the case changes it (proto-legacy: SSLv3 is an error,
	 * TLS 1.0 a warning), and the user's overrides apply last.
	 */
	enum tl_severity severity;
	const char *message;
	struct tl_loc loc;                         /* the directive to change; src NULL if none */
	const char *server;                        /* "nginx", "apache", "haproxy" or NULL */
	const char *site;                          /* "www.example.com:443" or NULL */
	const struct tl_client_error *clients_see; /* NULL-terminated table or NULL */
	struct tl_ptrvec related;                  /* struct tl_related * */
	/*
	 * One concrete edit that makes the finding go away. A check that knows
	 * the exact edit sets it to a template of src/fix.c ("{line}", "{dir}",
	 * … filled in later); otherwise the run takes its check's edit for its
	 * server. Filled once the findings are final.
	 */
	const char *fix;
	size_t nsites; /* sites the same finding was made for, once merged (0: one) */
	/*
	 * Set by tl_diag_finish on a merged finding: the labels of its sites
	 * (const char *, sorted, nsites of them), and the outer level its
	 * place is at ("http {}", tl_diag_scope) or NULL when it is inside
	 * one site's block or not known.
	 */
	struct tl_ptrvec sites;
	const char *scope;
};

/* A stretch of a config that is an outer level (label) or one site's block (label NULL). */
struct tl_scope {
	const struct tl_source *src;
	size_t off, end;
	const char *label;
	const char *site; /* a site's block: that site's label, when known (tl_diag_scope_site) */
};

struct tl_diag {
	struct tl_arena *arena;
	struct tl_ptrvec findings; /* struct tl_finding * */
	/*
	 * What the run assumed and the reader must know to trust the findings
	 * (const char *, in the order made): where an entry outside --root is
	 * taken to be deployed. Not findings: nothing to change at a line.
	 */
	struct tl_ptrvec notes;
	/* struct tl_scope *, as the parsers register them (tl_diag_scope). */
	struct tl_ptrvec scopes;
	struct tl_ptrvec scope_sites; /* struct tl_scope *: which site each block is */
};

void tl_diag_init(struct tl_diag *diag, struct tl_arena *arena);

/*
 * Adds a finding of check ID, with the catalogue's default severity, and
 * returns it so that the caller can set site, server, clients_see and
 * related entries. The message is printf
 * FMT, except that each %s argument is cut to 512 bytes: config text is
 * quoted, and it may be megabytes long.
 */
struct tl_finding *tl_diag_add(struct tl_diag *diag, enum tl_check_id id, struct tl_loc loc,
			       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
struct tl_finding *tl_diag_vadd(struct tl_diag *diag, enum tl_check_id id, struct tl_loc loc,
				const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));

/*
 * printf into ARENA as finding messages are formatted (each %s argument cut
 * to 512 bytes), for building a message in parts.
 */
char *tl_diag_printf(struct tl_arena *arena, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * The same with a message already made, used as it is (it must live as
 * long as the run): a cause shared by thousands of sites is formatted once.
 */
struct tl_finding *tl_diag_add_message(struct tl_diag *diag, enum tl_check_id id, struct tl_loc loc,
				       const char *message);

/* Adds a run-level note (printf FMT, each %s cut like a message's); the same note is kept once. */
void tl_diag_note(struct tl_diag *diag, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

void tl_finding_relate(struct tl_diag *diag, struct tl_finding *f, const char *file,
		       struct tl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* The same with a message used as it is (it must live as long as the run). */
void tl_finding_relate_message(struct tl_diag *diag, struct tl_finding *f, const char *file,
			       struct tl_loc loc, const char *message);

/*
 * Records that bytes OFF..END of SRC are the outer level LABEL (nginx
 * "http {}", httpd "server config", HAProxy "defaults") or, with LABEL
 * NULL, one site's own block, so that a finding made for many sites at
 * an outer level says so (parsers/scopes.c registers them). The
 * innermost stretch holding a finding's place decides; LABEL is not copied.
 */
void tl_diag_scope(struct tl_diag *diag, const struct tl_source *src, size_t off, size_t end,
		   const char *label);

/*
 * Records that the site labelled SITE is defined by the block at BLOCK (its
 * name token, as the site's loc has it): a finding merged over several
 * sites at a line inside that block is then that site's (its site field),
 * not the first label's. SITE is not copied.
 */
void tl_diag_scope_site(struct tl_diag *diag, struct tl_loc block, const char *site);

/*
 * The innermost registered stretch holding LOC's start (an outer level
 * with its label, or a site's block with label NULL), or NULL. Valid once
 * tl_diag_finish has sorted them.
 */
const struct tl_scope *tl_diag_scope_at(const struct tl_diag *diag, const struct tl_loc *loc);

/* How many site labels the text report names for a merged finding; the rest are counted. */
#define TL_RELATED_SITES_MAX 10

/*
 * Sorts by file (order of first reading... see diag.c), line, column, check
 * and message, and merges findings that say the same thing at the same
 * place: the sites of the duplicates are kept in the finding's sites, its
 * scope is looked up among the registered ones, and the message ends in
 * "(N sites)".
 */
void tl_diag_finish(struct tl_diag *diag);

#endif
