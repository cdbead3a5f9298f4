/*
 * OpenSSL's cipher-string language, evaluated the way ssl/ssl_ciph.c of
 * OpenSSL 3.0 does it (ssl_create_cipher_list, ssl_cipher_process_rulestr,
 * ssl_cipher_apply_rule), written anew over tlslint's suite table:
 *
 *  - every TLS <= 1.2 suite starts in one list, in descending id order
 *    (libssl walks its id-sorted table from the end), all disabled;
 *  - a fixed series of rules orders that list (ECDHE first, then AES-GCM,
 *    ChaCha20, other AES, ...; strength sort; TLS 1.2 and AEAD bumped up);
 *  - each word of the string is a rule: add (plain), move to the end (+),
 *    disable (-), delete for good (!), or a command (@STRENGTH, @SECLEVEL=n);
 *    "A+B" intersects aliases; unknown words are ignored;
 *  - the answer is the enabled suites, in list order.
 *
 * Every step moves matching suites as a block and keeps the order of the
 * rest, so the answer restricted to a subset of suites (those the linked
 * libssl has) equals libssl's own answer: checks/tests/test_cipher_diff.c
 * holds us to that.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "cipher_string.h"

/* What one word or "A+B" combination selects, as in an SSL_CIPHER alias. */
struct rule_mask {
	uint32_t id; /* one suite, or 0 */
	uint32_t mkey, auth, enc, mac, strength;
	int min_proto; /* exact minimum protocol, or 0 */
};

struct alias {
	const char *name;
	struct rule_mask mask;
};

#define ALIAS(n, k, a, e, m, p, s)                                                                 \
	{                                                                                          \
		n,                                                                                 \
		{                                                                                  \
			0, k, a, e, m, s, p                                                        \
		}                                                                                  \
	}

/*
 * OpenSSL 3.0's cipher_aliases (same names, same meaning), then the aliases
 * only 1.0.2 had for suites 3.0 dropped (EXPORT, DES, static DH/ECDH).
 */
