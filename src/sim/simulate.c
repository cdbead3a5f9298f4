/*
 * The simulation loop. Two caches keep it at profiles × decisions: the
 * server's first flight per (decision, client) — OpenSSL's server, with
 * no servername callback, decides from the hello's versions, suites,
 * groups and signature algorithms, never from the name, because SNI
 * selection already happened in the model, and contexts that differ only
 * in which certificate of a kind they hold decide alike (server_ctx.h) —
 * and the client's verdict on a chain per (certificate, client family),
 * with the host name checked per name apart.
 */
#include "simulate.h"

#include <stdio.h>
#include <string.h>

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include "cipher_suites.h"
#include "client_verify.h"
#include "client_words.h"
#include "first_flight.h"
#include "hello_build.h"
#include "hello_offer.h"
#include "hostname.h"
#include "select.h"

/* The name sent in the hellos of the server-side cache: the server does not look at it. */
#define PROBE_NAME "simulate.invalid"

struct sim_state {
	struct tl_analysis *an;
	struct tl_server_ctxs ctxs;
	struct tl_ptrmap flights;  /* (first context of a decision, client) → struct flight * */
	struct tl_ptrmap verdicts; /* (leaf, facts) → struct tl_client_verdict * */
	struct tl_ptrmap hellos;   /* (client, NULL) → struct hello * */
	struct tl_ptrmap leaves;   /* (certificate, NULL) → struct leaf_names * */
	struct tl_verify_memo
		verified;           /* OpenSSL's verification of each chain, shared by clients */
	struct tl_strmap decisions; /* decision key → the first context with it */
	size_t handshakes;
};

struct hello {
	const unsigned char *bytes;
	size_t len;
	struct tl_hello_offer offer;
	bool offer_read;
};

/* The server's answer to one client, and why it refused, if it did. */
struct flight {
	struct tl_first_flight ff;
	struct tl_refusal refusal;
	int cert_index; /* which of the context's certificates the server chose, or -1 */
};

/*
 * The name a client asks for to reach a site with NAME: the name itself,
 * or one a wildcard covers ("*.example.com" → "www.example.com"); NULL
 * for names no client can be said to send (regexes, "_", $hostname).
 */
static const char *
client_name(struct tl_arena *arena, const struct tl_name *name)
{
	switch (name->kind) {
	case TL_NAME_EXACT:
		return name->negated ? NULL : name->name;
	case TL_NAME_WILDCARD_LEFT:
	case TL_NAME_WILDCARD_ONE:
		return name->negated ? NULL : tl_arena_printf(arena, "www%s", name->name + 1);
	case TL_NAME_DOT:
		return name->name + 1;
	case TL_NAME_WILDCARD_RIGHT:
		return tl_arena_printf(arena, "%.*scom", (int)(strlen(name->name) - 1), name->name);
	case TL_NAME_GLOB:
		return strpbrk(name->name, "*?") == NULL ? name->name : NULL;
	default:
		return NULL;
	}
}

/* The first name of SITE a client could send, or NULL (it is reached without SNI). */
static const char *
site_name(struct tl_arena *arena, const struct tl_site *site)
{
	for (size_t i = 0; i < site->names.len; i++) {
		const char *n = client_name(arena, site->names.items[i]);

		if (n != NULL && *n != '\0')
			return n;
	}
	return NULL;
}

static bool
simulated_socket(const struct tl_socket *sock)
{
	return sock->tls && !sock->quic && sock->family != TL_FAMILY_UNIX;
}

static const struct hello *
hello_of(struct sim_state *st, const struct tl_client_profile *client)
{
	struct hello *h = tl_ptrmap_get(&st->hellos, client, NULL);

	if (h == NULL) {
		h = tl_arena_calloc(st->an->arena, 1, sizeof(*h));
		h->bytes = tl_profile_hello(st->an->arena, client, PROBE_NAME, &h->len);
		h->offer_read =
			h->bytes != NULL && tl_hello_offer_read(h->bytes, h->len, &h->offer);
		tl_ptrmap_put(&st->hellos, client, NULL, h);
	}
	return h;
}

