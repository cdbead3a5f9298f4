#!/usr/bin/env python3
"""Captures the ClientHello of real TLS clients installed on this machine (issue 13).

Starts one listener on 127.0.0.1 with a port the kernel chooses, runs each client against it
with the server name www.example.test, reads the client's first TLS records until the whole
ClientHello is in, closes the connection without answering, kills the client (its process
group, by the pid this script started) and writes, per client:

  hello/<id>.bin   the raw records exactly as received
  hello/<id>.json  id, command line, Debian package and version, capture date, how the name
                   reached 127.0.0.1, and the parsed summary (hello.py)

A client that is not installed, fails or times out is reported and skipped; its old files
are kept. The exit status is the number of clients that were not captured (0: all were);
the last line says how many were. Stdlib only. `make capture-clients` installs the clients
(CAPTURE_PKGS in the Makefile) and runs this script as root, which the private /etc/hosts of
wget needs (a mount namespace: the machine's /etc/hosts is never touched).

  python3 testdata/clients/capture.py [--only NAME,...] [--out DIR] [--list]
"""

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hello  # noqa: E402

NAME = "www.example.test"
HERE = os.path.dirname(os.path.abspath(__file__))

PYTHON_CLIENT = """\
import socket, ssl, sys
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
sock = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
ctx.wrap_socket(sock, server_hostname=sys.argv[2]).do_handshake()
"""

# HttpsURLConnection, the JDK's default HTTPS client; jdk.net.hosts.file maps the name.
JAVA_CLIENT = """\
public class Hello {
    public static void main(String[] args) throws Exception {
        new java.net.URL(args[0]).openStream().close();
    }
}
"""

# net/http's default transport; only the dial goes to 127.0.0.1, SNI stays the URL's host.
GO_CLIENT = """\
package main

import (
	"context"
	"net"
	"net/http"
	"os"
)

func main() {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	dial := tr.DialContext
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		_, port, _ := net.SplitHostPort(addr)
		return dial(ctx, network, net.JoinHostPort("127.0.0.1", port))
	}
	_, err := (&http.Client{Transport: tr}).Get(os.Args[1])
	if err != nil {
		os.Exit(1)
	}
}
"""

# https.get with a lookup that answers 127.0.0.1; servername stays the URL's host.
NODE_CLIENT = """\
const https = require('https');
const lookup = (host, opts, cb) =>
  opts && opts.all ? cb(null, [{address: '127.0.0.1', family: 4}]) : cb(null, '127.0.0.1', 4);
https.get(process.argv[2], {lookup}, () => {}).on('error', () => process.exit(1));
"""

# Headless Firefox in a fresh profile: forceResolve sends every name to 127.0.0.1, so the
# URL keeps its name (SNI) without /etc/hosts; the rest keeps it from calling home first.
FIREFOX_PREFS = """\
user_pref("network.dns.forceResolve", "127.0.0.1");
user_pref("network.trr.mode", 5);
user_pref("network.proxy.type", 0);
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.startup.homepage_override.mstone", "ignore");
user_pref("browser.aboutwelcome.enabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("app.update.enabled", false);
user_pref("app.normandy.enabled", false);
user_pref("extensions.update.enabled", false);
user_pref("browser.safebrowsing.malware.enabled", false);
user_pref("browser.safebrowsing.phishing.enabled", false);
user_pref("network.prefetch-next", false);
"""


def run_text(argv, env=None):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env)
        return out.stdout + out.stderr
    except (OSError, subprocess.TimeoutExpired):
        return ""


def first_match(pattern, text):
    m = re.search(pattern, text)
    return m.group(1) if m else None


def nss_version():
    # tstclnt has no version option: ask the libnss3 it loads.
    import ctypes
    import ctypes.util

    path = ctypes.util.find_library("nss3")
    if not path:
        return None
    lib = ctypes.CDLL(path)
    lib.NSS_GetVersion.restype = ctypes.c_char_p
    return lib.NSS_GetVersion().decode()


def major_minor(version):
    return ".".join(version.split(".")[:2]) if version else None


