/*
 * Unit tests of the nginx parser: nginx's tokenizer rules, error reporting
 * and recovery, includes (on disk, under --root, in nginx -T dumps) and the
 * limits. The fixture directory is passed as the first argument.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/tests/unit.h"
#include "../nginx.h"

static const char *fixtures;
static struct tl_arena *arena;

struct run {
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_fs fs;
	struct tl_parse_env env;
	struct tl_tree tree;
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
	return r;
}

static struct run *
parse_with(const char *text, const struct tl_parse_limits *lim)
{
	struct run *r = run_new();

	if (lim)
		r->env.limits = *lim;
	r->rc = tl_nginx_parse_text(&r->env, "t.conf", text, strlen(text), &r->tree);
	return r;
}

static struct run *
parse(const char *text)
{
	return parse_with(text, NULL);
}

static struct run *
parse_fixture(const char *rel, const char *root, const struct tl_parse_limits *lim)
{
	struct run *r = run_new();

	if (lim)
		r->env.limits = *lim;
	if (root)
		CHECK_INT(
			tl_fs_init(&r->fs, arena, tl_arena_printf(arena, "%s/%s", fixtures, root)),
			0);
	r->rc = tl_nginx_parse_file(&r->env, tl_arena_printf(arena, "%s/%s", fixtures, rel),
				    &r->tree);
	return r;
}

static size_t
nfindings(const struct run *r)
{
	return r->diag.findings.len;
}

static const struct tl_finding *
finding(const struct run *r, size_t i)
{
	return i < r->diag.findings.len ? r->diag.findings.items[i] : NULL;
}

/* "line:col" of a location, for compact assertions. */
static const char *
where(struct tl_loc loc)
{
	unsigned line;
	unsigned col;

	tl_loc_linecol(&loc, &line, &col);
	return tl_arena_printf(arena, "%u:%u", line, col);
}

/* "file:line:col: check: message" of finding I, or "" when there is none. */
static const char *
show(const struct run *r, size_t i)
{
	const struct tl_finding *f = finding(r, i);

	if (f == NULL)
		return "";
	return tl_arena_printf(arena, "%s:%s: %s: %s", f->loc.src ? f->loc.src->path : "-",
			       where(f->loc), f->check, f->message);
}

/* Follows "a/b/c": the first child named so at each level. */
static const struct tl_directive *
find(const struct tl_directive *d, const char *path)
{
	char *copy = tl_arena_strdup(arena, path);
	char *save = NULL;

	for (char *part = strtok_r(copy, "/", &save); part && d; part = strtok_r(NULL, "/", &save))
		d = tl_directive_child(d, part);
	return d;
}

static const char *
arg(const struct tl_directive *d, size_t i)
{
	if (d == NULL || i >= d->nargs)
		return "(none)";
	return d->args[i].text;
}

/* The names of D's children, space separated, with their first argument. */
static const char *
kids(const struct tl_directive *d)
{
	const char *s = "";

	if (d == NULL)
		return "(none)";
	for (size_t i = 0; i < d->nchildren; i++)
		s = tl_arena_printf(arena, "%s%s%s=%s", s, i ? " " : "", d->children[i]->name,
				    d->children[i]->nargs ? d->children[i]->args[0].text : "");
	return s;
}

