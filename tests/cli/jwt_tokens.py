"""What the tests of `redflag serve --jwks` share: JWTs signed here with python3-cryptography
(an ImportError when it is missing: the tests then skip), the public JWKs of their keys, and one
CDS Hooks call with a bearer token."""
import base64
import http.client
import json
import time
import uuid

from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.asymmetric import ec, padding, utils

URL = "https://cds.example.org"
AUDIENCE = URL + "/cds-services/news2"
ISSUER = "https://fhir-ehr.example.com/"


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def integer(text):
    """The big-endian integer a JWK's base64url member holds."""
    return int.from_bytes(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), "big")


def ec_jwk(key, kid):
    """The public JWK of the EC P-384 private [key]."""
    numbers = key.public_key().public_numbers()
    return {"kty": "EC", "crv": "P-384", "kid": kid, "alg": "ES384",
            "x": b64(numbers.x.to_bytes(48, "big")), "y": b64(numbers.y.to_bytes(48, "big"))}


def rsa_jwk(key, kid):
    """The public JWK of the RSA private [key]."""
    numbers = key.public_key().public_numbers()
    return {"kty": "RSA", "kid": kid, "alg": "RS384",
            "n": b64(numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")), "e": b64(numbers.e.to_bytes(3, "big"))}


def token(key, alg="ES384", kid="example-kid", **claims):
    """A compact JWS for the news2 service, valid for 5 minutes, signed by [key] with [alg]
    (HS256 with a fixed secret, anything else unsigned); [claims] override the payload's."""
    now = int(time.time())
    payload = {"iss": ISSUER, "aud": AUDIENCE, "exp": now + 300, "iat": now, "jti": str(uuid.uuid4())}
    payload.update(claims)
    signed = b64(json.dumps({"alg": alg, "typ": "JWT", "kid": kid}).encode()) + "." + b64(json.dumps(payload).encode())
    data = signed.encode()
    if alg == "ES384":
        r, s = utils.decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA384())))
        signature = r.to_bytes(48, "big") + s.to_bytes(48, "big")
    elif alg == "RS384":
        signature = key.sign(data, padding.PKCS1v15(), hashes.SHA384())
    elif alg == "HS256":
        mac = hmac.HMAC(b"secret", hashes.SHA256())
        mac.update(data)
        signature = mac.finalize()
    else:
        signature = b""
    return signed + "." + b64(signature)


def call(port, bearer):
    """(status, body when 401) of a news2 call on [port] with the bearer token [bearer] (None: no
    Authorization header)."""
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