static const struct alias aliases[] = {
	ALIAS("ALL", 0, 0, ~(uint32_t)TL_E_NULL, 0, 0, 0),
	ALIAS("COMPLEMENTOFALL", 0, 0, TL_E_NULL, 0, 0, 0),
	ALIAS("COMPLEMENTOFDEFAULT", 0, 0, 0, 0, 0, TL_S_NOT_DEFAULT),
	ALIAS("kRSA", TL_K_RSA, 0, 0, 0, 0, 0),
	ALIAS("kEDH", TL_K_DHE, 0, 0, 0, 0, 0),
	ALIAS("kDHE", TL_K_DHE, 0, 0, 0, 0, 0),
	ALIAS("DH", TL_K_DHE, 0, 0, 0, 0, 0),
	ALIAS("kEECDH", TL_K_ECDHE, 0, 0, 0, 0, 0),
	ALIAS("kECDHE", TL_K_ECDHE, 0, 0, 0, 0, 0),
	ALIAS("ECDH", TL_K_ECDHE, 0, 0, 0, 0, 0),
	ALIAS("kPSK", TL_K_PSK, 0, 0, 0, 0, 0),
	ALIAS("kRSAPSK", TL_K_RSAPSK, 0, 0, 0, 0, 0),
	ALIAS("kECDHEPSK", TL_K_ECDHEPSK, 0, 0, 0, 0, 0),
	ALIAS("kDHEPSK", TL_K_DHEPSK, 0, 0, 0, 0, 0),
	ALIAS("kSRP", TL_K_SRP, 0, 0, 0, 0, 0),
	ALIAS("kGOST", TL_K_GOST, 0, 0, 0, 0, 0),
	ALIAS("aRSA", 0, TL_A_RSA, 0, 0, 0, 0),
	ALIAS("aDSS", 0, TL_A_DSS, 0, 0, 0, 0),
	ALIAS("DSS", 0, TL_A_DSS, 0, 0, 0, 0),
	ALIAS("aNULL", 0, TL_A_NULL, 0, 0, 0, 0),
	ALIAS("aECDSA", 0, TL_A_ECDSA, 0, 0, 0, 0),
	ALIAS("ECDSA", 0, TL_A_ECDSA, 0, 0, 0, 0),
	ALIAS("aPSK", 0, TL_A_PSK, 0, 0, 0, 0),
	ALIAS("aGOST01", 0, TL_A_GOST01, 0, 0, 0, 0),
	ALIAS("aGOST12", 0, TL_A_GOST12, 0, 0, 0, 0),
	ALIAS("aGOST", 0, TL_A_GOST01 | TL_A_GOST12, 0, 0, 0, 0),
	ALIAS("aSRP", 0, TL_A_SRP, 0, 0, 0, 0),
	ALIAS("EDH", TL_K_DHE, ~(uint32_t)TL_A_NULL, 0, 0, 0, 0),
	ALIAS("DHE", TL_K_DHE, ~(uint32_t)TL_A_NULL, 0, 0, 0, 0),
	ALIAS("EECDH", TL_K_ECDHE, ~(uint32_t)TL_A_NULL, 0, 0, 0, 0),
	ALIAS("ECDHE", TL_K_ECDHE, ~(uint32_t)TL_A_NULL, 0, 0, 0, 0),
	ALIAS("NULL", 0, 0, TL_E_NULL, 0, 0, 0),
	ALIAS("RSA", TL_K_RSA, TL_A_RSA, 0, 0, 0, 0),
	ALIAS("ADH", TL_K_DHE, TL_A_NULL, 0, 0, 0, 0),
	ALIAS("AECDH", TL_K_ECDHE, TL_A_NULL, 0, 0, 0, 0),
	ALIAS("PSK", TL_K_ALL_PSK, 0, 0, 0, 0, 0),
	ALIAS("SRP", TL_K_SRP, 0, 0, 0, 0, 0),
	ALIAS("3DES", 0, 0, TL_E_TRIPLEDES, 0, 0, 0),
	ALIAS("RC4", 0, 0, TL_E_RC4, 0, 0, 0),
	ALIAS("RC2", 0, 0, TL_E_RC2, 0, 0, 0),
	ALIAS("IDEA", 0, 0, TL_E_IDEA, 0, 0, 0),
	ALIAS("SEED", 0, 0, TL_E_SEED, 0, 0, 0),
	ALIAS("eNULL", 0, 0, TL_E_NULL, 0, 0, 0),
	ALIAS("GOST", 0, 0, TL_E_GOST89 | TL_E_GOST8912, 0, 0, 0),
	ALIAS("AES128", 0, 0, TL_E_AES128 | TL_E_AES128GCM | TL_E_AES128CCM | TL_E_AES128CCM8, 0, 0,
	      0),
	ALIAS("AES256", 0, 0, TL_E_AES256 | TL_E_AES256GCM | TL_E_AES256CCM | TL_E_AES256CCM8, 0, 0,
	      0),
	ALIAS("AES", 0, 0, TL_E_AES, 0, 0, 0),
	ALIAS("AESGCM", 0, 0, TL_E_AESGCM, 0, 0, 0),
	ALIAS("AESCCM", 0, 0, TL_E_AESCCM, 0, 0, 0),
	ALIAS("AESCCM8", 0, 0, TL_E_AES128CCM8 | TL_E_AES256CCM8, 0, 0, 0),
	ALIAS("CAMELLIA128", 0, 0, TL_E_CAMELLIA128, 0, 0, 0),
	ALIAS("CAMELLIA256", 0, 0, TL_E_CAMELLIA256, 0, 0, 0),
	ALIAS("CAMELLIA", 0, 0, TL_E_CAMELLIA, 0, 0, 0),
	ALIAS("CHACHA20", 0, 0, TL_E_CHACHA20, 0, 0, 0),
	ALIAS("ARIA", 0, 0, TL_E_ARIA, 0, 0, 0),
	ALIAS("ARIAGCM", 0, 0, TL_E_ARIA, 0, 0, 0),
	ALIAS("ARIA128", 0, 0, TL_E_ARIA128GCM, 0, 0, 0),
	ALIAS("ARIA256", 0, 0, TL_E_ARIA256GCM, 0, 0, 0),
	ALIAS("CBC", 0, 0, TL_E_CBC, 0, 0, 0),
	ALIAS("MD5", 0, 0, 0, TL_M_MD5, 0, 0),
	ALIAS("SHA1", 0, 0, 0, TL_M_SHA1, 0, 0),
	ALIAS("SHA", 0, 0, 0, TL_M_SHA1, 0, 0),
	ALIAS("GOST94", 0, 0, 0, TL_M_GOST94, 0, 0),
	ALIAS("GOST89MAC", 0, 0, 0, TL_M_GOST89MAC | TL_M_GOST89MAC12, 0, 0),
	ALIAS("SHA256", 0, 0, 0, TL_M_SHA256, 0, 0),
	ALIAS("SHA384", 0, 0, 0, TL_M_SHA384, 0, 0),
	ALIAS("GOST12", 0, 0, 0, TL_M_GOST12_256, 0, 0),
	ALIAS("SSLv3", 0, 0, 0, 0, TL_CS_SSL3, 0),
	ALIAS("TLSv1", 0, 0, 0, 0, TL_CS_TLS1, 0),
	ALIAS("TLSv1.0", 0, 0, 0, 0, TL_CS_TLS1, 0),
	ALIAS("TLSv1.2", 0, 0, 0, 0, TL_CS_TLS1_2, 0),
	ALIAS("LOW", 0, 0, 0, 0, 0, TL_S_LOW),
	ALIAS("MEDIUM", 0, 0, 0, 0, 0, TL_S_MEDIUM),
	ALIAS("HIGH", 0, 0, 0, 0, 0, TL_S_HIGH),
	ALIAS("FIPS", 0, 0, ~(uint32_t)TL_E_NULL, 0, 0, TL_S_FIPS),
	/* Old names of two DHE suites, kept by OpenSSL as aliases. */
	ALIAS("EDH-DSS-DES-CBC3-SHA", TL_K_DHE, TL_A_DSS, TL_E_TRIPLEDES, TL_M_SHA1, 0,
	      TL_S_HIGH | TL_S_FIPS),
	ALIAS("EDH-RSA-DES-CBC3-SHA", TL_K_DHE, TL_A_RSA, TL_E_TRIPLEDES, TL_M_SHA1, 0,
	      TL_S_HIGH | TL_S_FIPS),
	/* OpenSSL 1.0.2 only. */
	ALIAS("EXP", 0, 0, 0, 0, 0, TL_S_EXPORT),
	ALIAS("EXPORT", 0, 0, 0, 0, 0, TL_S_EXPORT),
	ALIAS("EXPORT40", 0, 0, 0, 0, 0, TL_S_EXPORT),
	ALIAS("DES", 0, 0, TL_E_DES, 0, 0, 0),
	ALIAS("kDHr", TL_K_DH_RSA, 0, 0, 0, 0, 0),
	ALIAS("kDHd", TL_K_DH_DSS, 0, 0, 0, 0, 0),
	ALIAS("kDH", TL_K_DH_RSA | TL_K_DH_DSS, 0, 0, 0, 0, 0),
	ALIAS("aDH", 0, TL_A_DH, 0, 0, 0, 0),
	ALIAS("kECDHr", TL_K_ECDH_RSA, 0, 0, 0, 0, 0),
	ALIAS("kECDHe", TL_K_ECDH_ECDSA, 0, 0, 0, 0, 0),
	ALIAS("kECDH", TL_K_ECDH_RSA | TL_K_ECDH_ECDSA, 0, 0, 0, 0, 0),
	ALIAS("aECDH", 0, TL_A_ECDH, 0, 0, 0, 0),
};

