/* Unit tests of the built-in profiles and custom policy files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../model.h"
#include "../policy.h"
#include "../policy_file.h"
#include "unit.h"

static const char *
write_temp(struct tl_arena *arena, const char *text)
{
	char *path = tl_arena_strdup(arena, "/tmp/tlslint-policy-XXXXXX");
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	fputs(text, f);
	fclose(f);
	return path;
}

static void
test_builtin(void)
{
	const struct tl_policy *modern = tl_policy_builtin("modern");
	const struct tl_policy *inter = tl_policy_builtin("intermediate");
	const struct tl_policy *old = tl_policy_builtin("old");

	CHECK(tl_policy_builtin("nope") == NULL);
	CHECK_INT(modern->tls_versions, TL_PROTO_TLSv1_3);
	CHECK_INT(modern->certificate_types, TL_CERT_TYPE_ECDSA);
	CHECK_INT(modern->maximum_certificate_lifespan, 90);
	CHECK_INT(inter->tls_versions, TL_PROTO_TLSv1_2 | TL_PROTO_TLSv1_3);
	CHECK_INT(inter->rsa_key_size, 2048);
	CHECK_INT(inter->dh_param_size, 2048);
	CHECK_INT(inter->maximum_certificate_lifespan, 366);
	CHECK_STR(inter->ciphers[0], "ECDHE-ECDSA-AES128-GCM-SHA256");
	CHECK_STR(inter->tls_curves[0], "X25519MLKEM768");
	CHECK_INT(old->certificate_types, TL_CERT_TYPE_RSA);
	CHECK(old->tls_versions & TL_PROTO_TLSv1);
	CHECK(old->server_preferred_order);
	CHECK(strstr(old->source, "5.8") != NULL);
	CHECK_STR(modern->guideline, "6.0");
	CHECK_STR(inter->guideline, "6.0");
	CHECK_STR(old->guideline, "5.8");
}

/* NAME@VERSION: every version kept, the facts of the old ones as Mozilla wrote them. */
static void
test_pinned(struct tl_arena *arena)
{
	const char *err = NULL;
	const struct tl_policy *p;

	CHECK(tl_policy_resolve(arena, "intermediate", &err) == tl_policy_builtin("intermediate"));
	p = tl_policy_resolve(arena, "intermediate@5.8", &err);
	CHECK(p != NULL && strcmp(p->guideline, "5.8") == 0 &&
	      strcmp(p->name, "intermediate") == 0);
	/* 5.7 still had the DHE suites and no X25519MLKEM768 (5.8 changed both). */
	p = tl_policy_resolve(arena, "intermediate@5.7", &err);
	CHECK(p != NULL && strcmp(p->guideline, "5.7") == 0);
	if (p != NULL) {
		size_t n = 0;

		while (p->ciphers[n] != NULL)
			n++;
		CHECK_INT(n, 9);
		CHECK_STR(p->ciphers[8], "DHE-RSA-CHACHA20-POLY1305");
		CHECK_STR(p->tls_curves[0], "X25519");
	}
	p = tl_policy_resolve(arena, "old@5.7", &err);
	CHECK(p != NULL && p->dh_param_size == 1024);
	p = tl_policy_resolve(arena, "intermediate@5.4", &err);
	CHECK(p != NULL && p->maximum_certificate_lifespan == 730);
	p = tl_policy_resolve(arena, "intermediate@5.5", &err);
	CHECK(p != NULL && p->maximum_certificate_lifespan == 366);
	p = tl_policy_resolve(arena, "modern@5.3", &err);
	CHECK(p != NULL && p->rsa_key_size == 2048);
	CHECK(tl_policy_resolve(arena, "modern@5.0", &err) != NULL);

	err = NULL;
	CHECK(tl_policy_resolve(arena, "old@6.0", &err) == NULL);
	CHECK_STR(err, "profile 'old' has no Mozilla guideline version '6.0' (old: 5.0, 5.1, 5.2, "
		       "5.3, 5.4, 5.5, 5.6, 5.7, 5.8)");
	CHECK(tl_policy_resolve(arena, "intermediate@4.0", &err) == NULL);
	CHECK(tl_policy_resolve(arena, "intermediate@", &err) == NULL);
	CHECK(tl_policy_resolve(arena, "intermediate@6", &err) == NULL);
	CHECK(tl_policy_resolve(arena, "@6.0", &err) == NULL);
	CHECK(err != NULL && strstr(err, "unknown profile ''") != NULL);
	CHECK_STR(tl_policy_versions(arena, "nope"), "");
}

