/*
 * --now: an ISO 8601 instant, so that certificate validity and expiry can
 * be judged at a fixed time in tests and CI. Accepted forms:
 *
 *   2026-11-26                       midnight UTC
 *   2026-11-26T12:00[:00][.123]      T, t or one space between date and time
 *   … followed by Z, z, +01:00, +0100, +01, -05:30  (no zone means UTC)
 *   @1795651200                      seconds since the epoch, as date(1) takes them
 *
 * Every field is range-checked (2026-02-30 and 24:00 are errors) because
 * timegm() would silently normalise them into another, valid instant.
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli_internal.h"

/* Reads exactly N digits at *P into *OUT and advances *P. */
static bool
digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

static int
days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

static int
parse_epoch(const char *s, time_t *t, const char **why)
{
	char *end;
	long long v;

	if (!isdigit((unsigned char)*s) && *s != '-') {
		*why = "expected seconds after '@'";
		return -1;
	}
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || end == s) {
		*why = "expected seconds after '@'";
		return -1;
	}
	if (errno == ERANGE) {
		*why = "seconds out of range";
		return -1;
	}
	*t = (time_t)v;
	return 0;
}

/* Parses the zone suffix at P (may be empty) into seconds east of UTC. */
static int
parse_zone(const char *p, long *offset, const char **why)
{
	int hh, mm = 0;
	int sign;

	*offset = 0;
	if (*p == '\0')
		return 0;
	if ((p[0] == 'Z' || p[0] == 'z') && p[1] == '\0')
		return 0;
	if (*p != '+' && *p != '-') {
		*why = "unexpected text after the time";
		return -1;
	}
	sign = *p++ == '-' ? -1 : 1;
	if (!digits(&p, 2, &hh)) {
		*why = "malformed time zone offset";
		return -1;
	}
	if (*p == ':')
		p++;
	if (*p != '\0' && !digits(&p, 2, &mm)) {
		*why = "malformed time zone offset";
		return -1;
	}
	if (*p != '\0') {
		*why = "unexpected text after the time zone";
		return -1;
	}
	if (hh > 23 || mm > 59) {
		*why = "time zone offset out of range";
		return -1;
	}
	*offset = sign * (hh * 3600L + mm * 60L);
	return 0;
}

int
tl_cli_parse_time(const char *s, time_t *t, const char **why)
{
	const char *p = s;
	int year, mon, day, hour = 0, min = 0, sec = 0;
	long offset = 0;
	struct tm tm;
	time_t base;

	if (*p == '@')
		return parse_epoch(p + 1, t, why);
	if (!digits(&p, 4, &year) || *p++ != '-' || !digits(&p, 2, &mon) || *p++ != '-' ||
	    !digits(&p, 2, &day)) {
		*why = "expected YYYY-MM-DD";
		return -1;
	}
	if (mon < 1 || mon > 12) {
		*why = "month out of range";
		return -1;
	}
	if (day < 1 || day > days_in_month(year, mon)) {
		*why = "day out of range";
		return -1;
	}
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (!digits(&p, 2, &hour) || *p++ != ':' || !digits(&p, 2, &min)) {
			*why = "expected HH:MM after the date";
			return -1;
		}
		if (*p == ':') {
			p++;
			if (!digits(&p, 2, &sec)) {
				*why = "expected two digits of seconds";
				return -1;
			}
			/* Fractions of a second cannot matter to validity dates. */
			if (*p == '.' || *p == ',') {
				p++;
				if (!isdigit((unsigned char)*p)) {
					*why = "expected digits after the decimal point";
					return -1;
				}
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		if (hour > 23) {
			*why = "hour out of range";
			return -1;
		}
		if (min > 59) {
			*why = "minute out of range";
			return -1;
		}
		if (sec > 59) {
			*why = "second out of range";
			return -1;
		}
		if (parse_zone(p, &offset, why) < 0)
			return -1;
	} else if (*p != '\0') {
		*why = "unexpected text after the date";
		return -1;
	}

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = year - 1900;
	tm.tm_mon = mon - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
	base = timegm(&tm);
	*t = base - offset;
	return 0;
}
