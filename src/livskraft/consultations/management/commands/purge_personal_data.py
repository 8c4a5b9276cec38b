"""Anonymise the respondents of consultations whose deadline passed long enough ago."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from livskraft.consultations import intake
from livskraft.consultations.models import Submission


class Command(BaseCommand):
    help = ("Slett navn, organisasjon, e-post og vedlegg i innspill til høringer med frist "
            "for mer enn DAGER dager siden (standard 365). Svarene står igjen anonymt.")

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=365)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, days: int, dry_run: bool, **options):
        cutoff = timezone.now() - timedelta(days=days)
        due = Submission.objects.filter(consultation__deadline__lt=cutoff, anonymised=False)
        count = due.count()
        if not dry_run:
            for submission in due.iterator():
                intake.anonymise(submission)
        verb = "ville blitt anonymisert" if dry_run else "anonymisert"
        self.stdout.write(f"{count} innspill {verb} (frist før {cutoff:%Y-%m-%d}).")
