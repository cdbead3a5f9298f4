/*
 * Unit tests of the httpd parser: httpd's line and word rules, the
 * directives it executes while reading (Include, Define, the conditional
 * sections, mod_macro), error reporting and the places tokens keep. Each
 * behaviour asserted here was checked against Debian's apache2 2.4 with
 * `apache2 -t` (and -D DUMP_INCLUDES for the include order). The fixture
 * directory is passed as the first argument.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/tests/unit.h"
#include "../apache.h"

static const char *fixtures;
static struct tl_arena *arena;

struct run {
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_fs fs;
	struct tl_parse_env env;
	struct tl_apache_parse parse;
	struct tl_apache_options opts;
	int rc;
};

static struct run *
run_new(void)
{
	struct run *r = tl_arena_alloc(arena, sizeof(*r));

	tl_sources_init(&r->sources, arena);
	tl_diag_init(&r->diag, arena);
	tl_fs_init(&r->fs, arena, NULL);
	r->env.fs = &r->fs;
	r->env.arena = arena;
	r->env.sources = &r->sources;
	r->env.diag = &r->diag;
	r->env.limits = tl_default_parse_limits;
	r->opts.version = (struct tl_version){2, 4, 66};
	return r;
}

static struct run *
parse_defs(const char *text, const char *const *defines, size_t n)
{
	struct run *r = run_new();

	r->opts.defines = defines;
	r->opts.ndefines = n;
	r->rc = tl_apache_parse_text(&r->env, &r->opts, "t.conf", text, strlen(text), &r->parse);
	return r;
}

static struct run *
parse(const char *text)
{
	return parse_defs(text, NULL, 0);
}

static const struct tl_finding *
finding(const struct run *r, size_t i)
{
	return i < r->diag.findings.len ? r->diag.findings.items[i] : NULL;
}

static const char *
where(struct tl_loc loc)
{
	unsigned line, col;

	tl_loc_linecol(&loc, &line, &col);
	return tl_arena_printf(arena, "%u:%u", line, col);
}

/* "line:col: check: message" of finding I, or "". */
static const char *
show(const struct run *r, size_t i)
{
	const struct tl_finding *f = finding(r, i);

	if (f == NULL)
		return "";
	return tl_arena_printf(arena, "%s: %s: %s", where(f->loc), f->check, f->message);
}

/* The tree in one line: name(args){children} with arguments joined by '|'. */
static const char *
dump(const struct tl_directive *d)
{
	const char *s = "";

	for (size_t i = 0; i < d->nchildren; i++) {
		const struct tl_directive *c = d->children[i];
		const char *args = "";

		for (size_t k = 0; k < c->nargs; k++)
			args = tl_arena_printf(arena, "%s%s%s", args, k ? "|" : "",
					       c->args[k].text);
		s = tl_arena_printf(arena, "%s%s%s(%s)%s%s%s", s, i ? " " : "", c->name, args,
				    c->block ? "{" : "", c->block ? dump(c) : "",
				    c->block ? "}" : "");
	}
	return s;
}

static const char *
tree(const struct run *r)
{
	return dump(&r->parse.tree.root);
}

static void
test_lines_and_words(void)
{
	struct run *r;

	/* Continuation, comments only at the start, '#' later is an argument, quotes. */
	r = parse("# comment\n"
		  "  ServerName www.example.test   \n"
		  "SSLProtocol -all \\\n"
		  "    +TLSv1.2\n"
		  "SSLCipherSuite HIGH # not a comment\n"
		  "Header always set X \"a \\\"b\\\" c\" 'd e'\n"
		  "Alias /x \"/y\"z\n"
		  "\n"
		  "\t# indented comment\n");
	CHECK_INT(r->rc, 0);
	CHECK_STR(tree(r),
		  "ServerName(www.example.test) SSLProtocol(-all|+TLSv1.2) "
		  "SSLCipherSuite(HIGH|#|not|a|comment) Header(always|set|X|a \"b\" c|d e) "
		  "Alias(/x|/y|z)");
	CHECK_INT(r->diag.findings.len, 0);
	/* Tokens keep their places, across the continuation too. */
	CHECK_STR(where(r->parse.tree.root.children[1]->args[1].loc), "4:5");
	CHECK_STR(where(r->parse.tree.root.children[0]->loc), "2:3");
	CHECK_INT(r->parse.tree.root.children[0]->loc.len, 10);
}

