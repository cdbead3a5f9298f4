/* Run functions of the checks, one per registry row. */
#ifndef TL_CHECKS_H
#define TL_CHECKS_H

struct tl_run;

void tl_check_cert_expired(struct tl_run *run);
void tl_check_cert_expiring(struct tl_run *run);
void tl_check_cert_missing(struct tl_run *run);
void tl_check_cert_not_yet_valid(struct tl_run *run);
void tl_check_cert_self_signed(struct tl_run *run);
void tl_check_cert_unparsable(struct tl_run *run);
void tl_check_cert_weak_signature(struct tl_run *run);
void tl_check_chain_contains_root(struct tl_run *run);
void tl_check_chain_expired(struct tl_run *run);
void tl_check_chain_extra_cert(struct tl_run *run);
void tl_check_chain_incomplete(struct tl_run *run);
void tl_check_chain_order(struct tl_run *run);
void tl_check_chain_untrusted(struct tl_run *run);
void tl_check_ssl_no_certificate(struct tl_run *run);

#endif
