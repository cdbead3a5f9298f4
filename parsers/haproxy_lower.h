/* Lowering an HAProxy configuration tree into the common model. */
#ifndef TL_HAPROXY_LOWER_H
#define TL_HAPROXY_LOWER_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include "../src/fsroot.h"
#include "../src/model.h"
#include "haproxy.h"
#include "lower.h"

/*
 * Adds the frontends and listens of TREE to MODEL: a site per certificate
 * of each TLS bind line (or one per plain bind line), the sockets of their
 * addresses, the backend servers as upstreams. crt directories and
 * crt-list files are read through FS into SOURCES.
 */
void tl_haproxy_lower(struct tl_lower_env *env, struct tl_fs *fs, struct tl_sources *sources,
		      const struct tl_tree *tree, struct tl_model *model);

/* For tests: the index of the first keyword out of order, or -1. */
int tl_haproxy_keywords_unsorted(void);

#endif
