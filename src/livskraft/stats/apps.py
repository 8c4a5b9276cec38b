from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "livskraft.stats"
    label = "stats"
