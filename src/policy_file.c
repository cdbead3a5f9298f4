/*
 * Custom policies (--policy FILE.yaml, or policy: in .tlslint.yaml): the
 * keys of the built-in profiles (Mozilla's guideline fields), each one
 * overriding the value of the --profile profile it is applied to. Read as
 * strictly as the config file: an unknown key, a wrong type or an unknown
 * value is an error "FILE:LINE:COL: message".
 */
#include "policy_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "yaml_reader.h"

#define POLICY_MAX_BYTES (256 * 1024)

struct loader {
	struct tl_yaml y;
	struct tl_policy *policy;
};

static const struct {
	const char *name;
	unsigned bit;
} types[] = {
	{"rsa", TL_CERT_TYPE_RSA},
	{"ecdsa", TL_CERT_TYPE_ECDSA},
};

/* A sequence of non-empty strings, NULL-terminated in the arena. */
static int
string_list(struct loader *l, const char *key, const char *const **out)
{
	struct tl_ptrvec items = {0};

	if (tl_yaml_next(&l->y) < 0)
		return -1;
	if (l->y.event.type != YAML_SEQUENCE_START_EVENT)
		return tl_yaml_fail(&l->y, l->y.event.start_mark,
				    "expected a sequence of strings for '%s', got %s", key,
				    tl_yaml_node_kind(&l->y.event));
	for (;;) {
		if (tl_yaml_next(&l->y) < 0)
			return -1;
		if (l->y.event.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (l->y.event.type != YAML_SCALAR_EVENT || tl_yaml_is_null(&l->y.event) ||
		    *tl_yaml_scalar(&l->y) == '\0')
			return tl_yaml_fail(&l->y, l->y.event.start_mark,
					    "expected a string in '%s', got %s", key,
					    tl_yaml_node_kind(&l->y.event));
		tl_ptrvec_push(l->y.arena, &items,
			       tl_arena_strdup(l->y.arena, tl_yaml_scalar(&l->y)));
	}
	tl_ptrvec_push(l->y.arena, &items, NULL);
	*out = (const char *const *)items.items;
	return 0;
}

/* Each item of LIST must name one of NAMES; *mask gets their bits. */
static int
named_bits(struct loader *l, const char *key, const char *const *list, const char *const *names,
	   const unsigned *bits, size_t n, unsigned *mask)
{
	*mask = 0;
	for (size_t i = 0; list[i] != NULL; i++) {
		size_t k;

		for (k = 0; k < n; k++)
			if (strcmp(list[i], names[k]) == 0)
				break;
		if (k == n)
			return tl_yaml_fail(&l->y, l->y.event.start_mark,
					    "unknown value '%s' in '%s'", list[i], key);
		*mask |= bits[k];
	}
	return 0;
}

/* A whole number (plain scalar) from MIN to MAX, or null (stored as 0) when NULLABLE. */
static int
number(struct loader *l, const char *key, long min, long max, bool nullable, long *out)
{
	const char *s;
	char *end;

	if (tl_yaml_next(&l->y) < 0)
		return -1;
	if (nullable && tl_yaml_is_null(&l->y.event)) {
		*out = 0;
		return 0;
	}
	s = l->y.event.type == YAML_SCALAR_EVENT ? tl_yaml_scalar(&l->y) : "";
	errno = 0;
	*out = strtol(s, &end, 10);
	if (l->y.event.type != YAML_SCALAR_EVENT || !l->y.event.data.scalar.plain_implicit ||
	    *s == '\0' || *end != '\0' || errno == ERANGE)
		return tl_yaml_fail(&l->y, l->y.event.start_mark, "expected a number for '%s'%s",
				    key, nullable ? " or null" : "");
	if (*out < min || *out > max)
		return tl_yaml_fail(&l->y, l->y.event.start_mark, "'%s' is %ld, outside %ld to %ld",
				    key, *out, min, max);
	return 0;
}

static int
boolean(struct loader *l, const char *key, bool *out)
{
	const char *s;

	if (tl_yaml_next(&l->y) < 0)
		return -1;
	s = l->y.event.type == YAML_SCALAR_EVENT ? tl_yaml_scalar(&l->y) : "";
	if (l->y.event.type == YAML_SCALAR_EVENT && l->y.event.data.scalar.plain_implicit &&
	    (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)) {
		*out = strcmp(s, "true") == 0;
		return 0;
	}
	return tl_yaml_fail(&l->y, l->y.event.start_mark, "expected true or false for '%s'", key);
}

/* Version names exactly as the guidelines write them; SSLv2 is no policy's choice. */
static int
load_versions(struct loader *l, const char *key)
{
	const char *const *list;

	if (string_list(l, key, &list) < 0)
		return -1;
	l->policy->tls_versions = 0;
	for (size_t i = 0; list[i] != NULL; i++) {
		unsigned bit = tl_protocol_bit(list[i], strlen(list[i]));

		if (bit == 0 || bit == TL_PROTO_SSLv2 ||
		    strcmp(tl_protocol_name(bit), list[i]) != 0)
			return tl_yaml_fail(&l->y, l->y.event.start_mark,
					    "unknown value '%s' in '%s'", list[i], key);
		l->policy->tls_versions |= bit;
	}
	return 0;
}

static int
load_types(struct loader *l, const char *key)
{
	const char *const *list;
	const char *names[sizeof(types) / sizeof(types[0])];
	unsigned bits[sizeof(types) / sizeof(types[0])];
	size_t n = sizeof(types) / sizeof(types[0]);

	for (size_t i = 0; i < n; i++) {
		names[i] = types[i].name;
		bits[i] = types[i].bit;
	}
	if (string_list(l, key, &list) < 0)
		return -1;
	return named_bits(l, key, list, names, bits, n, &l->policy->certificate_types);
}

static int
load_key(struct loader *l, const char *key, yaml_mark_t mark)
{
	struct tl_policy *p = l->policy;
	const char *const *ignored;
	long v;
	int rc;

	if (strcmp(key, "tls_versions") == 0)
		return load_versions(l, key);
	if (strcmp(key, "certificate_types") == 0)
		return load_types(l, key);
	if (strcmp(key, "ciphers") == 0)
		return string_list(l, key, &p->ciphers);
	if (strcmp(key, "ciphersuites") == 0)
		return string_list(l, key, &p->ciphersuites);
	if (strcmp(key, "tls_curves") == 0)
		return string_list(l, key, &p->tls_curves);
	if (strcmp(key, "certificate_curves") == 0)
		return string_list(l, key, &p->certificate_curves);
	if (strcmp(key, "certificate_signatures") == 0)
		return string_list(l, key, &p->certificate_signatures);
	if (strcmp(key, "oldest_clients") == 0)
		return string_list(l, key, &ignored); /* documentation only */
	if (strcmp(key, "ocsp_staple") == 0)
		return boolean(l, key, &p->ocsp_staple);
	if (strcmp(key, "server_preferred_order") == 0)
		return boolean(l, key, &p->server_preferred_order);
	if (strcmp(key, "rsa_key_size") == 0 || strcmp(key, "dh_param_size") == 0 ||
	    strcmp(key, "ecdh_param_size") == 0) {
		rc = number(l, key, 0, 16384, true, &v);
		if (key[0] == 'r')
			p->rsa_key_size = (int)v;
		else if (key[0] == 'd')
			p->dh_param_size = (int)v;
		else
			p->ecdh_param_size = (int)v;
		return rc;
	}
	if (strcmp(key, "hsts_min_age") == 0) {
		rc = number(l, key, 0, 1L << 40, false, &v);
		p->hsts_min_age = v;
		return rc;
	}
	if (strcmp(key, "maximum_certificate_lifespan") == 0 ||
	    strcmp(key, "recommended_certificate_lifespan") == 0) {
		rc = number(l, key, 1, 36500, false, &v);
		if (key[0] == 'm')
			p->maximum_certificate_lifespan = (int)v;
		else
			p->recommended_certificate_lifespan = (int)v;
		return rc;
	}
	return tl_yaml_fail(&l->y, mark,
			    "unknown key '%s' (expected the fields of a profile: tls_versions, "
			    "ciphers, ciphersuites, tls_curves, certificate_types, "
			    "certificate_curves, certificate_signatures, rsa_key_size, "
			    "dh_param_size, ecdh_param_size, hsts_min_age, "
			    "maximum_certificate_lifespan, recommended_certificate_lifespan, "
			    "ocsp_staple, server_preferred_order, oldest_clients)",
			    key);
}

static int
load_top(void *ctx)
{
	struct loader *l = ctx;
	struct tl_yaml_keys seen = {0};
	const char *key;
	yaml_mark_t mark;
	int rc;

	while ((rc = tl_yaml_next_key(&l->y, &seen, "the policy", &key, &mark)) > 0)
		if (load_key(l, key, mark) < 0)
			return -1;
	return rc;
}

const struct tl_policy *
tl_policy_load(struct tl_arena *arena, const char *path, const struct tl_policy *base,
	       const char **error)
{
	struct loader l;
	struct tl_policy *policy = tl_arena_alloc(arena, sizeof(*policy));
	int rc;

	*policy = *base;
	policy->source = tl_arena_printf(arena, "%s over the %s profile", path, base->name);
	l.policy = policy;
	rc = tl_yaml_open(&l.y, arena, path, POLICY_MAX_BYTES, error);
	if (rc == 0)
		rc = tl_yaml_stream(&l.y, load_top, &l);
	tl_yaml_close(&l.y);
	return rc == 0 ? policy : NULL;
}
