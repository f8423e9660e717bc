"""Closing the loop: actions, agreement cards, the feedback page, reactions and follow-ups."""
