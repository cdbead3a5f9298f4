/*
 * 'tlslint simulate': the simulation's report. Text is one table per site
 * (a line per client: what it negotiates, or where and why it fails, and
 * the words it shows); JSON is one document with the clients, the sites
 * and their results, and a summary of who fails where.
 */
#include "simulate_cmd.h"

#include <string.h>

#include <openssl/evp.h>

#include "keyinfo.h"
#include "phase_time.h"
#include "report/json_writer.h"
#include "sim/simulate.h"
#include "x509fmt.h"

const struct tl_client_profile *const *
tl_simulate_clients(struct tl_arena *arena, const char *spec, size_t *n)
{
	size_t all_n;
	const struct tl_client_profile *const *all = tl_client_profiles(&all_n);
	const struct tl_client_profile **out = tl_arena_calloc(arena, all_n + 1, sizeof(*out));
	bool current = spec == NULL || strcmp(spec, "all") == 0 || strcmp(spec, "current") == 0;
	bool legacy = spec == NULL || strcmp(spec, "all") == 0 || strcmp(spec, "legacy") == 0;

	*n = 0;
	if (current || legacy) {
		for (size_t i = 0; i < all_n; i++)
			if (all[i]->era == TL_CLIENT_CURRENT ? current : legacy)
				out[(*n)++] = all[i];
		return out;
	}
	/* A list of ids, checked by the command line: in the order given, each once. */
	for (const char *s = spec; *s;) {
		size_t len = strcspn(s, ",");
		const struct tl_client_profile *p =
			tl_client_profile_find(tl_arena_strndup(arena, s, len));
		bool seen = false;

		for (size_t i = 0; i < *n; i++)
			seen = seen || out[i] == p;
		if (p != NULL && !seen && *n < all_n)
			out[(*n)++] = p;
		s += len + (s[len] == ',');
	}
	return out;
}

static const char *
stage_name(enum tl_sim_stage stage)
{
	switch (stage) {
	case TL_SIM_OK:
		return NULL;
	case TL_SIM_HANDSHAKE:
		return "handshake";
	case TL_SIM_CERTIFICATE:
		return "certificate";
	case TL_SIM_NO_SITE:
		return "no-site";
	case TL_SIM_SERVER:
		return "server";
	case TL_SIM_UNKNOWN:
		return "not-simulated";
	}
	return NULL;
}

static const char *
cause_name(enum tl_sim_cause cause)
{
	switch (cause) {
	case TL_CAUSE_PROTOCOLS:
		return "protocols";
	case TL_CAUSE_CIPHERS:
		return "ciphers";
	case TL_CAUSE_SUITES13:
		return "tls13-suites";
	case TL_CAUSE_GROUPS:
		return "groups";
	case TL_CAUSE_CERTIFICATE:
		return "certificate";
	default:
		return NULL;
	}
}

/*
 * The certificate as results name it, made once per certificate: 10,000
 * sites × 35 clients are 350,000 results and a few hundred certificates.
 */
struct cert_text {
	const char *subject;
	const char *key; /* "RSA 2048", "EC 256"; NULL without a public key */
};

struct cert_texts {
	struct tl_arena *arena;
	struct tl_ptrmap map; /* struct tl_sim_cert → struct cert_text */
};

static const struct cert_text *
cert_text(struct cert_texts *texts, const struct tl_sim_cert *c)
{
	struct cert_text *t = tl_ptrmap_get(&texts->map, c, NULL);

	if (t == NULL) {
		EVP_PKEY *k = X509_get0_pubkey(c->leaf);

		t = tl_arena_alloc(texts->arena, sizeof(*t));
		t->subject = tl_cert_subject(texts->arena, c->leaf);
		if (k != NULL)
			t->key = tl_arena_printf(texts->arena, "%s %d", tl_key_type_name(k),
						 EVP_PKEY_get_bits(k));
		tl_ptrmap_put(&texts->map, c, NULL, t);
	}
	return t;
}

/* Why it fails, in one line: "alert 40 handshake failure: no shared cipher". */
static const char *
failure_text(struct tl_arena *arena, const struct tl_sim_result *r)
{
	const char *why = r->reason ? r->reason : "no reason given";

	switch (r->stage) {
	case TL_SIM_HANDSHAKE:
	case TL_SIM_NO_SITE:
		if (r->alert >= 0)
			return tl_arena_printf(arena, "alert %d %s: %s", r->alert,
					       tl_sim_alert_name(r->alert), why);
		return why;
	case TL_SIM_CERTIFICATE:
		return why;
	case TL_SIM_SERVER:
		return tl_arena_printf(arena, "the server cannot set this site up (%s)", why);
	default:
		return why;
	}
}

