#!/bin/sh
# The passphrase of /pki/www.encrypted.key (testdata/pki/mk.sh), as SSLPassPhraseDialog exec: wants it.
echo tlslint-test
