from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "allin.people"
    label = "people"
