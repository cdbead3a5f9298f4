/* The protocol versions a client of a site gets, read off the effective-TLS pass. */
#include "tls_view.h"

#include <string.h>

const struct tl_site *
tl_site_governing(const struct tl_site *site)
{
	return site->eff.governing != NULL ? site->eff.governing : site;
}

struct tl_site_protocols
tl_site_protocols(const struct tl_site *site)
{
	const struct tl_site *gov = tl_site_governing(site);
	struct tl_site_protocols out;

	memset(&out, 0, sizeof(out));
	out.mask = gov->eff.protocols.mask;
	out.from = &gov->eff.protocols.v;
	out.loc = gov->eff.protocols.v.loc;
	out.taken_from = gov != site ? gov : NULL;
	/* The site's own "Protocol" options still apply where the server adds them after SNI. */
	if (gov != site && site->facts != NULL && site->facts->from_default.options &&
	    (out.mask & site->eff.protocols_off) != 0) {
		out.mask &= ~site->eff.protocols_off;
		out.from = &site->eff.protocols.v;
		out.loc = site->eff.protocols_off_loc;
	}
	return out;
}

const char *
tl_protocols_string(struct tl_arena *arena, unsigned mask)
{
	const char *s = NULL;

	for (unsigned bit = TL_PROTO_SSLv2; bit <= TL_PROTO_TLSv1_3; bit <<= 1)
		if (mask & bit)
			s = s ? tl_arena_printf(arena, "%s, %s", s, tl_protocol_name(bit))
			      : tl_protocol_name(bit);
	return s ? s : "none";
}
