"""The owners' page "Logboek": who changed what, newest first, filtered by kind, in pages; the actor is the user
of the request that made the change."""

from django.urls import reverse

from allin.audit.models import AuditEntry
from allin.audit.services import audit_record
from allin.workspaces.models import Membership, Role


def _url(workspace, **query):
    url = reverse("audit_log", args=[workspace.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_a_change_made_in_a_request_names_the_user(workspace, owner, facilitator, as_owner):
    membership = Membership.objects.get(user=facilitator)
    response = as_owner.post(
        reverse("member_role", args=[workspace.slug, membership.pk]), {"role": Role.VIEWER}
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="member.role")
    assert entry.actor == owner
    page = as_owner.get(_url(workspace))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Olga Eigenaar" in html and "rol veranderd" in html and "begeleider → meekijker" in html


def test_only_owners_see_the_link_on_the_members_page(workspace, as_owner, as_facilitator):
    link = _url(workspace)
    assert link in as_owner.get(reverse("members", args=[workspace.slug])).content.decode()
    assert link not in as_facilitator.get(reverse("members", args=[workspace.slug])).content.decode()
    assert as_facilitator.get(link).status_code == 403


def test_filter_by_kind_and_pages(workspace, owner, as_owner):
    for _ in range(55):
        audit_record(workspace=workspace, actor=owner, action="action.create", target=owner)
    audit_record(workspace=workspace, actor_label="partner via link", action="consent.change", target=owner)
    html = as_owner.get(_url(workspace, soort="consent")).content.decode()
    assert "partner via link" in html and "actie gemaakt" not in html
    first = as_owner.get(_url(workspace)).content.decode()
    assert "Pagina 1 van 2" in first and "pagina=2" in first
    second = as_owner.get(_url(workspace, pagina=2)).content.decode()
    assert second.count("actie gemaakt") == 6
    assert as_owner.get(_url(workspace, soort="onzin", pagina="x")).status_code == 200


def test_another_workspace_sees_nothing_of_ours(workspace, owner, outsider, as_outsider):
    audit_record(workspace=workspace, actor=owner, action="member.remove", target=owner, summary="geheim")
    other = outsider.memberships.get().workspace
    html = as_outsider.get(_url(other)).content.decode()
    assert "geheim" not in html and "nog) niets" in html
