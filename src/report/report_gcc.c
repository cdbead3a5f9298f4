/*
 * The gcc report: only the first line of each text block, the format
 * editors' quickfix lists and CI annotators parse. Never coloured and no
 * summary, so every line is a finding.
 */
#include "report_internal.h"

void
tl_report_gcc(FILE *out, const struct tl_diag *diag)
{
	for (size_t i = 0; i < diag->findings.len; i++)
		tl_report_headline(out, diag->findings.items[i], false);
}
