/*
 * --list-checks: the check catalogue in registry order (sorted by id).
 *
 * Text is a table with a header, ID SEVERITY SUMMARY, columns padded to the
 * widest entry and two spaces apart. The family is left out of the text so
 * that a row fits a terminal; the JSON form carries it, with the docs page,
 * for tools. gcc falls back to text and sarif to JSON.
 */
#include <errno.h>
#include <string.h>

#include "../catalogue.h"
#include "json_writer.h"
#include "report_internal.h"

static void
pad(FILE *out, const char *s, size_t width)
{
	fputs(s, out);
	for (size_t n = strlen(s); n < width + 2; n++)
		fputc(' ', out);
}

static void
write_text(FILE *out, const struct tl_check_info *checks, size_t n)
{
	size_t id_width = strlen("ID");
	size_t sev_width = strlen("SEVERITY");

	for (size_t i = 0; i < n; i++) {
		size_t w = strlen(checks[i].name);

		if (w > id_width)
			id_width = w;
		w = strlen(tl_severity_name(checks[i].severity));
		if (w > sev_width)
			sev_width = w;
	}
	pad(out, "ID", id_width);
	pad(out, "SEVERITY", sev_width);
	fputs("SUMMARY\n", out);
	for (size_t i = 0; i < n; i++) {
		pad(out, checks[i].name, id_width);
		pad(out, tl_severity_name(checks[i].severity), sev_width);
		fprintf(out, "%s\n", checks[i].summary);
	}
}

static void
write_json(FILE *out, const struct tl_check_info *checks, size_t n)
{
	struct tl_json json;
	char docs[256];

	tl_json_init(&json, out);
	tl_json_object_begin(&json);
	tl_json_key(&json, "checks");
	tl_json_array_begin(&json);
	for (size_t i = 0; i < n; i++) {
		tl_json_object_begin(&json);
		tl_json_member_string(&json, "id", checks[i].name);
		tl_json_member_string(&json, "severity", tl_severity_name(checks[i].severity));
		tl_json_member_string(&json, "family", checks[i].family);
		tl_json_member_string(&json, "summary", checks[i].summary);
		tl_json_member_string(&json, "docs",
				      tl_check_docs_path(checks[i].name, docs, sizeof(docs)));
		tl_json_object_end(&json);
	}
	tl_json_array_end(&json);
	tl_json_object_end(&json);
	tl_json_finish(&json);
}

int
tl_list_checks_write(FILE *out, enum tl_format format)
{
	size_t n;
	const struct tl_check_info *checks = tl_catalogue(&n);

	errno = 0;
	if (format == TL_FORMAT_JSON || format == TL_FORMAT_SARIF)
		write_json(out, checks, n);
	else
		write_text(out, checks, n);
	return tl_report_status(out);
}
