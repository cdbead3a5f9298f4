/*
 * Writes the fixture's report (json, sarif, or --list-checks json with
 * "checks") to stdout, for check_json.py to parse with a real JSON parser.
 */
#include <string.h>

#include "fixture.h"

int
main(int argc, char **argv)
{
	struct fixture fx;
	int rc;

	if (argc != 2)
		return 2;
	if (strcmp(argv[1], "checks") == 0)
		return tl_list_checks_write(stdout, TL_FORMAT_JSON) == 0 ? 0 : 1;
	fixture_init(&fx);
	fixture_standard(&fx);
	/* Bytes a JSON writer must escape or replace, in a message and a path. */
	tl_diag_add(&fx.diag, TL_CK_PARSE_ERROR,
		    tl_loc_make(tl_sources_add(&fx.sources, "odd dir/\"q\"\\%.conf", NULL, "x", 1),
				0, 1),
		    "ctl \x01\x1f tab\t nl\n bad \xff\xc3 end \xe2\x82\xac \xed\xa0\x80")
		->severity = TL_SEV_ERROR;
	tl_diag_finish(&fx.diag);
	rc = tl_report_write(stdout,
			     strcmp(argv[1], "sarif") == 0 ? TL_FORMAT_SARIF : TL_FORMAT_JSON,
			     &fx.diag, &fx.info);
	fixture_fini(&fx);
	return rc == 0 ? 0 : 1;
}
