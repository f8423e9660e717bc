"""The invitation and reminder e-mails: Dutch, plain text and HTML, with the meetings as an .ics attachment and
a personal RSVP link per meeting. Participants read Dutch, whatever language the facilitator's screen is in."""

from datetime import datetime, timedelta

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from allin.processes.ics import calendar_for

from .links import rsvp_url
from .models import MeetingInfo


def end_time(meeting):
    return (
        datetime.combine(meeting.date, meeting.start_time) + timedelta(minutes=meeting.planned_minutes)
    ).time()


def _items(invitations):
    infos = {
        i.meeting_id: i for i in MeetingInfo.objects.filter(meeting__in=[inv.meeting for inv in invitations])
    }
    return [
        {
            "meeting": inv.meeting,
            "end": end_time(inv.meeting),
            "info": infos.get(inv.meeting_id),
            "link": rsvp_url(inv),
        }
        for inv in invitations
    ]


def invitation_message(*, participant, invitations, sender=None, reminder=False) -> EmailMultiAlternatives:
    invitations = sorted(invitations, key=lambda i: (i.meeting.date, i.meeting.start_time, i.meeting.pk))
    meetings = [inv.meeting for inv in invitations]
    process = meetings[0].process
    with translation.override("nl"):
        items = _items(invitations)
        context = {
            "participant": participant,
            "process": process,
            "items": items,
            "series": len(items) > 1,
            "reminder": reminder,
            "sender": sender,
            "workspace": process.workspace,
        }
        if reminder:
            subject = _("Herinnering: kom je naar %(meeting)s?") % {"meeting": meetings[0].name}
        elif len(meetings) > 1:
            subject = _("Uitnodiging: %(process)s (%(count)d bijeenkomsten)") % {
                "process": process.name,
                "count": len(meetings),
            }
        else:
            subject = _("Uitnodiging: %(meeting)s op %(date)s") % {
                "meeting": meetings[0].name,
                "date": date_format(meetings[0].date, "l j F"),
            }
        text = render_to_string("people/email/invitation.txt", context)
        html = render_to_string("people/email/invitation.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        to=[participant.email],
        reply_to=[sender.email] if sender is not None and getattr(sender, "email", "") else None,
    )
    message.attach_alternative(html, "text/html")
    message.attach("uitnodiging.ics", calendar_for(meetings, process.name), "text/calendar")
    return message
