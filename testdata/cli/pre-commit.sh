#!/usr/bin/env bash
# The pre-commit hooks with the real pre-commit (Debian's package), in scratch repositories: a
# commit that introduces an expired certificate is blocked and a clean one passes, for a local
# hook (repo: local) and for the remote form (repo: URL, rev:) that reads this repository's
# .pre-commit-hooks.yaml, in both its hooks (entry configs; changed files).
# Usage: pre-commit.sh TLSLINT   (run from the repository root)
set -u
TLSLINT=$(realpath "$1")
SRC=$(pwd)
NOW=2026-06-01T00:00:00Z
fails=0
if ! command -v pre-commit >/dev/null || ! command -v git >/dev/null; then
	echo "SKIP: pre-commit or git is not installed ('make check' installs them)"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME=$tmp/cache HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.test GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.test
mkdir -p "$HOME"
# The hooks find tlslint on PATH (the build under test), so nothing is built here.
export PATH="$(dirname "$TLSLINT"):$PATH"

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# The hook repository: this checkout's hook definitions and wrapper, committed on their own.
hooks=$tmp/hooks
mkdir -p "$hooks/scripts"
cp "$SRC/.pre-commit-hooks.yaml" "$hooks/"
cp "$SRC/scripts/pre-commit-tlslint" "$hooks/scripts/"
git -C "$hooks" init -q
git -C "$hooks" add -A
git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)

# new_repo NAME CONFIG: a config repository with a clean site and the given .pre-commit-config.yaml.
new_repo() {
	repo=$tmp/$1
	mkdir -p "$repo/etc/nginx/sites-enabled" "$repo/etc/ssl"
	cp "$SRC/testdata/pki/www.fullchain.crt" "$SRC/testdata/pki/expired.fullchain.crt" "$repo/etc/ssl/"
	cp "$SRC/testdata/pki/www.key" "$SRC/testdata/pki/expired.key" "$repo/etc/ssl/"
	chmod 600 "$repo"/etc/ssl/*.key
	cp "$SRC/testdata/pki/root.crt" "$repo/root.crt"
	cat >"$repo/etc/nginx/nginx.conf" <<'CONF'
events {}
http {
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384;
    ssl_session_tickets off;
    add_header Strict-Transport-Security "max-age=63072000" always;
    include /etc/nginx/sites-enabled/*;
}
CONF
	cat >"$repo/etc/nginx/sites-enabled/www.conf" <<'CONF'
server {
    listen 443 ssl;
    server_name www.example.test;
    ssl_certificate     /etc/ssl/www.fullchain.crt;
    ssl_certificate_key /etc/ssl/www.key;
}
CONF
	printf 'root: .\nentry: [etc/nginx/nginx.conf]\nca-file: root.crt\n' >"$repo/.tlslint.yaml"
	printf '%s\n' "$2" >"$repo/.pre-commit-config.yaml"
	git -C "$repo" init -q
	(cd "$repo" && pre-commit install >/dev/null) || fail "$1: pre-commit install"
}

# scenario NAME CONFIG: the clean commit passes, the expired certificate is blocked.
scenario() {
	new_repo "$1" "$2"
	git -C "$repo" add -A
	if git -C "$repo" commit -qm clean >"$tmp/out" 2>&1; then
		echo "ok: $1: a clean commit passes"
	else
		fail "$1: the clean commit was blocked: $(cat "$tmp/out")"
	fi
	sed -i 's|/etc/ssl/www\.|/etc/ssl/expired.|' "$repo/etc/nginx/sites-enabled/www.conf"
	git -C "$repo" add -A
	if git -C "$repo" commit -qm expired >"$tmp/out" 2>&1; then
		fail "$1: the commit with an expired certificate passed"
	elif grep -q 'certificate expired on 2026-01-01.*\[cert-expired\]' "$tmp/out"; then
		echo "ok: $1: the expired certificate blocks the commit, with the finding"
	else
		fail "$1: blocked, but without the cert-expired finding: $(cat "$tmp/out")"
	fi
}

scenario local "repos:
  - repo: local
    hooks:
      - id: tlslint
        name: tlslint
        entry: tlslint --now $NOW --format gcc
        language: system
        pass_filenames: false"

scenario remote "repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: tlslint
        args: [--now, '$NOW']"

scenario remote-files "repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: tlslint-files
        args: [--now, '$NOW']"

echo "$fails failed"
[ "$fails" -eq 0 ]
