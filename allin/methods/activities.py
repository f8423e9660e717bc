from django.utils.translation import gettext_lazy as _

# The one list of live activities: the `activity.type` values of the method files that run on phones, with
# what each is called on screen. allin.live builds its Activity.Kind from it (plus its parking board), and its
# system check makes sure each one is a notes board or has a kind module.
LIVE_ACTIVITIES = {
    "notes": _("Post-its"),
    "hopes_fears": _("Hoop en angst"),
    "tips_tops": _("Tips en tops"),
    "wordcloud": _("Woordwolk"),
    "vote": _("Stemmen"),
    "consent": _("Check op gedeeldheid"),
    "question_cards": _("Gesprekskaarten"),
    "future_dream": _("Toekomstdroom"),
    "plans": _("Plannen"),
    "commitment": _("Commitmentronde"),
    "findings": _("Zoektocht naar hulp"),
}
# Types that show the agenda item itself on the screen (no phones).
ITEM_ACTIVITIES = {
    "timer": _("Timer"),
    "slide": _("Dia"),
}
ACTIVITY_LABELS = {**LIVE_ACTIVITIES, **ITEM_ACTIVITIES}
