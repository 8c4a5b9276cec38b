from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "livskraft.workshops"
    label = "workshops"
