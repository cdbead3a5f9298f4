/*
 * Findings built by hand for the report tests: one config with a
 * space-indented and a tab-indented directive, a finding on each, one
 * without a place, and capturing a writer's output in memory.
 */
#ifndef TL_REPORT_FIXTURE_H
#define TL_REPORT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../arena.h"
#include "../../diag.h"
#include "../../source.h"
#include "../report.h"

static const char fixture_conf[] = "server {\n"
				   "    listen 443 ssl;\n"
				   "    server_name www.example.com;\n"
				   "\tssl_protocols\tTLSv1 TLSv1.2;\n"
				   "\n"
				   "    ssl_certificate     /etc/ssl/site.pem;\n"
				   "}\n";

static tl_clients_see fixture_expired_clients = {
	{"Chrome", "NET::ERR_CERT_DATE_INVALID"},
	{"Firefox", "SEC_ERROR_EXPIRED_CERTIFICATE"},
	{"OpenSSL/curl", "certificate has expired"},
	{NULL, NULL},
};

struct fixture {
	struct tl_arena *arena;
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_source *conf;
	struct tl_report_info info;
};

static inline void
fixture_init(struct fixture *fx)
{
	fx->arena = tl_arena_new();
	tl_sources_init(&fx->sources, fx->arena);
	tl_diag_init(&fx->diag, fx->arena);
	fx->conf = tl_sources_add(&fx->sources, "conf.d/site.conf", "conf.d/site.conf",
				  fixture_conf, strlen(fixture_conf));
	memset(&fx->info, 0, sizeof(fx->info));
	fx->info.profile = "intermediate";
	fx->info.profile_version = "6.0";
	fx->info.summary.files = 3;
	fx->info.summary.sites = 4;
	fx->info.summary.certificates = 5;
}

static inline void
fixture_fini(struct fixture *fx)
{
	tl_arena_free(fx->arena);
}

/* The span of NEEDLE's first occurrence in the config, LEN bytes long. */
static inline struct tl_loc
fixture_loc(const struct fixture *fx, const char *needle, size_t len)
{
	const char *p = strstr(fixture_conf, needle);

	if (p == NULL)
		abort();
	return tl_loc_make(fx->conf, (size_t)(p - fixture_conf), len);
}

/*
 * The standard set: an expired certificate on line 6 (shared by two sites,
 * so de-duplication adds a related entry; the other site sorts later, as
 * tl_diag_finish keeps the first one), a legacy protocol on the
 * tab-indented line 4 and an info finding with no place.
 */
static inline void
fixture_standard(struct fixture *fx)
{
	struct tl_finding *f;

	f = tl_diag_add(&fx->diag, TL_CK_CERT_EXPIRED, fixture_loc(fx, "ssl_certificate", 15),
			"certificate expired on %s, %d days ago", "2026-12-31", 60);
	f->severity = TL_SEV_ERROR;
	f->server = "nginx";
	f->site = "www.example.com:443";
	f->clients_see = fixture_expired_clients;
	f->fix = "renew the certificate and replace the file named on line 6";
	tl_finding_relate(&fx->diag, f, "/etc/ssl/site.pem", (struct tl_loc){0},
			  "leaf certificate CN=www.example.com");
	f = tl_diag_add(&fx->diag, TL_CK_CERT_EXPIRED, fixture_loc(fx, "ssl_certificate", 15),
			"certificate expired on %s, %d days ago", "2026-12-31", 60);
	f->severity = TL_SEV_ERROR;
	f->server = "nginx";
	f->site = "www.example.net:443";
	f = tl_diag_add(&fx->diag, TL_CK_PROTO_LEGACY, fixture_loc(fx, "TLSv1 ", 5),
			"TLS 1.0 is enabled");
	f->severity = TL_SEV_WARNING;
	f->server = "nginx";
	f->site = "www.example.com:443";
	f = tl_diag_add(&fx->diag, TL_CK_PROTO_TLS13_MISSING, (struct tl_loc){0},
			"session tickets are on and no ticket key is rotated");
	f->severity = TL_SEV_INFO;
	tl_diag_finish(&fx->diag);
}

/* Runs tl_report_write into memory; returns the text (free it) and sets *rc. */
static inline char *
render(enum tl_format format, const struct tl_diag *diag, const struct tl_report_info *info,
       int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	if (out == NULL)
		abort();
	*rc = tl_report_write(out, format, diag, info);
	fclose(out);
	return buf;
}

static inline char *
render_checks(enum tl_format format, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	if (out == NULL)
		abort();
	*rc = tl_list_checks_write(out, format);
	fclose(out);
	return buf;
}

#endif
