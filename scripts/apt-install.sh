#!/bin/sh
# Installs the Debian packages given as arguments that are not installed yet.
# Runs 'apt-get update' once, only when something is missing.
set -eu
missing=""
for pkg in "$@"; do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	case "$status" in
	*"ok installed"*) ;;
	*) missing="$missing $pkg" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "missing Debian packages:$missing — run as root or install them" >&2
	exit 1
fi
echo "installing:$missing"
apt-get update -qq
# The nginx package starts a service on install where it can; tests start their own.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
