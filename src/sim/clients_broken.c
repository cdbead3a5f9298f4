/*
 * Which profiled clients a finding's defect really breaks (issue 13, item
 * 5): the clients_see of a certificate or handshake finding is computed
 * by the simulation of its site instead of a check's general list. A
 * certificate check matches the client's verdict by its problem (one per
 * verdict, in the order clients rank them: an expired certificate that is
 * also untrusted breaks clients as untrusted), a handshake check by the
 * setting the refusal is down to. The simulation runs only for the sites
 * such findings are about, with every profile.
 */
#include <string.h>

#include "client_verify.h"
#include "diag.h"
#include "simulate.h"

/* What a check's defect looks like in a simulated result. */
struct breakage {
	enum tl_check_id check;
	enum tl_sim_stage stage;
	enum tl_cert_problem problem; /* TL_SIM_CERTIFICATE */
	enum tl_sim_cause cause;      /* TL_SIM_HANDSHAKE */
};

static const struct breakage breakages[] = {
	{TL_CK_CERT_EXPIRED, TL_SIM_CERTIFICATE, TL_CERT_EXPIRED, 0},
	{TL_CK_CERT_NOT_YET_VALID, TL_SIM_CERTIFICATE, TL_CERT_NOT_YET_VALID, 0},
	{TL_CK_CERT_HOSTNAME_MISMATCH, TL_SIM_CERTIFICATE, TL_CERT_NAME_MISMATCH, 0},
	{TL_CK_CERT_NO_SAN, TL_SIM_CERTIFICATE, TL_CERT_NAME_MISMATCH, 0},
	{TL_CK_CERT_SELF_SIGNED, TL_SIM_CERTIFICATE, TL_CERT_SELF_SIGNED, 0},
	{TL_CK_CHAIN_INCOMPLETE, TL_SIM_CERTIFICATE, TL_CERT_UNKNOWN_ISSUER, 0},
	{TL_CK_CHAIN_UNTRUSTED, TL_SIM_CERTIFICATE, TL_CERT_UNKNOWN_ISSUER, 0},
	{TL_CK_CHAIN_UNTRUSTED, TL_SIM_CERTIFICATE, TL_CERT_UNTRUSTED_ROOT, 0},
	{TL_CK_CHAIN_EXPIRED, TL_SIM_CERTIFICATE, TL_CERT_ISSUER_EXPIRED, 0},
	{TL_CK_CERT_WEAK_KEY, TL_SIM_CERTIFICATE, TL_CERT_WEAK_KEY, 0},
	{TL_CK_CERT_WEAK_SIGNATURE, TL_SIM_CERTIFICATE, TL_CERT_WEAK_SIGNATURE, 0},
	{TL_CK_CERT_IS_CA, TL_SIM_CERTIFICATE, TL_CERT_CA_LEAF, 0},
	{TL_CK_CERT_EKU, TL_SIM_CERTIFICATE, TL_CERT_PURPOSE, 0},
	{TL_CK_CERT_MUST_STAPLE, TL_SIM_CERTIFICATE, TL_CERT_MUST_STAPLE, 0},
	{TL_CK_PROTO_NONE, TL_SIM_HANDSHAKE, 0, TL_CAUSE_PROTOCOLS},
	{TL_CK_CIPHER_KEY_MISMATCH, TL_SIM_HANDSHAKE, 0, TL_CAUSE_CIPHERS},
	{TL_CK_CIPHER_NONE_FOR_PROTOCOL, TL_SIM_HANDSHAKE, 0, TL_CAUSE_CIPHERS},
};

#define NBREAKAGES (sizeof(breakages) / sizeof(breakages[0]))

/*
 * Above this many sites with such findings, lint keeps the checks' general
 * lists and says so: every profile against every site costs seconds on a
 * 10,000-site config, which a pre-commit hook must not pay; `tlslint
 * simulate` gives the full answer there.
 */
#define MAX_SITES 200