static void
test_basic(void)
{
	struct run *r = parse("events {}\n"
			      "http {\n"
			      "\tserver {\n"
			      "\t\tlisten 443 ssl;\n"
			      "\t\tserver_name a.example  b.example;\n"
			      "\t}\n"
			      "}\n");
	const struct tl_directive *http = find(&r->tree.root, "http");
	const struct tl_directive *listen = find(&r->tree.root, "http/server/listen");
	const struct tl_directive *sn = find(&r->tree.root, "http/server/server_name");
	const struct tl_directive *ev = find(&r->tree.root, "events");

	CHECK_INT(r->rc, 0);
	CHECK_INT(nfindings(r), 0);
	CHECK_INT(r->tree.nfiles, 1);
	CHECK(!r->tree.from_dump);
	CHECK_STR(r->tree.prefix, ".");
	CHECK_INT(r->tree.root.nchildren, 2);
	CHECK(ev && ev->block && ev->nchildren == 0 && ev->nargs == 0);
	CHECK(http && http->block && http->parent == &r->tree.root);
	CHECK(listen && listen->nargs == 2 && !listen->block);
	CHECK_STR(arg(listen, 1), "ssl");
	CHECK_STR(where(listen->loc), "4:3");
	CHECK_INT(listen->loc.len, 6);
	CHECK(listen->parent == find(&r->tree.root, "http/server"));
	CHECK(listen->included_by == NULL);
	CHECK_STR(arg(sn, 1), "b.example");
	CHECK_STR(where(sn->args[1].loc), "5:26");
	CHECK_INT(sn->args[1].len, 9);
	CHECK_STR(sn->loc.src->path, "t.conf");
}

static void
test_quotes_and_escapes(void)
{
	struct run *r = parse("add_header X-A \"a b;{}#\" always;\n"
			      "add_header 'X-B' 'it''s';\n"
			      "e1 \"q\\\"q\" 'q\\'q' a\\\\b \"t\\tn\\nr\\r\";\n"
			      "e2 \\d+ \"\\d\" a\\ b;\n"
			      "e3 \"\" '';\n"
			      "e4 a\"b c\"d;\n");
	const struct tl_directive *d = find(&r->tree.root, "add_header");
	const struct tl_directive *e1 = find(&r->tree.root, "e1");
	const struct tl_directive *e2 = find(&r->tree.root, "e2");
	const struct tl_directive *e3 = find(&r->tree.root, "e3");
	const struct tl_directive *e4 = find(&r->tree.root, "e4");

	/* 'it''s' is a quoted word followed directly by a quote: nginx refuses it. */
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0), "t.conf:2:22: parse-error: unexpected \"'\"");
	CHECK(find(&r->tree.root, "add_header") == d && d->nargs == 3);
	CHECK_STR(arg(d, 1), "a b;{}#");
	CHECK(d->args[1].quoted && !d->args[0].quoted);
	CHECK_INT(d->args[1].loc.len, 9);
	CHECK_INT(d->args[1].len, 7);
	CHECK_STR(arg(e1, 0), "q\"q");
	CHECK_STR(arg(e1, 1), "q'q");
	CHECK_STR(arg(e1, 2), "a\\b");
	CHECK_STR(arg(e1, 3), "t\tn\nr\r");
	/* Other backslashes stay: regexes depend on them. */
	CHECK_STR(arg(e2, 0), "\\d+");
	CHECK_STR(arg(e2, 1), "\\d");
	CHECK_STR(arg(e2, 2), "a\\ b");
	CHECK_INT(e3 ? e3->nargs : 0, 2);
	CHECK_STR(arg(e3, 0), "");
	CHECK(e3 && e3->args[1].quoted);
	/* Quotes are special only at the start of a word. */
	CHECK_STR(arg(e4, 0), "a\"b");
	CHECK_STR(arg(e4, 1), "c\"d");
}

