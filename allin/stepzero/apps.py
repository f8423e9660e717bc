from django.apps import AppConfig


class StepzeroConfig(AppConfig):
    name = "allin.stepzero"
    label = "stepzero"

    def ready(self):
        from allin.core.panels import panel_register

        # The participant list (people, below stepzero) marks each organisation's fixed participant.
        panel_register(place="participant_list", context=_fixed_ids)


def _fixed_ids(*, request, process, **_page):
    from . import selectors

    return {"fixed_ids": selectors.fixed_ids(process)}
