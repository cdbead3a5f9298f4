/* Temporary: replaced by the real check families. */
#include "checks.h"
void tl_check_cert_expired(struct tl_run *run) { (void)run; }
void tl_check_cert_expiring(struct tl_run *run) { (void)run; }
void tl_check_cert_missing(struct tl_run *run) { (void)run; }
void tl_check_cert_not_yet_valid(struct tl_run *run) { (void)run; }
void tl_check_cert_unparsable(struct tl_run *run) { (void)run; }
void tl_check_ssl_no_certificate(struct tl_run *run) { (void)run; }
