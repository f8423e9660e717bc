from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """ModelBackend, but e-mail addresses are matched without regard to case."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username:
            username = username.strip().lower()
        return super().authenticate(request, username=username, password=password, **kwargs)


def axes_username(request, credentials):
    # A single sign-on passes no username (allin/accounts): count it under "".
    return ((credentials or {}).get("username") or "").strip().lower()
