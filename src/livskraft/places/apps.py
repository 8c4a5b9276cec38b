from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "livskraft.places"
    label = "places"
