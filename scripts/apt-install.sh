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
# nginx and apache2 start a service on install where they can, and both want port 80: the
# second would fail to start and fail its install. Tests start their own servers, so services
# are kept from starting during the install (policy-rc.d, as in Debian's container images),
# unless the machine already has a policy of its own.
policy=/usr/sbin/policy-rc.d
own_policy=""
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\n# written by tlslint scripts/apt-install.sh for one install\nexit 101\n' >"$policy"
	chmod 755 "$policy"
	own_policy=1
	trap 'rm -f "$policy"' EXIT
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
[ -z "$own_policy" ] || rm -f "$policy"
