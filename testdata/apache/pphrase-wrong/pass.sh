#!/bin/sh
# Not the passphrase of /pki/www.encrypted.key: httpd refuses to start (AH02580).
echo wrongpassword
