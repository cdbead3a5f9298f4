/*
 * The check registry: the function that runs each check of the catalogue
 * (src/catalogue.h) over the check context. Findings of parsing and
 * lowering (parse-error, include-missing, …) have none.
 */
#ifndef TL_REGISTRY_H
#define TL_REGISTRY_H

#include "catalogue.h"
#include "check_ctx.h"

typedef void tl_check_fn(struct tl_check_ctx *ctx);

/* The function that runs check ID, or NULL when parsing or lowering reports it. */
tl_check_fn *tl_check_runner(enum tl_check_id id);

#endif