static void
test_variables_and_specials(void)
{
	struct run *r = parse("set $a ${b}c;\nreturn 200 ${x}y{z;}\n");
	const struct tl_directive *set = find(&r->tree.root, "set");
	const struct tl_directive *ret = find(&r->tree.root, "return");
	const struct tl_directive *ifd;
	const struct tl_directive *e5;
	const struct tl_directive *d;

	CHECK_INT(nfindings(r), 0);
	CHECK_STR(arg(set, 1), "${b}c");
	/* "{" belongs to the word only right after "$": "y{" opens a block. */
	CHECK(ret && ret->block && ret->nargs == 2);
	CHECK_STR(arg(ret, 1), "${x}y");
	CHECK_STR(kids(ret), "z=");

	r = parse("if ($http_x ~ \"a{2}\") { return 403; }\n"
		  "proxy_pass http://x#frag;\n"
		  "return 200 a}b;\n"
		  "listen 80; # a comment with } and { and ;\n"
		  "e5 a#b #c\n"
		  "  d;\n");
	ifd = find(&r->tree.root, "if");
	d = find(&r->tree.root, "proxy_pass");
	ret = find(&r->tree.root, "return");
	e5 = find(&r->tree.root, "e5");
	CHECK_INT(nfindings(r), 0);
	CHECK(ifd && ifd->block && ifd->nargs == 4);
	CHECK_STR(arg(ifd, 0), "($http_x");
	CHECK_STR(arg(ifd, 2), "a{2}");
	CHECK_STR(arg(ifd, 3), ")");
	CHECK_STR(kids(ifd), "return=403");
	CHECK_STR(arg(d, 0), "http://x#frag");
	CHECK_STR(arg(ret, 1), "a}b");
	CHECK(find(&r->tree.root, "listen") != NULL);
	CHECK(e5 && e5->nargs == 2);
	CHECK_STR(arg(e5, 0), "a#b");
	CHECK_STR(arg(e5, 1), "d");
}

static void
test_regex_location_and_lists(void)
{
	struct run *r = parse("location ~* \\.(gif|jpg)$ {\n"
			      "\texpires 30d;\n"
			      "}\n"
			      "map $host $x {\n"
			      "\tdefault 0;\n"
			      "\t~^www\\. 1;\n"
			      "\t\"\" 2;\n"
			      "\thostnames;\n"
			      "}\n"
			      "types { text/html html htm; image/gif gif; }\n"
			      "geo $geo { 10.0.0.0/8 lan; default wan; }\n"
			      "limit_except GET { deny all; }\n"
			      "server {}\n"
			      "location = / { }\r\n"
			      "crlf 1;\r\n"
			      "last \"x\"\r\n;");
	const struct tl_directive *loc = find(&r->tree.root, "location");
	const struct tl_directive *map = find(&r->tree.root, "map");
	const struct tl_directive *crlf = find(&r->tree.root, "crlf");

	CHECK_INT(nfindings(r), 0);
	CHECK(loc && loc->nargs == 2 && loc->block);
	CHECK_STR(arg(loc, 0), "~*");
	CHECK_STR(arg(loc, 1), "\\.(gif|jpg)$");
	CHECK_STR(kids(loc), "expires=30d");
	CHECK_STR(kids(map), "default=0 ~^www\\.=1 =2 hostnames=");
	CHECK_STR(where(map->children[2]->loc), "7:2");
	CHECK_STR(kids(find(&r->tree.root, "types")), "text/html=html image/gif=gif");
	CHECK_INT(find(&r->tree.root, "types/text~1html") == NULL, 1);
	CHECK_STR(kids(find(&r->tree.root, "geo")), "10.0.0.0/8=lan default=wan");
	CHECK_STR(kids(find(&r->tree.root, "limit_except")), "deny=all");
	CHECK(find(&r->tree.root, "server") && find(&r->tree.root, "server")->block);
	CHECK_STR(arg(crlf, 0), "1");
	CHECK_STR(where(crlf->loc), "15:1");
	CHECK_STR(arg(find(&r->tree.root, "last"), 0), "x");
}

