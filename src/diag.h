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
#include "source.h"

enum tl_severity {
	TL_SEV_INFO = 0,
	TL_SEV_WARNING = 1,
	TL_SEV_ERROR = 2,
	TL_SEV_NEVER = 3, /* only as a --fail-on threshold */
};

const char *tl_severity_name(enum tl_severity sev);
/* Returns 0 and sets *sev, or -1 for an unknown name. NEVER is accepted only if allow_never. */
int tl_severity_parse(const char *name, bool allow_never, enum tl_severity *sev);

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
	const char *check; /* registry id, e.g. "cert-expired" */
	enum tl_severity severity;
	/*
	 * For checks whose severity depends on the case (proto-legacy: SSLv3 is
	 * an error, TLS 1.0 a warning); -1 takes the registry's default.
	 */
	int severity_hint;
	const char *message;
	struct tl_loc loc;                         /* the directive to change; src NULL if none */
	const char *server;                        /* "nginx", "apache", "haproxy" or NULL */
	const char *site;                          /* "www.example.com:443" or NULL */
	const struct tl_client_error *clients_see; /* NULL-terminated table or NULL */
	struct tl_ptrvec related;                  /* struct tl_related * */
};

struct tl_diag {
	struct tl_arena *arena;
	struct tl_ptrvec findings; /* struct tl_finding * */
};

void tl_diag_init(struct tl_diag *diag, struct tl_arena *arena);

/*
 * Adds a finding for CHECK (its registry severity is filled in by the
 * registry when the run ends) and returns it so that the caller can set
 * site, server, clients_see and related entries. The message is printf
 * FMT, except that each %s argument is cut to 512 bytes: config text is
 * quoted, and it may be megabytes long.
 */
struct tl_finding *tl_diag_add(struct tl_diag *diag, const char *check, struct tl_loc loc,
			       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
struct tl_finding *tl_diag_vadd(struct tl_diag *diag, const char *check, struct tl_loc loc,
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
struct tl_finding *tl_diag_add_message(struct tl_diag *diag, const char *check, struct tl_loc loc,
				       const char *message);

void tl_finding_relate(struct tl_diag *diag, struct tl_finding *f, const char *file,
		       struct tl_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* The same with a message used as it is (it must live as long as the run). */
void tl_finding_relate_message(struct tl_diag *diag, struct tl_finding *f, const char *file,
			       struct tl_loc loc, const char *message);

/*
 * Sorts by file (order of first reading... see diag.c), line, column, check
 * and message, and merges findings that say the same thing at the same
 * place: the sites of the duplicates are kept as related entries.
 */
void tl_diag_finish(struct tl_diag *diag);

#endif