static const char *
server_name(const struct tl_sim_site *row)
{
	const struct tl_site *s = row->named != NULL ? row->named : row->site;

	return s != NULL && s->facts != NULL ? s->facts->name : "server";
}

static void
site_place(const struct tl_site *site, const char **file, unsigned *line)
{
	unsigned col;

	*file = NULL;
	*line = 0;
	if (site != NULL && site->loc.src != NULL) {
		*file = site->loc.src->path;
		tl_loc_linecol(&site->loc, line, &col);
	}
}

static size_t
id_width(const struct tl_sim *sim)
{
	size_t w = 6;

	for (size_t i = 0; i < sim->nclients; i++)
		if (strlen(sim->clients[i]->id) > w)
			w = strlen(sim->clients[i]->id);
	return w;
}

static void
write_text_result(struct tl_arena *arena, struct cert_texts *texts, FILE *out, int width,
		  const struct tl_sim_result *r)
{
	fprintf(out, "  %-*s  ", width, r->client->id);
	if (r->stage == TL_SIM_OK) {
		fprintf(out, "%-7s  %s  %s%s", tl_sim_version_name(r->version),
			tl_sim_suite_name(arena, r->suite),
			r->group ? tl_sim_group_name(arena, r->group) : "-",
			r->retry ? " (after HelloRetryRequest)" : "");
		if (r->cert != NULL)
			fprintf(out, "  %s", cert_text(texts, r->cert)->key);
		if (r->aia_fetched)
			fputs("  (fetches the missing intermediate)", out);
		if (r->computed)
			fputs("  (computed)", out);
		fputc('\n', out);
		return;
	}
	if (r->stage == TL_SIM_UNKNOWN) {
		fprintf(out, "not simulated: %s\n", r->reason);
		return;
	}
	fprintf(out, "FAILS at %s: %s", stage_name(r->stage), failure_text(arena, r));
	if (r->why != NULL)
		fprintf(out, "; %s", r->why);
	if (r->words != NULL)
		fprintf(out, "; shows %s", r->words);
	fputc('\n', out);
}

/* A failure: not connected, and not merely unknown. */
static bool
failed(const struct tl_sim_result *r)
{
	return r->stage != TL_SIM_OK && r->stage != TL_SIM_UNKNOWN;
}

/* Per client, on how many sites it fails. */
static size_t *
failures(struct tl_arena *arena, const struct tl_sim *sim)
{
	size_t *n = tl_arena_calloc(arena, sim->nclients ? sim->nclients : 1, sizeof(*n));

	for (size_t s = 0; s < sim->nsites; s++)
		for (size_t c = 0; c < sim->nclients; c++)
			n[c] += failed(&sim->sites[s].results[c]);
	return n;
}

static void
write_text(struct tl_arena *arena, FILE *out, const struct tl_sim *sim, bool quiet)
{
	int width = (int)id_width(sim);
	struct cert_texts texts = {arena, {0}};
	size_t *fails = failures(arena, sim);
	size_t ok_everywhere = 0;

	tl_ptrmap_init(&texts.map, arena);

	for (size_t s = 0; s < sim->nsites; s++) {
		const struct tl_sim_site *row = &sim->sites[s];
		const char *file, *sfile;
		unsigned line, sline;

		site_place(row->named, &file, &line);
		fprintf(out, "%s%s (%s", s ? "\n" : "", row->label, server_name(row));
		if (file != NULL)
			fprintf(out, ", %s:%u", file, line);
		fputs(")\n", out);
		if (row->site != NULL && row->site != row->named) {
			site_place(row->site, &sfile, &sline);
			fprintf(out,
				"  served by the site at %s:%u, which SNI selects for this name\n",
				sfile ? sfile : "?", sline);
		}
		for (size_t c = 0; c < sim->nclients; c++)
			write_text_result(arena, &texts, out, width, &row->results[c]);
	}
	if (sim->rows_left_out > 0)
		fprintf(out,
			"\nnote: %zu more site/name rows were not simulated: tlslint stops at %d\n",
			sim->rows_left_out, TL_SIM_MAX_ROWS);
	if (quiet)
		return;
	for (size_t c = 0; c < sim->nclients; c++)
		ok_everywhere += fails[c] == 0;
	if (sim->nsites == 0) {
		fputs("no TLS site to simulate\n", out);
		return;
	}
	fprintf(out,
		"\n%zu of %zu clients connect to every site (%zu site%s, %zu server "
		"context%s, %zu handshake%s run)\n",
		ok_everywhere, sim->nclients, sim->nsites, sim->nsites == 1 ? "" : "s",
		sim->contexts, sim->contexts == 1 ? "" : "s", sim->handshakes,
		sim->handshakes == 1 ? "" : "s");
	for (size_t c = 0; c < sim->nclients; c++)
		if (fails[c] > 0)
			fprintf(out, "  %s fails on %zu of %zu site%s\n", sim->clients[c]->id,
				fails[c], sim->nsites, sim->nsites == 1 ? "" : "s");
}

