/*
 * 'tlslint ciphers STRING' (SPEC §6): evaluates the string with the
 * cipher-string engine and prints every suite it enables in server
 * preference order, with what the checks would say about each. The order
 * equals 'openssl ciphers -v STRING' for the suites the linked OpenSSL has;
 * the others (RC4, 3DES, DES, EXPORT, ...) are listed where a server with
 * an older OpenSSL would place them.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../checks/cipher_string.h"
#include "ciphers_cmd.h"
#include "policy.h"
#include "policy_file.h"

struct row {
	const struct tl_cipher_suite *suite;
	char enc[32];
	char flags[64];
	bool in_profile;
};

static bool
in_list(const char *const *list, const char *name)
{
	for (; list != NULL && *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return true;
	return false;
}

static void
fill_row(struct row *r, const struct tl_cipher_suite *s, const struct tl_policy *policy)
{
	unsigned c = tl_cipher_suite_classes(s);
	size_t n = 0;

	r->suite = s;
	if (s->enc & TL_E_NULL)
		snprintf(r->enc, sizeof(r->enc), "None");
	else
		snprintf(r->enc, sizeof(r->enc), "%s(%d)", tl_cipher_enc_name(s),
			 (s->strength & TL_S_EXPORT) ? s->strength_bits : s->alg_bits);
	r->in_profile = policy != NULL && in_list(policy->ciphers, s->name);
	r->flags[0] = '\0';
#define FLAG(cond, name)                                                                           \
	if (cond)                                                                                  \
	n += (size_t)snprintf(r->flags + n, sizeof(r->flags) - n, "%s%s", n ? "," : "", name)
	FLAG(c & TL_CC_INSECURE, "insecure");
	FLAG(!(c & TL_CC_PFS), "no-pfs");
	FLAG(c & TL_CC_CBC, "cbc");
	FLAG(c & TL_CC_SHA1, "sha1");
	FLAG(r->in_profile, "in-profile");
	if (n == 0)
		snprintf(r->flags, sizeof(r->flags), "-");
#undef FLAG
}

static void
json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(out, "\\%c", *s);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

static void
write_json(FILE *out, const struct row *rows, size_t n)
{
	fputs("[", out);
	for (size_t i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		const struct tl_cipher_suite *s = r->suite;
		unsigned c = tl_cipher_suite_classes(s);
		bool first = true;

		fputs(i ? ",\n " : "\n ", out);
		fputs("{\"name\": ", out);
		json_string(out, s->name);
		fputs(", \"iana\": ", out);
		json_string(out, s->iana);
		fprintf(out, ", \"code\": \"0x%04X\", \"protocol\": ", (unsigned)(s->id & 0xffff));
		json_string(out, tl_cipher_proto_name(s->min_proto));
		fputs(", \"kx\": ", out);
		json_string(out, tl_cipher_kx_name(s));
		fputs(", \"auth\": ", out);
		json_string(out, tl_cipher_auth_name(s));
		fputs(", \"enc\": ", out);
		json_string(out, r->enc);
		fputs(", \"mac\": ", out);
		json_string(out, tl_cipher_mac_name(s));
		fprintf(out, ", \"bits\": %d, \"flags\": [", s->strength_bits);
		for (const char *p = r->flags; *p != '\0' && *p != '-';) {
			size_t len = strcspn(p, ",");

			fprintf(out, "%s\"%.*s\"", first ? "" : ", ", (int)len, p);
			first = false;
			p += len + (p[len] == ',');
		}
		fprintf(out,
			"], \"insecure\": %s, \"pfs\": %s, \"in_profile\": %s, "
			"\"in_linked_openssl\": %s}",
			(c & TL_CC_INSECURE) ? "true" : "false", (c & TL_CC_PFS) ? "true" : "false",
			r->in_profile ? "true" : "false",
			tl_cipher_suite_linked(s) ? "true" : "false");
	}
	fputs(n ? "\n]\n" : "]\n", out);
}

static void
write_text(FILE *out, const struct row *rows, size_t n)
{
	static const char *const head[] = {"NAME", "IANA NAME", "PROTO", "KX",   "AUTH",
					   "ENC",  "MAC",       "BITS",  "FLAGS"};
	int w[9];

	for (int k = 0; k < 9; k++)
		w[k] = (int)strlen(head[k]);
	for (size_t i = 0; i < n; i++) {
		const struct tl_cipher_suite *s = rows[i].suite;
		const char *col[] = {s->name,
				     s->iana,
				     tl_cipher_proto_name(s->min_proto),
				     tl_cipher_kx_name(s),
				     tl_cipher_auth_name(s),
				     rows[i].enc,
				     tl_cipher_mac_name(s)};

		for (int k = 0; k < 7; k++)
			if ((int)strlen(col[k]) > w[k])
				w[k] = (int)strlen(col[k]);
	}
	fprintf(out, "%-*s  %-*s  %-*s  %-*s  %-*s  %-*s  %-*s  %4s  %s\n", w[0], head[0], w[1],
		head[1], w[2], head[2], w[3], head[3], w[4], head[4], w[5], head[5], w[6], head[6],
		head[7], head[8]);
	for (size_t i = 0; i < n; i++) {
		const struct tl_cipher_suite *s = rows[i].suite;

		fprintf(out, "%-*s  %-*s  %-*s  %-*s  %-*s  %-*s  %-*s  %4d  %s\n", w[0], s->name,
			w[1], s->iana, w[2], tl_cipher_proto_name(s->min_proto), w[3],
			tl_cipher_kx_name(s), w[4], tl_cipher_auth_name(s), w[5], rows[i].enc, w[6],
			tl_cipher_mac_name(s), s->strength_bits, rows[i].flags);
	}
}

int
tl_ciphers_run(struct tl_arena *arena, const struct tl_options *opts, FILE *out, FILE *err)
{
	const char *error = NULL;
	const struct tl_policy *policy = tl_policy_resolve(arena, opts->profile, &error);
	struct tl_cipher_list list;
	struct row *rows;
	size_t missing = 0;
	int rc;

	if (opts->format != TL_FORMAT_TEXT && opts->format != TL_FORMAT_JSON) {
		fprintf(err, "tlslint: 'ciphers' writes text or json only\n");
		return 2;
	}
	/* "in-profile" follows a custom policy's cipher list too. */
	if (policy != NULL && opts->policy_file != NULL) {
		policy = tl_policy_load(arena, opts->policy_file, policy, &error);
		if (policy == NULL) {
			fprintf(err, "tlslint: %s\n", error);
			return 2;
		}
	}
	rc = tl_cipher_string_eval(arena, opts->cipher_string, 0, &list, &error);
	for (size_t i = 0; i < list.nunknown; i++)
		fprintf(err,
			"tlslint: warning: '%s' names no cipher suite or alias; OpenSSL "
			"ignores it\n",
			list.unknown[i]);
	if (rc != 0) {
		fprintf(err, "tlslint: %s: '%s'\n", error, opts->cipher_string);
		if (rc == -ENOENT)
			fprintf(err, "hint: a server given this string refuses to start (OpenSSL: "
				     "no cipher match)\n");
		return 2;
	}
	rows = tl_arena_calloc(arena, list.len, sizeof(*rows));
	for (size_t i = 0; i < list.len; i++) {
		fill_row(&rows[i], list.suites[i], policy);
		missing += !tl_cipher_suite_linked(list.suites[i]);
	}
	if (opts->output != NULL) {
		out = fopen(opts->output, "w");
		if (out == NULL) {
			fprintf(err, "tlslint: cannot write '%s': %s\n", opts->output,
				strerror(errno));
			return 2;
		}
	}
	if (opts->format == TL_FORMAT_JSON) {
		write_json(out, rows, list.len);
	} else {
		write_text(out, rows, list.len);
		if (!opts->quiet) {
			fprintf(out, "\n%zu suites", list.len);
			if (missing > 0)
				fprintf(out, ", %zu of them not in the linked %s", missing,
					"OpenSSL (older releases have them)");
			fprintf(out, "; TLS 1.3 suites are configured apart and always offered\n");
		}
	}
	if (out != stdout && fclose(out) != 0) {
		fprintf(err, "tlslint: cannot write '%s': %s\n", opts->output, strerror(errno));
		return 2;
	}
	return 0;
}