/*
 * The server's answer to CLIENT on context SC, run once per decision key
 * (server_ctx.h): contexts that differ only in which certificate of a kind
 * they hold share it, the chosen certificate kept as an index.
 */
static const struct flight *
flight_of(struct sim_state *st, const struct tl_site *site, const struct tl_server_ctx *sc,
	  const struct tl_client_profile *client)
{
	const struct tl_server_ctx *canon = tl_strmap_get(&st->decisions, sc->decision_key);
	struct flight *f;
	const struct hello *h;

	if (canon == NULL) {
		canon = sc;
		tl_strmap_put(&st->decisions, sc->decision_key, (void *)sc);
	}
	f = tl_ptrmap_get(&st->flights, canon, client);
	if (f != NULL)
		return f;
	f = tl_arena_calloc(st->an->arena, 1, sizeof(*f));
	f->ff.alert = -1;
	f->cert_index = -1;
	h = hello_of(st, client);
	if (h->bytes == NULL)
		snprintf(f->ff.reason, sizeof(f->ff.reason),
			 "the profile's hello could not be built");
	else if (tl_first_flight(canon->ctx, h->bytes, h->len, &f->ff) != 0 &&
		 f->ff.reason[0] == '\0')
		snprintf(f->ff.reason, sizeof(f->ff.reason), "the server wrote no TLS record");
	for (size_t i = 0; i < canon->ncerts; i++)
		if (f->ff.certificate != NULL && canon->certs[i].leaf == f->ff.certificate)
			f->cert_index = (int)i;
	/* Sites sharing a decision share its settings, so the explanation is shared too. */
	/*
	 * A context OpenSSL refused part of (the lint findings say what) is
	 * not explained: the settings the explanation reads are not the ones
	 * the library took.
	 */
	if (!f->ff.answered && h->offer_read && canon->refusal == NULL)
		tl_refusal_explain(st->an->arena, site, canon, &h->offer, &f->refusal);
	st->handshakes++;
	tl_ptrmap_put(&st->flights, canon, client, f);
	return f;
}

/* The client's verdict on CERT's chain, without the host name: shared by every name. */
static const struct tl_client_verdict *
chain_verdict(struct sim_state *st, const struct tl_server_ctx *sc, const struct tl_sim_cert *cert,
	      const struct tl_client_profile *client)
{
	const struct tl_client_facts *facts = tl_client_facts_for(client->family);
	struct tl_client_verdict *v = tl_ptrmap_get(&st->verdicts, cert, facts);

	if (v == NULL) {
		v = tl_arena_calloc(st->an->arena, 1, sizeof(*v));
		tl_client_verify(st->an->arena, client, cert->chain, NULL, st->an->now,
				 st->an->trust, sc->stapling, &st->verified, v);
		tl_ptrmap_put(&st->verdicts, cert, facts, v);
	}
	return v;
}

/* Problems a client reports before a wrong name (client_verify.c: trust, purpose, then name). */
static bool
before_name(enum tl_cert_problem p)
{
	return p == TL_CERT_UNKNOWN_ISSUER || p == TL_CERT_SELF_SIGNED ||
	       p == TL_CERT_UNTRUSTED_ROOT || p == TL_CERT_INVALID || p == TL_CERT_PURPOSE;
}

/* The names of CERT's leaf as the words quote them, made once per certificate. */
struct leaf_names {
	const struct tl_san *sans;
	size_t n;
	bool has_ext;
	const char *dns, *text;
};

