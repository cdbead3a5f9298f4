/*
 * The effective-TLS pass. SSL_CONF matches command names without regard
 * to case; a later command of a kind replaces an earlier one, except that
 * Protocol edits the set it finds and Min/MaxProtocol bound it.
 */
#include "effective.h"

#include <string.h>
#include <strings.h>

#define ALL_PROTOCOLS 0x3fu

/* All versions from BIT upwards (for MinProtocol) or downwards (MaxProtocol). */
static unsigned
at_least(unsigned bit)
{
	return bit ? ~(bit - 1) & ALL_PROTOCOLS : ALL_PROTOCOLS;
}

static unsigned
at_most(unsigned bit)
{
	return bit ? (bit << 1) - 1 : ALL_PROTOCOLS;
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
					       ? ALL_PROTOCOLS
					       : tl_protocol_bit(p, len);

			mask = sign == '-' ? mask & ~bit : mask | bit;
		}
		p += len;
	}
	return mask;
}

static const struct tl_site *
governing(const struct tl_site *site)
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

/* A string setting replaced by the command C: set where the command is. */
static void
take_command(struct tl_str *s, const struct tl_conf_commands *cmds, const struct tl_conf_command *c)
{
	s->v = cmds->v;
	s->v.loc = c->loc;
	s->s = c->value;
}

static void
site_effective(struct tl_site *site)
{
	const struct tl_tls *tls = &site->tls;
	struct tl_effective *e = &site->eff;

	e->governing = governing(site);
	e->protocols = tls->protocols;
	e->ciphers = tls->ciphers;
	e->ciphersuites = tls->ciphersuites;
	e->groups = tls->groups;
	for (size_t i = 0; i < tls->conf_commands.n; i++) {
		const struct tl_conf_command *c = &tls->conf_commands.items[i];
		unsigned before = e->protocols.mask;

		if (strcasecmp(c->name, "Protocol") == 0)
			e->protocols.mask = apply_protocol_command(e->protocols.mask, c->value);
		else if (strcasecmp(c->name, "MinProtocol") == 0)
			e->protocols.mask &= at_least(tl_protocol_bit(c->value, strlen(c->value)));
		else if (strcasecmp(c->name, "MaxProtocol") == 0)
			e->protocols.mask &= at_most(tl_protocol_bit(c->value, strlen(c->value)));
		else if (strcasecmp(c->name, "CipherString") == 0)
			take_command(&e->ciphers, &tls->conf_commands, c);
		else if (strcasecmp(c->name, "Ciphersuites") == 0)
			take_command(&e->ciphersuites, &tls->conf_commands, c);
		else if (strcasecmp(c->name, "Groups") == 0 || strcasecmp(c->name, "Curves") == 0)
			take_command(&e->groups, &tls->conf_commands, c);
		if (e->protocols.mask != before) {
			/* The command is now the line to change. */
			e->protocols.v = tls->conf_commands.v;
			e->protocols.v.loc = c->loc;
		}
	}
}

/* The server's word for "the library's own list" ("auto") is no list at all. */
static void
library_groups(struct tl_site *site)
{
	const char *word = site->facts != NULL ? site->facts->groups_auto : NULL;

	if (word != NULL && site->eff.groups.s != NULL && strcmp(site->eff.groups.s, word) == 0)
		site->eff.groups.s = NULL;
}

void
tl_effective_tls(struct tl_model *model)
{
	for (size_t i = 0; i < model->sites.len; i++) {
		site_effective(model->sites.items[i]);
		library_groups(model->sites.items[i]);
	}
}
