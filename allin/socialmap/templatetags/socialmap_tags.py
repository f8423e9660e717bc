from django import template

from allin.socialmap import charts

register = template.Library()


@register.filter
def rating(value):
    """An average rating as the page shows it: '3,5', or 'geen cijfer'."""
    return charts.number(value)
