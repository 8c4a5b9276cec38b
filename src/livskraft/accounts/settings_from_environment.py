"""The OpenID Connect settings (mozilla-django-oidc's names) from LIVSKRAFT_OIDC_* variables.
No Django imports: config/settings.py calls this while settings are being read."""

REQUIRED = {
    "LIVSKRAFT_OIDC_ISSUER": "OIDC_ISSUER",
    "LIVSKRAFT_OIDC_AUTHORIZATION_ENDPOINT": "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "LIVSKRAFT_OIDC_TOKEN_ENDPOINT": "OIDC_OP_TOKEN_ENDPOINT",
    "LIVSKRAFT_OIDC_USERINFO_ENDPOINT": "OIDC_OP_USER_ENDPOINT",
    "LIVSKRAFT_OIDC_JWKS_ENDPOINT": "OIDC_OP_JWKS_ENDPOINT",
    "LIVSKRAFT_OIDC_CLIENT_SECRET": "OIDC_RP_CLIENT_SECRET",
}


class MissingOIDCSettings(ValueError):
    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


def oidc_settings(environ) -> dict:
    """{} when LIVSKRAFT_OIDC_CLIENT_ID is unset (single sign-on off)."""
    client_id = environ.get("LIVSKRAFT_OIDC_CLIENT_ID", "")
    if not client_id:
        return {"OIDC_ENABLED": False}
    missing = [name for name in REQUIRED if not environ.get(name)]
    if missing:
        raise MissingOIDCSettings(missing)
    found = {setting: environ[name] for name, setting in REQUIRED.items()}
    return {
        **found,
        "OIDC_ENABLED": True,
        "OIDC_RP_CLIENT_ID": client_id,
        "OIDC_PROVIDER_NAME": environ.get("LIVSKRAFT_OIDC_NAME", "Single sign-on"),
        "OIDC_RP_SCOPES": environ.get("LIVSKRAFT_OIDC_SCOPES", "openid email"),
        "OIDC_RP_SIGN_ALGO": environ.get("LIVSKRAFT_OIDC_SIGN_ALGO", "RS256"),
        # ID-porten requires PKCE; Feide and Entra ID accept it
        "OIDC_USE_PKCE": True,
        "OIDC_TOKEN_USE_BASIC_AUTH": environ.get("LIVSKRAFT_OIDC_TOKEN_AUTH", "basic") == "basic",
        "OIDC_MATCH_EMAIL": environ.get("LIVSKRAFT_OIDC_MATCH_EMAIL") == "1",
        "OIDC_CREATE_USER": False,  # staff accounts are made by an administrator
        "OIDC_TIMEOUT": 10,
        "LOGIN_REDIRECT_URL_FAILURE": "/konto/logg-inn/?sso=feil",
    }
