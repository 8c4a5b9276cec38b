from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "livskraft.consultations"
    label = "consultations"

    def ready(self):
        from django.db.models.signals import post_delete

        from . import intake
        from .models import Submission

        post_delete.connect(intake.remove_attachment_file, sender=Submission,
                            dispatch_uid="consultations-remove-attachment")
