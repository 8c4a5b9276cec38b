from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "livskraft.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"
