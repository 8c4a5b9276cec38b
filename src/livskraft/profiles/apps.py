from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "livskraft.profiles"
    label = "profiles"
