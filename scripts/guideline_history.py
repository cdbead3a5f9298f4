"""The Mozilla server-side TLS guideline versions before 5.8, as changes.

scripts/gen-profiles.py reads 5.8 and 6.0 from their JSON; every earlier
version is written here as what differs from the version after it, for the
fields tlslint uses (OpenSSL cipher names, not the IANA or Go lists, not
oldest_clients). A field set to None is null (or absent) in that version.

Source: the guideline files Mozilla publishes at
https://ssl-config.mozilla.org/guidelines/<VERSION>.json, kept in
github.com/mozilla/ssl-config-generator as src/static/guidelines/<VERSION>.json
(read at commit 858f8f7), and that directory's CHANGELOG.md. Each entry below
was checked field by field against those files (gen-profiles.py
--verify-history DIR does the comparison again).

Not here: 4.0 (2016). Its cipher lists are OpenSSL cipher strings with
exclusions ("...:!DSS", "HIGH:SEED:!aNULL:...") rather than suite lists, it
has no certificate lifespan, OCSP or preference fields, and its modern
profile is a TLS 1.2 profile: a pinned 4.0 could not mean what Mozilla
meant without guessing, so it is not offered.
"""

# Newest first: each version is the one before it in this list (or 5.8, for
# the first) with these fields replaced.
HISTORY = [
    ("5.7", "2023-05-15", {
        # 5.8 added X25519MLKEM768 in front of every curve list, took the
        # DHE suites out of intermediate and old, and raised old's DH size.
        "modern": {"tls_curves": ["X25519", "prime256v1", "secp384r1"]},
        "intermediate": {
            "tls_curves": ["X25519", "prime256v1", "secp384r1"],
            "ciphers": ["ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
                        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
                        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
                        "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-GCM-SHA384",
                        "DHE-RSA-CHACHA20-POLY1305"],
        },
        "old": {
            "tls_curves": ["X25519", "prime256v1", "secp384r1"],
            "dh_param_size": 1024,
            "ciphers": ["ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
                        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
                        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
                        "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-GCM-SHA384",
                        "DHE-RSA-CHACHA20-POLY1305", "ECDHE-ECDSA-AES128-SHA256",
                        "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES128-SHA",
                        "ECDHE-RSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA384",
                        "ECDHE-RSA-AES256-SHA384", "ECDHE-ECDSA-AES256-SHA",
                        "ECDHE-RSA-AES256-SHA", "DHE-RSA-AES128-SHA256", "DHE-RSA-AES256-SHA256",
                        "AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA256",
                        "AES256-SHA256", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA"],
        },
    }),
    ("5.6", "2020-07-24", {
        # 5.7 appended DHE-RSA-CHACHA20-POLY1305 to intermediate (server-side-tls#285).
        "intermediate": {
            "ciphers": ["ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
                        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
                        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
                        "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-GCM-SHA384"],
        },
    }),
    # 5.6 changed only the Go and IANA cipher order: the OpenSSL fields are 5.5's.
    ("5.5", "2020-07-22", {}),
    ("5.4", "2020-01-21", {
        # 5.5 added recommended_certificate_lifespan and cut the maximum from 730 to 366 days.
        "modern": {"recommended_certificate_lifespan": None},
        "intermediate": {"recommended_certificate_lifespan": None,
                         "maximum_certificate_lifespan": 730},
        "old": {"recommended_certificate_lifespan": None, "maximum_certificate_lifespan": 730},
    }),
    ("5.3", "2020-01-02", {
        # 5.4 dropped modern's RSA size and set certificate curves for intermediate and old.
        "modern": {"rsa_key_size": 2048},
        "intermediate": {"certificate_curves": None},
        "old": {"certificate_curves": None},
    }),
    ("5.2", "2019-08-20", {
        # 5.3 renamed secp256r1 (not an OpenSSL group name) to prime256v1.
        "intermediate": {"tls_curves": ["X25519", "secp256r1", "secp384r1"]},
        "old": {"tls_curves": ["X25519", "secp256r1", "secp384r1"]},
    }),
    # 5.2 added Go cipher names only.
    ("5.1", "2019-07-16", {}),
    # 5.1 renamed keys (openssl_ciphers became ciphers.openssl, openssl_ciphersuites
    # became ciphersuites); the values are 5.0's.
    ("5.0", "2019-06-28", {}),
]
