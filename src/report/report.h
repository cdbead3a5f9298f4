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
	bool quiet; /* no summary line */
};

/* Returns 0, or a negative errno if writing failed. */
int tl_report_write(FILE *out, enum tl_format format, const struct tl_diag *diag,
		    const struct tl_report_info *info);

/* The check catalogue: text (id, severity, summary) or JSON; gcc/sarif print text/JSON. */
int tl_list_checks_write(FILE *out, enum tl_format format);

#endif
