"""Signals of the groups app. The live meeting (a floor above) listens, so that phones and the projector update
when a plan changes, without this app importing it (see allin/live/groups_panel.py)."""

from django.dispatch import Signal

# Sent inside the service's transaction with meeting_id=<Meeting pk>; receivers push after the commit.
plan_changed = Signal()