class Client:
    """One client: how to get its version, its command line, its package."""

    def __init__(self, name, family, package, program, version, command, timeout=30, how="", setup=None, env=None,
                 locate=None):
        self.name = name
        self.family = family
        self.package = package
        self.program = program
        self.version = version  # (program) -> version text for the id
        self.command = command  # (program, port, url, workdir) -> argv
        self.timeout = timeout
        self.how = how
        self.setup = setup  # (workdir) -> None, before the command (compile, profile)
        self.env = env or {}
        self.locate = locate  # (run_dir) -> (program path, package version, note), else PATH and dpkg


def clients():
    return [
        Client(
            "curl", "curl", "curl", "curl",
            lambda prog: major_minor(first_match(r"^curl (\S+)", run_text(["curl", "--version"]))),
            lambda prog, port, url, wd: ["curl", "-sS", "-k", "-o", "/dev/null", "--resolve", "%s:%d:127.0.0.1" % (NAME, port), url],
            how="curl --resolve",
        ),
        Client(
            "wget", "wget", "wget", "wget",
            lambda prog: major_minor(first_match(r"GNU Wget (\S+)", run_text(["wget", "--version"]))),
            lambda prog, port, url, wd: ["unshare", "--mount", "--propagation", "private", "sh", "-c",
                                   'mount --bind "$0" /etc/hosts && exec "$@"', os.path.join(wd, "hosts"),
                                   "wget", "-q", "--tries=1", "--no-check-certificate", "-O", "/dev/null", url],
            how="a private /etc/hosts in a mount namespace (unshare --mount, bind mount); wget has no --resolve",
            setup=lambda wd: write(os.path.join(wd, "hosts"), "127.0.0.1 %s\n" % NAME),
        ),
        Client(
            "openssl", "openssl", "openssl", "openssl",
            lambda prog: major_minor(first_match(r"^OpenSSL (\S+)", run_text(["openssl", "version"]))),
            lambda prog, port, url, wd: ["openssl", "s_client", "-connect", "127.0.0.1:%d" % port, "-servername", NAME],
            how="openssl s_client -connect 127.0.0.1 -servername",
        ),
        Client(
            "gnutls", "gnutls", "gnutls-bin", "gnutls-cli",
            lambda prog: major_minor(first_match(r"gnutls-cli (\S+)", run_text(["gnutls-cli", "--version"]))),
            lambda prog, port, url, wd: ["gnutls-cli", "--insecure", "--sni-hostname", NAME, "-p", str(port), "127.0.0.1"],
            how="gnutls-cli 127.0.0.1 --sni-hostname",
        ),
        Client(
            "python", "python", "python3", "python3",
            lambda prog: major_minor(first_match(r"Python (\S+)", run_text(["python3", "--version"]))),
            lambda prog, port, url, wd: ["python3", os.path.join(wd, "client.py"), str(port), NAME],
            how="ssl.create_default_context().wrap_socket(server_hostname=...) on a socket to 127.0.0.1",
            setup=lambda wd: write(os.path.join(wd, "client.py"), PYTHON_CLIENT),
        ),
        Client(
            "java", "java", "openjdk-17-jre-headless", "java",
            lambda prog: first_match(r'version "(\d+)', run_text(["java", "-version"])),
            lambda prog, port, url, wd: ["java", "-Djdk.net.hosts.file=" + os.path.join(wd, "hosts"),
                                   "-Djavax.net.ssl.trustStore=/dev/null", os.path.join(wd, "Hello.java"), url],
            timeout=90,
            how="java.net.URL.openStream (HttpsURLConnection), -Djdk.net.hosts.file maps the name",
            setup=lambda wd: (write(os.path.join(wd, "Hello.java"), JAVA_CLIENT),
                              write(os.path.join(wd, "hosts"), "127.0.0.1 %s\n" % NAME)),
        ),
        Client(
            "go", "go", "golang-go", "go",
            lambda prog: major_minor(first_match(r"go version go(\S+)", run_text(["go", "version"]))),
            lambda prog, port, url, wd: [os.path.join(wd, "client"), url],
            how="net/http.Get with the default transport, dialling 127.0.0.1 (built with go build first)",
            setup=go_build,
        ),
        Client(
            "node", "node", "nodejs", "node",
            lambda prog: first_match(r"^v(\d+)", run_text([prog, "--version"], env=node_env(prog))),
            lambda prog, port, url, wd: node_command(prog) + [os.path.join(wd, "client.js"), url],
            how="https.get with a lookup function answering 127.0.0.1",
            locate=debian_node,
            setup=lambda wd: write(os.path.join(wd, "client.js"), NODE_CLIENT),
            env={"NODE_TLS_REJECT_UNAUTHORIZED": "0"},
        ),
        Client(
            "nss", "nss", "libnss3-tools", "tstclnt",
            lambda prog: major_minor(nss_version()),
            lambda prog, port, url, wd: ["tstclnt", "-d", "sql:" + os.path.join(wd, "nssdb"), "-h", "127.0.0.1",
                                   "-p", str(port), "-a", NAME, "-o"],
            how="tstclnt -h 127.0.0.1 -a (SNI name), an empty certificate database made by certutil -N",
            setup=nss_db,
        ),
        Client(
            "chromium", "chromium", "chromium", "chromium",
            lambda prog: first_match(r"Chromium (\d+)", run_text(["chromium", "--version"])),
            lambda prog, port, url, wd: ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                   "--no-default-browser-check", "--disable-background-networking",
                                   "--disable-component-update", "--user-data-dir=" + os.path.join(wd, "profile"),
                                   "--host-resolver-rules=MAP %s 127.0.0.1" % NAME, url],
            timeout=90,
            how="chromium --host-resolver-rules",
        ),
        Client(
            "firefox", "firefox", "firefox-esr", "firefox-esr",
            lambda prog: firefox_version(),
            lambda prog, port, url, wd: ["firefox-esr", "--headless", "--no-remote", "--profile", os.path.join(wd, "profile"), url],
            timeout=120,
            how='headless, fresh profile with the pref network.dns.forceResolve = "127.0.0.1"',
            setup=lambda wd: (os.makedirs(os.path.join(wd, "profile")),
                              write(os.path.join(wd, "profile", "user.js"), FIREFOX_PREFS)),
            env={"MOZ_CRASHREPORTER_DISABLE": "1"},
        ),
    ]


