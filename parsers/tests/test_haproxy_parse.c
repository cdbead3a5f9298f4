/*
 * Unit tests of the HAProxy parser: parse_line's words (quotes, escapes,
 * comments, "${VAR}"), sections, the .if conditions and HAProxy's
 * refusals. The behaviours were checked against Debian's haproxy 2.6 with
 * `haproxy -c` (testdata/realserver/haproxy-parse.sh runs the same texts)
 * and read in 3.4's src/cfgparse.c, src/tools.c and src/cfgcond.c.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/tests/unit.h"
#include "../haproxy.h"

static struct tl_arena *arena;

struct run {
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_fs fs;
	struct tl_parse_env env;
	struct tl_tree tree;
	struct tl_haproxy_options opts;
	int rc;
};

static const struct tl_version v34 = {3, 4, 0};
static const struct tl_version v26 = {2, 6, 12};

static struct run *
parse_env(const char *text, struct tl_version v, const char *const *env, size_t nenv)
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
	r->opts.version = v;
	r->opts.env = env;
	r->opts.nenv = nenv;
	r->opts.env_set = true;
	r->rc = tl_haproxy_parse_text(&r->env, &r->opts, "t.cfg", text, strlen(text), &r->tree);
	return r;
}

static struct run *
parse(const char *text)
{
	return parse_env(text, v34, NULL, 0);
}

static const char *
show(const struct run *r, size_t i)
{
	const struct tl_finding *f = i < r->diag.findings.len ? r->diag.findings.items[i] : NULL;
	unsigned line, col;

	if (f == NULL)
		return "";
	tl_loc_linecol(&f->loc, &line, &col);
	return tl_arena_printf(arena, "%u:%u: %s: %s", line, col, f->check, f->message);
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
	return dump(&r->tree.root);
}

/* Where argument K of line L (0-based over every line of the tree) was written. */
static const char *
arg_at(const struct run *r, size_t section, size_t line, size_t k)
{
	const struct tl_directive *d = r->tree.root.children[section]->children[line];
	unsigned l, c;

	tl_loc_linecol(&d->args[k].loc, &l, &c);
	return tl_arena_printf(arena, "%u:%u+%u", l, c, d->args[k].loc.len);
}

static void
test_words(void)
{
	struct run *r;

	r = parse("global\n"
		  "    log stdout format raw local0   # a comment\n"
		  "\tssl-default-bind-ciphers \"ECDHE+AESGCM:ECDHE+CHACHA20\"\n"
		  "frontend 'web site'\n"
		  "    bind :443 ssl crt /etc/ssl/a\\ b.pem\n"
		  "    http-response set-header X \"a#b\" 'c\"d' e\\#f \\x41\\t\n"
		  "    acl x path_reg ^/a\\.b\n"
		  "#   bind :80\n");
	CHECK_INT(r->rc, 0);
	CHECK_INT(r->diag.findings.len, 0);
	CHECK_STR(tree(r), "global(){log(stdout|format|raw|local0) "
			   "ssl-default-bind-ciphers(ECDHE+AESGCM:ECDHE+CHACHA20)} "
			   "frontend(web site){bind(:443|ssl|crt|/etc/ssl/a b.pem) "
			   "http-response(set-header|X|a#b|c\"d|e#f|A\t) "
			   "acl(x|path_reg|^/a\\.b)}");
	/* Places are the words as written, quotes included. */
	CHECK_STR(arg_at(r, 0, 1, 0), "3:27+29");
	CHECK_STR(arg_at(r, 1, 0, 3), "5:23+17");
	CHECK(r->tree.root.children[0]->children[1]->args[0].quoted);

	/* A word may be glued from quoted and plain parts; "" alone is an empty word. */
	r = parse("global\n    a b\"c d\"e'f'\n");
	CHECK_STR(tree(r), "global(){a(bc def)}");
}