static const struct leaf_names *
leaf_names(struct sim_state *st, const struct tl_sim_cert *cert)
{
	struct leaf_names *ln = tl_ptrmap_get(&st->leaves, cert, NULL);

	if (ln == NULL) {
		ln = tl_arena_calloc(st->an->arena, 1, sizeof(*ln));
		ln->sans = tl_cert_sans(st->an->arena, cert->leaf, &ln->n, &ln->has_ext);
		ln->dns = "";
		for (size_t i = 0; i < ln->n; i++)
			if (!ln->sans[i].ip)
				ln->dns = tl_arena_printf(st->an->arena, "%s%s%s", ln->dns,
							  *ln->dns ? ", " : "", ln->sans[i].text);
		ln->text = tl_sans_text(st->an->arena, ln->sans, ln->n, 100);
		tl_ptrmap_put(&st->leaves, cert, NULL, ln);
	}
	return ln;
}

/*
 * The client's verdict for NAME from its verdict on the chain alone: a
 * name the SANs do not cover is the problem unless one it reports first
 * is there. Without the verifier's second run per name, which for
 * thousands of names on one certificate would be most of the time; a
 * leaf without subjectAltName (where some clients read the CN) does take
 * the verifier's own path.
 */
static void
named_verdict(struct sim_state *st, const struct tl_sim_cert *cert,
	      const struct tl_client_profile *client, const struct tl_client_verdict *chain,
	      const char *name, bool stapled, struct tl_client_verdict *out)
{
	const struct leaf_names *ln;
	struct tl_words_context words;
	unsigned char addr[16];
	int error;

	*out = *chain;
	if (name == NULL || (chain->stage != TL_CLIENT_OK && before_name(chain->problem)))
		return;
	ln = leaf_names(st, cert);
	if (!ln->has_ext) {
		tl_client_verify(st->an->arena, client, cert->chain, name, st->an->now,
				 st->an->trust, stapled, &st->verified, out);
		return;
	}
	if (tl_sans_cover(ln->sans, ln->n, name))
		return;
	error = tl_hostname_ip(name, addr) > 0 ? X509_V_ERR_IP_ADDRESS_MISMATCH
					       : X509_V_ERR_HOSTNAME_MISMATCH;
	memset(&words, 0, sizeof(words));
	words.name = name;
	words.x509_error = error;
	words.reason = X509_verify_cert_error_string(error);
	words.dns_names = ln->dns;
	words.sans = ln->text;
	words.leaf_only = sk_X509_num(cert->chain) == 1;
	out->stage = TL_CLIENT_CERTIFICATE;
	out->problem = TL_CERT_NAME_MISMATCH;
	out->reason = words.reason;
	out->words = tl_client_words(st->an->arena, client->family, TL_CERT_NAME_MISMATCH, &words);
}

static void
client_side(struct sim_state *st, const struct tl_server_ctx *sc, const char *name,
	    struct tl_sim_result *r)
{
	struct tl_client_verdict v;

	if (r->cert == NULL)
		return;
	named_verdict(st, r->cert, r->client, chain_verdict(st, sc, r->cert, r->client), name,
		      sc->stapling, &v);
	r->aia_fetched = v.aia_fetched;
	if (v.stage != TL_CLIENT_OK) {
		r->stage = TL_SIM_CERTIFICATE;
		r->cause = TL_CAUSE_CERTIFICATE;
		r->problem = tl_cert_problem_name(v.problem);
		r->reason = v.reason;
		r->words = v.words;
	}
}

/*
 * The site whose context the handshake runs on: the one SNI selects,
 * unless it has no certificate and its server then keeps the default
 * site's context (nginx switches contexts only to a server that has one;
 * tl_fault NO_CERTIFICATE_NAMED says it starts).
 */
static const struct tl_site *
context_site(const struct tl_sim_site *row)
{
	const struct tl_site *site = row->site;
	const struct tl_site *def = row->socket->default_site;

	if (site->tls.certs.n == 0 && def != NULL && def != site && site->facts != NULL &&
	    tl_fault_consequence(site->facts, TL_FAULT_NO_CERTIFICATE_NAMED) == NULL)
		return def;
	return site;
}