static void
test_lua(void)
{
	const char *body = "\n\tlocal s = \"}\" .. '{' .. \"\\\"}\" -- } comment {\n"
			   "\tlocal t = [[ } ]] .. [==[ ]] } ]=] ]==] --[[ { ]]\n"
			   "\tif x then ngx.say(\"{\") end { }\n";
	char *text = tl_arena_printf(arena,
				     "http {\n"
				     "content_by_lua_block {%s}\n"
				     "set_by_lua_block $res { return 1 }\n"
				     "listen 80;\n"
				     "}\n",
				     body);
	struct run *r = parse(text);
	const struct tl_directive *lua = find(&r->tree.root, "http/content_by_lua_block");
	const struct tl_directive *set = find(&r->tree.root, "http/set_by_lua_block");

	CHECK_INT(nfindings(r), 0);
	CHECK(lua && lua->block && lua->nchildren == 0 && lua->nargs == 1);
	CHECK_STR(arg(lua, 0), body);
	CHECK(lua && !lua->args[0].quoted);
	CHECK_STR(where(lua->args[0].loc), "2:23");
	CHECK(set && set->nargs == 2);
	CHECK_STR(arg(set, 0), "$res");
	CHECK_STR(arg(set, 1), " return 1 ");
	CHECK(find(&r->tree.root, "http/listen") != NULL);

	r = parse("init_by_lua_block {\n  x = '}'\n  -- }\n");
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0),
		  "t.conf:4:1: parse-error: unexpected end of file in lua block, expecting \"}\"");
}

/* Exactly one parse-error, SHOWN, and the directive after it still parsed. */
static void
check_one_error(const char *text, const char *shown, const char *later)
{
	struct run *r = parse(text);

	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0), shown);
	CHECK_STR(finding(r, 0) ? finding(r, 0)->server : NULL, "nginx");
	if (later)
		CHECK(find(&r->tree.root, later) != NULL);
}

static void
test_errors(void)
{
	struct run *r;

	check_one_error("a \"b\"c;\nlisten 80;\n", "t.conf:1:6: parse-error: unexpected \"c\"",
			"listen");
	check_one_error("http {\n server {\n  listen 80\n }\n listen 81;\n}\nevents {}\n",
			"t.conf:4:2: parse-error: unexpected \"}\", expecting \";\"", "events");
	check_one_error("a 1;\n}\nb 2;\n", "t.conf:2:1: parse-error: unexpected \"}\"", "b");
	check_one_error("a 1;\n ;\nb 2;\n", "t.conf:2:2: parse-error: unexpected \";\"", "b");
	check_one_error("{ x 1; }\nb 2;\n", "t.conf:1:1: parse-error: unexpected \"{\"", "b");
	check_one_error("a \"b;\nc 1;\n", "t.conf:1:3: parse-error: unterminated quoted string",
			NULL);
	check_one_error("x 'a}' 'b'}\ny 1;\n", "t.conf:1:11: parse-error: unexpected \"}\"", "y");
	check_one_error("http {\n a 1;\n",
			"t.conf:3:1: parse-error: unexpected end of file, "
			"expecting \"}\"",
			"http/a");
	check_one_error("a 1;\nb 2",
			"t.conf:2:4: parse-error: unexpected end of file, "
			"expecting \";\" or \"}\"",
			"a");
	check_one_error("http { a 1",
			"t.conf:1:11: parse-error: unexpected end of file, "
			"expecting \";\" or \"}\"",
			NULL);
	check_one_error("include a b;\nz 1;\n",
			"t.conf:1:1: parse-error: invalid number of arguments in 'include'", "z");
	check_one_error("a \"x\"\x01;\nz 1;\n", "t.conf:1:6: parse-error: unexpected \"\\x01\"",
			"z");

	/* The missing ";" keeps the directive; nginx would stop there. */
	r = parse("server { listen 80 }\n");
	CHECK_STR(arg(find(&r->tree.root, "server/listen"), 0), "80");
	/* The unclosed block is pointed at. */
	r = parse("a 1;\nhttp {\n");
	CHECK_INT(nfindings(r), 1);
	CHECK(finding(r, 0) && finding(r, 0)->related.len == 1);
	if (finding(r, 0) && finding(r, 0)->related.len == 1) {
		const struct tl_related *rel = finding(r, 0)->related.items[0];

		CHECK_STR(where(rel->loc), "2:6");
	}
	/* Several independent errors are all reported, in order. */
	r = parse("a \"b\"c;\n}\nb 1 }\n");
	CHECK_INT(nfindings(r), 3);
	CHECK_STR(show(r, 1), "t.conf:2:1: parse-error: unexpected \"}\"");
	CHECK_STR(show(r, 2), "t.conf:3:5: parse-error: unexpected \"}\", expecting \";\"");
}

