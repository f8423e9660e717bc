"""Demo data for the network part, loaded by the demo command after the processes exist."""


def load(*, workspace, user, allin, wan):
    """workspace: the demo workspace; user: its owner; allin: the ALL-IN process (phase A and B held);
    wan: the Werk aan Netwerk process (ahead)."""
