/* Lowering an nginx directive tree into the common model. */
#ifndef TL_NGINX_LOWER_H
#define TL_NGINX_LOWER_H

/* Checks see only the model: the build compiles checks/ with this set (checks/meson.build). */
#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include "../src/diag.h"
#include "../src/model.h"
#include "lower.h"
#include "tree.h"

/*
 * Adds the http and stream servers of TREE to MODEL: sites, listeners,
 * sockets, names and every TLS setting with its origin. Inheritance
 * (http → server → location) and the version's defaults are applied here,
 * so checks never need to know how nginx merges.
 */
void tl_nginx_lower(struct tl_lower_env *env, const struct tl_tree *tree, struct tl_model *model);

/* For tests: the index of the first keyword out of order, or -1. */
int tl_nginx_keywords_unsorted(void);

#endif
