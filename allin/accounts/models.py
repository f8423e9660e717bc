"""Which organisation account (an OpenID Connect provider's subject) belongs to which user. Matching by the
subject after the first login keeps the same user when the organisation changes someone's e-mail address."""

from django.conf import settings
from django.db import models


class SsoIdentity(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sso_identities"
    )
    issuer = models.CharField(max_length=255)
    subject = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    last_login_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="one_user_per_sso_subject"),
            models.UniqueConstraint(fields=["issuer", "user"], name="one_sso_subject_per_user"),
        ]

    def __str__(self):
        return f"{self.subject} @ {self.issuer}"