static void
write_json_result(struct tl_arena *arena, struct cert_texts *texts, struct tl_json *j,
		  const struct tl_sim_result *r)
{
	tl_json_object_begin(j);
	tl_json_member_string(j, "client", r->client->id);
	tl_json_key(j, "ok");
	tl_json_bool(j, r->stage == TL_SIM_OK);
	tl_json_member_string(j, "stage", stage_name(r->stage));
	/* What the server answered, also when the client then rejects the certificate. */
	if (r->version != 0) {
		tl_json_member_string(j, "version", tl_sim_version_name(r->version));
		tl_json_member_string(j, "suite", tl_sim_suite_name(arena, r->suite));
		tl_json_member_string(j, "group",
				      r->group ? tl_sim_group_name(arena, r->group) : NULL);
		tl_json_key(j, "hello_retry");
		tl_json_bool(j, r->retry);
		if (r->cert != NULL) {
			tl_json_key(j, "certificate");
			tl_json_object_begin(j);
			const struct cert_text *t = cert_text(texts, r->cert);

			tl_json_member_string(j, "subject", t->subject);
			tl_json_member_string(j, "key", t->key);
			tl_json_object_end(j);
		}
	}
	if (r->stage != TL_SIM_OK) {
		if (r->alert >= 0) {
			tl_json_member_uint(j, "alert", (unsigned)r->alert);
			tl_json_member_string(j, "alert_name", tl_sim_alert_name(r->alert));
		}
		tl_json_member_string(j, "reason", r->reason);
		tl_json_member_string(j, "why", r->why);
		tl_json_member_string(j, "cause", cause_name(r->cause));
		if (r->problem != NULL)
			tl_json_member_string(j, "problem", r->problem);
		tl_json_member_string(j, "clients_see", r->words);
		if (r->computed) {
			tl_json_key(j, "computed_result");
			tl_json_object_begin(j);
			tl_json_member_string(j, "version",
					      tl_sim_version_name(r->computed_version));
			tl_json_member_string(j, "suite",
					      tl_sim_suite_name(arena, r->computed_suite));
			tl_json_object_end(j);
		}
	}
	tl_json_key(j, "aia_fetch");
	tl_json_bool(j, r->aia_fetched);
	tl_json_key(j, "computed");
	tl_json_bool(j, r->computed);
	tl_json_object_end(j);
}