/* OSSL_default_cipher_list() of OpenSSL 3.0, evaluated before the rest of "DEFAULT:...". */
static const char default_rules[] = "ALL:!COMPLEMENTOFDEFAULT:!eNULL";

enum rule_op {
	OP_ADD,
	OP_ORD, /* move enabled matches to the end */
	OP_DEL, /* disable, remembering the place */
	OP_KILL,
	OP_BUMP, /* move enabled matches to the front (internal only) */
	OP_SPECIAL,
};

struct node {
	const struct tl_cipher_suite *suite;
	int prev, next;
	bool active;
};

struct engine {
	struct node *nodes;
	int head, tail;
	const struct tl_cipher_suite **universe; /* what names and aliases can reach */
	size_t nuniverse;
	uint32_t have_mkey, have_auth, have_enc, have_mac;
	bool linked_only; /* aliases are what the linked libssl knows (TL_CIPHER_LINKED_ONLY) */
	struct tl_arena *arena;
	struct tl_ptrvec unknown;
	int sec_level;
	bool iana_names;
	const char *error;
};

static void
unlink_node(struct engine *e, int i)
{
	struct node *n = &e->nodes[i];

	if (n->prev >= 0)
		e->nodes[n->prev].next = n->next;
	else
		e->head = n->next;
	if (n->next >= 0)
		e->nodes[n->next].prev = n->prev;
	else
		e->tail = n->prev;
	n->prev = n->next = -1;
}