static void
simulate_one(struct sim_state *st, const struct tl_sim_site *row, const struct tl_server_ctx *sc,
	     const struct tl_client_profile *client, struct tl_sim_result *r)
{
	const struct flight *f;
	const struct tl_first_flight *ff;

	memset(r, 0, sizeof(*r));
	r->client = client;
	r->alert = -1;
	if (row->site == NULL || row->site->tls.reject_handshake.on) {
		r->stage = TL_SIM_NO_SITE;
		r->alert = SSL_AD_UNRECOGNIZED_NAME;
		r->reason = row->site == NULL
				    ? "no site takes this name (strict SNI)"
				    : "the site rejects handshakes (ssl_reject_handshake)";
		return;
	}
	if (sc->ctx == NULL) {
		r->stage = TL_SIM_SERVER;
		r->reason = sc->refusal;
		return;
	}
	if (sc->ncerts == 0 && sc->unmodelled != NULL) {
		r->stage = TL_SIM_UNKNOWN;
		r->reason = sc->unmodelled;
		return;
	}
	f = flight_of(st, context_site(row), sc, client);
	ff = &f->ff;
	if (!ff->answered) {
		r->stage = TL_SIM_HANDSHAKE;
		r->alert = ff->alert;
		r->reason = ff->reason[0] ? ff->reason : NULL;
		r->cause = f->refusal.cause;
		r->why = f->refusal.why;
		r->computed = f->refusal.computed;
		r->computed_version = f->refusal.version;
		r->computed_suite = f->refusal.suite;
		return;
	}
	r->stage = TL_SIM_OK;
	r->version = ff->version;
	r->suite = ff->suite;
	r->group = ff->group;
	r->retry = ff->retry;
	r->cert = f->cert_index >= 0 ? &sc->certs[f->cert_index] : NULL;
	if (r->cert == NULL && sc->ncerts > 0 && ff->certificate == NULL && ff->version == 0x0304)
		r->cert = &sc->certs[0];
	client_side(st, sc, row->name, r);
}

static void
add_row(struct tl_arena *arena, struct tl_sim *out, size_t *cap, struct tl_strmap *seen,
	const struct tl_select_index *ix, const struct tl_site *named, const char *name)
{
	struct tl_sim_site *row;
	/* One row per socket and name: the sites a name does not reach are not rows of their own.
	 */
	const struct tl_socket *sock = ix->sock;
	const char *key = tl_arena_printf(arena, "%p|%s", (const void *)sock, name ? name : "");

	if (tl_strmap_get(seen, key) != NULL)
		return;
	if (out->nsites == TL_SIM_MAX_ROWS) {
		out->rows_left_out++;
		return;
	}
	tl_strmap_put(seen, key, (void *)sock);
	if (out->nsites == *cap) {
		struct tl_sim_site *grown;

		*cap = *cap ? *cap * 2 : 16;
		grown = tl_arena_calloc(arena, *cap, sizeof(*grown));
		if (out->nsites)
			memcpy(grown, out->sites, out->nsites * sizeof(*grown));
		out->sites = grown;
	}
	row = &out->sites[out->nsites++];
	row->socket = sock;
	row->name = name;
	row->site = tl_select_indexed(ix, name);
	row->named = named != NULL ? named : row->site;
	row->label =
		tl_arena_printf(arena, "%s:%u%s%s", name ? name : "(no name)", sock->port,
				sock->wildcard ? "" : " on ", sock->wildcard ? "" : sock->addr);
}

