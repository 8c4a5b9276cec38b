"""Benchmark: 10,000 submissions to a consultation, then the committee's analysis.

Runs against a temporary SQLite database (or DATABASE_URL). Intake is timed twice: through
the intake service (one transaction per submission, as each request makes) and, for a
sample, through the whole web stack (form validation, CSRF off, session rate limiting).
The answers are SYNTHETIC sentences built from a small Norwegian vocabulary.
Run: .venv/bin/python bench/consultation_intake.py [SUBMISSIONS]
"""

import os
import random
import statistics
import sys
import tempfile
import time

SUBMISSIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
WEB_SAMPLE = 500
os.environ.setdefault("LIVSKRAFT_HOME", tempfile.mkdtemp())
os.environ["DJANGO_SETTINGS_MODULE"] = "livskraft.config.settings"
os.makedirs(os.path.join(os.environ["LIVSKRAFT_HOME"], "static"), exist_ok=True)

import django  # noqa: E402

django.setup()
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from livskraft.consultations import analysis, intake  # noqa: E402
from livskraft.consultations.models import Consultation, Question, Theme  # noqa: E402
from livskraft.places.models import Municipality  # noqa: E402

WORDS = ["bredbånd", "ferje", "skole", "barnehage", "arbeidsplasser", "bolig", "vei",
         "helse", "kultur", "ungdom", "fiber", "buss", "legevakt", "næringsliv", "turisme"]


def sentence(rng) -> str:
    return f"Vi trenger bedre {rng.choice(WORDS)} og mer {rng.choice(WORDS)} i bygda vår."


def main() -> None:
    call_command("migrate", verbosity=0)
    codes = [f"99{i:02d}" for i in range(50)]
    Municipality.objects.bulk_create(Municipality(vintage=2024, code=c, name=f"Testkommune {c}",
                                                  county_code="99", county_name="Prøvefylke")
                                     for c in codes)
    consultation = Consultation.objects.create(
        slug="bench", title="Benk", organiser="Benk", introduction="-", published=True,
        deadline=timezone.now() + timezone.timedelta(days=1))
    questions = []
    for t in range(5):
        theme = Theme.objects.create(consultation=consultation, title=f"Tema {t}", position=t)
        questions.append(Question.objects.create(theme=theme, text=f"Spørsmål {t}").id)
    rng = random.Random(5)
    respondent = {"respondent_type": "individual", "name": "", "organisation": "", "email": ""}
    start = time.perf_counter()
    for _ in range(SUBMISSIONS - WEB_SAMPLE):
        intake.save(consultation, {**respondent, "municipality_code": rng.choice(codes)},
                    {q: sentence(rng) for q in rng.sample(questions, 2)})
    service = time.perf_counter() - start
    print(f"{SUBMISSIONS - WEB_SAMPLE} innspill via intake-tjenesten: {service:.1f} s = "
          f"{(SUBMISSIONS - WEB_SAMPLE) / service:.0f} innspill/s")
    timings = []
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        for _ in range(WEB_SAMPLE):
            client = Client()  # a new phone each time: rate limits are per session
            data = {"respondent_type": "individual", "municipality_code": rng.choice(codes),
                    **{f"q_{q}": sentence(rng) for q in rng.sample(questions, 2)}}
            begin = time.perf_counter()
            response = client.post("/horing/bench/innspill/", data)
            timings.append(time.perf_counter() - begin)
            assert response.status_code == 302, response.status_code
    cuts = statistics.quantiles(timings, n=100)
    print(f"{WEB_SAMPLE} innspill gjennom hele nettstakken: median {1000 * cuts[49]:.1f} ms, "
          f"p99 {1000 * cuts[98]:.1f} ms = {1 / statistics.mean(timings):.0f} innspill/s per "
          f"prosess")
    begin = time.perf_counter()
    frame = analysis.answers(consultation)
    for column in ("theme", "question", "county", "centrality_class", "respondent_type"):
        analysis.breakdown(frame, column)
    keywords = analysis.keywords(frame)
    loaded = time.perf_counter() - begin
    begin = time.perf_counter()
    clusters = analysis.themes(frame)
    clustered = time.perf_counter() - begin
    print(f"analyse av {len(frame)} svar fra {frame.submission.nunique()} innspill: "
          f"opptelling og nøkkelord {1000 * loaded:.0f} ms, temagrupper {1000 * clustered:.0f} ms "
          f"({len(clusters)} grupper, {len(keywords)} nøkkelord)")


if __name__ == "__main__":
    main()