static void
test_limits(void)
{
	struct tl_parse_limits lim = tl_default_parse_limits;
	struct run *r;
	char *deep;
	size_t n = 200000;

	lim.max_nesting = 3;
	r = parse_with("a { b { c { d { e 1; } } } }\nz 1;\n", &lim);
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0), "t.conf:1:15: parse-error: blocks nested too deeply (more than 3 "
			      "levels, tlslint's limit)");
	CHECK(find(&r->tree.root, "a/b/c/d") != NULL);
	CHECK(find(&r->tree.root, "a/b/c/d/e") == NULL);
	CHECK(find(&r->tree.root, "z") != NULL);

	lim = tl_default_parse_limits;
	lim.max_args = 3;
	r = parse_with("a 1 2 3 4 5;\nb 1 2 3;\n", &lim);
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0),
		  "t.conf:1:9: parse-error: too many arguments (more than 3, tlslint's limit)");
	CHECK_INT(find(&r->tree.root, "a") ? find(&r->tree.root, "a")->nargs : 0, 3);
	CHECK_INT(find(&r->tree.root, "b") ? find(&r->tree.root, "b")->nargs : 0, 3);

	/* Deep nesting must not exhaust the stack. */
	deep = tl_arena_alloc(arena, 2 * n + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(deep + 2 * i, "a{", 2);
	r = parse(deep);
	CHECK_INT(nfindings(r), 2);
	CHECK_STR(show(r, 0), "t.conf:1:130: parse-error: blocks nested too deeply (more than 64 "
			      "levels, tlslint's limit)");

	lim = tl_default_parse_limits;
	lim.max_total_size = 4;
	r = parse_with("a 1;\nb 2;\n", &lim);
	CHECK_INT(r->rc, -27); /* EFBIG */
}

static void
test_includes(void)
{
	struct run *r = parse_fixture("inc/nginx.conf", NULL, NULL);
	const struct tl_directive *http = find(&r->tree.root, "http");
	const struct tl_directive *srv;
	const char *dir = tl_arena_printf(arena, "%s/inc", fixtures);

	CHECK_INT(r->rc, 0);
	CHECK_STR(r->tree.prefix, dir);
	/* a.conf, b.conf, the inline server; c.conf.disabled does not match. */
	CHECK_STR(kids(http), "server= server= server=");
	CHECK_INT(http ? http->nchildren : 0, 3);
	if (http == NULL || http->nchildren != 3)
		return;
	srv = http->children[0];
	CHECK_STR(kids(srv), "server_name=a.example ssl_protocols=TLSv1.2 ssl_ciphers=HIGH");
	CHECK(srv->parent == http);
	CHECK(srv->included_by != NULL);
	CHECK_STR(srv->included_by ? arg(srv->included_by, 0) : "", "conf.d/*.conf");
	CHECK_STR(srv->loc.src->path, tl_arena_printf(arena, "%s/conf.d/a.conf", dir));
	CHECK_STR(where(srv->loc), "1:1");
	/* Spliced children keep their own file and parent. */
	CHECK(srv->children[1]->parent == srv);
	CHECK_STR(srv->children[1]->loc.src->path,
		  tl_arena_printf(arena, "%s/snippets/ssl.conf", dir));
	CHECK_STR(arg(srv->children[1]->included_by, 0), "snippets/ssl.conf");
	CHECK_STR(kids(http->children[1]), "server_name=b.example");
	CHECK_STR(kids(http->children[2]), "listen=8443 ssl_protocols=TLSv1.2 ssl_ciphers=HIGH");
	/* The snippet included twice is one source. */
	CHECK(http->children[2]->children[1]->loc.src == srv->children[1]->loc.src);
	CHECK_INT(r->tree.nfiles, 4);
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0), tl_arena_printf(arena,
					      "%s/nginx.conf:7:9: include-missing: include file "
					      "'%s/snippets/missing.conf' not found",
					      dir, dir));
}

