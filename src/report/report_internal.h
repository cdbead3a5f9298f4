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

/* Writes "docs/checks/<id>.md", the page of check ID relative to the repository, into BUF. */
const char *tl_check_docs_path(const char *id, char *buf, size_t size);

/* FILE:LINE:COL: SEVERITY: MESSAGE [ID] and a newline (tlslint: for findings without a place). */
void tl_report_headline(FILE *out, const struct tl_finding *f, bool color);

void tl_report_text(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info);
void tl_report_gcc(FILE *out, const struct tl_diag *diag);
void tl_report_json(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info);
void tl_report_sarif(FILE *out, const struct tl_diag *diag);
void tl_report_markdown(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info);

/* Flushes OUT and returns 0, or a negative errno if any write to it failed. */
int tl_report_status(FILE *out);

#endif
