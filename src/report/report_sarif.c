/*
 * The sarif report: SARIF 2.1.0 with one run, one rule per registry check
 * and one result per finding, for GitHub code scanning and other SARIF
 * viewers. Only standard properties are written; GitHub rejects uploads
 * that do not validate against the schema, and `make check` runs the SARIF
 * multitool's validator, GitHub's rules included, on real outputs
 * (testdata/cli/sarif.sh).
 *
 * Every artifact URI is relative to a base (docs/design.md "SARIF
 * locations"): SRCROOT, the --root directory or else the current one, or
 * FSROOT, the file system root, for a file outside SRCROOT. The bases are
 * defined in run.originalUriBaseIds, so no location is an absolute URI
 * and a consumer that knows where the checkout is (GitHub resolves
 * relative URIs against the repository root) needs nothing else.
 */
#include <openssl/evp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../catalogue.h"
#include "../check_pages.h"
#include "../strmap.h"
#include "base_path.h"
#include "fingerprint.h"
#include "json_writer.h"
#include "report_internal.h"

#define SRCROOT "SRCROOT"
#define FSROOT "FSROOT"
/* The key of partialFingerprints: versioned, as SARIF §3.27.17 asks, in case the key changes. */
#define FINGERPRINT_KEY "tlslintFinding/v1"

static const char *const sarif_level[] = {
	[TL_SEV_INFO] = "note",
	[TL_SEV_WARNING] = "warning",
	[TL_SEV_ERROR] = "error",
};

struct sarif {
	struct tl_json json;
	struct tl_arena *arena;
	struct tl_base base;           /* SRCROOT; a file outside it is under FSROOT */
	struct tl_strmap fingerprints; /* hash -> size_t * results with it so far */
};

struct place_uri {
	const char *base_id;
	const char *uri; /* relative to base_id, not yet percent-encoded */
};

static const char *
level_of(enum tl_severity sev)
{
	return sev <= TL_SEV_ERROR ? sarif_level[sev] : "none";
}

/* {"text": TEXT}, SARIF's message and multiformatMessageString objects. */
static void
member_text(struct tl_json *json, const char *key, const char *text)
{
	tl_json_key(json, key);
	tl_json_object_begin(json);
	tl_json_member_string(json, "text", text);
	tl_json_object_end(json);
}

static struct place_uri
place_uri(struct sarif *s, const char *path, bool deployed)
{
	struct tl_based_path p = tl_base_place(&s->base, path, deployed);

	return (struct place_uri){p.inside ? SRCROOT : FSROOT, p.rel};
}

/*
 * A path as a URI reference: a space or '%' is percent-encoded, and so is
 * ':' lest "c:x.conf" read as a scheme. WITH_SCHEME makes an absolute
 * file URI of an absolute path.
 */
static void
member_uri(struct tl_json *json, const char *key, const char *path, bool with_scheme)
{
	static const char keep[] = "-._~/!$&'()*+,;=@";
	static const char hex[] = "0123456789ABCDEF";
	char *buf = malloc(3 * strlen(path) + 16);
	size_t n = 0;

	if (buf == NULL)
		tl_out_of_memory();
	if (with_scheme) {
		memcpy(buf, "file://", 7);
		n = 7;
	}
	for (const unsigned char *p = (const unsigned char *)path; *p != '\0'; p++) {
		bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			     (*p >= '0' && *p <= '9') || strchr(keep, *p) != NULL;

		if (plain) {
			buf[n++] = (char)*p;
		} else {
			buf[n++] = '%';
			buf[n++] = hex[*p >> 4];
			buf[n++] = hex[*p & 15];
		}
	}
	buf[n] = '\0';
	tl_json_member_string(json, key, buf);
	free(buf);
}

static void
write_artifact(struct sarif *s, const char *path, bool deployed)
{
	struct place_uri u = place_uri(s, path, deployed);

	tl_json_key(&s->json, "artifactLocation");
	tl_json_object_begin(&s->json);
	member_uri(&s->json, "uri", u.uri, false);
	tl_json_member_string(&s->json, "uriBaseId", u.base_id);
	tl_json_object_end(&s->json);
}

static void
member_snippet(struct tl_json *json, const char *text, size_t len)
{
	char *copy = strndup(text, len);

	tl_json_key(json, "snippet");
	tl_json_object_begin(json);
	tl_json_member_string(json, "text", copy != NULL ? copy : "");
	tl_json_object_end(json);
	free(copy);
}

