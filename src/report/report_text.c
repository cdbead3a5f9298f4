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
 *
 * Wrapping. With a known width (COLUMNS, else the terminal's; main.c)
 * every line but the excerpt and its caret wraps at spaces: the
 * headline's continuation lines are indented by four, a labelled line's
 * (site, applies to, clients see, related) start under its value. A
 * file:line:col place and a word longer than a line are never broken, nor
 * a site's label in a list, nor a client entry unless it is wider than a line.
 * With no width known (a pipe, a file) only the lists (clients see, the
 * sites of a merged finding) wrap, at WRAP_COLUMN, and every other line
 * stays whole for grep and for tools that read the first line.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

#define TAB_STOP 8
#define WRAP_COLUMN 100
#define HEADLINE_INDENT 4
#define CLIENTS_LABEL "  clients see: "
#define SITES_LABEL "  applies to: "

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

/* Display columns of S as put_clean writes it: UTF-8 continuation bytes take none. */
static size_t
clean_width(const char *s, size_t n)
{
	return tl_utf8_code_points(s, n);
}

static void
put_clean_n(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fputc(is_control((unsigned char)s[i]) ? '?' : s[i], out);
}

void
tl_wrap_init(struct tl_wrap *w, FILE *out, size_t width, size_t indent)
{
	w->out = out;
	w->width = width;
	w->indent = indent;
	w->col = 0;
	w->pending = 0;
	w->line_empty = true;
}

static void
flush_pending(struct tl_wrap *w)
{
	for (; w->pending > 0; w->pending--, w->col++)
		fputc(' ', w->out);
}

void
tl_wrap_whole(struct tl_wrap *w, const char *s)
{
	flush_pending(w);
	put_clean(w->out, s);
	w->col += clean_width(s, strlen(s));
	w->line_empty = false;
}

void
tl_wrap_label(struct tl_wrap *w, const char *s)
{
	tl_wrap_whole(w, s);
	w->line_empty = true;
}

void
tl_wrap_space(struct tl_wrap *w, size_t n)
{
	w->pending += n;
}

void
tl_wrap_break(struct tl_wrap *w)
{
	fputc('\n', w->out);
	for (size_t i = 0; i < w->indent; i++)
		fputc(' ', w->out);
	w->col = w->indent;
	w->pending = 0;
	w->line_empty = true;
}

/* The first N bytes of S, on this line if they fit after the pending spaces, else on the next. */
static void
unit_n(struct tl_wrap *w, const char *s, size_t n)
{
	/* A line never starts with held spaces, after a break or a label. */
	if (w->line_empty)
		w->pending = 0;
	if (w->width > 0 && !w->line_empty && w->col + w->pending + clean_width(s, n) > w->width)
		tl_wrap_break(w);
	flush_pending(w);
	put_clean_n(w->out, s, n);
	w->col += clean_width(s, n);
	w->line_empty = false;
}

void
tl_wrap_unit(struct tl_wrap *w, const char *s)
{
	unit_n(w, s, strlen(s));
}

/* S word by word; with AT_COLONS, a word wider than any line also breaks after its colons. */
static void
wrap_words(struct tl_wrap *w, const char *s, bool at_colons)
{
	while (*s != '\0') {
		size_t n;

		if (*s == ' ') {
			w->pending++;
			s++;
			continue;
		}
		n = strcspn(s, " ");
		if (at_colons && w->width > w->indent && clean_width(s, n) > w->width - w->indent) {
			/*
			 * Wider than any line: a cipher or group list in a fix
			 * breaks after its colons, so the line stays in the
			 * terminal.
			 */
			for (size_t done = 0; done < n;) {
				const char *colon = memchr(s + done, ':', n - done);
				size_t piece =
					colon != NULL ? (size_t)(colon - s) + 1 - done : n - done;

				unit_n(w, s + done, piece);
				done += piece;
			}
		} else {
			unit_n(w, s, n);
		}
		s += n;
	}
}

void
tl_wrap_text(struct tl_wrap *w, const char *s)
{
	wrap_words(w, s, false);
}

void
tl_wrap_end(struct tl_wrap *w)
{
	fputc('\n', w->out);
	w->col = 0;
	w->pending = 0;
	w->line_empty = true;
}

void
tl_report_headline(FILE *out, const struct tl_finding *f, bool color)
{
	tl_report_headline_wrapped(out, f, color, 0);
}

void
tl_report_headline_wrapped(FILE *out, const struct tl_finding *f, bool color, size_t width)
{
	struct tl_wrap w;
	char severity[32];
	char check[128];

	tl_wrap_init(&w, out, width, HEADLINE_INDENT);
	/* The place and the severity are one unit: a quickfix reader needs them on one line. */
	sgr(out, color, SGR_BOLD);
	if (f->loc.src != NULL) {
		unsigned line, col;
		char pos[32];

		tl_loc_linecol(&f->loc, &line, &col);
		tl_wrap_whole(&w, f->loc.src->path);
		snprintf(pos, sizeof(pos), ":%u:%u:", line, col);
		tl_wrap_whole(&w, pos);
	} else {
		tl_wrap_whole(&w, "tlslint:");
	}
	sgr(out, color, SGR_RESET);
	tl_wrap_whole(&w, " ");
	sgr(out, color, f->severity <= TL_SEV_ERROR ? severity_sgr[f->severity] : SGR_BOLD);
	snprintf(severity, sizeof(severity), "%s:", tl_severity_name(f->severity));
	tl_wrap_whole(&w, severity);
	sgr(out, color, SGR_RESET);
	tl_wrap_space(&w, 1);
	tl_wrap_text(&w, f->message);
	tl_wrap_space(&w, 1);
	snprintf(check, sizeof(check), "[%s]", f->check);
	tl_wrap_unit(&w, check);
	tl_wrap_end(&w);
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

/* A client entry as shown: the text (quoted when it has a space) and the client. */
static const char *
client_entry(char *buf, size_t size, const struct tl_client_error *e, bool comma)
{
	bool quote = strchr(e->text, ' ') != NULL;

	snprintf(buf, size, "%s%s%s%s%s%s%s", quote ? "\"" : "", e->text, quote ? "\"" : "",
		 e->client ? " (" : "", e->client ? e->client : "", e->client ? ")" : "",
		 comma ? "," : "");
	return buf;
}

/* The list width: the terminal's when known; lists wrap even in a pipe, at WRAP_COLUMN. */
static size_t
list_width(size_t width)
{
	return width > 0 ? width : WRAP_COLUMN;
}

/*
 * Entries are joined by ", " and wrapped before an entry that would take the
 * line (with the comma that may follow it) past the width; continuation
 * lines start under the first entry. An entry too long for any line stands
 * alone on its own line.
 */
static void
write_clients_see(FILE *out, const struct tl_client_error *list, size_t width)
{
	struct tl_wrap w;
	char buf[1024];

	if (list == NULL || list[0].text == NULL)
		return;
	tl_wrap_init(&w, out, list_width(width), strlen(CLIENTS_LABEL));
	tl_wrap_label(&w, CLIENTS_LABEL);
	for (size_t i = 0; list[i].text != NULL; i++) {
		const char *entry =
			client_entry(buf, sizeof(buf), &list[i], list[i + 1].text != NULL);

		if (i > 0)
			tl_wrap_space(&w, 1);
		/*
		 * On a terminal an entry wider than any line is broken at its
		 * spaces, on its own lines; with no width known it stays whole.
		 */
		if (width > 0 && strlen(CLIENTS_LABEL) + strlen(entry) > width) {
			if (!w.line_empty)
				tl_wrap_break(&w);
			tl_wrap_text(&w, entry);
			if (list[i + 1].text != NULL)
				tl_wrap_break(&w);
		} else {
			tl_wrap_unit(&w, entry);
		}
	}
	tl_wrap_end(&w);
}

/*
 * A finding made for many sites: the outer level it is at, if known, how
 * many sites, and the first TL_RELATED_SITES_MAX + 1 of them by name.
 */
static void
write_sites(FILE *out, const struct tl_finding *f, size_t width)
{
	struct tl_wrap w;
	char buf[128];
	size_t shown = f->sites.len;

	if (shown > TL_RELATED_SITES_MAX + 1)
		shown = TL_RELATED_SITES_MAX + 1;
	tl_wrap_init(&w, out, list_width(width), strlen(SITES_LABEL));
	tl_wrap_label(&w, SITES_LABEL);
	if (f->scope != NULL) {
		tl_wrap_text(&w, f->scope);
		tl_wrap_whole(&w, ",");
		tl_wrap_space(&w, 1);
	}
	snprintf(buf, sizeof(buf), "%zu sites:", f->sites.len);
	tl_wrap_text(&w, buf);
	for (size_t i = 0; i < shown; i++) {
		const char *site = f->sites.items[i];
		bool comma = i + 1 < shown;
		size_t n = strlen(site);
		char *unit = malloc(n + 2);

		if (unit == NULL)
			tl_out_of_memory();
		memcpy(unit, site, n);
		unit[n] = comma ? ',' : '\0';
		unit[n + 1] = '\0';
		tl_wrap_space(&w, 1);
		tl_wrap_unit(&w, unit);
		free(unit);
	}
	if (shown < f->sites.len) {
		snprintf(buf, sizeof(buf), "and %zu more", f->sites.len - shown);
		tl_wrap_space(&w, 1);
		tl_wrap_unit(&w, buf);
	}
	tl_wrap_end(&w);
}

static void
write_related(FILE *out, const struct tl_related *r, size_t width)
{
	struct tl_wrap w;

	tl_wrap_init(&w, out, width, strlen("  related: "));
	tl_wrap_label(&w, "  related: ");
	if (r->loc.src != NULL) {
		unsigned line, col;
		char pos[32];

		tl_loc_linecol(&r->loc, &line, &col);
		tl_wrap_whole(&w, r->loc.src->path);
		snprintf(pos, sizeof(pos), ":%u:%u:", line, col);
		tl_wrap_whole(&w, pos);
		tl_wrap_space(&w, 1);
	} else if (r->file != NULL) {
		tl_wrap_whole(&w, r->file);
		tl_wrap_whole(&w, ":");
		tl_wrap_space(&w, 1);
	}
	tl_wrap_text(&w, r->message);
	tl_wrap_end(&w);
}

/* "fix: EDIT (see `tlslint explain ID`)": the edit, and where to read more offline. */
static void
write_fix(FILE *out, const struct tl_finding *f, size_t width)
{
	struct tl_wrap w;
	char see[128];

	tl_wrap_init(&w, out, width, strlen("  fix: "));
	tl_wrap_label(&w, "  fix: ");
	wrap_words(&w, f->fix, true);
	tl_wrap_space(&w, 1);
	snprintf(see, sizeof(see), "(see `tlslint explain %s`)", f->check);
	tl_wrap_unit(&w, see);
	tl_wrap_end(&w);
}

static void
write_block(FILE *out, const struct tl_finding *f, const struct tl_report_info *info)
{
	tl_report_headline_wrapped(out, f, info->color, info->width);
	if (f->loc.src != NULL)
		write_excerpt(out, &f->loc, info->color);
	if (f->nsites > 1 && f->sites.len > 1) {
		write_sites(out, f, info->width);
	} else if (f->site != NULL) {
		struct tl_wrap w;

		tl_wrap_init(&w, out, info->width, strlen("  site: "));
		tl_wrap_label(&w, "  site: ");
		tl_wrap_text(&w, f->site);
		tl_wrap_end(&w);
	}
	write_clients_see(out, f->clients_see, info->width);
	for (size_t i = 0; i < f->related.len; i++)
		write_related(out, f->related.items[i], info->width);
	if (f->fix != NULL)
		write_fix(out, f, info->width);
}

/* Appends "N NOUN(s)" to BUF (of SIZE bytes). */
static void
add_count(char *buf, size_t size, const char *sep, size_t n, const char *noun)
{
	size_t len = strlen(buf);

	snprintf(buf + len, size - len, "%s%zu %s%s", sep, n, noun, n == 1 ? "" : "s");
}

static void
write_summary(FILE *out, const struct tl_diag *diag, const struct tl_summary *sum, size_t width)
{
	size_t count[TL_SEV_ERROR + 1] = {0};
	char line[256] = "";
	struct tl_wrap w;

	for (size_t i = 0; i < diag->findings.len; i++) {
		const struct tl_finding *f = diag->findings.items[i];

		if (f->severity <= TL_SEV_ERROR)
			count[f->severity]++;
	}
	if (diag->findings.len == 0) {
		strcpy(line, "no findings");
	} else {
		add_count(line, sizeof(line), "", count[TL_SEV_ERROR], "error");
		add_count(line, sizeof(line), ", ", count[TL_SEV_WARNING], "warning");
		if (count[TL_SEV_INFO] != 0)
			add_count(line, sizeof(line), ", ", count[TL_SEV_INFO], "info");
	}
	add_count(line, sizeof(line), " in ", sum->files, "file");
	add_count(line, sizeof(line), ", ", sum->sites, "site");
	add_count(line, sizeof(line), ", ", sum->certificates, "certificate");
	tl_wrap_init(&w, out, width, 2);
	tl_wrap_text(&w, line);
	tl_wrap_end(&w);
}

void
tl_report_text(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info)
{
	for (size_t i = 0; i < diag->findings.len; i++) {
		if (i > 0)
			fputc('\n', out);
		write_block(out, diag->findings.items[i], info);
	}
	if (info->quiet)
		return;
	if (diag->findings.len > 0)
		fputc('\n', out);
	for (size_t i = 0; i < diag->notes.len; i++) {
		struct tl_wrap w;

		tl_wrap_init(&w, out, info->width, strlen("note: "));
		tl_wrap_label(&w, "note: ");
		tl_wrap_text(&w, diag->notes.items[i]);
		tl_wrap_end(&w);
	}
	write_summary(out, diag, &info->summary, info->width);
}
