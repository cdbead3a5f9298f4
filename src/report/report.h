/*
 * Writing the findings of a run in the formats of SPEC §3 (text, gcc, json,
 * sarif), and the check catalogue for --list-checks. Findings arrive
 * already sorted and de-duplicated (tl_diag_finish) with their final
 * severities.
 */
#ifndef TL_REPORT_H
#define TL_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../diag.h"
#include "../options.h"

struct tl_summary {
	size_t files;        /* config files read */
	size_t sites;        /* sites in the model */
	size_t certificates; /* distinct certificate files loaded */
};

struct tl_report_info {
	const char *profile;         /* "intermediate", … (the name without any @VERSION) */
	const char *profile_version; /* its Mozilla guideline version, "6.0", … */
	struct tl_summary summary;
	bool color; /* text only; decided by the caller (terminal, NO_COLOR, --color) */
	bool quiet; /* no summary line (text), no note lines (gcc) */
	/* text: the terminal's width in columns (COLUMNS, the tty); 0 when not known */
	size_t width;
	/*
	 * --root as the run used it, or NULL for the current directory: the
	 * base that sarif locations are relative to.
	 */
	const char *root;
};

/*
 * The width the text report wraps at when written to OUT: COLUMNS when it
 * is a number (at least TL_MIN_WIDTH), else the terminal's when OUT is
 * one, else 0 (a pipe or a file: not known).
 */
#define TL_MIN_WIDTH 40
size_t tl_report_width(FILE *out);

/* Returns 0, or a negative errno if writing failed. */
int tl_report_write(FILE *out, enum tl_format format, const struct tl_diag *diag,
		    const struct tl_report_info *info);

/* The check catalogue: text (id, severity, summary) or JSON; gcc/sarif print text/JSON. */
int tl_list_checks_write(FILE *out, enum tl_format format);

#endif