static void
test_sections(void)
{
	struct run *r;

	r = parse("<VirtualHost *:443 [::1]:443>\n"
		  "  ServerName a\n"
		  "  <Location />\n"
		  "    Header set A b\n"
		  "  </location>\n"
		  "</VirtualHost>\n"
		  "<Proxy>\n"
		  "</Proxy>\n");
	CHECK_STR(tree(r),
		  "VirtualHost(*:443|[::1]:443){ServerName(a) Location(/){Header(set|A|b)}} "
		  "Proxy(){}");
	CHECK_INT(r->diag.findings.len, 0);
	/* Errors httpd reports, each in its words; parsing goes on. */
	r = parse("<VirtualHost *:443>\n" /* 1 */
		  "<Directory /x>\n"      /* 2 */
		  "</VirtualHost>\n"      /* 3: mismatched */
		  "</Directory junk\n"    /* 4: no '>' */
		  "</Files>\n"            /* 5: nothing open */
		  "<VirtualHost *:80\n"   /* 6: no '>' */
		  "<Location />\n");      /* 7: never closed */
	CHECK_STR(show(r, 0), "3:1: parse-error: Expected </Directory> but saw </VirtualHost>");
	CHECK_STR(show(r, 1), "4:1: parse-error: </Directory> directive missing closing '>'");
	CHECK_STR(show(r, 2), "5:1: parse-error: </Files> without matching <Files> section");
	CHECK_STR(show(r, 3), "6:1: parse-error: <VirtualHost> directive missing closing '>'");
	CHECK_STR(show(r, 4), "7:1: parse-error: <Location> was not closed.");
}

static void
test_defines_and_conditions(void)
{
	static const char *const defines[] = {"FROM_CLI"};
	struct run *r;

	r = parse_defs("Define X \"a b\"\n"
		       "Define Y\n"
		       "ServerName ${X}\n"
		       "Alias ${NOPE} ${X:Y}\n"
		       "<IfDefine Y>\n  A 1\n</IfDefine>\n"
		       "<IfDefine !Y>\n  B 2\n</IfDefine>\n"
		       "<IfDefine FROM_CLI>\n  C 3\n</IfDefine>\n"
		       "UnDefine Y\n"
		       "<IfDefine Y>\n  D 4\n</IfDefine>\n"
		       "<IfVersion >= 2.4.10>\n  E 5\n</IfVersion>\n"
		       "<IfVersion < 2.4>\n  F 6\n</IfVersion>\n"
		       "<IfVersion ~ ^2\\.4\\.>\n  G 7\n</IfVersion>\n"
		       "<IfVersion = /^2\\.2/>\n  H 8\n</IfVersion>\n"
		       "<IfVersion 2.4.66>\n  I 9\n</IfVersion>\n",
		       defines, 1);
	/* ${X} is replaced before the line is split: two arguments. Unknown names stay. */
	CHECK_STR(tree(r), "ServerName(a|b) Alias(${NOPE}|${X:Y}) A(1) C(3) E(5) G(7) I(9)");
	CHECK_INT(r->diag.findings.len, 0);
	/* A substituted argument points at the ${...} that made it. */
	CHECK_STR(where(r->parse.tree.root.children[0]->args[1].loc), "3:12");
	CHECK_INT(r->parse.tree.root.children[0]->args[1].loc.len, 4);

	/* Modules: unknown until a LoadModule is read, then by both names. */
	r = parse("<IfModule mod_ssl.c>\n  A 1\n</IfModule>\n"
		  "LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\n"
		  "LoadModule mpm_event_module modules/mod_mpm_event.so\n"
		  "<IfModule mod_ssl.c>\n  B 2\n</IfModule>\n"
		  "<IfModule ssl_module>\n  C 3\n</IfModule>\n"
		  "<IfModule event.c>\n  D 4\n</IfModule>\n"
		  "<IfModule !mod_headers.c>\n  E 5\n</IfModule>\n"
		  "<IfModule mod_headers.c>\n  F 6\n  <VirtualHost *:1>\n  </VirtualHost>\n"
		  "  <IfModule x>\n  </IfModule>\n</IfModule>\n"
		  "<IfModule mod_version.c>\n  G 7\n</IfModule>\n");
	CHECK_STR(tree(r),
		  "A(1) LoadModule(ssl_module|/usr/lib/apache2/modules/mod_ssl.so) "
		  "LoadModule(mpm_event_module|modules/mod_mpm_event.so) B(2) C(3) D(4) E(5) "
		  "G(7)");
	CHECK_INT(r->diag.findings.len, 0);
	CHECK(r->parse.modules_known);

	/* A true conditional (and what opens inside it) may end with the file, silently. */
	r = parse("<IfModule mod_version.c>\n<Directory /tmp>\n  A 1\n");
	CHECK_STR(tree(r), "Directory(/tmp){A(1)}");
	CHECK_INT(r->diag.findings.len, 0);
	/* A false one may not, and httpd names the innermost section. */
	r = parse("LoadModule x_module x.so\n<IfModule nosuch.c>\n<Directory /tmp>\n");
	CHECK_STR(show(r, 0),
		  "3:1: parse-error: Expected </Directory> before end of configuration");
	r = parse("LoadModule x_module x.so\n<IfModule nosuch.c>\n</Directory>\n");
	CHECK_STR(show(r, 0), "3:1: parse-error: Expected </IfModule> but saw </Directory>");
	r = parse("<IfModule>\n</IfModule>\nDefine a:b\n");
	CHECK_STR(show(r, 0),
		  "1:1: parse-error: <IfModule> directive requires additional arguments");
	CHECK_STR(show(r, 1), "3:8: parse-error: Variable name must not contain ':'");
}

