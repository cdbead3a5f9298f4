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
			const struct tl_site *def = ls->socket->default_site;

			if (ls->socket->protocols_from_default && def != NULL)
				return def;
			if (site->facts != NULL && site->facts->from_default.protocols_if_unset &&
			    site->tls.protocols.v.origin == TL_ORIGIN_DEFAULT && def != NULL)
				return def;
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

/*
 * OpenSSL 3's own values, for a site whose server states none: tickets on,
 * compression and client renegotiation off (SSL_CTX_new, ssl_lib.c).
 */
static const struct tl_option_fact library_options[TL_OPT_COUNT] = {
	[TL_OPT_SESSION_TICKETS] = {.on = true},
};

/* The names of SSL_CONF's "Options" command that tlslint models (ssl_conf.c cmd_Options). */
enum { NO_RENEGOTIATION = TL_OPT_COUNT };

static const struct {
	const char *name;
	int option;    /* enum tl_tls_option, or NO_RENEGOTIATION */
	bool inverted; /* the library flag is NO_…: "SessionTicket" clears SSL_OP_NO_TICKET */
} option_names[] = {
	{"ClientRenegotiation", TL_OPT_CLIENT_RENEGOTIATION, false},
	{"Compression", TL_OPT_COMPRESSION, true},
	{"NoRenegotiation", NO_RENEGOTIATION, false},
	{"PrioritizeChaCha", TL_OPT_PRIORITIZE_CHACHA, false},
	{"ServerPreference", TL_OPT_SERVER_PREFERENCE, false},
	{"SessionTicket", TL_OPT_SESSION_TICKETS, true},
	{"UnsafeLegacyRenegotiation", TL_OPT_UNSAFE_LEGACY_RENEGOTIATION, false},
};

/*
 * Folds one "Options" value (comma-separated names, each optionally + or
 * -, case ignored: CONF_parse_list and ssl_set_option_list) into ON[], and
 * notes in CHANGED[] what it set. NoRenegotiation is kept apart: it
 * refuses every renegotiation, whatever ClientRenegotiation says.
 */
static void
apply_options_command(bool on[TL_OPT_COUNT + 1], bool changed[TL_OPT_COUNT + 1], const char *value)
{
	const char *p = value;

	while (*p) {
		bool set = true;
		size_t len;

		p += strspn(p, ", \t");
		if (*p == '+' || *p == '-')
			set = *p++ == '+';
		len = strcspn(p, ", \t");
		if (len == 0)
			break;
		for (size_t i = 0; i < sizeof(option_names) / sizeof(option_names[0]); i++)
			if (strlen(option_names[i].name) == len &&
			    strncasecmp(option_names[i].name, p, len) == 0) {
				on[option_names[i].option] = set;
				changed[option_names[i].option] = true;
			}
		p += len;
	}
}

/* Directive values, else the server's; then "Options" commands; then what the server forces. */
static void
site_options(struct tl_site *site)
{
	const struct tl_option_fact *facts =
		site->facts != NULL ? site->facts->options : library_options;
	const struct tl_conf_commands *cmds = &site->tls.conf_commands;
	struct tl_flag *opt = site->eff.options;
	bool on[TL_OPT_COUNT + 1] = {0};

	for (int i = 0; i < TL_OPT_COUNT; i++) {
		opt[i] = site->tls.options[i];
		if (opt[i].v.origin == TL_ORIGIN_UNSET) {
			opt[i].v = (struct tl_value){.origin = TL_ORIGIN_DEFAULT, .loc = site->loc};
			opt[i].on = facts[i].on;
		}
		on[i] = opt[i].on;
	}
	for (size_t k = 0; k < cmds->n; k++) {
		bool changed[TL_OPT_COUNT + 1] = {0};

		if (strcasecmp(cmds->items[k].name, "Options") != 0)
			continue;
		apply_options_command(on, changed, cmds->items[k].value);
		if (changed[NO_RENEGOTIATION])
			changed[TL_OPT_CLIENT_RENEGOTIATION] = true;
		for (int i = 0; i < TL_OPT_COUNT; i++)
			if (changed[i]) {
				/* The command is now the line to change. */
				opt[i].v = cmds->v;
				opt[i].v.loc = cmds->items[k].loc;
			}
	}
	for (int i = 0; i < TL_OPT_COUNT; i++)
		opt[i].on = on[i];
	if (on[NO_RENEGOTIATION])
		opt[TL_OPT_CLIENT_RENEGOTIATION].on = false;
	for (int i = 0; i < TL_OPT_COUNT; i++)
		if (facts[i].forced) {
			opt[i].on = facts[i].on;
			opt[i].v = (struct tl_value){.origin = TL_ORIGIN_DEFAULT, .loc = site->loc};
		}
}