/* A physicalLocation: the file, the directive's span and its whole line as context. */
static void
write_physical(struct sarif *s, const struct tl_loc *loc)
{
	struct tl_place p;
	size_t start;
	unsigned col;

	tl_place_of(loc, &p);
	start = p.col - 1 < p.text_len ? p.col - 1 : p.text_len;
	/* An offset past the end of its line counts the missing bytes as columns. */
	col = (unsigned)tl_utf8_code_points(p.text, start) + 1 + (unsigned)(p.col - 1 - start);
	tl_json_key(&s->json, "physicalLocation");
	tl_json_object_begin(&s->json);
	/* Standard input (an nginx -T dump names the files as deployed) has no disk path. */
	write_artifact(s, loc->src->path, loc->src->disk_path == NULL);
	tl_json_key(&s->json, "region");
	tl_json_object_begin(&s->json);
	tl_json_member_uint(&s->json, "startLine", p.line);
	tl_json_member_uint(&s->json, "startColumn", col);
	/* endColumn is exclusive; an empty span still marks one column. */
	tl_json_member_uint(
		&s->json, "endColumn",
		col + (p.span > 0 ? (unsigned)tl_utf8_code_points(p.text + start, p.span) : 1));
	member_snippet(&s->json, p.text + start, p.span);
	tl_json_object_end(&s->json);
	tl_json_key(&s->json, "contextRegion");
	tl_json_object_begin(&s->json);
	tl_json_member_uint(&s->json, "startLine", p.line);
	tl_json_member_uint(&s->json, "endLine", p.line);
	member_snippet(&s->json, p.text, p.text_len);
	tl_json_object_end(&s->json);
	tl_json_object_end(&s->json);
}

/* "cert-expired" as "CertExpired", the Pascal-case friendly name SARIF §3.49.7 suggests. */
static const char *
friendly_name(struct tl_arena *arena, const char *id)
{
	char *out = tl_arena_alloc(arena, strlen(id) + 1);
	size_t n = 0;
	bool upper = true;

	for (const char *p = id; *p != '\0'; p++) {
		if (*p == '-' || *p == '.' || *p == '_') {
			upper = true;
			continue;
		}
		out[n++] = upper && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
		upper = false;
	}
	out[n] = '\0';
	return out;
}

/*
 * helpUri is an absolute URI because the schema types it "format": "uri";
 * it is the docs/checks/<id>.md page of the repository. help.markdown is
 * the same page as compiled in (what `tlslint explain` prints), which
 * GitHub shows beside every alert of the rule.
 */
static void
write_rule(struct sarif *s, const struct tl_check_info *c)
{
	struct tl_json *json = &s->json;
	const char *page = tl_check_page(c->name);
	char docs[256];
	char text[1024];

	tl_check_docs_path(c->name, docs, sizeof(docs));
	tl_json_object_begin(json);
	tl_json_member_string(json, "id", c->name);
	tl_json_member_string(json, "name", friendly_name(s->arena, c->name));
	member_text(json, "shortDescription", c->summary);
	snprintf(text, sizeof(text), "%s check '%s': fires when %s", c->family, c->name,
		 c->summary);
	member_text(json, "fullDescription", text);
	snprintf(text, sizeof(text), "%s/blob/main/%s", TL_INFORMATION_URI, docs);
	tl_json_member_string(json, "helpUri", text);
	tl_json_key(json, "help");
	tl_json_object_begin(json);
	snprintf(text, sizeof(text), "%s; 'tlslint explain %s' prints the full page (%s)",
		 c->summary, c->name, docs);
	tl_json_member_string(json, "text", text);
	if (page != NULL)
		tl_json_member_string(json, "markdown", page);
	tl_json_object_end(json);
	tl_json_key(json, "defaultConfiguration");
	tl_json_object_begin(json);
	tl_json_member_string(json, "level", level_of(c->severity));
	tl_json_object_end(json);
	tl_json_key(json, "properties");
	tl_json_object_begin(json);
	tl_json_key(json, "tags");
	tl_json_array_begin(json);
	tl_json_string(json, c->family);
	tl_json_array_end(json);
	tl_json_object_end(json);
	tl_json_object_end(json);
}

/*
 * partialFingerprints: a hash of the baseline key (check, file as located
 * here, the directive's line with blanks collapsed), so moving the line
 * keeps the alert and re-indenting it too. The Nth result with the same
 * key gets ":N", as two equal mistakes in one file are two alerts.
 */
