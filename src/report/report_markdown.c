/*
 * The markdown report: a compact pull-request comment (GitHub-flavoured
 * markdown). A heading line with the counts and the profile, one table row
 * per finding (severity, the check linked to its page, file:line:col, the
 * message), the run's notes, then a collapsed <details> block per finding
 * with its site, what clients see and the related places.
 *
 * Everything but the check ids comes from configs, certificates or the
 * file system, which a pull request controls: a message may hold '|', a
 * newline, "<script>", "](http://x)" or "@someone". So:
 *
 *   - file names, sites and client messages go into code spans (no
 *     markdown, HTML, links or mentions inside one), with a fence longer
 *     than any run of backticks they hold;
 *   - messages are text with every markdown punctuation character
 *     backslash-escaped, '<', '>' and '&' as entities, "://" and "www."
 *     broken by an escape so no autolink forms, and a WORD JOINER after
 *     '@' so that "@SECLEVEL=0" pings nobody;
 *   - inside a table '|' is "\|" (also in code spans, as GFM requires),
 *     and control characters anywhere are a space: a newline would end
 *     the row, or the HTML block of a <details>;
 *   - <summary> is raw HTML, so its text is entity-escaped instead.
 *
 * GitHub refuses a comment longer than 65536 characters, so findings are
 * listed (row and details) while they fit MD_BUDGET bytes and at most
 * MD_MAX_FINDINGS of them; the rest are counted, in a line that says where
 * to read them all.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report_internal.h"

#define MD_MAX_FINDINGS 100
#define MD_BUDGET 60000 /* bytes for rows and details; headings and notes are small */
#define WORD_JOINER "\xe2\x81\xa0"

/* Where text goes: it is escaped for that place. */
enum md_place {
	MD_TEXT,  /* a paragraph or list item */
	MD_TABLE, /* a table cell */
};

static bool
is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* "www" ends at P where GFM would start an autolink (after a space, *, _, ~ or '('). */
static bool
www_before(const char *s, const char *p)
{
	if (p - s < 3 || strncasecmp(p - 3, "www", 3) != 0)
		return false;
	return p - s == 3 || strchr(" *_~(", p[-4]) != NULL;
}

/*
 * Markdown text. Text never starts a line here (it follows "| " or "- "),
 * so only inline markup needs escaping: emphasis, code, link brackets (no
 * '[' means no link or image, whatever follows), strikethrough, math ('$'),
 * '|' (a cell's end, harmless elsewhere).
 */
static void
put_text(FILE *out, const char *s)
{
	static const char inline_markup[] = "\\`*_[]~|$";

	for (const char *p = s; p != NULL && *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (is_control(c))
			fputc(' ', out);
		else if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (c == '&')
			fputs("&amp;", out);
		else if (c == '@')
			fputs("@" WORD_JOINER, out);
		else if (strchr(inline_markup, c) != NULL)
			fprintf(out, "\\%c", c);
		else if (c == ':' && p[1] == '/' && p[2] == '/')
			fputs("\\:", out); /* no "https://" autolink */
		else if (c == '.' && www_before(s, p))
			fputs("\\.", out); /* no "www." autolink */
		else
			fputc(c, out);
	}
}

/*
 * A code span holding S literally: the fence is one backtick more than the
 * longest run inside, padded with spaces when S starts or ends with one.
 */