static void
write_json(struct tl_arena *arena, FILE *out, const struct tl_sim *sim, time_t now)
{
	struct tl_json j;
	struct cert_texts texts = {arena, {0}};
	size_t *fails = failures(arena, sim);

	tl_ptrmap_init(&texts.map, arena);
	tl_json_init(&j, out);
	tl_json_object_begin(&j);
	tl_json_key(&j, "tool");
	tl_json_object_begin(&j);
	tl_json_member_string(&j, "name", "tlslint");
	tl_json_member_string(&j, "version", TL_VERSION);
	tl_json_object_end(&j);
	tl_json_member_string(&j, "now", tl_date(arena, now));
	tl_json_key(&j, "clients");
	tl_json_array_begin(&j);
	for (size_t c = 0; c < sim->nclients; c++) {
		const struct tl_client_profile *p = sim->clients[c];

		tl_json_object_begin(&j);
		tl_json_member_string(&j, "id", p->id);
		tl_json_member_string(&j, "name", p->name);
		tl_json_member_string(&j, "family", p->family);
		tl_json_member_string(&j, "era",
				      p->era == TL_CLIENT_CURRENT ? "current" : "legacy");
		tl_json_object_end(&j);
	}
	tl_json_array_end(&j);
	tl_json_key(&j, "sites");
	tl_json_array_begin(&j);
	for (size_t s = 0; s < sim->nsites; s++) {
		const struct tl_sim_site *row = &sim->sites[s];
		const char *file;
		unsigned line;

		tl_json_object_begin(&j);
		tl_json_member_string(&j, "site", row->label);
		tl_json_member_string(&j, "name", row->name);
		tl_json_member_string(&j, "address", row->socket->addr);
		tl_json_member_uint(&j, "port", row->socket->port);
		tl_json_member_string(&j, "server", server_name(row));
		site_place(row->named, &file, &line);
		tl_json_member_string(&j, "file", file);
		tl_json_member_uint(&j, "line", line);
		site_place(row->site, &file, &line);
		tl_json_key(&j, "selected");
		if (row->site != NULL) {
			tl_json_object_begin(&j);
			tl_json_member_string(&j, "file", file);
			tl_json_member_uint(&j, "line", line);
			tl_json_object_end(&j);
		} else {
			tl_json_null(&j);
		}
		tl_json_key(&j, "results");
		tl_json_array_begin(&j);
		for (size_t c = 0; c < sim->nclients; c++)
			write_json_result(arena, &texts, &j, &row->results[c]);
		tl_json_array_end(&j);
		tl_json_object_end(&j);
	}
	tl_json_array_end(&j);
	tl_json_key(&j, "summary");
	tl_json_object_begin(&j);
	tl_json_member_uint(&j, "sites", sim->nsites);
	tl_json_member_uint(&j, "clients", sim->nclients);
	tl_json_member_uint(&j, "contexts", sim->contexts);
	tl_json_member_uint(&j, "handshakes", sim->handshakes);
	tl_json_member_uint(&j, "rows_left_out", sim->rows_left_out);
	tl_json_key(&j, "failing");
	tl_json_array_begin(&j);
	for (size_t c = 0; c < sim->nclients; c++) {
		if (fails[c] == 0)
			continue;
		tl_json_object_begin(&j);
		tl_json_member_string(&j, "client", sim->clients[c]->id);
		tl_json_member_uint(&j, "sites", fails[c]);
		tl_json_object_end(&j);
	}
	tl_json_array_end(&j);
	tl_json_object_end(&j);
	tl_json_object_end(&j);
	tl_json_finish(&j);
}

/* 1 when a required client fails on some site. */
static int
required_fail(const struct tl_sim *sim, const struct tl_ptrvec *required)
{
	for (size_t c = 0; c < sim->nclients; c++) {
		if (!tl_strvec_contains(required, sim->clients[c]->id))
			continue;
		for (size_t s = 0; s < sim->nsites; s++)
			if (failed(&sim->sites[s].results[c]))
				return 1;
	}
	return 0;
}

int
tl_simulate_run(struct tl_run *run, FILE *out)
{
	const struct tl_options *opts = run->opts;
	size_t n;
	const struct tl_client_profile *const *clients =
		tl_simulate_clients(run->arena, opts->clients, &n);
	struct tl_sim sim;

	tl_simulate(&run->an, &run->model, clients, n, opts->sim_name, NULL, &sim);
	tl_phase_enter(TL_PHASE_OUTPUT);
	if (opts->format == TL_FORMAT_JSON)
		write_json(run->arena, out, &sim, run->now);
	else
		write_text(run->arena, out, &sim, opts->quiet);
	return required_fail(&sim, &opts->require_clients);
}

int
tl_list_clients_write(FILE *out, enum tl_format format)
{
	size_t n;
	const struct tl_client_profile *const *all = tl_client_profiles(&n);
	struct tl_json j;

	if (format != TL_FORMAT_JSON) {
		for (size_t i = 0; i < n; i++)
			fprintf(out, "%-24s %-7s %s\n    source: %s\n", all[i]->id,
				all[i]->era == TL_CLIENT_CURRENT ? "current" : "legacy",
				all[i]->name, all[i]->source);
		return 0;
	}
	tl_json_init(&j, out);
	tl_json_array_begin(&j);
	for (size_t i = 0; i < n; i++) {
		tl_json_object_begin(&j);
		tl_json_member_string(&j, "id", all[i]->id);
		tl_json_member_string(&j, "name", all[i]->name);
		tl_json_member_string(&j, "family", all[i]->family);
		tl_json_member_string(&j, "era",
				      all[i]->era == TL_CLIENT_CURRENT ? "current" : "legacy");
		tl_json_member_string(&j, "source", all[i]->source);
		tl_json_object_end(&j);
	}
	tl_json_array_end(&j);
	tl_json_finish(&j);
	return 0;
}