static void
test_environment(void)
{
	static const char *const env[] = {"CERTS=/etc/haproxy/certs", "PORTS=443 8443", "EMPTY="};
	struct run *r;

	/* Variables expand inside double quotes only; ${X-default}; ${X[*]} splits words. */
	r = parse_env("frontend f\n"
		      "    bind \"${CERTS}\" $CERTS \"$CERTS/x\" '${CERTS}'\n"
		      "    bind \"${NOPE-/d}\" \"${PORTS[*]}\" \"a\\$b\"\n"
		      "    x \".${.SECTION}.${.LINE}\"\n",
		      v34, env, 3);
	CHECK_INT(r->diag.findings.len, 0);
	CHECK_STR(tree(r), "frontend(f){bind(/etc/haproxy/certs|$CERTS|/etc/haproxy/certs/x|"
			   "${CERTS}) bind(/d|443|8443|a$b) x(.f.4)}");

	/* An unset variable leaves an empty word: refused from 3.2, kept for the keyword before. */
	r = parse_env("global\n    ssl-default-bind-ciphers \"${NOPE}\" x\n", v34, env, 3);
	CHECK_STR(show(r, 0), "2:30: parse-error: argument number 1 is empty and marks the end "
			      "of the argument list (an environment variable that is not set)");
	r = parse_env("global\n    maxconn \"${NOPE}\" 10\n", v26, env, 3);
	CHECK_INT(r->diag.findings.len, 0);
	CHECK_INT(r->tree.root.children[0]->children[0]->nargs, 2);
	CHECK_STR(r->tree.root.children[0]->children[0]->args[0].text, "");

	r = parse_env("global\n    a \"${1X}\"\n    b \"${CERTS\"\n    c \\x4\n", v34, env, 3);
	CHECK_STR(show(r, 0), "2:10: parse-error: forbidden first char in environment variable "
			      "name at position 10");
	CHECK_STR(show(r, 1), "3:9: parse-error: unmatched brace in environment variable name "
			      "at position 9");
	CHECK_STR(show(r, 2), "4:7: parse-error: truncated or invalid hexadecimal sequence at "
			      "position 7");
}

static void
test_sections_and_errors(void)
{
	struct run *r;

	/* Every kind of section opens; lines before any section are refused. */
	r = parse("maxconn 10\n"
		  "global\n"
		  "defaults tcp from base\n"
		  "crt-store web\n"
		  "    load crt a.pem\n"
		  "resolvers dns\n"
		  "    nameserver ns 1.1.1.1:53\n"
		  "listen l\n"
		  "    no option httplog\n"
		  "  [scope]\n"
		  "backend b\n");
	CHECK_STR(show(r, 0), "1:1: parse-error: unknown keyword 'maxconn' out of section");
	CHECK_INT(r->diag.findings.len, 1);
	CHECK_STR(tree(r),
		  "global(){} defaults(tcp|from|base){} crt-store(web){load(crt|a.pem)} "
		  "resolvers(dns){nameserver(ns|1.1.1.1:53)} listen(l){no(option|httplog)} "
		  "backend(b){}");
	/* crt-store is a section from 3.0 only: in 2.6 it is an unknown keyword in global. */
	r = parse_env("global\ncrt-store web\n", v26, NULL, 0);
	CHECK_STR(tree(r), "global(){crt-store(web)}");

	/* Quotes, the last line's LF, and too many words. */
	r = parse("global\n    log stdout local0 \"a\nglobal\n    x");
	CHECK_STR(show(r, 0), "2:23: parse-error: unmatched quote at position 23");
	CHECK_STR(show(r, 1), "4:5: parse-error: Missing LF on last line, file might have been "
			      "truncated");
	{
		const char *many = "global\n  x";

		for (int i = 0; i < 64; i++)
			many = tl_arena_printf(arena, "%s a", many);
		r = parse(tl_arena_printf(arena, "%s\n", many));
		CHECK_STR(show(r, 0),
			  "2:131: parse-error: too many words, truncating after word 64");
	}
}