static void
test_include_cycle_and_depth(void)
{
	struct tl_parse_limits lim = tl_default_parse_limits;
	struct run *r = parse_fixture("cycle/nginx.conf", NULL, NULL);
	const char *dir = tl_arena_printf(arena, "%s/cycle", fixtures);

	CHECK_INT(r->rc, 0);
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0), tl_arena_printf(arena,
					      "%s/b.conf:2:1: parse-error: include cycle: "
					      "'%s/a.conf' is already being read",
					      dir, dir));
	CHECK_STR(kids(&r->tree.root), "a_first=1 b_first=1 b_last=1 events=");

	lim.max_include_depth = 2;
	r = parse_fixture("chain/nginx.conf", NULL, &lim);
	dir = tl_arena_printf(arena, "%s/chain", fixtures);
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0), tl_arena_printf(arena,
					      "%s/d2.conf:2:1: parse-error: includes nested too "
					      "deeply (more than 2 levels, tlslint's limit)",
					      dir));
	CHECK_STR(kids(&r->tree.root), "in_d1=1 in_d2=1");

	lim = tl_default_parse_limits;
	lim.max_files = 3;
	r = parse_fixture("chain/nginx.conf", NULL, &lim);
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0), tl_arena_printf(arena,
					      "%s/d2.conf:2:1: parse-error: too many config "
					      "files to read (more than 3, tlslint's limit)",
					      dir));

	/* A snippet included by five servers is two files, whatever the file limit counts. */
	lim = tl_default_parse_limits;
	lim.max_files = 2;
	r = parse_fixture("repeat/nginx.conf", NULL, &lim);
	CHECK_INT(r->rc, 0);
	CHECK_INT(nfindings(r), 0);
	CHECK_INT((long)r->tree.nfiles, 2);
	/* Parses of it are bounded too: the entry and three includes, then the finding. */
	lim = tl_default_parse_limits;
	lim.max_parses = 4;
	r = parse_fixture("repeat/nginx.conf", NULL, &lim);
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0), tl_arena_printf(arena,
					      "%s/repeat/nginx.conf:7:14: parse-error: includes "
					      "parsed more than 4 times in all (tlslint's limit): "
					      "the rest was not read",
					      fixtures));

	lim = tl_default_parse_limits;
	lim.max_file_size = 20;
	r = parse_fixture("chain/nginx.conf", NULL, &lim);
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(
		show(r, 0),
		tl_arena_printf(
			arena,
			"%s/nginx.conf:1:1: parse-error: config file "
			"'%s/d1.conf' is larger than tlslint's limit of 20 bytes; it was not read",
			dir, dir));

	r = parse_fixture("chain/missing.conf", NULL, NULL);
	CHECK_INT(r->rc, -2); /* ENOENT */
	r = parse_fixture("chain", NULL, NULL);
	CHECK_INT(r->rc, -21); /* EISDIR */
}

static void
test_root(void)
{
	struct run *r = parse_fixture("rootmain/nginx.conf", "root", NULL);
	const struct tl_directive *http = find(&r->tree.root, "http");

	CHECK_INT(nfindings(r), 0);
	CHECK_STR(kids(http), "server= ssl_session_tickets=off");
	CHECK_STR(http && http->nchildren ? http->children[1]->loc.src->path : "",
		  tl_arena_printf(arena, "%s/root/etc/nginx/ssl.conf", fixtures));
	/* Without --root the absolute include names this machine's /etc. */
	r = parse_fixture("rootmain/nginx.conf", NULL, NULL);
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0), tl_arena_printf(arena,
					      "%s/rootmain/nginx.conf:3:5: include-missing: "
					      "include file '/etc/nginx/ssl.conf' not found",
					      fixtures));
}