def firefox_version():
    m = re.search(r"Firefox (\d+)\S*?(esr)?\s*$", run_text(["firefox-esr", "--version"]).strip())
    return m.group(1) + (m.group(2) or "") if m else None


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def go_build(wd):
    write(os.path.join(wd, "client.go"), GO_CLIENT)
    env = dict(os.environ, GOCACHE=os.path.join(wd, "gocache"), GOPATH=os.path.join(wd, "gopath"),
               GOPROXY="off", GO111MODULE="off")
    subprocess.run(["go", "build", "-o", os.path.join(wd, "client"), os.path.join(wd, "client.go")],
                   check=True, env=env, timeout=600, capture_output=True)


def nss_db(wd):
    os.makedirs(os.path.join(wd, "nssdb"))
    subprocess.run(["certutil", "-N", "--empty-password", "-d", "sql:" + os.path.join(wd, "nssdb")],
                   check=True, timeout=60, capture_output=True)


def node_env(prog):
    """LD_LIBRARY_PATH for a node unpacked by debian_node (its libnode beside it), else None."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(prog)))
    if os.path.basename(root) != "node-root":
        return None
    return dict(os.environ, LD_LIBRARY_PATH=os.path.join(root, "usr", "lib", "x86_64-linux-gnu"))


def node_command(prog):
    root = os.path.dirname(os.path.dirname(os.path.dirname(prog)))
    if os.path.basename(root) != "node-root":
        return [prog]
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c",
            'mount -t overlay overlay -o "lowerdir=$0/usr/share:/usr/share" /usr/share && exec "$@"', root, prog]


def debian_node(run_dir):
    """Debian's node. A nodejs installed from another archive (or by hand) is not Debian's:
    then Debian's newest nodejs and its libnode are fetched with apt-get download and unpacked
    (dpkg-deb -x) into run_dir, not installed, and that node is run."""
    installed = dpkg_version("nodejs")
    madison = run_text(["apt-cache", "madison", "nodejs"])
    archive = [line.split("|")[1].strip() for line in madison.splitlines() if line.count("|") >= 2]
    if installed and installed in archive:
        return shutil.which("node"), installed, None
    if not archive:
        raise RuntimeError("no nodejs in the apt archives (apt-get update?)")
    version = archive[0]
    depends = run_text(["apt-cache", "depends", "nodejs=" + version])
    libnode = first_match(r"Depends: (libnode\d+)", depends)
    pkgs = ["nodejs=" + version] + (["%s=%s" % (libnode, version)] if libnode else [])
    if libnode:
        depends += run_text(["apt-cache", "depends", "%s=%s" % (libnode, version)])
    # Debian's node loads some of its builtins from /usr/share/nodejs (node-acorn, ...).
    pkgs += sorted(set(re.findall(r"Depends: (node-[a-z0-9.-]+)", depends)))
    subprocess.run(["apt-get", "download", "-qq"] + pkgs, cwd=run_dir, check=True, capture_output=True, timeout=300)
    root = os.path.join(run_dir, "node-root")
    for deb in sorted(f for f in os.listdir(run_dir) if f.endswith(".deb")):
        subprocess.run(["dpkg-deb", "-x", os.path.join(run_dir, deb), root], check=True, timeout=300)
    note = ("nodejs %s installed here is not from an apt archive: Debian's %s unpacked (apt-get download, "
            "dpkg-deb -x: %s) and run with LD_LIBRARY_PATH, its /usr/share/nodejs overlaid on /usr/share in a "
            "mount namespace" % (installed, version, " ".join(p.split("=")[0] for p in pkgs)))
    return os.path.join(root, "usr", "bin", "node"), version, note


def dpkg_version(package):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Status}\t${Version}", package], capture_output=True, text=True)
    if out.returncode != 0 or "ok installed" not in out.stdout:
        return None
    return out.stdout.split("\t", 1)[1]


def exited(proc):
    """Whether the client has ended, without reaping it: while it is not reaped, its pid (the
    number of its process group) cannot be given to another process."""
    try:
        return os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def kill_group(proc):
    """Ends the client this script started and what it started: its process group, whose
    number is the pid Popen returned (start_new_session), killed before that pid is reaped."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def drain(listener):
    """Closes connections left in the backlog by the previous client."""
    listener.settimeout(0)
    while True:
        try:
            conn, _ = listener.accept()
        except (BlockingIOError, socket.timeout, OSError):
            break
        conn.close()


