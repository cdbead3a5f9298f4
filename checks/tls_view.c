/* Effective protocol versions of a site. */
#include "tls_view.h"

#include <string.h>
#include <strings.h>

/* All versions from BIT upwards (for MinProtocol) or downwards (MaxProtocol). */
static unsigned
at_least(unsigned bit)
{
	return bit ? ~(bit - 1) & 0x3fu : 0x3fu;
}

static unsigned
at_most(unsigned bit)
{
	return bit ? (bit << 1) - 1 : 0x3fu;
}

/*
 * SSL_CONF's Protocol command: a list of versions, each optionally
 * prefixed with + or -, "ALL" for every version; without a prefix a
 * version is added.
 */
static unsigned
apply_protocol_command(unsigned mask, const char *value)
{
	const char *p = value;

	while (*p) {
		size_t len;
		char sign = '+';

		p += strspn(p, ", \t");
		if (*p == '+' || *p == '-')
			sign = *p++;
		len = strcspn(p, ", \t");
		if (len == 0)
			break;
		{
			unsigned bit = (len == 3 && strncasecmp(p, "ALL", 3) == 0)
					       ? 0x3fu
					       : tl_protocol_bit(p, len);

			mask = sign == '-' ? mask & ~bit : mask | bit;
		}
		p += len;
	}
	return mask;
}

const struct tl_site *
tl_site_governing(const struct tl_site *site)
{
	for (size_t i = 0; i < site->listeners.len; i++) {
		const struct tl_listener *ls = site->listeners.items[i];

		if (ls->socket != NULL && ls->socket->tls) {
			if (ls->socket->protocols_from_default && ls->socket->default_site != NULL)
				return ls->socket->default_site;
			return site;
		}
	}
	return site;
}

struct tl_site_protocols
tl_site_protocols(const struct tl_site *site)
{
	const struct tl_site *gov = tl_site_governing(site);
	const struct tl_tls *tls = &gov->tls;
	struct tl_site_protocols out;

	memset(&out, 0, sizeof(out));
	out.mask = tls->protocols.mask;
	out.from = &tls->protocols.v;
	out.loc = tls->protocols.v.loc;
	out.taken_from = gov != site ? gov : NULL;
	for (size_t i = 0; i < tls->conf_commands.n; i++) {
		const struct tl_conf_command *c = &tls->conf_commands.items[i];
		unsigned before = out.mask;

		if (strcasecmp(c->name, "Protocol") == 0)
			out.mask = apply_protocol_command(out.mask, c->value);
		else if (strcasecmp(c->name, "MinProtocol") == 0)
			out.mask &= at_least(tl_protocol_bit(c->value, strlen(c->value)));
		else if (strcasecmp(c->name, "MaxProtocol") == 0)
			out.mask &= at_most(tl_protocol_bit(c->value, strlen(c->value)));
		if (out.mask != before) {
			out.from = &tls->conf_commands.v;
			out.loc = c->loc;
		}
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
