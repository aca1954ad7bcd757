"""`redflag serve --jwks`: JWT accept and reject cases through the service, with tokens signed
here by the CDS Hooks spec's private ES384 key (tests/data/cds-hooks) and a fresh RSA key.

Accepted: ES384, RS384. Refused with a bare 401: no token, a wrong key, a wrong audience, an
unknown issuer, an expired token, a replayed jti, `alg: none`, HS256. Skipped (77) when the
Python `cryptography` package is missing.
Usage: serve_jwt_test.py REDFLAG ROOT
"""
import base64
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid

try:
    from cryptography.hazmat.primitives import hashes, hmac
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils
except ImportError:
    print("python3 cryptography is missing: skipped")
    sys.exit(77)

BINARY, ROOT = sys.argv[1], sys.argv[2]
URL = "https://cds.example.org"
AUDIENCE = URL + "/cds-services/news2"
ISSUER = "https://fhir-ehr.example.com/"
failures = []


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def integer(text):
    return int.from_bytes(unb64(text), "big")


jwk = json.load(open(os.path.join(ROOT, "tests", "data", "cds-hooks", "jwk_example_private.json")))
ec_key = ec.derive_private_key(integer(jwk["d"]), ec.SECP384R1())
other_ec = ec.generate_private_key(ec.SECP384R1())
rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
numbers = rsa_key.public_key().public_numbers()


def token(alg="ES384", kid="example-kid", key=None, **claims):
    now = int(time.time())
    payload = {"iss": ISSUER, "aud": AUDIENCE, "exp": now + 300, "iat": now, "jti": str(uuid.uuid4())}
    payload.update(claims)
    signed = b64(json.dumps({"alg": alg, "typ": "JWT", "kid": kid}).encode()) + "." + b64(json.dumps(payload).encode())
    data = signed.encode()
    if alg == "ES384":
        r, s = utils.decode_dss_signature((key or ec_key).sign(data, ec.ECDSA(hashes.SHA384())))
        signature = r.to_bytes(48, "big") + s.to_bytes(48, "big")
    elif alg == "RS384":
        signature = rsa_key.sign(data, padding.PKCS1v15(), hashes.SHA384())
    elif alg == "HS256":
        mac = hmac.HMAC(b"secret", hashes.SHA256())
        mac.update(data)
        signature = mac.finalize()
    else:
        signature = b""
    return signed + "." + b64(signature)


def status(port, bearer):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Content-Type": "application/json"}
    if bearer is not None:
        headers["Authorization"] = "Bearer " + bearer
    body = json.dumps({"hook": "patient-view", "hookInstance": "h1", "context": {"patientId": "p"},
                       "prefetch": {"observations": {"resourceType": "Bundle", "type": "searchset"}}})
    connection.request("POST", "/cds-services/news2", body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data if response.status == 401 else b""


with tempfile.TemporaryDirectory() as tmp:
    jwks = json.load(open(os.path.join(ROOT, "tests", "data", "cds-hooks", "jwks_example_public.json")))
    jwks["keys"].append({"kty": "RSA", "kid": "rsa-1", "alg": "RS384",
                         "n": b64(numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")),
                         "e": b64(numbers.e.to_bytes(3, "big"))})
    jwks_path = os.path.join(tmp, "jwks.json")
    json.dump(jwks, open(jwks_path, "w"))
    process = subprocess.Popen([BINARY, "serve", os.path.join(ROOT, "examples", "kb", "news2"), "--port", "0",
                                "--jwks", jwks_path, "--issuer", ISSUER, "--url", URL], stderr=subprocess.PIPE, text=True)
    line = process.stderr.readline()
    port = json.loads(line)["port"]
    replayed = token()
    cases = [
        ("ES384 accepted", replayed, 200),
        ("RS384 accepted", token(alg="RS384", kid="rsa-1"), 200),
        ("replayed jti", replayed, 401),
        ("no token", None, 401),
        ("wrong key", token(key=other_ec), 401),
        ("wrong audience", token(aud=URL + "/cds-services/other"), 401),
        ("unknown issuer", token(iss="https://evil.example.com/"), 401),
        ("expired", token(exp=int(time.time()) - 3600), 401),
        ("alg none", token(alg="none"), 401),
        ("HS256", token(alg="HS256"), 401),
    ]
    for what, bearer, want in cases:
        got = status(port, bearer)
        if got != (want, b""):
            failures.append(f"{what}: got {got}, want ({want}, b'')")
    process.send_signal(signal.SIGTERM)
    _, log = process.communicate(timeout=10)
    reasons = [json.loads(l).get("reason") for l in log.splitlines() if '"status":401' in l]
    # httplib logs after the answer is sent, so the next request may be logged first: compare as sets.
    if sorted(reasons) != sorted(["jti replayed", "no bearer token", "bad signature", "wrong audience",
                                  "issuer not allowed", "expired or no exp", "algorithm none refused",
                                  "algorithm HS256 refused"]):
        failures.append(f"logged reasons: {reasons}")
    if "--insecure-no-auth" in log:
        failures.append("warned about --insecure-no-auth with --jwks")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("serve jwt: ok")
