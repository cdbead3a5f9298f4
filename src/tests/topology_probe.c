/*
 * topology_probe TLSLINT-ARGS… < PROBES: which certificate tlslint's model
 * says a handshake gets, for testdata/realserver/topology.sh to compare
 * with what the real server sends. It runs tlslint as the command line
 * would (the same parsing, lowering, topology and certificate names) and
 * then reads lines "SERVER ADDRESS PORT SNI" (SNI "-" for none), printing
 * for each the first certificate file of the site that
 * tl_topology_socket_for and tl_socket_select choose, as mapped on this
 * machine, or "none". A socket that shares its address with others
 * (same_address) prints "shared N" after the file: any of N sockets may
 * answer.
 */
#include <stdio.h>
#include <string.h>

#include "../cli/cli.h"
#include "../run.h"
#include "../select.h"
#include "../topology.h"

int
main(int argc, char **argv)
{
	struct tl_arena *arena = tl_arena_new();
	struct tl_options opts;
	struct tl_run run;
	const char *error = NULL, *hint = NULL, *failed = NULL;
	char server[32], addr[128], sni[256];
	unsigned port;

	if (tl_cli_parse(argc, argv, arena, &opts, &error, &hint) != 0) {
		fprintf(stderr, "topology_probe: %s\n", error);
		return 2;
	}
	if (tl_run_init(&run, arena, &opts, &error) != 0 || tl_run_lint(&run, &failed) != 0) {
		fprintf(stderr, "topology_probe: cannot lint %s\n", failed ? failed : "");
		return 2;
	}
	while (scanf("%31s %127s %u %255s", server, addr, &port, sni) == 4) {
		enum tl_server_kind kind;
		const struct tl_socket *sock;
		const struct tl_site *site = NULL;

		if (tl_server_parse(server, &kind) != 0) {
			fprintf(stderr, "topology_probe: unknown server %s\n", server);
			return 2;
		}
		sock = tl_topology_socket_for(&run.model, kind, addr, port, false);
		if (sock != NULL)
			site = tl_socket_select(sock, strcmp(sni, "-") == 0 ? NULL : sni);
		if (site == NULL || site->tls.certs.n == 0 ||
		    site->tls.certs.pairs[0].cert.path == NULL)
			printf("none\n");
		else if (sock->same_address.len > 0)
			printf("%s shared %zu\n", site->tls.certs.pairs[0].cert.path,
			       sock->same_address.len + 1);
		else
			printf("%s\n", site->tls.certs.pairs[0].cert.path);
	}
	tl_arena_free(arena);
	return 0;
}
