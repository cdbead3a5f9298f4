#!/usr/bin/env python3
"""'tlslint ciphers' must list, for the suites the local OpenSSL has, the same
suites in the same order with the same protocol/Kx/Au/Enc/Mac columns as
'openssl ciphers -v' (TLS 1.3 lines dropped: a cipher string does not set them).

Usage: compare_openssl.py TLSLINT"""
import subprocess
import sys

STRINGS = [
    'HIGH:!aNULL:!MD5', 'DEFAULT', 'ALL', 'ALL:COMPLEMENTOFALL', 'ECDHE-ECDSA-AES128-GCM-SHA256',
    'kECDHE+aRSA+AESGCM', 'DEFAULT:@STRENGTH', 'EECDH+AESGCM:EDH+AESGCM', 'ALL:!kRSA:-SHA1:+AES256',
    'TLSv1.2:!PSK:!SRP:@STRENGTH', 'CAMELLIA:ARIA:+SHA256', 'eNULL:aNULL:@STRENGTH', 'AES:-AESGCM:+SHA1',
    'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:'
    'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:'
    'DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384',
]


def openssl_rows(s):
    out = subprocess.run(['openssl', 'ciphers', '-v', s + ':@SECLEVEL=0'], capture_output=True,
                         text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        f = line.split()
        if f[1] == 'TLSv1.3':
            continue
        rows.append((f[0], f[1], f[2][3:], f[3][3:], f[4][4:], f[5][4:]))
    return rows


def main():
    tlslint = sys.argv[1]
    known = {r[0] for r in openssl_rows('ALL:COMPLEMENTOFALL')}
    bad = 0
    for s in STRINGS:
        out = subprocess.run([tlslint, 'ciphers', '-q', s + ':@SECLEVEL=0'], capture_output=True,
                             text=True, check=True).stdout.splitlines()[1:]
        mine = []
        for line in out:
            f = line.split()
            if f[0] in known:
                mine.append((f[0], f[2], f[3], f[4], f[5], f[6]))
        want = openssl_rows(s)
        if mine != want:
            bad += 1
            print('differs for %r' % s)
            for a, b in zip(mine + [None] * len(want), want + [None] * len(mine)):
                if a != b:
                    print('  tlslint %s\n  openssl %s' % (a, b))
                    break
    print('%d strings, %d differ' % (len(STRINGS), bad))
    return 1 if bad else 0


sys.exit(main())
