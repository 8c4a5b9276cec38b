from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "livskraft.consultations"
    label = "consultations"
