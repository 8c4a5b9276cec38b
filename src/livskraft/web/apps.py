from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "livskraft.web"
    label = "web"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import collation, page_cache

        page_cache.connect_signals()
        connection_created.connect(collation.register_on_sqlite)
