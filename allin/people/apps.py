from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "allin.people"
    label = "people"

    def ready(self):
        from allin.core.panels import panel_register

        from .network_panel import network_invitations

        # Who of each organisation is invited to which meeting, on the network overview (network sits below people).
        panel_register(
            place="network_overview", template="people/_network_invitations.html", context=network_invitations
        )
