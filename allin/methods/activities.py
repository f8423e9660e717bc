from django.utils.translation import gettext_lazy as _

# What each live activity is called on screen; the keys are the `activity.type` values of the method files.
ACTIVITY_LABELS = {
    "notes": _("Post-its"),
    "wordcloud": _("Woordwolk"),
    "vote": _("Stemmen"),
    "consent": _("Check op gedeeldheid"),
    "question_cards": _("Gesprekskaarten"),
    "future_dream": _("Toekomstdroom"),
    "hopes_fears": _("Hoop en angst"),
    "tips_tops": _("Tips en tops"),
    "commitment": _("Commitmentronde"),
    "plans": _("Plannen"),
    "findings": _("Zoektocht naar hulp"),
    "timer": _("Timer"),
    "slide": _("Dia"),
}
