"""`redflag serve --jwks URL`: the JWK Set read from a local HTTPS server with a CA made here
(python3-cryptography), passed with --jwks-ca.

A token of the first key is accepted; after the EHR rotates its key, a token with the new kid is
refused while the last read is under --jwks-min-interval old and accepted after it (the old kid
is then refused); SIGHUP reads the set again, and a set that cannot be read keeps the keys in
use; a failed read for an unknown kid says why. Loopback http:// works. Refused at start, each
with its exact message: an unreachable URL, an answer that is not JSON or not a JWK Set, a 404,
an answer over 1 MiB, a certificate of another CA (also from the system's CAs, without
--jwks-ca), a certificate for another host, an unreadable --jwks-ca, http:// to another host.
Skipped (77) when the Python `cryptography` package is missing.
Usage: serve_jwks_test.py REDFLAG ROOT
"""
import datetime
import http.server
import ipaddress
import json
import os
import queue
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

try:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
    from jwt_tokens import ISSUER, URL, call, ec_jwk, integer, token
except ImportError:
    print("python3 cryptography is missing: skipped")
    sys.exit(77)

BINARY, ROOT = sys.argv[1], sys.argv[2]
KB = os.path.join(ROOT, "examples", "kb", "news2")
MIN_INTERVAL = 4  # --jwks-min-interval of the rotation run
failures = []


def expect(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def certificate(name, key, issuer_name, issuer_key, ca, hosts=()):
    """A PEM certificate for [key] named [name], signed by [issuer_key]; a CA, or a TLS server
    certificate for the IP addresses [hosts]."""
    now = datetime.datetime.now(datetime.timezone.utc)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name or subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                                      key_encipherment=False, data_encipherment=False,
                                                      key_agreement=False, key_cert_sign=True, crl_sign=True,
                                                      encipher_only=False, decipher_only=False), critical=True)
    else:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(h)) for h in hosts]),
                                        critical=False)
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)


def write(path, data):
    with open(path, "wb") as file:
        file.write(data)
    return path


def private_pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


# path -> (status, body) that every JWKS server answers, and the paths asked for, in order.
answers = {}
asked = []


