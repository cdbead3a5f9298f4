/* Names from certificates and routed names onto sites (sni_names.h). */
#include "sni_names.h"

#include <openssl/x509v3.h>
#include <string.h>

#include "pair.h"
#include "select.h"

static struct tl_name *
cert_name(struct tl_arena *arena, const unsigned char *data, int len, struct tl_loc loc)
{
	struct tl_name *n;
	char *low;

	if (len <= 0 || memchr(data, '\0', (size_t)len) != NULL)
		return NULL;
	n = tl_arena_alloc(arena, sizeof(*n));
	low = tl_arena_strndup(arena, (const char *)data, (size_t)len);
	for (char *p = low; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	n->name = low;
	n->kind = strncmp(low, "*.", 2) == 0 ? TL_NAME_WILDCARD_ONE : TL_NAME_EXACT;
	n->loc = loc;
	n->from_certificate = true;
	return n;
}

/* ssl_sock.c ckch_inst_new_load_store: every dNSName, then every CN (IP addresses never). */
static void
add_certificate_names(struct tl_arena *arena, struct tl_site *site, X509 *leaf)
{
	GENERAL_NAMES *sans = X509_get_ext_d2i(leaf, NID_subject_alt_name, NULL, NULL);
	const X509_NAME *subject = X509_get_subject_name(leaf);
	struct tl_loc loc = site->tls.certs.pairs[0].cert.loc;
	struct tl_name *n;
	int i = -1;

	for (int k = 0; k < sk_GENERAL_NAME_num(sans); k++) {
		const GENERAL_NAME *g = sk_GENERAL_NAME_value(sans, k);

		if (g->type == GEN_DNS &&
		    (n = cert_name(arena, ASN1_STRING_get0_data(g->d.dNSName),
				   ASN1_STRING_length(g->d.dNSName), loc)) != NULL)
			tl_ptrvec_push(arena, &site->names, n);
	}
	GENERAL_NAMES_free(sans);
	while ((i = X509_NAME_get_index_by_NID(subject, NID_commonName, i)) >= 0) {
		const ASN1_STRING *cn = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, i));
		unsigned char *utf8 = NULL;
		int len = ASN1_STRING_to_UTF8(&utf8, cn);

		if ((n = cert_name(arena, utf8, len, loc)) != NULL)
			tl_ptrvec_push(arena, &site->names, n);
		OPENSSL_free(utf8);
	}
}

static bool
has_name(const struct tl_site *site, const char *name)
{
	for (size_t i = 0; i < site->names.len; i++)
		if (strcmp(((const struct tl_name *)site->names.items[i])->name, name) == 0)
			return true;
	return false;
}

/* A routed regular expression reaches a site whose certificate names it matches. */
static struct tl_site *
regex_site(const struct tl_socket *sock, const struct tl_name *re)
{
	for (size_t i = 0; i < sock->sites.len; i++) {
		struct tl_site *site = sock->sites.items[i];

		for (size_t k = 0; k < site->names.len; k++) {
			const struct tl_name *n = site->names.items[k];

			if (n->kind == TL_NAME_EXACT && !n->negated && tl_name_matches(re, n->name))
				return site;
		}
	}
	return sock->strict_names ? NULL : sock->default_site;
}

static void
route(struct tl_arena *arena, struct tl_socket *sock)
{
	for (size_t i = 0; i < sock->routed_names.len; i++) {
		const struct tl_name *name = sock->routed_names.items[i];
		struct tl_site *site = name->kind == TL_NAME_REGEX
					       ? regex_site(sock, name)
					       : tl_socket_select(sock, name->name);

		if (site != NULL && !has_name(site, name->name))
			tl_ptrvec_push(arena, &site->names, (void *)name);
	}
}

void
tl_sni_names_resolve(struct tl_model *model, struct tl_analysis *an)
{
	for (size_t i = 0; i < model->sites.len; i++) {
		struct tl_site *site = model->sites.items[i];
		const struct tl_pair_info *info;

		if (!site->names_from_certificate || site->tls.certs.n == 0 ||
		    site->tls.certs.pairs[0].cert.path == NULL)
			continue;
		info = tl_pair_info_get(an, &site->tls.certs.pairs[0]);
		if (info->leaf != NULL)
			add_certificate_names(an->arena, site, info->leaf);
	}
	for (size_t i = 0; i < model->sockets.len; i++)
		route(an->arena, model->sockets.items[i]);
}
