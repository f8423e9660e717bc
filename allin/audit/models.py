"""The audit log (logboek): who changed actions, feedback answers, consent and permissions, and when. An entry
holds no personal free text: the summary names what changed ("status: bezig → gedaan"), not what was written."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

LABEL_MAX = 80
SUMMARY_MAX = 200


class Kind(models.TextChoices):
    """What an entry is about; the first part of its action code ("action.status" is an ACTION entry)."""

    ACTION = "action", _("acties")
    FEEDBACK = "feedback", _("terugkoppeling")
    CONSENT = "consent", _("toestemming")
    MEMBER = "member", _("leden en rechten")
    PARTICIPANT = "participant", _("deelnemers")
    LIVE = "live", _("live bijeenkomsten")


ACTION_LABELS = {
    "action.create": _("actie gemaakt"),
    "action.update": _("actie aangepast"),
    "action.status": _("status van actie veranderd"),
    "action.progress": _("voortgang bij actie"),
    "action.delete": _("actie verwijderd"),
    "action.link_revoke": _("link van eigenaar ingetrokken"),
    "action.link_renew": _("nieuwe link voor eigenaar"),
    "feedback.publish": _("antwoorden gepubliceerd"),
    "feedback.unpublish": _("terugkoppeling offline gehaald"),
    "feedback.moderate": _("reactie beoordeeld"),
    "feedback.reply": _("reactie beantwoord"),
    "consent.change": _("toestemming om te delen veranderd"),
    "member.role": _("rol veranderd"),
    "member.remove": _("lid verwijderd"),
    "member.invite": _("collega uitgenodigd"),
    "member.invite_revoke": _("uitnodiging ingetrokken"),
    "member.join": _("uitnodiging aangenomen"),
    "member.sso_join": _("lid via organisatieaccount"),
    "participant.erase": _("gegevens van deelnemer gewist"),
    "live.moderation": _("moderatie van post-its aan- of uitgezet"),
    "live.hide_phone": _("alles van een telefoon verborgen"),
    "live.unmute_phone": _("telefoon weer toegelaten"),
    # the co-host of a live meeting, an ALL-INstructeur (allin/live/cohost.py)
    "live.cohost_invite": _("ALL-INstructeur uitgenodigd"),
    "live.cohost_phone": _("telefoon ALL-INstructeur gemaakt"),
    "live.cohost_accept": _("uitnodiging als ALL-INstructeur aangenomen"),
    "live.cohost_revoke": _("ALL-INstructeur ingetrokken"),
    "live.cohost_next": _("volgend onderdeel"),
    "live.cohost_previous": _("vorig onderdeel"),
    "live.cohost_posting": _("insturen open of dicht"),
    "live.cohost_timer": _("timer gestart"),
    "live.cohost_reveal": _("uitslag van stemming getoond of verborgen"),
    "live.cohost_hide_note": _("post-it verborgen"),
}


class AuditEntry(models.Model):
    workspace = models.ForeignKey(
        "workspaces.Workspace", on_delete=models.CASCADE, related_name="audit_entries"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=LABEL_MAX, blank=True)
    action = models.CharField(max_length=40)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40, blank=True)
    summary = models.CharField(max_length=SUMMARY_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["workspace", "-created_at"], name="audit_workspace_recent")]

    def __str__(self):
        return f"{self.action} {self.object_type}#{self.object_id}"

    @property
    def kind(self) -> str:
        return self.action.partition(".")[0]

    @property
    def action_display(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))