class JwksServer(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        asked.append(self.path)
        status, body = answers.get(self.path, (404, b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve_jwks(tmp, cert_pem=None, key=None):
    """A JWKS server on a free loopback port, HTTPS with [cert_pem] when given; its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), JwksServer)
    if cert_pem:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        name = os.path.join(tmp, f"server{server.server_address[1]}")
        context.load_cert_chain(write(name + ".pem", cert_pem), write(name + ".key", private_pem(key)))
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"{'https' if cert_pem else 'http'}://127.0.0.1:{server.server_address[1]}"


def jwks_of(*keys):
    return json.dumps({"keys": [ec_jwk(key, kid) for kid, key in keys]}).encode()


def serve_command(location, *options):
    return [BINARY, "serve", KB, "--port", "0", "--timeout", "5", "--jwks", location, "--issuer", ISSUER, "--url", URL,
            *options]


def refused_at_start(what, location, reason, *options):
    result = subprocess.run(serve_command(location, *options), capture_output=True, text=True, timeout=30)
    expect(what, (result.returncode, result.stderr), (1, f"error: --jwks {location}: {reason}\n"))


class Serve:
    """`redflag serve` running, its standard error read line by line on a thread."""

    def __init__(self, location, *options):
        self.process = subprocess.Popen(serve_command(location, *options), stderr=subprocess.PIPE, text=True)
        self.lines = queue.Queue()
        self.log, self.claimed = [], set()
        threading.Thread(target=self._read, daemon=True).start()
        self.port = self.next_line(lambda line: line.get("event") == "listening")["port"]

    def _read(self):
        for line in self.process.stderr:
            self.lines.put(line)

    def next_line(self, wanted, timeout=20):
        """The first JSON line of the log that is [wanted] and was not returned before."""
        deadline = time.monotonic() + timeout
        while True:
            for index, line in enumerate(self.log):
                if index not in self.claimed and line.startswith("{") and wanted(json.loads(line)):
                    self.claimed.add(index)
                    return json.loads(line)
            self.log.append(self.lines.get(timeout=max(0.1, deadline - time.monotonic())))

    def reason(self, bearer):
        """(status, the reason logged for it) of a call with [bearer]."""
        status, _ = call(self.port, bearer)
        line = self.next_line(lambda line: "status" in line)
        return status, line.get("reason")

    def event(self):
        return self.next_line(lambda line: line.get("event") == "jwks")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=10)
        expect("SIGTERM exit", self.process.returncode, 0)


with tempfile.TemporaryDirectory() as tmp:
    ca_key, other_ca_key, server_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "redflag test CA")])
    other_ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "another CA")])
    ca_pem = write(os.path.join(tmp, "ca.pem"), certificate("redflag test CA", ca_key, None, ca_key, True))
    https = serve_jwks(tmp, certificate("127.0.0.1", server_key, ca_name, ca_key, False, ["127.0.0.1"]), server_key)
    other_ca = serve_jwks(tmp, certificate("127.0.0.1", server_key, other_ca_name, other_ca_key, False, ["127.0.0.1"]),
                          server_key)
    other_host = serve_jwks(tmp, certificate("10.0.0.1", server_key, ca_name, ca_key, False, ["10.0.0.1"]), server_key)
    plain = serve_jwks(tmp)

    spec = json.load(open(os.path.join(ROOT, "tests", "data", "cds-hooks", "jwk_example_private.json")))
    first = ec.derive_private_key(integer(spec["d"]), ec.SECP384R1())
    second, third = ec.generate_private_key(ec.SECP384R1()), ec.generate_private_key(ec.SECP384R1())
    answers["/jwks.json"] = (200, jwks_of(("example-kid", first)))
    answers["/not-json"] = (200, b'{"keys": [')
    answers["/not-a-set"] = (200, b'{"keys": 3}')
    answers["/huge"] = (200, b" " * (2 << 20))

    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        unreachable = f"https://127.0.0.1:{closed.getsockname()[1]}/jwks.json"
    with_ca = ("--jwks-ca", ca_pem)
    refused_at_start("unreachable", unreachable, "cannot connect", *with_ca)
    refused_at_start("not JSON", https + "/not-json", "not JSON", *with_ca)
    refused_at_start("not a JWK Set", https + "/not-a-set", "not a JWK Set (a JSON object with `keys`)", *with_ca)
    refused_at_start("404", https + "/missing", "answered HTTP 404", *with_ca)
    refused_at_start("over 1 MiB", https + "/huge", "the answer is larger than 1 MiB", *with_ca)
    refused_at_start("another CA", other_ca + "/jwks.json", "certificate refused (unable to get local issuer certificate)",
                     *with_ca)
    refused_at_start("the system's CAs", https + "/jwks.json", "certificate refused (unable to get local issuer certificate)")
    refused_at_start("another host", other_host + "/jwks.json", "certificate refused (it does not name 127.0.0.1)", *with_ca)
    refused_at_start("unreadable --jwks-ca", https + "/jwks.json", "cannot load the CA certificates",
                     "--jwks-ca", os.path.join(tmp, "missing.pem"))
    refused_at_start("http:// to another host", "http://ehr.example.com/jwks.json",
                     "http:// is only for a loopback host (127.0.0.1, [::1], localhost); use https://")

    asked.clear()
    serve = Serve(https + "/jwks.json", *with_ca, "--jwks-min-interval", str(MIN_INTERVAL))
    started = time.monotonic()  # after the first read: listening comes after it
    expect("first key", serve.reason(token(first)), (200, None))
    answers["/jwks.json"] = (200, jwks_of(("rotated", second)))
    held_off = f"(the JWKS is read again at most every {MIN_INTERVAL} s)"
    expect("new kid within the interval", serve.reason(token(second, kid="rotated")),
           (401, "no key for kid rotated " + held_off))
    expect("read once so far", len(asked), 1)
    time.sleep(max(0.0, started + MIN_INTERVAL + 0.2 - time.monotonic()))
    expect("new kid after the interval", serve.reason(token(second, kid="rotated")), (200, None))
    expect("read for the new kid", serve.event(), {"event": "jwks", "cause": "kid rotated", "ok": True, "keys": 1})
    expect("withdrawn kid", serve.reason(token(first)), (401, "no key for kid example-kid " + held_off))

    answers["/jwks.json"] = (200, b"{")
    serve.process.send_signal(signal.SIGHUP)
    expect("a bad set on SIGHUP", serve.event(), {"event": "jwks", "cause": "reload", "ok": False, "reason": "not JSON"})
    expect("keys kept after a bad SIGHUP", serve.reason(token(second, kid="rotated")), (200, None))
    answers["/jwks.json"] = (200, jwks_of(("third", third), ("rotated", second)))
    serve.process.send_signal(signal.SIGHUP)
    expect("SIGHUP", serve.event(), {"event": "jwks", "cause": "reload", "ok": True, "keys": 2})
    reloaded = time.monotonic()
    expect("kid of the SIGHUP set", serve.reason(token(third, kid="third")), (200, None))

    answers["/jwks.json"] = (500, b"")
    time.sleep(max(0.0, reloaded + MIN_INTERVAL + 0.2 - time.monotonic()))
    expect("a failed read for an unknown kid", serve.reason(token(third, kid="fourth")),
           (401, "no key for kid fourth (the JWKS cannot be read again: answered HTTP 500)"))
    expect("failed read logged", serve.event(),
           {"event": "jwks", "cause": "kid fourth", "ok": False, "reason": "answered HTTP 500"})
    expect("keys kept after a failed read", serve.reason(token(third, kid="third")), (200, None))
    serve.stop()

    answers["/jwks.json"] = (200, jwks_of(("example-kid", first)))
    serve = Serve(plain + "/jwks.json")
    expect("loopback http://", serve.reason(token(first)), (200, None))
    serve.stop()

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("serve jwks: ok")
