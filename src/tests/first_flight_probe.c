/*
 * first_flight_probe CERT KEY CIPHERS VERSIONS GROUPS HELLO.bin…: the
 * server's first flight (src/sim/first_flight.c) for each captured
 * ClientHello, one line each, for testdata/realserver/first-flight.sh to
 * compare with what the real nginx answers to the same bytes. VERSIONS is
 * "1.2", "1.3" or "1.2-1.3"; GROUPS "-" for OpenSSL's default list.
 * A line: "ID hello VERSION SUITE GROUP", "ID retry GROUP" or "ID alert N".
 */
#include <libgen.h>
#include <stdio.h>
#include <string.h>

#include <openssl/ssl.h>

#include "../sim/first_flight.h"

static int
version_of(const char *v)
{
	return strcmp(v, "1.3") == 0 ? TLS1_3_VERSION : TLS1_2_VERSION;
}

int
main(int argc, char **argv)
{
	SSL_CTX *ctx;
	const char *dash;

	if (argc < 7) {
		fprintf(stderr,
			"usage: first_flight_probe CERT KEY CIPHERS VERSIONS GROUPS HELLO…\n");
		return 2;
	}
	ctx = SSL_CTX_new(TLS_server_method());
	dash = strchr(argv[4], '-');
	if (ctx == NULL || SSL_CTX_use_certificate_chain_file(ctx, argv[1]) != 1 ||
	    SSL_CTX_use_PrivateKey_file(ctx, argv[2], SSL_FILETYPE_PEM) != 1 ||
	    SSL_CTX_set_cipher_list(ctx, argv[3]) != 1 ||
	    SSL_CTX_set_min_proto_version(ctx, version_of(argv[4])) != 1 ||
	    SSL_CTX_set_max_proto_version(ctx, version_of(dash ? dash + 1 : argv[4])) != 1 ||
	    (strcmp(argv[5], "-") != 0 && SSL_CTX_set1_groups_list(ctx, argv[5]) != 1)) {
		fprintf(stderr, "first_flight_probe: cannot set up the server context\n");
		return 2;
	}
	for (int i = 6; i < argc; i++) {
		unsigned char hello[65536];
		FILE *f = fopen(argv[i], "rb");
		size_t len;
		struct tl_first_flight r;
		char *id = basename(argv[i]);

		if (f == NULL) {
			perror(argv[i]);
			return 2;
		}
		len = fread(hello, 1, sizeof(hello), f);
		fclose(f);
		if (strrchr(id, '.') != NULL)
			*strrchr(id, '.') = '\0';
		if (tl_first_flight(ctx, hello, len, &r) != 0 && !r.answered && r.alert < 0)
			printf("%s none\n", id);
		else if (r.retry)
			printf("%s retry 0x%04x\n", id, r.group);
		else if (r.answered)
			printf("%s hello 0x%04x 0x%04x 0x%04x\n", id, r.version, r.suite, r.group);
		else
			printf("%s alert %d\n", id, r.alert);
	}
	SSL_CTX_free(ctx);
	return 0;
}