static void
put_code(FILE *out, const char *s, enum md_place place)
{
	size_t run = 0, longest = 0, len = strlen(s);
	bool pad;

	for (const char *p = s; *p != '\0'; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	pad = len == 0 || s[0] == '`' || s[len - 1] == '`' || s[0] == ' ' || s[len - 1] == ' ';
	for (size_t i = 0; i <= longest; i++)
		fputc('`', out);
	if (pad)
		fputc(' ', out);
	for (const char *p = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (is_control(c))
			fputc(' ', out);
		else if (c == '|' && place == MD_TABLE)
			fputs("\\|", out);
		else
			fputc(c, out);
	}
	if (pad)
		fputc(' ', out);
	for (size_t i = 0; i <= longest; i++)
		fputc('`', out);
}

/* Raw HTML text (inside <summary>): entities, nothing else is markup there. */
static void
put_html(FILE *out, const char *s)
{
	for (const char *p = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (is_control(c))
			fputc(' ', out);
		else if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (c == '&')
			fputs("&amp;", out);
		else if (c == '"')
			fputs("&quot;", out);
		else if (c == '@')
			fputs("@" WORD_JOINER, out);
		else
			fputc(c, out);
	}
}

/* "FILE:LINE:COL" of a finding or a related place, or NULL without one. */
static const char *
place_text(const struct tl_loc *loc, char *buf, size_t size)
{
	unsigned line, col;

	if (loc->src == NULL)
		return NULL;
	tl_loc_linecol(loc, &line, &col);
	snprintf(buf, size, "%s:%u:%u", loc->src->path, line, col);
	return buf;
}

static void
put_count(FILE *out, size_t n, const char *noun)
{
	fprintf(out, "%zu %s%s", n, noun, n == 1 ? "" : "s");
}

static void
write_heading(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info)
{
	size_t count[TL_SEV_ERROR + 1] = {0};

	for (size_t i = 0; i < diag->findings.len; i++) {
		const struct tl_finding *f = diag->findings.items[i];

		if (f->severity <= TL_SEV_ERROR)
			count[f->severity]++;
	}
	fputs("### tlslint: ", out);
	if (diag->findings.len == 0) {
		fputs("no findings", out);
	} else {
		put_count(out, count[TL_SEV_ERROR], "error");
		fputs(", ", out);
		put_count(out, count[TL_SEV_WARNING], "warning");
		/* The words of the text report's summary line. */
		if (count[TL_SEV_INFO] != 0) {
			fputs(", ", out);
			put_count(out, count[TL_SEV_INFO], "info");
		}
	}
	fputs(" in ", out);
	put_count(out, info->summary.files, "file");
	fputs(", ", out);
	put_count(out, info->summary.sites, "site");
	fputs(", ", out);
	put_count(out, info->summary.certificates, "certificate");
	/* As --profile takes it, so that a gate can pin what this run used. */
	if (info->profile != NULL) {
		char spec[128];

		snprintf(spec, sizeof(spec), "%s%s%s", info->profile,
			 info->profile_version ? "@" : "",
			 info->profile_version ? info->profile_version : "");
		fputs(", profile ", out);
		put_code(out, spec, MD_TEXT);
	}
	fputc('\n', out);
}

/* The check's page, the helpUri of the SARIF report. */
static void
put_check_link(FILE *out, const char *check)
{
	char docs[256];

	tl_check_docs_path(check, docs, sizeof(docs));
	fputc('[', out);
	put_text(out, check);
	fprintf(out, "](%s/blob/main/%s)", TL_INFORMATION_URI, docs);
}

static void
write_row(FILE *out, const struct tl_finding *f)
{
	char buf[4096];
	const char *where = place_text(&f->loc, buf, sizeof(buf));

	fprintf(out, "| %s | ", tl_severity_name(f->severity));
	put_check_link(out, f->check);
	fputs(" | ", out);
	if (where != NULL)
		put_code(out, where, MD_TABLE);
	else
		fputs("&mdash;", out);
	fputs(" | ", out);
	put_text(out, f->message);
	fputs(" |\n", out);
}

static void
write_related(FILE *out, const struct tl_related *r)
{
	char buf[4096];
	const char *where = place_text(&r->loc, buf, sizeof(buf));

	fputs("- related: ", out);
	if (where == NULL)
		where = r->file;
	if (where != NULL) {
		put_code(out, where, MD_TEXT);
		fputs(": ", out);
	}
	put_text(out, r->message);
	fputc('\n', out);
}

/* The sites a merged finding names in its details; a comment is no place for thousands. */
#define MD_SITES_SHOWN 10

static void
write_details(FILE *out, size_t n, const struct tl_finding *f)
{
	char buf[4096];
	const char *where = place_text(&f->loc, buf, sizeof(buf));

	fprintf(out, "<details>\n<summary>%zu. %s ", n, tl_severity_name(f->severity));
	put_html(out, f->check);
	if (where != NULL) {
		fputs(" at ", out);
		put_html(out, where);
	}
	fputs("</summary>\n\n", out);
	if (f->sites.len > 1) {
		/* A finding made for many sites: its level and sites, as the text report says. */
		fputs("- applies to: ", out);
		if (f->scope != NULL) {
			put_code(out, f->scope, MD_TEXT);
			fputs(", ", out);
		}
		fprintf(out, "%zu sites:", f->sites.len);
		for (size_t i = 0; i < f->sites.len && i < MD_SITES_SHOWN; i++) {
			fputs(i == 0 ? " " : ", ", out);
			put_code(out, f->sites.items[i], MD_TEXT);
		}
		if (f->sites.len > MD_SITES_SHOWN)
			fprintf(out, " and %zu more", f->sites.len - MD_SITES_SHOWN);
		fputc('\n', out);
	} else if (f->site != NULL) {
		fputs("- site: ", out);
		put_code(out, f->site, MD_TEXT);
		fputc('\n', out);
	}
	if (f->clients_see != NULL && f->clients_see->text != NULL) {
		fputs("- clients see:", out);
		for (const struct tl_client_error *e = f->clients_see; e->text != NULL; e++) {
			fputs(e == f->clients_see ? " " : ", ", out);
			put_code(out, e->text, MD_TEXT);
			if (e->client != NULL) {
				fputs(" (", out);
				put_text(out, e->client);
				fputc(')', out);
			}
		}
		fputc('\n', out);
	}
	for (size_t i = 0; i < f->related.len; i++)
		write_related(out, f->related.items[i]);
	if (f->fix != NULL) {
		/* Escaped like a message: its backticks show as typed, never as markup. */
		fputs("- fix: ", out);
		put_text(out, f->fix);
		fputc('\n', out);
	}
	fprintf(out, "- more: `tlslint explain %s`\n", f->check);
	fputs("\n</details>\n", out);
}

/* The row and the details of finding N (1-based), each written into *ROW and *DETAILS. */
static void
render_finding(size_t n, const struct tl_finding *f, char **row, size_t *row_len, char **details,
	       size_t *details_len)
{
	FILE *m = open_memstream(row, row_len);

	if (m != NULL) {
		write_row(m, f);
		fclose(m);
	}
	m = open_memstream(details, details_len);
	if (m != NULL) {
		fputc('\n', m);
		write_details(m, n, f);
		fclose(m);
	}
}

void
tl_report_markdown(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info)
{
	size_t n = diag->findings.len;
	char **rows = calloc(n ? n : 1, sizeof(*rows));
	char **details = calloc(n ? n : 1, sizeof(*details));
	size_t shown = 0, used = 0;

	if (rows == NULL || details == NULL)
		tl_out_of_memory();
	for (; shown < n && shown < MD_MAX_FINDINGS; shown++) {
		size_t row_len = 0, details_len = 0;

		render_finding(shown + 1, diag->findings.items[shown], &rows[shown], &row_len,
			       &details[shown], &details_len);
		if (rows[shown] == NULL || details[shown] == NULL ||
		    used + row_len + details_len > MD_BUDGET)
			break;
		used += row_len + details_len;
	}
	write_heading(out, diag, info);
	if (n > 0) {
		fputs("\n| Severity | Check | Location | Message |\n", out);
		fputs("| --- | --- | --- | --- |\n", out);
		for (size_t i = 0; i < shown; i++)
			fputs(rows[i], out);
		if (shown < n)
			fprintf(out,
				"\n%zu more finding%s not listed here, for the size of a comment; "
				"the text, JSON and SARIF reports have them all\n",
				n - shown, n - shown == 1 ? "" : "s");
	}
	if (diag->notes.len > 0) {
		fputc('\n', out);
		for (size_t i = 0; i < diag->notes.len; i++) {
			fputs("- note: ", out);
			put_text(out, diag->notes.items[i]);
			fputc('\n', out);
		}
	}
	for (size_t i = 0; i < shown; i++)
		fputs(details[i], out);
	/* The one that did not fit is rendered too: free every slot up to it. */
	for (size_t i = 0; i <= shown && i < n; i++) {
		free(rows[i]);
		free(details[i]);
	}
	free(rows);
	free(details);
}
