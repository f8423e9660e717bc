"""Step 0 marks on other apps' pages, in one query each: the participant list marks each organisation's fixed
participant without the people app having to know about step 0."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def fixed_participant_ids(process):
    return selectors.fixed_ids(process)
