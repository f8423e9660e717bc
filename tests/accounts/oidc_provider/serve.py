"""python -m tests.accounts.oidc_provider.serve PORT DIR CLIENT_SECRET REDIRECT_URI LOGOUT_REDIRECT_URI
Makes the provider's database, signing key and client (ALL-IN), then serves on 127.0.0.1:PORT until stopped."""

import os
import sys
from pathlib import Path


def main(port, directory, secret, redirect_uri, logout_redirect_uri):
    os.environ["OIDC_PROVIDER_DIR"] = directory
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.accounts.oidc_provider.settings"
    key = Path(directory) / "key.pem"
    if not key.exists():
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        key.write_bytes(
            private.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    Application.objects.update_or_create(
        client_id="allin",
        defaults={
            "name": "ALL-IN",
            "client_secret": secret,
            "client_type": Application.CLIENT_CONFIDENTIAL,
            "authorization_grant_type": Application.GRANT_AUTHORIZATION_CODE,
            "redirect_uris": redirect_uri,
            "post_logout_redirect_uris": logout_redirect_uri,
            "algorithm": Application.RS256_ALGORITHM,
            "skip_authorization": True,
        },
    )
    run("127.0.0.1", int(port), get_wsgi_application(), threading=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
