from django.apps import AppConfig


class PlacefinderConfig(AppConfig):
    name = "livskraft.placefinder"
    label = "placefinder"
