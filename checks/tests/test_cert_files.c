/*
 * cert-missing and cert-unparsable on a model built by hand, not by any
 * parser: a pair with a chain file (which nginx has no directive for) and
 * facts of a made-up server. The check must report the chain file at its
 * own directive and say what the site's facts say, which shows that it
 * works unchanged for servers other than nginx.
 */
#include <stdio.h>
#include <string.h>

#include "../../src/check_ctx.h"
#include "../../src/tests/unit.h"
#include "../checks.h"

static const char *pki;
static struct tl_arena *arena;

static struct tl_file_ref
ref(const char *name, uint32_t off)
{
	struct tl_file_ref r = {0};

	r.written = name;
	r.path = tl_arena_printf(arena, "%s/%s", pki, name);
	r.loc.off = off;
	return r;
}

static struct tl_site *
site_with(struct tl_model *model, const char *label, const char *chain, uint32_t chain_off,
	  const struct tl_server_facts *facts)
{
	struct tl_site *site = tl_arena_calloc(arena, 1, sizeof(*site));
	struct tl_cert_pair *pair = tl_arena_calloc(arena, 1, sizeof(*pair));

	site->server = TL_SERVER_APACHE;
	site->facts = facts;
	site->label = label;
	pair->cert = ref("www.crt", 10);
	pair->key = ref("www.key", 20);
	pair->chain = ref(chain, chain_off);
	pair->cert_dir.off = 10;
	pair->chain_dir.off = chain_off;
	site->tls.certs.pairs = pair;
	site->tls.certs.n = 1;
	tl_ptrvec_push(arena, &model->sites, site);
	return site;
}

static const struct tl_finding *
finding(const struct tl_diag *diag, size_t i)
{
	return i < diag->findings.len ? diag->findings.items[i] : NULL;
}

int
main(int argc, char **argv)
{
	static const struct tl_server_facts facts = {
		.on_fault = {[TL_FAULT_CERTIFICATE] = "stops at start-up (made-up server)"},
	};
	struct tl_fs fs;
	struct tl_model model;
	struct tl_diag diag;
	struct tl_check_ctx ctx = {0};
	const struct tl_finding *f;

	if (argc != 2) {
		fprintf(stderr, "usage: test_cert_files PKI_DIR\n");
		return 2;
	}
	pki = argv[1];
	arena = tl_arena_new();
	tl_fs_init(&fs, arena, NULL);
	tl_model_init(&model, arena);
	tl_diag_init(&diag, arena);
	site_with(&model, "a:443", "no-such-chain.crt", 30, &facts);
	site_with(&model, "b:443", "garbage.crt", 40, &facts);
	site_with(&model, "c:443", "intermediate.crt", 50, &facts);
	ctx.arena = arena;
	ctx.model = &model;
	ctx.diag = &diag;
	ctx.an.arena = arena;
	ctx.an.fs = &fs;
	ctx.an.certs = tl_certstore_new(arena, &fs);
	ctx.certs = ctx.an.certs;

	tl_check_cert_missing(&ctx);
	CHECK_INT(diag.findings.len, 1);
	f = finding(&diag, 0);
	CHECK_STR(f ? f->check : NULL, "cert-missing");
	CHECK_INT(f ? f->loc.off : 0, 30);
	CHECK(f && strstr(f->message, "cannot read certificate chain 'no-such-chain.crt'") != NULL);
	CHECK(f && strstr(f->message, "the server stops at start-up (made-up server)") != NULL);
	CHECK_STR(f ? f->site : NULL, "a:443");

	tl_check_cert_unparsable(&ctx);
	CHECK_INT(diag.findings.len, 2);
	f = finding(&diag, 1);
	CHECK_STR(f ? f->check : NULL, "cert-unparsable");
	CHECK_INT(f ? f->loc.off : 0, 40);
	CHECK(f &&
	      strstr(f->message, "certificate chain file 'garbage.crt' cannot be loaded") != NULL);
	CHECK_STR(f ? f->site : NULL, "b:443");

	tl_arena_free(arena);
	return tl_unit_result();
}
