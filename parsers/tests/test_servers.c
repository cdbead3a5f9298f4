/* Unit tests of server detection: by file name, then by content, else nginx. */
#include <string.h>

#include "../../src/tests/unit.h"
#include "../servers.h"

static const char *
detect(const char *path, const char *text)
{
	return tl_server_detect(path, text, strlen(text))->name;
}

int
main(void)
{
	size_t n;
	const struct tl_server *const *all = tl_servers(&n);

	CHECK_INT(n, 3);
	for (size_t i = 0; i < n; i++)
		CHECK(tl_server_of(all[i]->kind) == all[i]);
	/* Names only one server uses win over content. */
	CHECK_STR(detect("/etc/apache2/apache2.conf", "server {}"), "apache");
	CHECK_STR(detect("conf/httpd.conf", ""), "apache");
	CHECK_STR(detect("/etc/haproxy/haproxy.cfg", ""), "haproxy");
	CHECK_STR(detect("lb.cfg", ""), "haproxy");
	CHECK_STR(detect("nginx.conf", "<VirtualHost *:443>\n"), "nginx");
	/* Snippets named after their site: the content decides. */
	CHECK_STR(detect("sites-enabled/example.com",
			 "server {\n    listen 443 ssl;\n    server_name example.com;\n}\n"),
		  "nginx");
	CHECK_STR(detect("sites-enabled/example.com.conf",
			 "<VirtualHost *:443>\n    ServerName example.com\n    SSLEngine on\n"
			 "</VirtualHost>\n"),
		  "apache");
	CHECK_STR(detect("lb.conf",
			 "frontend fe\n    bind :443 ssl crt /etc/ssl/x.pem\n"
			 "    default_backend be\n\nbackend be\n    server a 10.0.0.1:80\n"),
		  "haproxy");
	/* An nginx "listen 443;" is no HAProxy listen section. */
	CHECK_STR(detect("x.conf", "server {\n  listen 443;\n}\n"), "nginx");
	/* Nothing to go by: nginx, as before. */
	CHECK_STR(detect("x.conf", ""), "nginx");
	CHECK_STR(detect("-", "ssl_protocols TLSv1.2;\n"), "nginx");
	return tl_unit_result();
}
