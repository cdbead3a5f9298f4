/*
 * Site names that only certificates can tell: HAProxy chooses a
 * certificate by the names inside it, so a site without crt-list filters
 * answers its certificate's names, and a host name the configuration
 * routes on reaches whichever site those names select.
 */
#ifndef TL_SNI_NAMES_H
#define TL_SNI_NAMES_H

#include "analysis.h"
#include "model.h"

/*
 * For every site marked names_from_certificate, adds the DNS names of its
 * certificate's subjectAltName and every subject CN (as HAProxy indexes
 * them), marked from_certificate; then adds each socket's routed names to
 * the site the socket selects for them (the default site when no
 * certificate names them), where the name checks hold that site's
 * certificate to them.
 */
void tl_sni_names_resolve(struct tl_model *model, struct tl_analysis *an);

#endif