static void
test_file(struct tl_arena *arena)
{
	const struct tl_policy *base = tl_policy_builtin("intermediate");
	const struct tl_policy *p;
	const char *err = NULL;
	const char *path;

	path = write_temp(arena, "# ours\n"
				 "tls_versions: [TLSv1.3]\n"
				 "rsa_key_size: 3072\n"
				 "dh_param_size: null\n"
				 "ciphersuites: [TLS_AES_256_GCM_SHA384]\n"
				 "ocsp_staple: false\n"
				 "maximum_certificate_lifespan: 200\n");
	p = tl_policy_load(arena, path, base, &err);
	CHECK(p != NULL);
	if (p != NULL) {
		CHECK_INT(p->tls_versions, TL_PROTO_TLSv1_3);
		CHECK_INT(p->rsa_key_size, 3072);
		CHECK_INT(p->dh_param_size, 0);
		CHECK_STR(p->ciphersuites[0], "TLS_AES_256_GCM_SHA384");
		CHECK(p->ciphersuites[1] == NULL);
		CHECK(!p->ocsp_staple);
		CHECK_INT(p->maximum_certificate_lifespan, 200);
		/* Untouched fields keep the base profile's values. */
		CHECK_INT(p->certificate_types, base->certificate_types);
		CHECK_STR(p->ciphers[0], base->ciphers[0]);
	}
	/* The base profile itself is not modified. */
	CHECK_INT(base->rsa_key_size, 2048);
	unlink(path);

	path = write_temp(arena, "tls_versions: [TLSv1.2]\nrsa_keysize: 4096\n");
	CHECK(tl_policy_load(arena, path, base, &err) == NULL);
	CHECK(err != NULL && strstr(err, ":2:1: unknown key 'rsa_keysize'") != NULL);
	unlink(path);

	path = write_temp(arena, "tls_versions: [TLSv1.2, TLSv1.4]\n");
	CHECK(tl_policy_load(arena, path, base, &err) == NULL);
	CHECK(err != NULL && strstr(err, "unknown value 'TLSv1.4' in 'tls_versions'") != NULL);
	unlink(path);

	path = write_temp(arena, "rsa_key_size: \"2048\"\n");
	CHECK(tl_policy_load(arena, path, base, &err) == NULL);
	CHECK(err != NULL && strstr(err, ":1:15: expected a number for 'rsa_key_size'") != NULL);
	unlink(path);

	path = write_temp(arena, "ocsp_staple: yes\n");
	CHECK(tl_policy_load(arena, path, base, &err) == NULL);
	CHECK(err != NULL && strstr(err, "expected true or false for 'ocsp_staple'") != NULL);
	unlink(path);

	path = write_temp(arena, "maximum_certificate_lifespan: 0\n");
	CHECK(tl_policy_load(arena, path, base, &err) == NULL);
	CHECK(err != NULL && strstr(err, "outside 1 to 36500") != NULL);
	unlink(path);

	CHECK(tl_policy_load(arena, "/nonexistent/policy.yaml", base, &err) == NULL);
	CHECK(err != NULL && strstr(err, "cannot read") != NULL);
}

int
main(void)
{
	struct tl_arena *arena = tl_arena_new();

	test_builtin();
	test_pinned(arena);
	test_file(arena);
	tl_arena_free(arena);
	return tl_unit_result();
}
