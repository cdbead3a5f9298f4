# Thin wrapper around meson for the two commands of the README:
#   make demo   — install what is missing, build, lint the bundled demo configs
#   make check  — the same set-up plus the test tools, then the whole suite
#                 (normal build, then unit and golden tests again under ASan+UBSan, then
#                 the golden tests under valgrind)
#   make install — build, then install tlslint to /usr/local (meson install; PREFIX=… to change)
# Other targets: build, deps, golden-update, bench, fuzz, format, clean, capture-clients.

BUILD      ?= build
ASAN_BUILD ?= build-asan
VALGRIND_BUILD ?= build-valgrind
MESON_OPTS ?= -Dwerror=true
PREFIX     ?= /usr/local

# Debian packages: to build, in addition to run the tests, and for the benchmarks (GNU time
# reports peak RSS; nginx -t is the yardstick).
BUILD_PKGS = gcc meson ninja-build pkg-config libssl-dev libyaml-dev libpcre2-dev
TEST_PKGS  = openssl python3 time curl nginx libnginx-mod-stream apache2 haproxy clang libclang-rt-14-dev clang-format git strace pre-commit cmark-gfm \
  valgrind testssl.sh gnutls-bin openjdk-17-jre-headless chromium libnss3-tools
BENCH_PKGS = time nginx apache2 haproxy openssl
# The real clients whose ClientHello testdata/clients/capture.py records (issue 13), for
# `make capture-clients`. Those that realserver-simulate-live runs against real servers
# (gnutls-bin, the JRE, Chromium and NSS's certutil for its trust store) are in TEST_PKGS too,
# with testssl.sh for realserver-simulate-testssl. The JRE runs the single-file Java client
# (`java Hello.java`: its modules include the compiler); python3 and openssl are in TEST_PKGS.
CAPTURE_PKGS = chromium firefox-esr curl wget openssl gnutls-bin python3 openjdk-17-jre-headless \
  golang-go nodejs libnss3-tools

# npm packages for the tests, into .tools/ of the work tree: Microsoft's SARIF multitool, the
# validator of the cli-sarif test (its npm package ships the native binary, .NET included, and
# the SARIF 2.1.0 schema), and ajv with ajv-formats, which checks the outputs against that schema.
# npm comes with Debian's nodejs and npm packages, installed only where no npm is on PATH (a
# Node.js of another origin may bring its own npm, which Debian's npm package conflicts with).
TOOLS = .tools
SARIF_MULTITOOL_VERSION = 5.7.0
AJV_VERSION = 8.20.0
AJV_FORMATS_VERSION = 3.0.1
NPM_TEST_PKGS = @microsoft/sarif-multitool@$(SARIF_MULTITOOL_VERSION) ajv@$(AJV_VERSION) \
  ajv-formats@$(AJV_FORMATS_VERSION)
# Named by the versions, so changing one installs again.
NPM_STAMP = $(TOOLS)/.installed-$(SARIF_MULTITOOL_VERSION)-$(AJV_VERSION)-$(AJV_FORMATS_VERSION)

TLSLINT = $(BUILD)/src/tlslint
# The instant the test PKI and the demo are evaluated at (see testdata/pki/mk.sh).
TEST_NOW = 2026-06-01T00:00:00Z

.PHONY: all deps deps-test deps-npm build demo check install golden-update bench fuzz format clean \
  capture-clients

all: build

# Installs only the packages that are missing; apt-get update runs once, first.
deps:
	@sh scripts/apt-install.sh $(BUILD_PKGS)

deps-test: deps-npm
	@sh scripts/apt-install.sh $(BUILD_PKGS) $(TEST_PKGS)

deps-npm: $(NPM_STAMP)

$(NPM_STAMP):
	@command -v npm >/dev/null 2>&1 || sh scripts/apt-install.sh nodejs npm
	npm install --prefix $(TOOLS) --no-audit --no-fund --loglevel=error $(NPM_TEST_PKGS)
	@touch "$@"

$(BUILD)/build.ninja:
	meson setup $(BUILD) $(MESON_OPTS) --prefix $(PREFIX)

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

# tlslint on PATH: the binary, the man page and the check pages (share/tlslint/checks).
install: build
	meson configure $(BUILD) --prefix $(PREFIX)
	meson install -C $(BUILD)

