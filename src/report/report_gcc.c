/*
 * The gcc report: only the first line of each text block, the format
 * editors' quickfix lists and CI annotators parse. Never coloured and no
 * summary, so every line is a finding, except that the run's notes
 * (what it assumed) follow as "tlslint: note: TEXT" lines, as gcc prints
 * notes without a place, unless --quiet.
 */
#include "report_internal.h"

void
tl_report_gcc(FILE *out, const struct tl_diag *diag, const struct tl_report_info *info)
{
	for (size_t i = 0; i < diag->findings.len; i++)
		tl_report_headline(out, diag->findings.items[i], false);
	if (info->quiet)
		return;
	for (size_t i = 0; i < diag->notes.len; i++)
		fprintf(out, "tlslint: note: %s\n", (const char *)diag->notes.items[i]);
}