static void
append_tail(struct engine *e, int i)
{
	if (i == e->tail)
		return;
	unlink_node(e, i);
	e->nodes[i].prev = e->tail;
	if (e->tail >= 0)
		e->nodes[e->tail].next = i;
	else
		e->head = i;
	e->tail = i;
}

static void
append_head(struct engine *e, int i)
{
	if (i == e->head)
		return;
	unlink_node(e, i);
	e->nodes[i].next = e->head;
	if (e->head >= 0)
		e->nodes[e->head].prev = i;
	else
		e->tail = i;
	e->head = i;
}

static bool
matches(const struct rule_mask *m, const struct tl_cipher_suite *s)
{
	if (m->id != 0 && m->id != s->id)
		return false;
	if (m->mkey && !(m->mkey & s->mkey))
		return false;
	if (m->auth && !(m->auth & s->auth))
		return false;
	if (m->enc && !(m->enc & s->enc))
		return false;
	if (m->mac && !(m->mac & s->mac))
		return false;
	if (m->min_proto && m->min_proto != s->min_proto)
		return false;
	if ((m->strength & TL_S_STRONG_MASK) && !(m->strength & TL_S_STRONG_MASK & s->strength))
		return false;
	if ((m->strength & TL_S_DEFAULT_MASK) && !(m->strength & TL_S_DEFAULT_MASK & s->strength))
		return false;
	return true;
}

/*
 * Applies one rule to the list. Deleting and bumping walk backwards so that
 * the matched suites keep their relative order at the front. The walk stops
 * at the node that was last when it began: suites moved behind it are not
 * visited twice. STRENGTH_BITS >= 0 selects by strength instead of MASK.
 */
static void
apply_rule(struct engine *e, const struct rule_mask *mask, enum rule_op op, int strength_bits)
{
	bool reverse = op == OP_DEL || op == OP_BUMP;
	int last = reverse ? e->head : e->tail;
	int next = reverse ? e->tail : e->head;
	int curr = -1;

	while (curr != last && next >= 0) {
		struct node *n;

		curr = next;
		n = &e->nodes[curr];
		next = reverse ? n->prev : n->next;
		if (strength_bits >= 0 ? n->suite->strength_bits != strength_bits
				       : !matches(mask, n->suite))
			continue;
		switch (op) {
		case OP_ADD:
			if (!n->active) {
				append_tail(e, curr);
				n->active = true;
			}
			break;
		case OP_ORD:
			if (n->active)
				append_tail(e, curr);
			break;
		case OP_DEL:
			if (n->active) {
				append_head(e, curr);
				n->active = false;
			}
			break;
		case OP_BUMP:
			if (n->active)
				append_head(e, curr);
			break;
		case OP_KILL:
			unlink_node(e, curr);
			n->active = false;
			break;
		case OP_SPECIAL:
			break;
		}
	}
}

static void
apply(struct engine *e, uint32_t mkey, uint32_t auth, uint32_t enc, uint32_t mac, int proto,
      enum rule_op op)
{
	struct rule_mask m = {0, mkey, auth, enc, mac, 0, proto};

	apply_rule(e, &m, op, -1);
}

/* @STRENGTH: enabled suites by strength bits, strongest first, otherwise stable. */
static void
strength_sort(struct engine *e)
{
	int max_bits = 0;
	bool used[257] = {false};

	for (int i = e->head; i >= 0; i = e->nodes[i].next) {
		const struct node *n = &e->nodes[i];

		if (n->active && n->suite->strength_bits > max_bits)
			max_bits = n->suite->strength_bits;
		if (n->active)
			used[n->suite->strength_bits] = true;
	}
	for (int bits = max_bits; bits >= 0; bits--)
		if (used[bits])
			apply_rule(e, NULL, OP_ORD, bits);
}