static void
test_dump(void)
{
	/* What `nginx -T 2>&1` prints, with the files as nginx read them. */
	const char *dump = "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
			   "nginx: configuration file /etc/nginx/nginx.conf test is successful\n"
			   "# configuration file /etc/nginx/nginx.conf:\n"
			   "events {}\n"
			   "http {\n"
			   "    include /etc/nginx/conf.d/*.conf;\n"
			   "    include snippets/tls.conf;\n"
			   "    include snippets/none.conf;\n"
			   "    include nomatch/*.conf;\n"
			   "}\n"
			   "\n"
			   "# configuration file /etc/nginx/conf.d/b.conf:\n"
			   "server {\n"
			   "    listen 443 ssl;\n"
			   "    include snippets/tls.conf;\n"
			   "}\n"
			   "\n"
			   "# configuration file /etc/nginx/conf.d/a.conf:\n"
			   "server {\n"
			   "    listen 80\n"
			   "}\n"
			   "\n"
			   "# configuration file /etc/nginx/snippets/tls.conf:\n"
			   "ssl_protocols TLSv1.2;";
	struct run *r = parse(dump);
	const struct tl_directive *http = find(&r->tree.root, "http");
	const struct tl_directive *b;

	CHECK_INT(r->rc, 0);
	CHECK(r->tree.from_dump);
	CHECK_STR(r->tree.prefix, "/etc/nginx");
	CHECK_INT(r->tree.nfiles, 4);
	CHECK_STR(kids(http), "server= server= ssl_protocols=TLSv1.2");
	CHECK_INT(nfindings(r), 2);
	CHECK_STR(show(r, 0), "/etc/nginx/conf.d/a.conf:3:1: parse-error: unexpected \"}\", "
			      "expecting \";\"");
	CHECK_STR(show(r, 1), "/etc/nginx/nginx.conf:5:5: include-missing: include file "
			      "'/etc/nginx/snippets/none.conf' not found");
	if (http == NULL || http->nchildren != 3)
		return;
	/* Sorted like glob: a.conf before b.conf. */
	CHECK_STR(http->children[0]->loc.src->path, "/etc/nginx/conf.d/a.conf");
	b = http->children[1];
	CHECK_STR(b->loc.src->path, "/etc/nginx/conf.d/b.conf");
	CHECK_STR(where(b->children[0]->loc), "2:5");
	CHECK_STR(b->children[1]->loc.src->path, "/etc/nginx/snippets/tls.conf");
	CHECK(b->children[1]->loc.src == http->children[2]->loc.src);
	CHECK(b->children[1]->loc.src->disk_path == NULL);
	/* The last section lost only the newline nginx added. */
	CHECK_INT(b->children[1]->loc.src->len, strlen("ssl_protocols TLSv1.2;"));
	CHECK_STR(where(http->children[2]->args[0].loc), "1:15");

	/* The prefix stays the deployed one under --root: files are found through it later. */
	r = run_new();
	CHECK_INT(tl_fs_init(&r->fs, arena, fixtures), 0);
	r->rc = tl_nginx_parse_text(&r->env, "-", dump, strlen(dump), &r->tree);
	CHECK_STR(r->tree.prefix, "/etc/nginx");

	/* A cycle through sections is found, not followed. */
	r = parse("# configuration file /x/nginx.conf:\n"
		  "include a.conf;\n"
		  "\n"
		  "# configuration file /x/a.conf:\n"
		  "include nginx.conf;\n");
	CHECK_INT(nfindings(r), 1);
	CHECK_STR(show(r, 0), "/x/a.conf:1:1: parse-error: include cycle: '/x/nginx.conf' is "
			      "already being read");
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: test_nginx FIXTURES-DIR\n");
		return 2;
	}
	fixtures = argv[1];
	arena = tl_arena_new();
	test_basic();
	test_quotes_and_escapes();
	test_variables_and_specials();
	test_regex_location_and_lists();
	test_lua();
	test_errors();
	test_limits();
	test_includes();
	test_include_cycle_and_depth();
	test_root();
	test_dump();
	tl_arena_free(arena);
	return tl_unit_result();
}
