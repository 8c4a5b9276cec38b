from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "livskraft.web"
    label = "web"