/* The order every string starts from (ssl_create_cipher_list's preamble). */
static void
initial_order(struct engine *e)
{
	apply(e, TL_K_ECDHE, TL_A_ECDSA, 0, 0, 0, OP_ADD);
	apply(e, TL_K_ECDHE, 0, 0, 0, 0, OP_ADD);
	apply(e, TL_K_ECDHE, 0, 0, 0, 0, OP_DEL);
	apply(e, 0, 0, TL_E_AESGCM, 0, 0, OP_ADD);
	apply(e, 0, 0, TL_E_CHACHA20, 0, 0, OP_ADD);
	apply(e, 0, 0, TL_E_AES & ~(uint32_t)TL_E_AESGCM, 0, 0, OP_ADD);
	apply(e, 0, 0, 0, 0, 0, OP_ADD);
	apply(e, 0, 0, 0, TL_M_MD5, 0, OP_ORD);
	apply(e, 0, TL_A_NULL, 0, 0, 0, OP_ORD);
	apply(e, TL_K_RSA, 0, 0, 0, 0, OP_ORD);
	apply(e, TL_K_PSK, 0, 0, 0, 0, OP_ORD);
	apply(e, 0, 0, TL_E_RC4, 0, 0, OP_ORD);
	strength_sort(e);
	apply(e, 0, 0, 0, 0, TL_CS_TLS1_2, OP_BUMP);
	apply(e, 0, 0, 0, TL_M_AEAD, 0, OP_BUMP);
	apply(e, TL_K_DHE | TL_K_ECDHE, 0, 0, 0, 0, OP_BUMP);
	apply(e, TL_K_DHE | TL_K_ECDHE, 0, 0, TL_M_AEAD, 0, OP_BUMP);
	apply(e, 0, 0, 0, 0, 0, OP_DEL);
}

static bool
is_sep(char c)
{
	return c == ':' || c == ' ' || c == ';' || c == ',';
}

/*
 * The characters of a word (ssl_cipher_process_rulestr). '_' is not one
 * in OpenSSL 3.0: "ECDH_anon" is the alias ECDH followed by a character
 * it cannot deal with, an error; "FOO_BAR" is the unknown word FOO, whose
 * element is skipped. Only tlslint's IANA_NAMES extension reads it as
 * part of a word, for TLS_RSA_WITH_… names.
 */
static bool
is_word(char c, bool underscore)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '=' || (underscore && c == '_');
}

/*
 * Whether the linked libssl has alias A (index I), asked once a run.
 * libssl drops an alias when the library cannot do its algorithms, which
 * is not the same as having no suite of them: Debian's 3.0 has 3DES but
 * was built without the 3DES suites, and knows neither EXP nor EXPORT.
 * The probe is "ALL:NAME]": after a known alias ']' is an invalid
 * command, after an unknown word the rest of the element is skipped.
 */
static bool
linked_alias(size_t i, const char *name)
{
	static signed char known[sizeof(aliases) / sizeof(aliases[0])];

	if (known[i] == 0) {
		SSL_CTX *ctx = SSL_CTX_new(TLS_method());
		char probe[64];

		snprintf(probe, sizeof(probe), "ALL:%s]", name);
		known[i] = ctx != NULL && SSL_CTX_set_cipher_list(ctx, probe) == 0 ? 1 : -1;
		SSL_CTX_free(ctx);
		ERR_clear_error();
	}
	return known[i] > 0;
}

/* A suite of the universe or an alias named by the LEN bytes at WORD. */
static bool
lookup(const struct engine *e, const char *word, size_t len, struct rule_mask *out, bool *suite)
{
	for (size_t i = 0; i < e->nuniverse; i++) {
		const struct tl_cipher_suite *s = e->universe[i];

		if ((strncmp(s->name, word, len) == 0 && s->name[len] == '\0') ||
		    (e->iana_names && strncmp(s->iana, word, len) == 0 && s->iana[len] == '\0')) {
			*out = (struct rule_mask){s->id,  s->mkey,     s->auth,     s->enc,
						  s->mac, s->strength, s->min_proto};
			*suite = true;
			return true;
		}
	}
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		const struct alias *a = &aliases[i];

		if (strncmp(a->name, word, len) != 0 || a->name[len] != '\0')
			continue;
		if (e->linked_only) {
			if (!linked_alias(i, a->name))
				return false;
		} else if (
			/* Over the whole table: an alias for algorithms no suite has is none. */
			(a->mask.mkey && !(a->mask.mkey & e->have_mkey)) ||
			(a->mask.auth && !(a->mask.auth & e->have_auth)) ||
			(a->mask.enc && !(a->mask.enc & e->have_enc)) ||
			(a->mask.mac && !(a->mask.mac & e->have_mac)))
			return false;
		*out = a->mask;
		*suite = false;
		return true;
	}
	return false;
}

