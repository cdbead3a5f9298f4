/*
 * What the report writers share inside src/report: one writer per format,
 * the gcc-style first line that text and gcc both print, and where a
 * finding sits on its source line.
 */
#ifndef TL_REPORT_INTERNAL_H
#define TL_REPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "report.h"

/* Base of the project's web pages; check docs live under it too. */
#define TL_INFORMATION_URI "https://github.com/tlslint/tlslint"

/* Where a location is: its line and column, its line's text, and how much of the span is on it. */
struct tl_place {
	unsigned line;
	unsigned col;     /* 1-based, in bytes */
	const char *text; /* the whole line, without its newline */
	size_t text_len;
	size_t span; /* bytes of the loc on this line, cut at the line end */
};

void tl_place_of(const struct tl_loc *loc, struct tl_place *place);

struct tl_json;

/* A merged finding's "scope" and "sites" members (JSON and SARIF properties); nothing for one site.
 */
void tl_json_finding_sites(struct tl_json *json, const struct tl_finding *f);

/*
 * Code points in the first N bytes of S (bytes that are no UTF-8
 * continuation): a terminal column each in text, SARIF's unicodeCodePoints
 * columns.
 */
size_t tl_utf8_code_points(const char *s, size_t n);

/* Writes "docs/checks/<id>.md", the page of check ID relative to the repository, into BUF. */
const char *tl_check_docs_path(const char *id, char *buf, size_t size);

/* FILE:LINE:COL: SEVERITY: MESSAGE [ID] and a newline (tlslint: for findings without a place). */
void tl_report_headline(FILE *out, const struct tl_finding *f, bool color);
/* The same wrapped at WIDTH columns (0: never), continuation lines indented. */
void tl_report_headline_wrapped(FILE *out, const struct tl_finding *f, bool color, size_t width);

/*
 * A line being written and wrapped at spaces (report_text.c): text is
 * written in units that are never broken, with the spaces between them
 * held back so that a line never ends in one. Control bytes are written
 * as '?', and UTF-8 continuation bytes take no column.
 */
struct tl_wrap {
	FILE *out;
	size_t width;  /* 0: never wrap */
	size_t indent; /* of continuation lines */
	size_t col;
	size_t pending;  /* spaces held back */
	bool line_empty; /* nothing but the indentation on this line yet */
};

void tl_wrap_init(struct tl_wrap *w, FILE *out, size_t width, size_t indent);
/* S on this line whatever its width (a label, a file:line:col place). */
void tl_wrap_whole(struct tl_wrap *w, const char *s);
/* S on this line, counted as indentation: what follows it is never moved to the next line. */
void tl_wrap_label(struct tl_wrap *w, const char *s);
/* S on this line if it fits after the held spaces, else on the next. */
void tl_wrap_unit(struct tl_wrap *w, const char *s);
/* S word by word, each space a place to break. */
void tl_wrap_text(struct tl_wrap *w, const char *s);
/* N spaces before whatever comes next, dropped at a break. */
void tl_wrap_space(struct tl_wrap *w, size_t n);
/* Ends the line here and starts the next at the indentation. */
void tl_wrap_break(struct tl_wrap *w);
/* Ends the line (the held spaces dropped). */
void tl_wrap_end(struct tl_wrap *w);

void tl_report_text(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info);
void tl_report_gcc(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info);
void tl_report_json(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info);
void tl_report_sarif(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info);
void tl_report_markdown(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info);

/* Flushes OUT and returns 0, or a negative errno if any write to it failed. */
int tl_report_status(FILE *out);

#endif
