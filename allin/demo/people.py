"""Demo data for the people part, loaded by the demo command after the processes exist: the participants of the
ALL-IN process (youth with first names, professionals of the demo's partners when the network has any, policy
makers and an experience expert), invitations with a mix of answers, and attendance for the held meetings,
partly from the phones that were linked to participants. No e-mail leaves: the demo sends to a dummy backend."""

from datetime import timedelta

from django.core.mail import get_connection
from django.utils import timezone

from allin.live.models import Attendee
from allin.live.participant_links import attendee_link
from allin.network.models import Partner
from allin.people import invitations, services
from allin.people.models import Invitation, ParticipantRole

# name, e-mail (or ""), the answer for the coming meetings ("" = none yet)
YOUTH = [
    ("Sam", "sam@jongeren.example", "ja"),
    ("Noor", "noor@jongeren.example", "ja"),
    ("Jay", "jay@jongeren.example", "misschien"),
    ("Lina", "lina@jongeren.example", ""),
    ("Milan", "", ""),
    ("Ayoub", "ayoub@jongeren.example", "nee"),
    ("Fenna", "fenna@jongeren.example", ""),
]
# name, role, domain, preferred partner kinds, e-mail, answer
ADULTS = [
    ("Petra", ParticipantRole.PROFESSIONAL, "jongerenwerk", ("jongerenwerk",), "petra@partner.example", "ja"),
    ("Karim", ParticipantRole.PROFESSIONAL, "schuldhulp", ("schuldhulp",), "karim@partner.example", "ja"),
    ("Els", ParticipantRole.TEACHER, "onderwijs", ("mbo", "vo"), "els@partner.example", "misschien"),
    (
        "Wethouder Jansen",
        ParticipantRole.POLICY,
        "armoede en schulden",
        (),
        "wethouder@voorbeeld.example",
        "ja",
    ),
    ("Mira", ParticipantRole.POLICY, "jeugdbeleid", (), "mira@voorbeeld.example", ""),
    ("Rachid", ParticipantRole.EXPERT, "schulden", ("informeel",), "rachid@partner.example", "ja"),
]
# Who was there, by meeting key; the phones with these names are linked to the participant.
HELD = {
    "a-voorbereiding-jongeren": ["Sam", "Noor", "Jay", "Lina", "Milan", "Ayoub"],
    "b-sessie": ["Sam", "Noor", "Jay", "Lina", "Petra", "Karim", "Els", "Wethouder Jansen", "Mira", "Rachid"],
}


def _partner(partners, kinds):
    for kind in kinds:
        for partner in partners:
            if partner.kind == kind:
                return partner
    return None


def load(*, workspace, user, allin, wan):
    """workspace: the demo workspace; user: its owner; allin: the ALL-IN process (phase A and B held);
    wan: the Werk aan Netwerk process (ahead)."""
    partners = list(Partner.objects.filter(workspace=workspace).order_by("name"))
    municipality = _partner(partners, ("gemeente",))
    people, answers = {}, {}
    for name, email, answer in YOUTH:
        people[name] = services.participant_create(
            process=allin, name=name, role=ParticipantRole.YOUTH, domain="", email=email
        )
        answers[name] = answer
    for name, role, domain, kinds, email, answer in ADULTS:
        organisation = municipality if role == ParticipantRole.POLICY else _partner(partners, kinds)
        people[name] = services.participant_create(
            process=allin,
            name=name,
            role=role,
            organisation=organisation,
            domain=domain,
            is_expert=role == ParticipantRole.EXPERT,
            email=email,
        )
        answers[name] = answer

    quiet = get_connection("django.core.mail.backends.dummy.EmailBackend")
    today = timezone.localdate()
    meetings = list(allin.meetings.order_by("date", "start_time", "pk"))
    invitable = [p for p in people.values() if p.email]
    for meeting in meetings:
        if meeting.date >= today:
            continue
        invitees = [p for p in invitable if p.name in HELD.get(meeting.method_key, [])]
        if not invitees:
            continue
        invitations.invitations_send(meeting=meeting, participants=invitees, sent_by=user, connection=quiet)
        # Sent two weeks before the meeting; everyone who came had said yes.
        Invitation.objects.filter(meeting=meeting).update(
            sent_at=timezone.now() - (today - meeting.date) - timedelta(days=14)
        )
        for invitation in Invitation.objects.filter(meeting=meeting):
            invitations.rsvp_answer(invitation=invitation, answer="ja", today=meeting.date)
        _attendance(meeting, people, HELD[meeting.method_key], user)

    upcoming = [m for m in meetings if m.date >= today]
    if upcoming:
        invitations.invitations_send_series(
            process=allin, participants=invitable, sent_by=user, today=today, connection=quiet
        )
        for invitation in Invitation.objects.filter(meeting__in=upcoming).select_related("participant"):
            answer = answers.get(invitation.participant.name, "")
            if answer:
                remark = (
                    "Ik kom iets later, ik heb tot 16:00 school."
                    if invitation.participant.name == "Jay"
                    else ""
                )
                invitations.rsvp_answer(invitation=invitation, answer=answer, remark=remark, today=today)
        # Sent three days ago; Lina got a reminder yesterday.
        Invitation.objects.filter(meeting__in=upcoming).update(sent_at=timezone.now() - timedelta(days=3))
        Invitation.objects.filter(meeting__in=upcoming, participant=people["Lina"]).update(
            reminded_at=timezone.now() - timedelta(days=1), reminder_count=1
        )


def _attendance(meeting, people, names, user):
    live = getattr(meeting, "live", None)
    phones = {}
    if live is not None:
        for attendee in Attendee.objects.filter(live=live).exclude(name="").order_by("pk"):
            phones.setdefault(attendee.name, attendee)
    for name in names:
        participant = people[name]
        if name in phones:
            attendee_link(attendee=phones[name], participant=participant, by=user)
        else:
            services.attendance_set(participant=participant, meeting=meeting, present=True, by=user)