/* Intersects one algorithm field; false when the intersection is empty. */
static bool
narrow(uint32_t *have, uint32_t add)
{
	if (add == 0)
		return true;
	if (*have == 0) {
		*have = add;
		return true;
	}
	*have &= add;
	return *have != 0;
}

static bool
narrow_class(uint32_t *have, uint32_t add, uint32_t class_mask)
{
	if (!(add & class_mask))
		return true;
	if (!(*have & class_mask)) {
		/*
		 * libssl assigns the first strength class instead of adding it
		 * (ssl_cipher_process_rulestr), which drops a "not default" bit
		 * set before: "COMPLEMENTOFDEFAULT+FIPS" is just FIPS, while
		 * "FIPS+COMPLEMENTOFDEFAULT" is both.
		 */
		if (class_mask == TL_S_STRONG_MASK)
			*have = add & class_mask;
		else
			*have |= add & class_mask;
		return true;
	}
	*have &= (add & class_mask) | ~class_mask;
	return (*have & class_mask) != 0;
}

static int
fail(struct engine *e, const char *fmt, const char *word, size_t len)
{
	e->error = tl_arena_printf(e->arena, fmt, (int)len, word);
	return -EINVAL;
}

/* One pass over a rule string; ssl_cipher_process_rulestr's grammar. */
static int
process_rules(struct engine *e, const char *l)
{
	int rc = 0;

	while (*l != '\0') {
		enum rule_op op = OP_ADD;
		struct rule_mask m = {0};
		const char *word = l;
		size_t len = 0;
		bool found = true;
		char ch = *l;

		if (ch == '-' || ch == '+' || ch == '!' || ch == '@') {
			op = ch == '-'   ? OP_DEL
			     : ch == '+' ? OP_ORD
			     : ch == '!' ? OP_KILL
					 : OP_SPECIAL;
			l++;
		} else if (is_sep(ch)) {
			l++;
			continue;
		}
		for (;;) {
			struct rule_mask part;
			bool suite = false;
			bool multi;

			word = l;
			while (is_word(*l, e->iana_names))
				l++;
			len = (size_t)(l - word);
			if (len == 0) {
				if (*l == '\0')
					e->error =
						"cipher string ends with an operator and no word";
				else
					e->error = tl_arena_printf(
						e->arena, "invalid character '%c' in cipher string",
						*l);
				return -EINVAL;
			}
			if (op == OP_SPECIAL)
				break;
			multi = *l == '+';
			if (multi)
				l++;
			if (!lookup(e, word, len, &part, &suite)) {
				/* Named with its '_' parts: "TLS_RSA_WITH_…", not "TLS". */
				size_t shown = len;

				while (is_word(word[shown], true))
					shown++;
				tl_ptrvec_push(e->arena, &e->unknown,
					       tl_arena_strndup(e->arena, word, shown));
				found = false;
				break;
			}
			if (!narrow(&m.mkey, part.mkey) || !narrow(&m.auth, part.auth) ||
			    !narrow(&m.enc, part.enc) || !narrow(&m.mac, part.mac) ||
			    !narrow_class(&m.strength, part.strength, TL_S_STRONG_MASK) ||
			    !narrow_class(&m.strength, part.strength, TL_S_DEFAULT_MASK)) {
				found = false;
				break;
			}
			if (suite) {
				/* A named suite's protocol is not part of the pattern. */
				m.id = part.id;
			} else if (part.min_proto != 0) {
				if (m.min_proto != 0 && m.min_proto != part.min_proto) {
					found = false;
					break;
				}
				m.min_proto = part.min_proto;
			}
			if (!multi)
				break;
		}
		if (op == OP_SPECIAL) {
			if (len == 8 && strncmp(word, "STRENGTH", 8) == 0) {
				strength_sort(e);
			} else if (len == 10 && strncmp(word, "SECLEVEL=", 9) == 0 &&
				   word[9] >= '0' && word[9] <= '5') {
				e->sec_level = word[9] - '0';
			} else {
				/* libssl goes on, but the whole string is refused. */
				rc = fail(e, "unknown cipher string command '@%.*s'", word, len);
			}
		} else if (found) {
			apply_rule(e, &m, op, -1);
		}
		/* The rest of an ignored or special word, up to the next separator. */
		if (op == OP_SPECIAL || !found)
			while (*l != '\0' && !is_sep(*l))
				l++;
	}
	return rc;
}

