/* Lowering an httpd directive tree into the common model. */
#ifndef TL_APACHE_LOWER_H
#define TL_APACHE_LOWER_H

#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include "../src/model.h"
#include "apache.h"
#include "lower.h"

/*
 * Adds the virtual hosts of PARSE (and the main server, where it answers
 * a Listen no virtual host covers) to MODEL: sites, sockets, names and
 * every TLS setting with its origin. mod_ssl's merge of the main server
 * into each virtual host is applied here.
 */
void tl_apache_lower(struct tl_lower_env *env, const struct tl_apache_parse *parse,
		     struct tl_model *model);

/* For tests: the index of the first keyword out of order, or -1. */
int tl_apache_keywords_unsorted(void);

#endif
