/*
 * The text report: a gcc-like first line per finding, the source line with
 * a caret under the directive, the site, what clients see, related places,
 * and a summary line.
 *
 * Layout decisions. Blocks are separated by one empty line and the summary
 * follows after one more, so each finding reads as a paragraph; gcc's format
 * is the first lines alone. Tabs in the source line are expanded to 8-column
 * stops (counted from the start of the source line) in both the excerpt and
 * the caret line: a literal tab would line up only while the gutter happens
 * to be a multiple of 8 wide, expanded text lines up anywhere, including
 * pasted into a ticket. Other control bytes are shown as '?' so a config can
 * neither break the layout nor send escape sequences to the terminal. UTF-8
 * continuation bytes take no column, so the caret stays under the directive
 * after non-ASCII text. Colours follow gcc: bold place, red error, magenta
 * warning, cyan info, green caret.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

#define TAB_STOP 8
#define WRAP_COLUMN 100
#define CLIENTS_LABEL "  clients see: "

#define SGR_BOLD "\033[1m"
#define SGR_CARET "\033[1;32m"
#define SGR_RESET "\033[0m"

static const char *const severity_sgr[] = {
	[TL_SEV_INFO] = "\033[1;36m",
	[TL_SEV_WARNING] = "\033[1;35m",
	[TL_SEV_ERROR] = "\033[1;31m",
};

static bool
is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* Writes S with control bytes as '?': messages carry text from configs. */
static void
put_clean(FILE *out, const char *s)
{
	for (; *s != '\0'; s++)
		fputc(is_control((unsigned char)*s) ? '?' : *s, out);
}

static void
sgr(FILE *out, bool color, const char *code)
{
	if (color)
		fputs(code, out);
}

void
tl_report_headline(FILE *out, const struct tl_finding *f, bool color)
{
	sgr(out, color, SGR_BOLD);
	if (f->loc.src != NULL) {
		unsigned line, col;

		tl_loc_linecol(&f->loc, &line, &col);
		put_clean(out, f->loc.src->path);
		fprintf(out, ":%u:%u:", line, col);
	} else {
		fputs("tlslint:", out);
	}
	sgr(out, color, SGR_RESET);
	fputc(' ', out);
	sgr(out, color, f->severity <= TL_SEV_ERROR ? severity_sgr[f->severity] : SGR_BOLD);
	fprintf(out, "%s:", tl_severity_name(f->severity));
	sgr(out, color, SGR_RESET);
	fputc(' ', out);
	put_clean(out, f->message);
	fputs(" [", out);
	put_clean(out, f->check);
	fputs("]\n", out);
}

/* The display column after byte C at display column VCOL. */
static size_t
advance(size_t vcol, unsigned char c)
{
	if (c == '\t')
		return (vcol / TAB_STOP + 1) * TAB_STOP;
	if (c >= 0x80 && c < 0xc0)
		return vcol;
	return vcol + 1;
}

/* Display width of the first N bytes of S. */
static size_t
display_width(const char *s, size_t n)
{
	size_t vcol = 0;

	for (size_t i = 0; i < n; i++)
		vcol = advance(vcol, (unsigned char)s[i]);
	return vcol;
}

static void
put_spaces(FILE *out, size_t n)
{
	while (n-- > 0)
		fputc(' ', out);
}