static const char *
fingerprint(struct sarif *s, const struct tl_finding *f)
{
	const char *file = "";
	const char *key;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	char hex[33];
	size_t *count;

	if (f->loc.src != NULL) {
		struct place_uri u = place_uri(s, f->loc.src->path, f->loc.src->disk_path == NULL);

		file = tl_arena_printf(s->arena, "%s:%s", u.base_id, u.uri);
	}
	key = tl_finding_key(s->arena, f->check, file, tl_finding_line_text(s->arena, f));
	if (EVP_Digest(key, strlen(key), md, &mdlen, EVP_sha256(), NULL) != 1 || mdlen < 16)
		return NULL;
	for (size_t i = 0; i < 16; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	count = tl_strmap_get(&s->fingerprints, hex);
	if (count == NULL) {
		count = tl_arena_calloc(s->arena, 1, sizeof(*count));
		tl_strmap_put(&s->fingerprints, tl_arena_strdup(s->arena, hex), count);
	}
	++*count;
	return tl_arena_printf(s->arena, "%s:%zu", hex, *count);
}

/*
 * The related entries: a place in a config with its region, a file (a
 * certificate, as a config names it) without one, or only a message (the
 * other sites of a merged finding).
 */
static void
write_related(struct sarif *s, const struct tl_finding *f)
{
	if (f->related.len == 0)
		return;
	tl_json_key(&s->json, "relatedLocations");
	tl_json_array_begin(&s->json);
	for (size_t i = 0; i < f->related.len; i++) {
		const struct tl_related *r = f->related.items[i];

		tl_json_object_begin(&s->json);
		tl_json_member_uint(&s->json, "id", i + 1);
		if (r->loc.src != NULL) {
			write_physical(s, &r->loc);
		} else if (r->file != NULL) {
			tl_json_key(&s->json, "physicalLocation");
			tl_json_object_begin(&s->json);
			write_artifact(s, r->file, true);
			tl_json_object_end(&s->json);
		}
		member_text(&s->json, "message", r->message);
		tl_json_object_end(&s->json);
	}
	tl_json_array_end(&s->json);
}

static void
write_result(struct sarif *s, const struct tl_finding *f, const struct tl_check_info *rules)
{
	const struct tl_check_info *rule = tl_check_by_name(f->check);
	struct tl_json *json = &s->json;
	const char *fp = fingerprint(s, f);

	tl_json_object_begin(json);
	tl_json_member_string(json, "ruleId", f->check);
	/* A finding of a check the registry does not know still has a ruleId. */
	if (rule != NULL)
		tl_json_member_uint(json, "ruleIndex", (unsigned long long)(rule - rules));
	tl_json_member_string(json, "level", level_of(f->severity));
	/* The edit goes with the message: GitHub shows the message text alone. */
	member_text(json, "message",
		    f->fix != NULL ? tl_arena_printf(s->arena, "%s\n\nFix: %s", f->message, f->fix)
				   : f->message);
	/* Every check places its findings (SPEC §3); one without a place has no location. */
	if (f->loc.src != NULL) {
		tl_json_key(json, "locations");
		tl_json_array_begin(json);
		tl_json_object_begin(json);
		write_physical(s, &f->loc);
		tl_json_object_end(json);
		tl_json_array_end(json);
	}
	write_related(s, f);
	if (fp != NULL) {
		tl_json_key(json, "partialFingerprints");
		tl_json_object_begin(json);
		tl_json_member_string(json, FINGERPRINT_KEY, fp);
		tl_json_object_end(json);
	}
	if (f->server != NULL || f->site != NULL || f->fix != NULL || f->sites.len > 0) {
		tl_json_key(json, "properties");
		tl_json_object_begin(json);
		if (f->server != NULL)
			tl_json_member_string(json, "server", f->server);
		/* As in JSON: a finding at an outer level is that level's, with its sites. */
		if (f->site != NULL && f->scope == NULL)
			tl_json_member_string(json, "site", f->site);
		tl_json_finding_sites(json, f);
		if (f->fix != NULL)
			tl_json_member_string(json, "fix", f->fix);
		tl_json_object_end(json);
	}
	tl_json_object_end(json);
}

/* NAME: {"uri": "file:///DIR/"}; DIR is absolute and normalized. */
static void
write_base(struct sarif *s, const char *name, const char *dir)
{
	tl_json_key(&s->json, name);
	tl_json_object_begin(&s->json);
	member_uri(&s->json, "uri", tl_arena_printf(s->arena, "%s/", dir), true);
	tl_json_object_end(&s->json);
}

/* The run's notes (what it assumed) as notifications of a successful invocation. */
static void
write_invocation(struct sarif *s, const struct tl_diag *diag)
{
	struct tl_json *json = &s->json;

	tl_json_key(json, "invocations");
	tl_json_array_begin(json);
	tl_json_object_begin(json);
	/* Findings are results, not failures: the run itself succeeded. */
	tl_json_key(json, "executionSuccessful");
	tl_json_bool(json, true);
	if (diag->notes.len > 0) {
		tl_json_key(json, "toolExecutionNotifications");
		tl_json_array_begin(json);
		for (size_t i = 0; i < diag->notes.len; i++) {
			tl_json_object_begin(json);
			tl_json_member_string(json, "level", "note");
			member_text(json, "message", diag->notes.items[i]);
			tl_json_object_end(json);
		}
		tl_json_array_end(json);
	}
	tl_json_object_end(json);
	tl_json_array_end(json);
}

static void
write_driver(struct sarif *s, const struct tl_check_info *rules, size_t nrules)
{
	struct tl_json *json = &s->json;

	tl_json_key(json, "tool");
	tl_json_object_begin(json);
	tl_json_key(json, "driver");
	tl_json_object_begin(json);
	tl_json_member_string(json, "name", "tlslint");
	tl_json_member_string(json, "fullName",
			      "tlslint " TL_VERSION ", the TLS configuration linter for nginx, "
			      "Apache httpd and HAProxy");
	tl_json_member_string(json, "version", TL_VERSION);
	tl_json_member_string(json, "semanticVersion", TL_VERSION);
	tl_json_member_string(json, "informationUri", TL_INFORMATION_URI);
	tl_json_key(json, "rules");
	tl_json_array_begin(json);
	for (size_t i = 0; i < nrules; i++)
		write_rule(s, &rules[i]);
	tl_json_array_end(json);
	tl_json_object_end(json);
	tl_json_object_end(json);
}

void
tl_report_sarif(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info)
{
	size_t nrules;
	const struct tl_check_info *rules = tl_catalogue(&nrules);
	struct sarif s = {0};
	struct tl_json *json = &s.json;

	s.arena = tl_arena_new();
	tl_base_init(&s.base, s.arena, info->root);
	tl_strmap_init(&s.fingerprints, s.arena);

	tl_json_init(json, out);
	tl_json_object_begin(json);
	tl_json_member_string(json, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	tl_json_member_string(json, "version", "2.1.0");
	tl_json_key(json, "runs");
	tl_json_array_begin(json);
	tl_json_object_begin(json);
	write_driver(&s, rules, nrules);
	/*
	 * GitHub takes what precedes the last '/' as the analysis category:
	 * one per tool, so a new run replaces the alerts of the last one
	 * (upload-sarif's 'category' input tells two tlslint jobs apart).
	 */
	tl_json_key(json, "automationDetails");
	tl_json_object_begin(json);
	tl_json_member_string(json, "id", "tlslint/");
	tl_json_object_end(json);
	write_invocation(&s, diag);
	tl_json_member_string(json, "columnKind", "unicodeCodePoints");
	tl_json_key(json, "results");
	tl_json_array_begin(json);
	for (size_t i = 0; i < diag->findings.len; i++)
		write_result(&s, diag->findings.items[i], rules);
	tl_json_array_end(json);
	/* After the results, which tell whether a file outside SRCROOT needed FSROOT. */
	tl_json_key(json, "originalUriBaseIds");
	tl_json_object_begin(json);
	write_base(&s, SRCROOT, s.base.base);
	if (s.base.outside_used)
		write_base(&s, FSROOT, "");
	tl_json_object_end(json);
	/* What the run measured against, as in JSON: a gate pins it (--profile NAME@VERSION). */
	if (info->profile != NULL) {
		tl_json_key(json, "properties");
		tl_json_object_begin(json);
		tl_json_member_string(json, "profile", info->profile);
		if (info->profile_version != NULL)
			tl_json_member_string(json, "profile_version", info->profile_version);
		tl_json_object_end(json);
	}
	tl_json_object_end(json);
	tl_json_array_end(json);
	tl_json_object_end(json);
	tl_json_finish(json);
	tl_arena_free(s.arena);
}
