/*
 * The levels of a parsed config, for the report: which stretches are an
 * outer level that many sites inherit from (nginx http {} and stream {},
 * httpd's server config outside <VirtualHost>, HAProxy's sections) and
 * which are one site's own block, registered with tl_diag_scope so that a
 * finding made for many sites at an outer level is labelled with it.
 */
#ifndef TL_SCOPES_H
#define TL_SCOPES_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include "../src/diag.h"
#include "../src/options.h"
#include "tree.h"

void tl_scopes_collect(struct tl_diag *diag, struct tl_arena *arena, enum tl_server_kind server,
		       const struct tl_tree *tree);

#endif
