/*
 * The json report, the stable schema of SPEC §3: fields may be added, never
 * renamed or removed, and keys come in the order the SPEC shows them.
 */
#include "json_writer.h"
#include "report_internal.h"

static void
write_related(struct tl_json *json, const struct tl_related *r)
{
	tl_json_object_begin(json);
	if (r->loc.src != NULL) {
		unsigned line, col;

		tl_loc_linecol(&r->loc, &line, &col);
		tl_json_member_string(json, "file", r->loc.src->path);
		tl_json_member_string(json, "message", r->message);
		tl_json_member_uint(json, "line", line);
		tl_json_member_uint(json, "column", col);
	} else {
		tl_json_member_string(json, "file", r->file);
		tl_json_member_string(json, "message", r->message);
	}
	tl_json_object_end(json);
}

void
tl_json_finding_sites(struct tl_json *json, const struct tl_finding *f)
{
	if (f->nsites <= 1 || f->sites.len <= 1)
		return;
	tl_json_member_string(json, "scope", f->scope);
	tl_json_key(json, "sites");
	tl_json_array_begin(json);
	for (size_t i = 0; i < f->sites.len; i++)
		tl_json_string(json, f->sites.items[i]);
	tl_json_array_end(json);
}

static void
write_finding(struct tl_json *json, const struct tl_finding *f)
{
	tl_json_object_begin(json);
	tl_json_member_string(json, "check", f->check);
	tl_json_member_string(json, "severity", tl_severity_name(f->severity));
	tl_json_member_string(json, "message", f->message);
	if (f->loc.src != NULL) {
		unsigned line, col;

		tl_loc_linecol(&f->loc, &line, &col);
		tl_json_member_string(json, "file", f->loc.src->path);
		tl_json_member_uint(json, "line", line);
		tl_json_member_uint(json, "column", col);
	} else {
		tl_json_member_string(json, "file", NULL);
		tl_json_key(json, "line");
		tl_json_null(json);
		tl_json_key(json, "column");
		tl_json_null(json);
	}
	tl_json_member_string(json, "server", f->server);
	/* A finding at an outer level is that level's, not one of its sites'. */
	tl_json_member_string(json, "site", f->scope != NULL ? NULL : f->site);
	tl_json_finding_sites(json, f);
	tl_json_key(json, "clients_see");
	tl_json_array_begin(json);
	for (const struct tl_client_error *e = f->clients_see; e != NULL && e->text != NULL; e++)
		tl_json_string(json, e->text);
	tl_json_array_end(json);
	tl_json_member_string(json, "fix", f->fix);
	tl_json_key(json, "related");
	tl_json_array_begin(json);
	for (size_t i = 0; i < f->related.len; i++) {
		const struct tl_related *r = f->related.items[i];

		/* An entry names a file, or it is no place to look at. */
		if (r->loc.src != NULL || r->file != NULL)
			write_related(json, r);
	}
	tl_json_array_end(json);
	tl_json_object_end(json);
}

void
tl_report_json(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info)
{
	size_t count[TL_SEV_ERROR + 1] = {0};
	struct tl_json json;

	tl_json_init(&json, out);
	tl_json_object_begin(&json);
	tl_json_key(&json, "tool");
	tl_json_object_begin(&json);
	tl_json_member_string(&json, "name", "tlslint");
	tl_json_member_string(&json, "version", TL_VERSION);
	tl_json_object_end(&json);
	tl_json_member_string(&json, "profile", info->profile);
	/* A field of its own: "profile" keeps the bare name that scripts compare with. */
	tl_json_member_string(&json, "profile_version", info->profile_version);
	tl_json_key(&json, "findings");
	tl_json_array_begin(&json);
	for (size_t i = 0; i < diag->findings.len; i++) {
		const struct tl_finding *f = diag->findings.items[i];

		write_finding(&json, f);
		if (f->severity <= TL_SEV_ERROR)
			count[f->severity]++;
	}
	tl_json_array_end(&json);
	/* Only when there are some: most runs assume nothing, and their output stays as it was. */
	if (diag->notes.len > 0) {
		tl_json_key(&json, "notes");
		tl_json_array_begin(&json);
		for (size_t i = 0; i < diag->notes.len; i++)
			tl_json_string(&json, diag->notes.items[i]);
		tl_json_array_end(&json);
	}
	tl_json_key(&json, "summary");
	tl_json_object_begin(&json);
	tl_json_member_uint(&json, "files", info->summary.files);
	tl_json_member_uint(&json, "sites", info->summary.sites);
	tl_json_member_uint(&json, "certificates", info->summary.certificates);
	tl_json_member_uint(&json, "error", count[TL_SEV_ERROR]);
	tl_json_member_uint(&json, "warning", count[TL_SEV_WARNING]);
	tl_json_member_uint(&json, "info", count[TL_SEV_INFO]);
	tl_json_object_end(&json);
	tl_json_object_end(&json);
	tl_json_finish(&json);
}