/*
 * Suite B (RFC 6460): a string that begins with one of these names is
 * replaced as a whole by the suites of that mode, whatever follows
 * (check_suiteb_cipher_list in libssl's ssl_ciph.c, before any rule is
 * read). The longer names are tested first, as libssl does.
 */
static const char *
suite_b(const char *str)
{
	static const struct {
		const char *prefix;
		const char *suites;
	} modes[] = {
		{"SUITEB128ONLY", "ECDHE-ECDSA-AES128-GCM-SHA256"},
		{"SUITEB128C2", "ECDHE-ECDSA-AES256-GCM-SHA384"},
		{"SUITEB128", "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384"},
		{"SUITEB192", "ECDHE-ECDSA-AES256-GCM-SHA384"},
	};

	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (strncmp(str, modes[i].prefix, strlen(modes[i].prefix)) == 0)
			return modes[i].suites;
	return str;
}

int
tl_cipher_string_eval(struct tl_arena *arena, const char *str, unsigned flags,
		      struct tl_cipher_list *out, const char **error)
{
	struct engine e = {0};
	const char *rest = str;
	int rc = 0;
	int n = 0;

	memset(out, 0, sizeof(*out));
	out->sec_level = -1;
	e.arena = arena;
	e.sec_level = -1;
	e.iana_names = (flags & TL_CIPHER_IANA_NAMES) != 0;
	e.linked_only = (flags & TL_CIPHER_LINKED_ONLY) != 0;
	e.nodes = tl_arena_calloc(arena, tl_cipher_suites_count, sizeof(*e.nodes));
	e.universe = tl_arena_calloc(arena, tl_cipher_suites_count, sizeof(*e.universe));
	e.head = e.tail = -1;
	/* libssl's starting list: its id-sorted suite table read from the end. */
	for (size_t i = tl_cipher_suites_count; i-- > 0;) {
		const struct tl_cipher_suite *s = &tl_cipher_suites[i];

		if (s->min_proto == TL_CS_TLS1_3)
			continue;
		if ((flags & TL_CIPHER_LINKED_ONLY) && !tl_cipher_suite_linked(s))
			continue;
		e.universe[e.nuniverse++] = s;
		e.have_mkey |= s->mkey;
		e.have_auth |= s->auth;
		e.have_enc |= s->enc;
		e.have_mac |= s->mac;
		e.nodes[n] = (struct node){s, n - 1, -1, false};
		if (n > 0)
			e.nodes[n - 1].next = n;
		n++;
	}
	if (n > 0) {
		e.head = 0;
		e.tail = n - 1;
	}
	initial_order(&e);

	str = suite_b(str);
	rest = str;
	/* "DEFAULT" counts only at the very start, as in libssl. */
	if (strncmp(str, "DEFAULT", 7) == 0) {
		rc = process_rules(&e, default_rules);
		rest = str + 7;
		if (*rest == ':')
			rest++;
	}
	if (rc == 0 && *rest != '\0')
		rc = process_rules(&e, rest);

	out->unknown = (const char **)e.unknown.items;
	out->nunknown = e.unknown.len;
	out->sec_level = e.sec_level;
	if (rc != 0) {
		*error = e.error;
		return rc;
	}
	out->suites = tl_arena_calloc(arena, (size_t)n + 1, sizeof(*out->suites));
	for (int i = e.head; i >= 0; i = e.nodes[i].next)
		if (e.nodes[i].active)
			out->suites[out->len++] = e.nodes[i].suite;
	if (out->len == 0) {
		*error = "the cipher string enables no cipher suite";
		return -ENOENT;
	}
	return 0;
}

