"""Writes LemonLDAP::NG's configuration for scripts/oidc-provider into DIR: lemonldap-ng.ini (where
the configuration lives), conf/lmConf-1.json (the portal's configuration, in the format the LLNG
manager itself saves), users.db (the SQLite user store that LLNG's DBI module reads) and app.psgi
(the portal plus its static files). The keys and client secret are made by scripts/oidc-provider.
"""
import argparse
import json
import sqlite3
import time
from pathlib import Path

# uid, password, name, email, email_verified
USERS = [
    ("anna", "anna-lösenord-1", "Anna Svensson", "anna.svensson@molndal.example", 1),
    ("bertil", "bertil-lösenord-1", "Bertil Berg", "bertil.berg@molndal.example", 0),
    ("cecilia", "cecilia-lösenord-1", "Cecilia Ek", "cecilia.ek@molndal.example", 1),
]

INI = """\
[all]
logLevel = {log_level}
checkTime = 1
[configuration]
type = File
dirName = {dir}/conf
[portal]
staticPrefix = /static
templateDir = /usr/share/lemonldap-ng/portal/templates
languages = en, sv, fr
[handler]
status = 0
"""

PSGI = """\
use strict;
use Plack::Builder;
use Lemonldap::NG::Portal::Main;
my $portal = Lemonldap::NG::Portal::Main->run({});
builder {
    enable "Static", path => qr{^/static/}, root => "/usr/share/lemonldap-ng/portal/htdocs/";
    enable "Static", path => qr{^/javascript/}, root => "/usr/share/";
    $portal;
};
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port", required=True, type=int)
    ap.add_argument("--redirect-uri", required=True, action="append")
    ap.add_argument("--post-logout-redirect-uri", required=True, action="append")
    # (each given once per URI; LLNG keeps them space-separated and matches them exactly)
    ap.add_argument("--log-level", default="notice")
    ap.add_argument("--id-token-alg", default="RS256",
                    help="RS256 (default), RS384, RS512, HS256/384/512 (client secret) or none")
    a = ap.parse_args()
    d = Path(a.dir)
    issuer = f"http://127.0.0.1:{a.port}"

    (d / "lemonldap-ng.ini").write_text(INI.format(dir=d, log_level=a.log_level))
    (d / "app.psgi").write_text(PSGI)
    (d / "redirect-uri").write_text("\n".join(a.redirect_uri) + "\n")
    (d / "post-logout-redirect-uri").write_text("\n".join(a.post_logout_redirect_uri) + "\n")

    db = d / "users.db"
    db.unlink(missing_ok=True)
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE users (uid TEXT PRIMARY KEY, password TEXT NOT NULL, name TEXT,"
                " given_name TEXT, family_name TEXT, mail TEXT, email_verified INTEGER NOT NULL)")
    for uid, password, name, mail, verified in USERS:
        given, family = name.split(" ", 1)
        con.execute("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (uid, password, name, given, family, mail, verified))
    con.commit()
    con.close()

    secret = (d / "client-secret").read_text().strip()
    storage = lambda sub: {"Directory": str(d / sub), "LockDirectory": str(d / sub / "lock"),
                           "generateModule": "Lemonldap::NG::Common::Apache::Session::Generate::SHA256"}
    conf = {
        "cfgNum": 1, "cfgVersion": "2.16.1", "cfgAuthor": "scripts/oidc-provider",
        "cfgDate": str(int(time.time())), "cfgLog": "Agenda's test provider",
        "portal": issuer + "/",
        "domain": "127.0.0.1", "cookieName": "lemonldap", "https": 0, "securedCookie": 0,
        "trustedDomains": "",
        "portalDisplayRegister": 0, "portalDisplayResetPassword": 0, "portalCheckLogins": 0,
        "loginHistoryEnabled": 0, "stayConnected": 0, "notification": 0,
        "bruteForceProtection": 0, "captcha_login_enabled": 0,
        "applicationList": {}, "locationRules": {}, "exportedHeaders": {}, "exportedVars": {},
        "macros": {}, "groups": {},
        # Users: LLNG's DBI authentication and user database on SQLite, clear-text passwords.
        "authentication": "DBI", "userDB": "Same", "passwordDB": "Null", "registerDB": "Null",
        "dbiAuthChain": f"dbi:SQLite:dbname={db}", "dbiAuthUser": "", "dbiAuthPassword": "",
        "dbiAuthTable": "users", "dbiUserTable": "users",
        "dbiAuthLoginCol": "uid", "dbiAuthPasswordCol": "password", "dbiAuthPasswordHash": "",
        "dbiExportedVars": {"uid": "uid", "cn": "name", "givenName": "given_name",
                            "sn": "family_name", "mail": "mail", "emailVerified": "email_verified"},
        "whatToTrace": "uid",
        "globalStorage": "Apache::Session::File", "globalStorageOptions": storage("sessions"),
        "persistentStorage": "Apache::Session::File", "persistentStorageOptions": storage("psessions"),
        "localSessionStorage": "Cache::FileCache",
        "localSessionStorageOptions": {"cache_root": str(d / "cache"), "cache_depth": 3,
                                       "namespace": "lemonldap-ng-sessions",
                                       "default_expires_in": 600, "directory_umask": "007"},
        # The OpenID Connect issuer.
        "issuerDBOpenIDConnectActivation": 1,
        "oidcServiceMetaDataIssuer": issuer,
        "oidcServicePrivateKeySig": (d / "rs256-key.pem").read_text(),
        "oidcServicePublicKeySig": (d / "rs256-pub.pem").read_text(),
        "oidcServiceKeyIdSig": "agenda-test-rs256",
        "oidcServiceAllowAuthorizationCodeFlow": 1,
        "oidcServiceAllowImplicitFlow": 0, "oidcServiceAllowHybridFlow": 0,
        "oidcServiceAllowDynamicRegistration": 0,
        "oidcRPMetaDataOptions": {"agenda": {
            "oidcRPMetaDataOptionsDisplayName": "Agenda",
            "oidcRPMetaDataOptionsClientID": "agenda",
            "oidcRPMetaDataOptionsClientSecret": secret,
            "oidcRPMetaDataOptionsPublic": 0,
            "oidcRPMetaDataOptionsRedirectUris": " ".join(a.redirect_uri),
            "oidcRPMetaDataOptionsPostLogoutRedirectUris": " ".join(a.post_logout_redirect_uri),
            "oidcRPMetaDataOptionsIDTokenSignAlg": a.id_token_alg,
            "oidcRPMetaDataOptionsUserInfoSignAlg": "",
            "oidcRPMetaDataOptionsIDTokenForceClaims": 1,  # the claims in the ID token too
            "oidcRPMetaDataOptionsRequirePKCE": 1,
            "oidcRPMetaDataOptionsBypassConsent": 1,
            "oidcRPMetaDataOptionsLogoutBypassConfirm": 1,
            "oidcRPMetaDataOptionsUserIDAttr": "uid",
            "oidcRPMetaDataOptionsIDTokenExpiration": 3600,
            "oidcRPMetaDataOptionsAccessTokenExpiration": 3600,
        }},
        # claim -> "session attribute;type" (LLNG's syntax; bool gives JSON true/false)
        "oidcRPMetaDataExportedVars": {"agenda": {
            "name": "cn", "given_name": "givenName", "family_name": "sn",
            "preferred_username": "uid", "email": "mail", "email_verified": "emailVerified;bool",
        }},
        "oidcRPMetaDataOptionsExtraClaims": {},
    }
    (d / "conf" / "lmConf-1.json").write_text(json.dumps(conf, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