def read_hello(conn, deadline):
    """The client's first records, up to the end of the ClientHello; None if it sent
    something else or closed first."""
    data = b""
    while True:
        want = hello.needed(data)
        if want is None:
            return None
        if want == 0:
            return data
        conn.settimeout(max(0.1, deadline - time.monotonic()))
        chunk = conn.recv(max(want, 1))
        if not chunk:
            return None
        data += chunk


def capture(client, listener, port, out_dir, run_dir):
    how = client.how
    if client.locate:
        try:
            prog, package_version, note = client.locate(run_dir)
        except (OSError, RuntimeError, subprocess.SubprocessError) as e:
            return None, "could not find Debian's %s: %s" % (client.package, e)
        how = how + "; " + note if note else how
    else:
        prog = shutil.which(client.program)
        if not prog:
            return None, "%s not found (Debian package %s)" % (client.program, client.package)
        package_version = dpkg_version(client.package)
        if package_version is None:
            return None, "Debian package %s is not installed" % client.package
    version = client.version(prog)
    if not version:
        return None, "%s did not tell its version" % client.program
    client_id = "%s-%s-linux" % (client.family, version)
    url = "https://%s:%d/" % (NAME, port)
    with tempfile.TemporaryDirectory(prefix="tlslint-capture-") as wd:
        try:
            if client.setup:
                client.setup(wd)
        except (OSError, subprocess.SubprocessError) as e:
            return None, "set-up failed: %s" % e
        argv = client.command(prog, port, url, wd)
        env = dict(node_env(prog) or os.environ, HOME=wd, **client.env)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        drain(listener)
        try:
            with open(os.path.join(wd, "stderr.txt"), "wb") as stderr_file:
                proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=stderr_file, env=env, cwd=wd, start_new_session=True)
        except OSError as e:
            return None, "could not start: %s" % e
        deadline = time.monotonic() + client.timeout
        data = None
        why = "no connection within %d s" % client.timeout
        try:
            while time.monotonic() < deadline:
                listener.settimeout(max(0.1, min(1.0, deadline - time.monotonic())))
                try:
                    conn, _ = listener.accept()
                except socket.timeout:
                    if exited(proc):
                        why = "exited before connecting"
                        break
                    continue
                try:
                    data = read_hello(conn, deadline)
                except (socket.timeout, OSError):
                    data = None
                finally:
                    conn.close()
                if data is not None:
                    break
                why = "a connection without a ClientHello"
        finally:
            kill_group(proc)
        with open(os.path.join(wd, "stderr.txt"), "rb") as f:
            stderr = f.read().decode("utf-8", "replace")
        if why == "exited before connecting":
            why = "exited with status %d before connecting" % proc.returncode
        if data is None:
            tail = stderr.strip().splitlines()[-1:] if stderr.strip() else []
            return None, why + (": " + tail[0] if tail else "")
    try:
        summary = hello.parse(data)
    except hello.HelloError as e:
        return None, "captured bytes do not parse: %s" % e
    command = [a.replace(wd, "$TMP").replace(run_dir, "$RUN") for a in argv]
    record = {
        "id": client_id,
        "command": command,
        "name_to_127.0.0.1": how,
        "package": client.package,
        "package_version": package_version,
        "program_version": version,
        "captured": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "server_name_asked": NAME,
        "summary": summary,
    }
    if summary["sni"] != NAME:
        record["note"] = "SNI sent: %r, not %s" % (summary["sni"], NAME)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, client_id + ".bin"), "wb") as f:
        f.write(data)
    with open(os.path.join(out_dir, client_id + ".json"), "w") as f:
        json.dump(record, f, indent=2)
        f.write("\n")
    return client_id, "%d bytes, %d suites, %d extensions" % (
        len(data), len(summary["cipher_suites"]), len(summary["extensions"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated client names (see --list)")
    parser.add_argument("--out", default=os.path.join(HERE, "hello"), help="output directory")
    parser.add_argument("--list", action="store_true", help="list the client names and exit")
    args = parser.parse_args()
    todo = clients()
    if args.list:
        for c in todo:
            print("%-9s %s (Debian package %s)" % (c.name, c.program, c.package))
        return 0
    if args.only:
        wanted = args.only.split(",")
        unknown = set(wanted) - {c.name for c in todo}
        if unknown:
            parser.error("unknown client: " + ", ".join(sorted(unknown)))
        todo = [c for c in todo if c.name in wanted]
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    port = listener.getsockname()[1]
    print("listening on 127.0.0.1:%d, server name %s" % (port, NAME), flush=True)
    captured, failed = [], []
    run_dir = tempfile.mkdtemp(prefix="tlslint-capture-run-")
    for client in todo:
        client_id, message = capture(client, listener, port, args.out, run_dir)
        if client_id:
            captured.append(client_id)
            print("captured %-24s %s" % (client_id, message), flush=True)
        else:
            failed.append(client.name)
            print("skipped  %-24s %s" % (client.name, message), flush=True)
    listener.close()
    shutil.rmtree(run_dir, ignore_errors=True)
    print("%d of %d clients captured%s" % (len(captured), len(todo), "; skipped: " + ", ".join(failed) if failed else ""))
    return min(len(failed), 125)


if __name__ == "__main__":
    sys.exit(main())