/* Blanks as CONF_parse_list() trims them around each element (isspace in the C locale). */
static bool
list_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/*
 * As SSL_CTX_set_ciphersuites() in OpenSSL 3.0 (ssl_ciph.c, ciphersuite_cb):
 * each element, blanks trimmed, is looked up by its standard (IANA) name
 * among every suite the library has, TLS 1.2 suites and signalling values
 * included; names it lacks, and names of 80 bytes or more, are skipped; a
 * non-empty list where nothing was found is "no cipher match". Only the
 * TLS 1.3 suites of the list are ever negotiated from it, so only they
 * are listed, each once. Whether the library has a TLS 1.2 suite by that
 * name is asked of the linked libssl (OPENSSL_cipher_name).
 */
int
tl_ciphersuites_eval(struct tl_arena *arena, const char *str, struct tl_cipher_list *out,
		     const char **error)
{
	const char *p = str;
	struct tl_ptrvec unknown = {0};
	bool found = false;

	memset(out, 0, sizeof(*out));
	out->sec_level = -1;
	out->suites = tl_arena_calloc(arena, 8, sizeof(*out->suites));
	while (*p != '\0') {
		size_t len = strcspn(p, ":");
		const char *next = p + len + (p[len] == ':');
		const struct tl_cipher_suite *s = NULL;
		const char *name;
		bool dup = false, looked_up;

		while (len > 0 && list_blank(*p)) {
			p++;
			len--;
		}
		while (len > 0 && list_blank(p[len - 1]))
			len--;
		name = tl_arena_strndup(arena, p, len);
		/* Longer names are skipped unread (ciphersuite_cb's buffer is 80 bytes). */
		looked_up = len > 0 && len < 80;
		if (looked_up) {
			s = tl_cipher_suite_by_name(name);
			if (s != NULL &&
			    (s->min_proto != TL_CS_TLS1_3 || strcmp(s->iana, name) != 0))
				s = NULL;
		}
		if (s != NULL) {
			found = true;
			for (size_t i = 0; i < out->len; i++)
				dup |= out->suites[i] == s;
			if (!dup && out->len < 7)
				out->suites[out->len++] = s;
		} else if (looked_up && strcmp(OPENSSL_cipher_name(name), "(NONE)") != 0) {
			/* A TLS 1.2 suite or a signalling value: kept by libssl, never chosen. */
			found = true;
		} else if (len > 0) {
			tl_ptrvec_push(arena, &unknown, (void *)name);
		}
		p = next;
	}
	out->unknown = (const char **)unknown.items;
	out->nunknown = unknown.len;
	if (*str != '\0' && !found) {
		*error = "no TLS 1.3 cipher suite the library knows (no cipher match)";
		return -ENOENT;
	}
	return 0;
}

struct cache_entry {
	int rc;
	const char *error;
	struct tl_cipher_list list;
};

void
tl_cipher_cache_init(struct tl_cipher_cache *cache, struct tl_arena *arena)
{
	cache->arena = arena;
	cache->evaluations = 0;
	tl_strmap_init(&cache->map, arena);
	tl_ptrmap_init(&cache->by_pointer, arena);
}

int
tl_cipher_cache_eval(struct tl_cipher_cache *cache, const char *str, unsigned flags,
		     const struct tl_cipher_list **out, const char **error)
{
	char small[512];
	const char *key = small;
	struct cache_entry *entry;

	/*
	 * Sites that inherit a string share its very pointer: found without
	 * hashing the string, which may be megabytes long.
	 */
	entry = tl_ptrmap_get(&cache->by_pointer, str, (const void *)(uintptr_t)(flags + 1));
	if (entry == NULL) {
		/* A hit must not allocate: build the key on the stack when it fits. */
		if ((size_t)snprintf(small, sizeof(small), "%x:%s", flags, str) >= sizeof(small))
			key = tl_arena_printf(cache->arena, "%x:%s", flags, str);
		entry = tl_strmap_get(&cache->map, key);
		if (entry == NULL) {
			entry = tl_arena_alloc(cache->arena, sizeof(*entry));
			entry->rc = tl_cipher_string_eval(cache->arena, str, flags, &entry->list,
							  &entry->error);
			tl_strmap_put(&cache->map, key, entry);
			cache->evaluations++;
		}
		tl_ptrmap_put(&cache->by_pointer, str, (const void *)(uintptr_t)(flags + 1), entry);
	}
	*out = &entry->list;
	if (entry->rc != 0)
		*error = entry->error;
	return entry->rc;
}
