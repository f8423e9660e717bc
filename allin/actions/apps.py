from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "allin.actions"
    label = "actions"

    def ready(self):
        from allin.core.panels import panel_register

        # The UN's five participation steps on the process page (processes sits below actions).
        panel_register(place="process_detail", template="actions/_process_steps.html")