void
tl_simulate(struct tl_analysis *an, const struct tl_model *model,
	    const struct tl_client_profile *const *clients, size_t nclients, const char *only_name,
	    const struct tl_ptrmap *only_sites, struct tl_sim *out)
{
	struct tl_arena *arena = an->arena;
	struct sim_state st;
	size_t cap = 0;
	struct tl_strmap seen;
	struct tl_ptrmap done; /* sites given their row (ONLY_SITES) */

	memset(out, 0, sizeof(*out));
	tl_strmap_init(&seen, arena);
	tl_ptrmap_init(&done, arena);
	memset(&st, 0, sizeof(st));
	st.an = an;
	tl_server_ctxs_init(&st.ctxs, an);
	tl_ptrmap_init(&st.flights, arena);
	tl_ptrmap_init(&st.verdicts, arena);
	tl_ptrmap_init(&st.hellos, arena);
	tl_ptrmap_init(&st.leaves, arena);
	tl_verify_memo_init(&st.verified, arena);
	tl_strmap_init(&st.decisions, arena);
	out->clients = clients;
	out->nclients = nclients;
	for (size_t i = 0; i < model->sockets.len; i++) {
		const struct tl_socket *sock = model->sockets.items[i];

		struct tl_select_index ix;

		if (!simulated_socket(sock))
			continue;
		tl_select_index_init(&ix, arena, sock);
		if (only_name != NULL) {
			add_row(arena, out, &cap, &seen, &ix, NULL, only_name);
			continue;
		}
		for (size_t k = 0; k < sock->sites.len; k++) {
			const struct tl_site *site = sock->sites.items[k];

			if (only_sites == NULL) {
				add_row(arena, out, &cap, &seen, &ix, site, site_name(arena, site));
			} else if (tl_ptrmap_get(only_sites, site, NULL) != NULL &&
				   tl_ptrmap_get(&done, site, NULL) == NULL) {
				/* For a finding, the site's first TLS socket says it. */
				tl_ptrmap_put(&done, site, NULL, (void *)site);
				add_row(arena, out, &cap, &seen, &ix, site, site_name(arena, site));
			}
		}
	}
	for (size_t i = 0; i < out->nsites; i++) {
		struct tl_sim_site *row = &out->sites[i];
		/* The row's context, once for all its clients (NULL: no site takes the name). */
		const struct tl_server_ctx *sc =
			row->site != NULL ? tl_server_ctx_for(&st.ctxs, context_site(row)) : NULL;

		row->results =
			tl_arena_calloc(arena, nclients ? nclients : 1, sizeof(*row->results));
		for (size_t c = 0; c < nclients; c++)
			simulate_one(&st, row, sc, clients[c], &row->results[c]);
	}
	out->contexts = st.ctxs.built;
	out->handshakes = st.handshakes;
}

const char *
tl_sim_version_name(unsigned v)
{
	switch (v) {
	case 0x0300:
		return "SSLv3";
	case 0x0301:
		return "TLSv1";
	case 0x0302:
		return "TLSv1.1";
	case 0x0303:
		return "TLSv1.2";
	case 0x0304:
		return "TLSv1.3";
	default:
		return "unknown";
	}
}

const char *
tl_sim_suite_name(struct tl_arena *arena, unsigned suite)
{
	const struct tl_cipher_suite *cs = tl_cipher_suite_by_id(0x03000000u | suite);

	return cs != NULL && cs->iana != NULL ? cs->iana : tl_arena_printf(arena, "0x%04x", suite);
}

const char *
tl_sim_group_name(struct tl_arena *arena, unsigned group)
{
	static const struct {
		unsigned id;
		const char *name;
	} groups[] = {
		{0x0017, "secp256r1"},
		{0x0018, "secp384r1"},
		{0x0019, "secp521r1"},
		{0x001d, "x25519"},
		{0x001e, "x448"},
		{0x0100, "ffdhe2048"},
		{0x0101, "ffdhe3072"},
		{0x0102, "ffdhe4096"},
		{0x0103, "ffdhe6144"},
		{0x0104, "ffdhe8192"},
		{0x6399, "X25519Kyber768Draft00"},
		{0x11ec, "X25519MLKEM768"},
	};

	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (groups[i].id == group)
			return groups[i].name;
	return tl_arena_printf(arena, "0x%04x", group);
}

const char *
tl_sim_alert_name(int a)
{
	const char *s = SSL_alert_desc_string_long(a);

	return s != NULL ? s : "unknown";
}