static void
site_effective(struct tl_site *site)
{
	const struct tl_tls *tls = &site->tls;
	struct tl_effective *e = &site->eff;

	e->governing = governing(site);
	e->suites_from = site;
	for (size_t i = 0; i < site->listeners.len; i++) {
		const struct tl_listener *ls = site->listeners.items[i];

		if (ls->socket != NULL && ls->socket->tls) {
			if (ls->socket->protocols_from_default)
				e->suites_from = e->governing;
			break;
		}
	}
	e->protocols = tls->protocols;
	e->ciphers = tls->ciphers;
	e->ciphersuites = tls->ciphersuites;
	e->groups = tls->groups;
	for (size_t i = 0; i < tls->conf_commands.n; i++) {
		const struct tl_conf_command *c = &tls->conf_commands.items[i];
		unsigned before = e->protocols.mask;

		if (strcasecmp(c->name, "Protocol") == 0) {
			unsigned off =
				ALL_PROTOCOLS & ~apply_protocol_command(ALL_PROTOCOLS, c->value);

			e->protocols.mask = apply_protocol_command(e->protocols.mask, c->value);
			if (off != 0) {
				e->protocols_off |= off;
				e->protocols_off_loc = c->loc;
			}
		} else if (strcasecmp(c->name, "MinProtocol") == 0)
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

/* The default site of the first TLS socket SITE is on, or NULL. */
static const struct tl_site *
default_site(const struct tl_site *site)
{
	for (size_t i = 0; i < site->listeners.len; i++) {
		const struct tl_listener *ls = site->listeners.items[i];

		if (ls->socket != NULL && ls->socket->tls)
			return ls->socket->default_site;
	}
	return NULL;
}

/*
 * The value of each option that sets an SSL_OP_ flag: an option a context
 * switches on by setting a flag (or off, for the NO_ ones).
 */
static const bool flag_value[TL_OPT_COUNT] = {
	[TL_OPT_SERVER_PREFERENCE] = true,    [TL_OPT_PRIORITIZE_CHACHA] = true,
	[TL_OPT_SESSION_TICKETS] = false,     [TL_OPT_COMPRESSION] = false,
	[TL_OPT_CLIENT_RENEGOTIATION] = true, [TL_OPT_UNSAFE_LEGACY_RENEGOTIATION] = true,
};

/* What a handshake keeps of the socket's default site, per the server's facts. */
static void
keep_from_default(struct tl_site *site)
{
	const struct tl_default_site_facts *f =
		site->facts != NULL ? &site->facts->from_default : NULL;
	const struct tl_site *def = default_site(site);

	if (f == NULL || def == NULL || def == site)
		return;
	if (f->groups)
		site->eff.groups = def->eff.groups;
	if (f->options)
		for (int i = 0; i < TL_OPT_COUNT; i++)
			if (def->eff.options[i].on == flag_value[i] &&
			    site->eff.options[i].on != flag_value[i])
				site->eff.options[i] = def->eff.options[i];
}

void
tl_effective_tls(struct tl_model *model)
{
	for (size_t i = 0; i < model->sites.len; i++) {
		site_effective(model->sites.items[i]);
		site_options(model->sites.items[i]);
		library_groups(model->sites.items[i]);
	}
	for (size_t i = 0; i < model->sites.len; i++)
		keep_from_default(model->sites.items[i]);
}
