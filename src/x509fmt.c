/* X.509 names and dates as messages show them. */
#include "x509fmt.h"

#include <openssl/bio.h>
#include <time.h>

const char *
tl_x509_name(struct tl_arena *arena, const X509_NAME *name)
{
	BIO *bio = BIO_new(BIO_s_mem());
	char *data = NULL;
	long len;
	const char *s;

	if (bio == NULL)
		return "";
	X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253);
	len = BIO_get_mem_data(bio, &data);
	s = tl_arena_strndup(arena, data ? data : "", len > 0 ? (size_t)len : 0);
	BIO_free(bio);
	return s;
}

const char *
tl_cert_subject(struct tl_arena *arena, X509 *cert)
{
	return tl_x509_name(arena, X509_get_subject_name(cert));
}

time_t
tl_asn1_time(const ASN1_TIME *t)
{
	struct tm tm;

	if (ASN1_TIME_to_tm(t, &tm) != 1)
		return 0;
	return timegm(&tm);
}

const char *
tl_date(struct tl_arena *arena, time_t t)
{
	struct tm tm;
	char buf[32];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
	return tl_arena_strdup(arena, buf);
}