static void
test_macros(void)
{
	struct run *r;

	r = parse("LoadModule macro_module mod_macro.so\n"      /* 1 */
		  "<Macro VHost $name $port @quoted>\n"         /* 2 */
		  "  <VirtualHost *:$port>\n"                   /* 3 */
		  "    ServerName $name\n"                      /* 4 */
		  "    SSLCertificateFile /etc/ssl/$name.crt\n" /* 5 */
		  "    Header set X @quoted\n"                  /* 6 */
		  "  </VirtualHost>\n"                          /* 7 */
		  "</Macro>\n"                                  /* 8 */
		  "Use VHost www.example.test 443 'a \"b'\n"    /* 9 */
		  "Use vhost other.test 8443 c\n"               /* 10 */
		  "UndefMacro VHost\n"                          /* 11 */
		  "Use VHost x 1 2\n"                           /* 12 */
		  "<Macro R>\nUse R\n</Macro>\nUse R\n"         /* 13-16 */
		  "Use R 1\n");                                 /* 17 */
	CHECK_STR(tree(r), "LoadModule(macro_module|mod_macro.so) "
			   "VirtualHost(*:443){ServerName(www.example.test) "
			   "SSLCertificateFile(/etc/ssl/www.example.test.crt) Header(set|X|a \"b)} "
			   "VirtualHost(*:8443){ServerName(other.test) "
			   "SSLCertificateFile(/etc/ssl/other.test.crt) Header(set|X|c)}");
	/* Directives from a macro point into its body; the substituted part at the parameter. */
	{
		const struct tl_directive *vh = r->parse.tree.root.children[1];

		CHECK_STR(where(vh->loc), "3:3");
		CHECK_STR(where(vh->children[1]->loc), "5:5");
		CHECK_STR(where(vh->children[1]->args[0].loc), "5:24");
		CHECK(vh->included_by != NULL && vh->included_by->args[0].text[0] == 'V');
	}
	CHECK_STR(show(r, 0), "12:5: parse-error: macro 'vhost' undefined");
	CHECK_STR(show(r, 1), "14:1: parse-error: recursive use of macro 'r' is invalid");
	CHECK_STR(show(r, 2),
		  "17:1: parse-error: macro 'r' (defined on line 13 of \"t.conf\") used "
		  "with 1 arguments instead of 0");
	/* Without mod_macro loaded, <Macro> is an ordinary (unknown) section. */
	r = parse("LoadModule ssl_module mod_ssl.so\n<Macro M>\n  A 1\n</Macro>\n");
	CHECK_STR(tree(r), "LoadModule(ssl_module|mod_ssl.so) Macro(M){A(1)}");
}

