/*
 * The sarif report: SARIF 2.1.0 with one run, one rule per registry check
 * and one result per finding, for GitHub code scanning and other SARIF
 * viewers. Only standard properties are written; GitHub rejects uploads
 * that do not validate against the schema.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../catalogue.h"
#include "json_writer.h"
#include "report_internal.h"

static const char *const sarif_level[] = {
	[TL_SEV_INFO] = "note",
	[TL_SEV_WARNING] = "warning",
	[TL_SEV_ERROR] = "error",
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

/*
 * A file path as a URI reference: artifactLocation.uri must be one, so a
 * space or '%' in a path is percent-encoded, and so is ':' lest "c:x.conf"
 * read as a scheme. Relative paths stay relative; GitHub resolves them
 * against the repository root.
 */
static void
member_uri(struct tl_json *json, const char *key, const char *path)
{
	static const char keep[] = "-._~/!$&'()*+,;=@";
	static const char hex[] = "0123456789ABCDEF";
	char *buf = malloc(3 * strlen(path) + 1);
	size_t n = 0;

	if (buf == NULL) {
		tl_json_member_string(json, key, path);
		return;
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

/*
 * helpUri is an absolute URI because the schema types it "format": "uri";
 * it is the docs/checks/<id>.md page of the repository. help.text says
 * how to read the same page offline: every tlslint has it compiled in.
 */
static void
write_rule(struct tl_json *json, const struct tl_check_info *c)
{
	char docs[256];
	char text[1024];

	tl_check_docs_path(c->name, docs, sizeof(docs));
	tl_json_object_begin(json);
	tl_json_member_string(json, "id", c->name);
	member_text(json, "shortDescription", c->summary);
	snprintf(text, sizeof(text), "%s check '%s': fires when %s", c->family, c->name,
		 c->summary);
	member_text(json, "fullDescription", text);
	snprintf(text, sizeof(text), "%s/blob/main/%s", TL_INFORMATION_URI, docs);
	tl_json_member_string(json, "helpUri", text);
	snprintf(text, sizeof(text), "%s; 'tlslint explain %s' prints the full page (%s)",
		 c->summary, c->name, docs);
	member_text(json, "help", text);
	tl_json_key(json, "defaultConfiguration");
	tl_json_object_begin(json);
	tl_json_member_string(json, "level", level_of(c->severity));
	tl_json_object_end(json);
	tl_json_object_end(json);
}

static void
write_location(struct tl_json *json, const struct tl_loc *loc)
{
	struct tl_place p;

	tl_place_of(loc, &p);
	tl_json_key(json, "locations");
	tl_json_array_begin(json);
	tl_json_object_begin(json);
	tl_json_key(json, "physicalLocation");
	tl_json_object_begin(json);
	tl_json_key(json, "artifactLocation");
	tl_json_object_begin(json);
	member_uri(json, "uri", loc->src->path);
	tl_json_object_end(json);
	tl_json_key(json, "region");
	tl_json_object_begin(json);
	tl_json_member_uint(json, "startLine", p.line);
	tl_json_member_uint(json, "startColumn", p.col);
	/* endColumn is exclusive; an empty span still marks one column. */
	tl_json_member_uint(json, "endColumn", p.col + (p.span > 0 ? p.span : 1));
	tl_json_object_end(json);
	tl_json_object_end(json);
	tl_json_object_end(json);
	tl_json_array_end(json);
}

static void
write_result(struct tl_json *json, const struct tl_finding *f, const struct tl_check_info *rules)
{
	const struct tl_check_info *rule = tl_check_by_name(f->check);

	tl_json_object_begin(json);
	tl_json_member_string(json, "ruleId", f->check);
	/* A finding of a check the registry does not know still has a ruleId. */
	if (rule != NULL)
		tl_json_member_uint(json, "ruleIndex", (unsigned long long)(rule - rules));
	tl_json_member_string(json, "level", level_of(f->severity));
	member_text(json, "message", f->message);
	if (f->loc.src != NULL)
		write_location(json, &f->loc);
	tl_json_object_end(json);
}

void
tl_report_sarif(FILE *out, const struct tl_diag *diag)
{
	size_t nrules;
	const struct tl_check_info *rules = tl_catalogue(&nrules);
	struct tl_json json;

	tl_json_init(&json, out);
	tl_json_object_begin(&json);
	tl_json_member_string(&json, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	tl_json_member_string(&json, "version", "2.1.0");
	tl_json_key(&json, "runs");
	tl_json_array_begin(&json);
	tl_json_object_begin(&json);
	tl_json_key(&json, "tool");
	tl_json_object_begin(&json);
	tl_json_key(&json, "driver");
	tl_json_object_begin(&json);
	tl_json_member_string(&json, "name", "tlslint");
	tl_json_member_string(&json, "version", TL_VERSION);
	tl_json_member_string(&json, "informationUri", TL_INFORMATION_URI);
	tl_json_key(&json, "rules");
	tl_json_array_begin(&json);
	for (size_t i = 0; i < nrules; i++)
		write_rule(&json, &rules[i]);
	tl_json_array_end(&json);
	tl_json_object_end(&json);
	tl_json_object_end(&json);
	tl_json_key(&json, "results");
	tl_json_array_begin(&json);
	for (size_t i = 0; i < diag->findings.len; i++)
		write_result(&json, diag->findings.items[i], rules);
	tl_json_array_end(&json);
	tl_json_object_end(&json);
	tl_json_array_end(&json);
	tl_json_object_end(&json);
	tl_json_finish(&json);
}