static void
test_conditions(void)
{
	static const char *const env[] = {"WITH_SSL=1", "SITE=www"};
	struct run *r;

	r = parse_env(".if defined(WITH_SSL) && !defined(NOPE)\n"
		      "global\n"
		      "    a 1\n"
		      ".elif 1\n"
		      "    b 1\n"
		      ".else\n"
		      "    c 1\n"
		      ".endif\n"
		      ".if version_atleast(3.4) && version_before(3.5-dev0) && feature(OPENSSL)\n"
		      "    d 1\n"
		      ".endif\n"
		      ".if feature(QUIC) || streq(\"$SITE\",www) && (0 || !0)\n"
		      "    e 1\n"
		      ".endif\n"
		      ".if 0\n"
		      "  .if 1\n"
		      "    f 1\n"
		      "  .else\n"
		      "    g 1\n"
		      "  .endif\n"
		      ".elif strstr(\"a-www-b\", $SITE)\n"
		      "    h 1\n"
		      ".elif 1\n"
		      "    i 1\n"
		      ".endif\n"
		      ".if openssl_version_atleast(1.1.1) && ssllib_name_startswith(Open)\n"
		      "    j 1\n"
		      ".endif\n"
		      ".notice \"hello\"\n",
		      v34, env, 2);
	CHECK_INT(r->diag.findings.len, 0);
	/* $SITE outside double quotes is not expanded: strstr("a-www-b", "$SITE") is false. */
	CHECK_STR(tree(r), "global(){a(1) d(1) e(1) i(1) j(1)}");

	r = parse_env(".if version_atleast(3.4)\nglobal\n.endif\n", v26, NULL, 0);
	CHECK_STR(tree(r), "");
	/* strstr() came with 2.8; 2.6 cannot parse it. */
	r = parse_env(".if strstr(a,b) || 1\n.endif\n", v26, NULL, 0);
	CHECK_STR(show(r, 0), "1:1: parse-error: unparsable conditional expression "
			      "'strstr(a,b) || 1' in '.if'");

	/* Found by fuzzing: an empty feature name, and a '$' that ends the file inside quotes. */
	r = parse(".if feature() || 0\nglobal\n.endif\n");
	CHECK_STR(tree(r), "");
	r = parse("global\n    a \"$");
	CHECK_STR(show(r, 0), "2:8: parse-error: forbidden first char in environment variable "
			      "name at position 9");
	CHECK(((const struct tl_finding *)r->diag.findings.items[0])->loc.off +
		      ((const struct tl_finding *)r->diag.findings.items[0])->loc.len <=
	      strlen("global\n    a \"$"));

	/* An unknown macro ends what HAProxy reads of the file. */
	r = parse(".if 1\n.  if 1\n.endif\nglobal\n");
	CHECK_STR(show(r, 0), "2:1: parse-error: unknown directive '.'");
	CHECK_STR(show(r, 1), "2:1: parse-error: non-terminated '.if' block");
	CHECK_STR(tree(r), "");

	r = parse(".endif\n.else\n.if 1\n.else\n.else\n.endif\n.if nosuch(1)\n.endif\n.if 1\n");
	CHECK_STR(show(r, 0), "1:1: parse-error: lone '.endif' with no matching '.if'");
	CHECK_STR(show(r, 1), "2:1: parse-error: lone '.else' with no matching '.if'");
	CHECK_STR(show(r, 2), "5:1: parse-error: '.else' after '.else' is not permitted");
	CHECK_STR(show(r, 3),
		  "7:1: parse-error: unparsable conditional expression 'nosuch(1)' in '.if'");
	CHECK_STR(show(r, 4), "9:1: parse-error: non-terminated '.if' block");

	/* .alert stops HAProxy; .warning does not. */
	r = parse("global\n.warning \"w\"\n.alert \"stop here\"\n");
	CHECK_STR(show(r, 0), "3:1: parse-error: 'stop here'");
	CHECK_INT(r->diag.findings.len, 1);
}

int
main(void)
{
	arena = tl_arena_new();
	test_words();
	test_environment();
	test_sections_and_errors();
	test_conditions();
	tl_arena_free(arena);
	return tl_unit_result();
}