static unsigned
digits(unsigned n)
{
	unsigned d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static void
write_excerpt(FILE *out, const struct tl_loc *loc, bool color)
{
	struct tl_place p;
	int width;
	size_t vcol = 0;
	size_t start, marks;

	tl_place_of(loc, &p);
	width = (int)(digits(p.line) > 4 ? digits(p.line) : 4);
	fprintf(out, " %*u | ", width, p.line);
	for (size_t i = 0; i < p.text_len; i++) {
		unsigned char c = (unsigned char)p.text[i];
		size_t next = advance(vcol, c);

		if (c == '\t')
			put_spaces(out, next - vcol);
		else
			fputc(is_control(c) ? '?' : c, out);
		vcol = next;
	}
	fputc('\n', out);

	start = p.col - 1 < p.text_len ? p.col - 1 : p.text_len;
	vcol = display_width(p.text, start);
	marks = display_width(p.text, start + p.span) - vcol;
	/* A one-byte span is a caret even when it is a tab eight columns wide. */
	if (loc->len <= 1 || marks == 0)
		marks = 1;
	fprintf(out, " %*s | ", width, "");
	put_spaces(out, vcol);
	sgr(out, color, SGR_CARET);
	fputc('^', out);
	for (size_t i = 1; i < marks; i++)
		fputc('~', out);
	sgr(out, color, SGR_RESET);
	fputc('\n', out);
}

static void
put_client_entry(FILE *out, const struct tl_client_error *e)
{
	bool quote = strchr(e->text, ' ') != NULL;

	if (quote)
		fputc('"', out);
	put_clean(out, e->text);
	if (quote)
		fputc('"', out);
	if (e->client != NULL) {
		fputs(" (", out);
		put_clean(out, e->client);
		fputc(')', out);
	}
}

static size_t
client_entry_width(const struct tl_client_error *e)
{
	size_t n = strlen(e->text);

	if (strchr(e->text, ' ') != NULL)
		n += 2;
	if (e->client != NULL)
		n += strlen(e->client) + 3;
	return n;
}

/*
 * Entries are joined by ", " and wrapped before an entry that would take the
 * line (with the comma that may follow it) past WRAP_COLUMN; continuation
 * lines start under the first entry. An entry too long for any line stands
 * alone on its own line.
 */
static void
write_clients_see(FILE *out, const struct tl_client_error *list)
{
	const size_t indent = strlen(CLIENTS_LABEL);
	size_t col;

	if (list == NULL || list[0].text == NULL)
		return;
	fputs(CLIENTS_LABEL, out);
	put_client_entry(out, &list[0]);
	col = indent + client_entry_width(&list[0]);
	for (size_t i = 1; list[i].text != NULL; i++) {
		size_t w = client_entry_width(&list[i]);
		size_t comma = list[i + 1].text != NULL ? 1 : 0;

		if (col + 2 + w + comma <= WRAP_COLUMN) {
			fputs(", ", out);
			col += 2;
		} else {
			fputs(",\n", out);
			put_spaces(out, indent);
			col = indent;
		}
		put_client_entry(out, &list[i]);
		col += w;
	}
	fputc('\n', out);
}

static void
write_related(FILE *out, const struct tl_related *r)
{
	fputs("  related: ", out);
	if (r->loc.src != NULL) {
		unsigned line, col;

		tl_loc_linecol(&r->loc, &line, &col);
		put_clean(out, r->loc.src->path);
		fprintf(out, ":%u:%u: ", line, col);
	} else if (r->file != NULL) {
		put_clean(out, r->file);
		fputs(": ", out);
	}
	put_clean(out, r->message);
	fputc('\n', out);
}

static void
write_block(FILE *out, const struct tl_finding *f, bool color)
{
	tl_report_headline(out, f, color);
	if (f->loc.src != NULL)
		write_excerpt(out, &f->loc, color);
	if (f->site != NULL) {
		fputs("  site: ", out);
		put_clean(out, f->site);
		fputc('\n', out);
	}
	write_clients_see(out, f->clients_see);
	for (size_t i = 0; i < f->related.len; i++)
		write_related(out, f->related.items[i]);
	if (f->fix != NULL) {
		fputs("  fix: ", out);
		put_clean(out, f->fix);
		fputs(" (see `tlslint explain ", out);
		put_clean(out, f->check);
		fputs("`)\n", out);
	}
}

static void
put_count(FILE *out, size_t n, const char *noun)
{
	fprintf(out, "%zu %s%s", n, noun, n == 1 ? "" : "s");
}

static void
write_summary(FILE *out, const struct tl_diag *diag, const struct tl_summary *sum)
{
	size_t count[TL_SEV_ERROR + 1] = {0};

	for (size_t i = 0; i < diag->findings.len; i++) {
		const struct tl_finding *f = diag->findings.items[i];

		if (f->severity <= TL_SEV_ERROR)
			count[f->severity]++;
	}
	if (diag->findings.len == 0) {
		fputs("no findings", out);
	} else {
		put_count(out, count[TL_SEV_ERROR], "error");
		fputs(", ", out);
		put_count(out, count[TL_SEV_WARNING], "warning");
		if (count[TL_SEV_INFO] != 0) {
			fputs(", ", out);
			put_count(out, count[TL_SEV_INFO], "info");
		}
	}
	fputs(" in ", out);
	put_count(out, sum->files, "file");
	fputs(", ", out);
	put_count(out, sum->sites, "site");
	fputs(", ", out);
	put_count(out, sum->certificates, "certificate");
	fputc('\n', out);
}

void
tl_report_text(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info)
{
	for (size_t i = 0; i < diag->findings.len; i++) {
		if (i > 0)
			fputc('\n', out);
		write_block(out, diag->findings.items[i], info->color);
	}
	if (info->quiet)
		return;
	if (diag->findings.len > 0)
		fputc('\n', out);
	for (size_t i = 0; i < diag->notes.len; i++)
		fprintf(out, "note: %s\n", (const char *)diag->notes.items[i]);
	write_summary(out, diag, &info->summary);
}
