/*
 * The sample fetch names HAProxy registers, by version (haproxy_fetches.c,
 * generated), for the sample expressions tlslint reads (server "sni").
 */
#ifndef TL_HAPROXY_FETCHES_H
#define TL_HAPROXY_FETCHES_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stdbool.h>
#include <stddef.h>

#include "../src/options.h"

struct tl_haproxy_fetch {
	const char *name;
	struct tl_version since; /* the first release that has it */
	struct tl_version until; /* the first that no longer does; {0}: still there */
};

/* Sorted by name (strcmp). */
extern const struct tl_haproxy_fetch tl_haproxy_fetches[];
extern const size_t tl_haproxy_nfetches;

/*
 * Whether HAProxy VERSION has the fetch NAME (LEN bytes), as
 * find_sample_fetch looks it up; names starting "lua." are Lua's, known
 * only when its scripts run, and count as known.
 */
bool tl_haproxy_fetch_known(const char *name, size_t len, struct tl_version version);

#endif