# The findings are the point of the demo: exit status 1 is success here, 2 is not.
# git records no file modes but the executable bit, so the demo keys are checked out 0644;
# restore the 0600 they have on a real host, or every key would also get key-permissions.
demo: build
	@chmod 600 testdata/demo/etc/ssl/private/*.key testdata/demo/etc/haproxy/certs/*.pem
	@echo "== tlslint on testdata/demo (certificates evaluated at $(TEST_NOW)) =="
	@$(TLSLINT) --root testdata/demo --now $(TEST_NOW) --ca-file testdata/pki/root.crt testdata/demo/etc/nginx/nginx.conf; \
	  status=$$?; [ $$status -le 1 ] || { echo "tlslint failed with status $$status"; exit 1; }
	@echo
	@echo "== tlslint on the Debian-style Apache httpd tree of testdata/demo =="
	@$(TLSLINT) --root testdata/demo --now $(TEST_NOW) --ca-file testdata/pki/root.crt testdata/demo/etc/apache2/apache2.conf; \
	  status=$$?; [ $$status -le 1 ] || { echo "tlslint failed with status $$status"; exit 1; }
	@echo
	@echo "== tlslint on the HAProxy config of testdata/demo (a crt directory of combined PEMs) =="
	@$(TLSLINT) --root testdata/demo --now $(TEST_NOW) --ca-file testdata/pki/root.crt testdata/demo/etc/haproxy/haproxy.cfg; \
	  status=$$?; [ $$status -le 1 ] || { echo "tlslint failed with status $$status"; exit 1; }
	@echo
	@echo "== audit mode: no PATH lints every server config found under --root (last lines) =="
	@$(TLSLINT) --root testdata/demo --now $(TEST_NOW) --ca-file testdata/pki/root.crt | tail -n 2; true
	@echo
	@echo "== the same as JSON, for a CI gate (first lines) =="
	@$(TLSLINT) --root testdata/demo --now $(TEST_NOW) --ca-file testdata/pki/root.crt --format json \
	  testdata/demo/etc/nginx/nginx.conf | head -n 20; true

$(ASAN_BUILD)/build.ninja:
	CC=clang meson setup $(ASAN_BUILD) $(MESON_OPTS) -Dbuildtype=debug \
	  -Db_sanitize=address,undefined -Db_lundef=false -Dsingle_alloc=true

# valgrind's memcheck and ASan do not mix: valgrind gets a build of its own, optimised as the
# normal one is, with every arena object its own malloc. Its setup runs every report of every
# golden case under valgrind (testdata/meson.build).
$(VALGRIND_BUILD)/build.ninja:
	meson setup $(VALGRIND_BUILD) $(MESON_OPTS) -Dsingle_alloc=true

check: deps-test $(BUILD)/build.ninja $(ASAN_BUILD)/build.ninja $(VALGRIND_BUILD)/build.ninja
	ninja -C $(BUILD)
	meson test -C $(BUILD) --print-errorlogs
	ninja -C $(ASAN_BUILD)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  meson test -C $(ASAN_BUILD) --print-errorlogs --suite unit --suite golden --suite cli \
	    --suite fuzz-replay
	ninja -C $(VALGRIND_BUILD)
	meson test -C $(VALGRIND_BUILD) --setup valgrind --print-errorlogs --suite golden

# Rewrites the expected outputs of every golden case; review the diff before committing.
golden-update: build
	python3 testdata/golden.py --update $(TLSLINT)

bench: build
	@sh scripts/apt-install.sh $(BENCH_PKGS)
	python3 testdata/bench/run.py $(TLSLINT)
	python3 testdata/bench/big_config.py $(TLSLINT)

# Records the ClientHello of each real client again (testdata/clients/hello/); review the diff,
# then commit. As root: the clients are installed, and wget and Debian's node (when the
# installed nodejs is not Debian's) run in a private mount namespace.
capture-clients:
	@sh scripts/apt-install.sh $(CAPTURE_PKGS)
	python3 testdata/clients/capture.py
	python3 testdata/clients/check_hellos.py

fuzz:
	CC=clang meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false
	ninja -C build-fuzz

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(VALGRIND_BUILD) build-fuzz $(TOOLS)