static bool
handled(enum tl_check_id id)
{
	for (size_t i = 0; i < NBREAKAGES; i++)
		if (breakages[i].check == id)
			return true;
	return false;
}

static bool
breaks(enum tl_check_id id, const struct tl_sim_result *r)
{
	for (size_t i = 0; i < NBREAKAGES; i++) {
		const struct breakage *b = &breakages[i];

		if (b->check != id || b->stage != r->stage)
			continue;
		if (b->stage == TL_SIM_CERTIFICATE && r->problem != NULL &&
		    strcmp(r->problem, tl_cert_problem_name(b->problem)) == 0)
			return true;
		if (b->stage == TL_SIM_HANDSHAKE && r->cause == b->cause)
			return true;
	}
	return false;
}

/* At most this many groups are shown; the rest are counted in one more entry. */
#define MAX_TEXTS 5

/*
 * The clients_see of finding F from the rows of its site: one entry per
 * client family (whose clients show the same words for the same problem),
 * naming the clients (profile ids) in it, with the first one's words;
 * NULL when no profiled client is broken. Families compare as strings:
 * the same literal in two files need not be one pointer (ASan builds keep
 * them apart).
 */
static const struct tl_client_error *
computed(struct tl_arena *arena, const struct tl_finding *f, const struct tl_ptrvec *rows,
	 size_t nclients)
{
	struct tl_client_error *see = tl_arena_calloc(arena, MAX_TEXTS + 2, sizeof(*see));
	const char *family[MAX_TEXTS];
	const struct tl_client_profile **seen = tl_arena_calloc(arena, nclients + 1, sizeof(*seen));
	size_t n = 0, more = 0, nseen = 0;

	for (size_t i = 0; i < rows->len; i++) {
		const struct tl_sim_site *row = rows->items[i];

		for (size_t c = 0; c < nclients; c++) {
			const struct tl_sim_result *r = &row->results[c];
			size_t k;
			bool again = false;

			if (r->stage != TL_SIM_CERTIFICATE || !breaks(f->id, r))
				continue;
			for (k = 0; k < nseen && !again; k++)
				again = seen[k] == r->client;
			if (again)
				continue; /* the same client on another name of the site */
			seen[nseen++] = r->client;
			for (k = 0; k < n && strcmp(family[k], r->client->family) != 0; k++)
				;
			if (k < n) {
				see[k].client = tl_arena_printf(arena, "%s, %s", see[k].client,
								r->client->id);
			} else if (n < MAX_TEXTS) {
				family[n] = r->client->family;
				see[n].text = r->words    ? r->words
					      : r->why    ? r->why
					      : r->reason ? r->reason
							  : "the handshake fails";
				see[n++].client = r->client->id;
			} else {
				more++;
			}
		}
	}
	if (more > 0) {
		see[n].client = "see `tlslint simulate`";
		see[n++].text = tl_arena_printf(arena, "%zu more profiled client%s", more,
						more == 1 ? "" : "s");
	}
	return n > 0 ? see : NULL;
}

/* How many broken clients a handshake finding names; the rest are counted. */
#define MAX_IDS 8

/*
 * A handshake defect: clients word an alert alike and the check's list
 * says how, so that list stays and gains one entry naming the profiled
 * clients the simulation shows refused here; NULL when none is.
 */
