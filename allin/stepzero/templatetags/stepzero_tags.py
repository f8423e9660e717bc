"""Step 0 on the projector: the screen of an agenda item about it shows what already exists or the meeting's case.
Live (a floor above) loads this library in its projector template; step 0 never reaches up."""

from django import template

from ..models import CASE_ITEM_WORD, INVENTORY_ITEM_TITLE, MeetingCase

register = template.Library()


@register.simple_tag
def projector_part(item):
    """{"inventory": rows} on the item "Wat is er al?", {"case": case} on an item about the case when the meeting
    has one picked, else None. Nothing personal: contact details stay off the screen."""
    if item is None or item.is_break:
        return None
    title = (item.title or "").strip().lower()
    if title == INVENTORY_ITEM_TITLE.lower():
        rows = list(item.meeting.process.inventory.order_by("name", "pk"))
        return {"inventory": rows} if rows else None
    if CASE_ITEM_WORD in title:
        picked = MeetingCase.objects.filter(meeting_id=item.meeting_id).select_related("case").first()
        return {"case": picked.case} if picked else None
    return None
