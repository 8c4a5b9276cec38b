"""A fake OpenID Connect provider on a loopback port, the way ID-porten, Feide and Entra ID
answer the authorization-code flow with PKCE: /token (client_secret_basic, one use per code,
S256 code challenge), /userinfo, /jwks (RS256). The user's approval at the provider is
`approve()`, called by the test with the parameters the app's redirect carried."""

import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID, CLIENT_SECRET = "livskraft-test-client", "test-secret-not-used-anywhere"


class FakeProvider:
    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "test-key-1"
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self.token_requests: list[dict] = []
        self.id_token_changes: dict = {}  # e.g. {"aud": "someone-else"} to forge a token
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def environment(self, **extra) -> dict:
        return {"LIVSKRAFT_OIDC_CLIENT_ID": CLIENT_ID,
                "LIVSKRAFT_OIDC_CLIENT_SECRET": CLIENT_SECRET,
                "LIVSKRAFT_OIDC_ISSUER": self.issuer,
                "LIVSKRAFT_OIDC_AUTHORIZATION_ENDPOINT": f"{self.issuer}/authorize",
                "LIVSKRAFT_OIDC_TOKEN_ENDPOINT": f"{self.issuer}/token",
                "LIVSKRAFT_OIDC_USERINFO_ENDPOINT": f"{self.issuer}/userinfo",
                "LIVSKRAFT_OIDC_JWKS_ENDPOINT": f"{self.issuer}/jwks",
                "LIVSKRAFT_OIDC_NAME": "Feide", **extra}

    def approve(self, authorize_url: str, sub: str, email: str | None = None) -> tuple[str, str]:
        """The person signs in at the provider: returns (code, state) for the callback."""
        assert authorize_url.startswith(f"{self.issuer}/authorize?")
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(authorize_url).query))
        assert query["client_id"] == CLIENT_ID and query["response_type"] == "code"
        assert query["code_challenge_method"] == "S256"
        code = secrets.token_urlsafe(16)
        self.codes[code] = {**query, "sub": sub, "email": email}
        return code, query["state"]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def id_token(self, grant: dict) -> str:
        now = int(time.time())
        claims = {"iss": self.issuer, "aud": CLIENT_ID, "sub": grant["sub"],
                  "nonce": grant["nonce"], "iat": now, "exp": now + 120,
                  **self.id_token_changes}
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})

    def jwks(self) -> dict:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def token(self, form: dict, authorization: str) -> tuple[int, dict]:
        self.token_requests.append(form)
        expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if authorization != f"Basic {expected}":
            return 401, {"error": "invalid_client"}
        grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or form.get("redirect_uri") != grant["redirect_uri"]:
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        if challenge.rstrip(b"=").decode() != grant["code_challenge"]:
            return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        access = secrets.token_urlsafe(16)
        self.tokens[access] = grant
        return 200, {"access_token": access, "token_type": "Bearer", "expires_in": 120,
                     "id_token": self.id_token(grant)}

    def userinfo(self, authorization: str) -> tuple[int, dict]:
        grant = self.tokens.get(authorization.removeprefix("Bearer "))
        if grant is None:
            return 401, {"error": "invalid_token"}
        return 200, {"sub": grant["sub"], **({"email": grant["email"]} if grant["email"] else {})}

    def handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def answer(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):  # noqa: N802
                if self.path == "/jwks":
                    return self.answer(200, provider.jwks())
                if self.path == "/userinfo":
                    return self.answer(*provider.userinfo(self.headers.get("Authorization", "")))
                return self.answer(404, {})

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                if self.path == "/token":
                    return self.answer(*provider.token(form, self.headers.get("Authorization", "")))
                return self.answer(404, {})

            def log_message(self, *args):
                pass

        return Handler