static const struct tl_client_error *
broken_list(struct tl_arena *arena, const struct tl_finding *f, const struct tl_ptrvec *rows,
	    size_t nclients)
{
	const struct tl_client_profile **seen = tl_arena_calloc(arena, nclients + 1, sizeof(*seen));
	const char *ids = NULL;
	size_t nseen = 0, canned = 0;
	struct tl_client_error *see;

	for (size_t i = 0; i < rows->len; i++) {
		const struct tl_sim_site *row = rows->items[i];

		for (size_t c = 0; c < nclients; c++) {
			const struct tl_sim_result *r = &row->results[c];
			bool again = false;

			if (r->stage != TL_SIM_HANDSHAKE || !breaks(f->id, r))
				continue;
			for (size_t k = 0; k < nseen && !again; k++)
				again = seen[k] == r->client;
			if (again)
				continue;
			seen[nseen++] = r->client;
			if (nseen <= MAX_IDS)
				ids = ids ? tl_arena_printf(arena, "%s, %s", ids, r->client->id)
					  : r->client->id;
		}
	}
	if (nseen == 0)
		return NULL;
	while (f->clients_see != NULL && f->clients_see[canned].text != NULL)
		canned++;
	see = tl_arena_calloc(arena, canned + 2, sizeof(*see));
	for (size_t k = 0; k < canned; k++)
		see[k] = f->clients_see[k];
	see[canned].client = "simulated";
	see[canned].text =
		nseen > MAX_IDS
			? tl_arena_printf(arena, "refused: %s and %zu more profiled clients", ids,
					  nseen - MAX_IDS)
			: tl_arena_printf(arena, "refused: %s", ids);
	return see;
}

void
tl_sim_clients_broken(struct tl_analysis *an, const struct tl_model *model, struct tl_diag *diag)
{
	struct tl_arena *arena = an->arena;
	struct tl_strmap wanted; /* site label → 1 */
	struct tl_strmap by_label;
	struct tl_ptrmap sites;
	size_t nclients, nsites = 0;
	const struct tl_client_profile *const *clients = tl_client_profiles(&nclients);
	struct tl_sim sim;

	tl_strmap_init(&wanted, arena);
	for (size_t i = 0; i < diag->findings.len; i++) {
		const struct tl_finding *f = diag->findings.items[i];

		if (f->site != NULL && handled(f->id))
			tl_strmap_put(&wanted, f->site, (void *)f);
	}
	if (wanted.len == 0)
		return;
	tl_ptrmap_init(&sites, arena);
	for (size_t i = 0; i < model->sites.len; i++) {
		const struct tl_site *site = model->sites.items[i];

		if (site->label != NULL && tl_strmap_get(&wanted, site->label) != NULL) {
			tl_ptrmap_put(&sites, site, NULL, (void *)site);
			nsites++;
		}
	}
	if (nsites == 0)
		return;
	if (nsites > MAX_SITES) {
		tl_diag_note(diag,
			     "%zu sites have certificate or handshake findings, more than the %d "
			     "whose clients lint simulates: their 'clients see' lists are the "
			     "checks' general ones ('tlslint simulate' names the clients each "
			     "breaks)",
			     nsites, MAX_SITES);
		return;
	}
	tl_simulate(an, model, clients, nclients, NULL, &sites, &sim);
	/* The rows each label's site is reached by (SNI selects it). */
	tl_strmap_init(&by_label, arena);
	for (size_t s = 0; s < sim.nsites; s++) {
		const struct tl_sim_site *row = &sim.sites[s];
		struct tl_ptrvec *v;

		if (row->site == NULL || row->site->label == NULL)
			continue;
		v = tl_strmap_get(&by_label, row->site->label);
		if (v == NULL) {
			v = tl_arena_calloc(arena, 1, sizeof(*v));
			tl_strmap_put(&by_label, row->site->label, v);
		}
		tl_ptrvec_push(arena, v, (void *)row);
	}
	for (size_t i = 0; i < diag->findings.len; i++) {
		struct tl_finding *f = diag->findings.items[i];
		const struct tl_ptrvec *rows;
		const struct tl_client_error *see;

		if (f->site == NULL || !handled(f->id))
			continue;
		rows = tl_strmap_get(&by_label, f->site);
		if (rows == NULL)
			continue;
		see = computed(arena, f, rows, nclients);
		if (see != NULL)
			f->clients_see = see;
		else if ((see = broken_list(arena, f, rows, nclients)) != NULL)
			f->clients_see = see;
	}
}
