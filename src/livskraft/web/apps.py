from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "livskraft.web"
    label = "web"

    def ready(self) -> None:
        from . import page_cache

        page_cache.connect_signals()
