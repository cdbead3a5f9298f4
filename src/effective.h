/*
 * The effective-TLS pass: what a client of each site really gets, once
 * the whole model is lowered. Server-neutral: it folds the raw OpenSSL
 * configuration commands a server applies after its own directives
 * (nginx ssl_conf_command, Apache SSLOpenSSLConfCmd) into the typed
 * values, keeping where each value came from, and names the site whose
 * versions and TLS 1.3 suites a shared socket takes (its default site,
 * where the socket says so). Checks and the simulator read site->eff.
 */
#ifndef TL_EFFECTIVE_H
#define TL_EFFECTIVE_H

#include "model.h"

/* Fills site->eff of every site of MODEL. Call once, after lowering every entry. */
void tl_effective_tls(struct tl_model *model);

#endif