static void
test_debian_tree(void)
{
	struct run *r = run_new();
	const char *root = tl_arena_printf(arena, "%s/apache", fixtures);

	CHECK_INT(tl_fs_init(&r->fs, arena, root), 0);
	r->rc = tl_apache_parse_file(&r->env, &r->opts,
				     tl_arena_printf(arena, "%s/etc/apache2/apache2.conf", root),
				     &r->parse);
	CHECK_INT(r->rc, 0);
	CHECK_STR(r->parse.tree.prefix, "/etc/apache2");
	/*
	 * envvars exports replace ${APACHE_LOG_DIR} (SUFFIX from the else branch:
	 * empty); mods-enabled in name order; the ssl_module Listen kept, the gnutls
	 * one not; a directory include reads every file below it in name order,
	 * dot files too (checked with apache2 -t -D DUMP_INCLUDES).
	 */
	CHECK_STR(tree(r),
		  "ErrorLog(/var/log/apache2/error.log) "
		  "LoadModule(mpm_event_module|/usr/lib/apache2/modules/mod_mpm_event.so) "
		  "LoadModule(ssl_module|/usr/lib/apache2/modules/mod_ssl.so) Listen(80) "
		  "Listen(443) ServerTokens(Prod) "
		  "VirtualHost(*:443){ServerName(www.example.test) SSLEngine(on)} D(4) B(2) "
		  "A(1) C(3)");
	CHECK_INT(r->diag.findings.len, 0);
	CHECK_INT(r->parse.tree.nfiles, 10);
	CHECK(r->parse.tree.root.children[5]->included_by != NULL);

	/* RHEL: the main file is in conf/, includes are relative to ServerRoot /etc/httpd. */
	r = run_new();
	CHECK_INT(tl_fs_init(&r->fs, arena, root), 0);
	r->rc = tl_apache_parse_file(&r->env, &r->opts,
				     tl_arena_printf(arena, "%s/etc/httpd/conf/httpd.conf", root),
				     &r->parse);
	CHECK_INT(r->rc, 0);
	CHECK_STR(r->parse.tree.prefix, "/etc/httpd");
	CHECK_STR(tree(r),
		  "ServerRoot(/etc/httpd) Listen(80) "
		  "LoadModule(mpm_event_module|modules/mod_mpm_event.so) "
		  "LoadModule(ssl_module|modules/mod_ssl.so) Listen(443|https) "
		  "VirtualHost(_default_:443){SSLEngine(on) SSLCipherSuite(PROFILE=SYSTEM)}");
	CHECK_INT(r->diag.findings.len, 0);
	CHECK_INT(r->parse.tree.nfiles, 4);

	/* Include of a missing file, and a wildcard that matches nothing. */
	r = parse("Include /nonexistent/x.conf\nInclude /nonexistent/*.conf\n"
		  "IncludeOptional /nonexistent/*.conf\nIncludeOptional /nonexistent/y.conf\n"
		  "Include a b\n");
	CHECK_STR(show(r, 0), "1:1: include-missing: include file '/nonexistent/x.conf' not found");
	CHECK_STR(show(r, 1), "2:1: include-missing: Include/IncludeOptional: Could not open "
			      "directory /nonexistent: No such file or directory");
	CHECK_STR(show(r, 2), "5:1: parse-error: Include takes one argument");
	CHECK_INT(r->diag.findings.len, 3);
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_apache_parse FIXTURES\n");
		return 2;
	}
	fixtures = argv[1];
	arena = tl_arena_new();
	test_lines_and_words();
	test_sections();
	test_defines_and_conditions();
	test_macros();
	test_debian_tree();
	tl_arena_free(arena);
	return tl_unit_result();
}
