from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core.limits import EMAIL_MAX, NAME_MAX


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person who plans and runs processes. Logs in with e-mail; participants never get an account."""

    username = None
    email = models.EmailField(_("e-mailadres"), max_length=EMAIL_MAX, unique=True)
    full_name = models.CharField(_("naam"), max_length=NAME_MAX, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    def __str__(self):
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)


class Workspace(models.Model):
    """A municipality or region. Everything else belongs to exactly one workspace."""

    name = models.CharField(_("naam"), max_length=NAME_MAX)
    slug = models.SlugField(max_length=60, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    OWNER = "owner", _("eigenaar")
    FACILITATOR = "facilitator", _("begeleider")
    VIEWER = "viewer", _("meekijker")


EDIT_ROLES = {Role.OWNER, Role.FACILITATOR}


class Membership(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.FACILITATOR)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="one_membership_per_workspace")
        ]
        ordering = ["workspace__name"]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}) in {self.workspace}"

    @property
    def can_edit(self):
        return self.role in EDIT_ROLES

    @property
    def is_owner(self):
        return self.role == Role.OWNER


class WorkspaceInvitation(models.Model):
    """An e-mailed invitation to join a workspace. The link is a signed token naming this row and a random
    secret whose hash only is kept here (allin.core.tokens); accepting it sets accepted_at, which makes the link
    single use, and only an account with the invited e-mail address may accept it."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mailadres"), max_length=EMAIL_MAX)
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.FACILITATOR)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    secret_hash = models.CharField(max_length=64, default="")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.workspace}"


class WorkspaceLook(models.Model):
    """A workspace's own look (allin/workspaces/look.py): its colours, font and logo. `key` names the look's
    stylesheet and logo in public URLs: unguessable, and new at every change, so browsers may cache them forever."""

    workspace = models.OneToOneField(Workspace, on_delete=models.CASCADE, related_name="look")
    primary = models.CharField(_("hoofdkleur"), max_length=7)
    secondary = models.CharField(_("tweede kleur"), max_length=7)
    font = models.CharField(_("letter"), max_length=40, default="system")
    logo = models.BinaryField(
        null=True, blank=True, editable=False
    )  # a PNG we wrote ourselves, never the upload
    logo_width = models.PositiveIntegerField(default=0)
    logo_height = models.PositiveIntegerField(default=0)
    key = models.CharField(max_length=32, unique=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.workspace}: {self.primary} / {self.secondary}"

    @property
    def has_logo(self):
        return self.logo_width > 0
