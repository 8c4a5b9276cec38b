from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from livskraft.consultations.models import Consultation, Membership, Question, Theme
from livskraft.places.models import Centrality, Municipality

THEMES = ["Verdiskaping og arbeidsplasser", "Tjenester der folk bor", "Attraktivt for unge",
          "Digital infrastruktur", "Sentralisering"]


@pytest.fixture
def client(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return client


@pytest.fixture
def places(empty_database):
    Municipality.objects.create(vintage=2024, code="9901", name="Testvik", county_code="99",
                                county_name="Prøvefylke")
    Municipality.objects.create(vintage=2024, code="9902", name="Prøvebygd", county_code="98",
                                county_name="Eksempelfylke")
    Centrality.objects.create(code="9901", centrality_class=6, index=400)


def make_consultation(slug="distrikt", days=14) -> Consultation:
    consultation = Consultation.objects.create(
        slug=slug, title="Distriktspolitikk for framtida", organiser="Testpartiets distriktsutvalg",
        introduction="Vi vil høre fra hele landet.", published=True,
        deadline=timezone.now() + timedelta(days=days))
    for position, title in enumerate(THEMES):
        theme = Theme.objects.create(consultation=consultation, title=title, position=position)
        Question.objects.create(theme=theme, text=f"Hva bør gjøres med {title.lower()}?")
    return consultation


@pytest.fixture
def consultation(places):
    return make_consultation()


@pytest.fixture
def people(consultation):
    """owner, moderator, a moderator of another consultation, and a logged-in outsider."""
    other = make_consultation("annen")
    users = {name: User.objects.create_user(name, password="riktig-passord-123")
             for name in ("eier", "moderator", "fremmed_moderator", "utenforstaaende")}
    Membership.objects.create(user=users["eier"], consultation=consultation, role="owner")
    Membership.objects.create(user=users["moderator"], consultation=consultation,
                              role="moderator")
    Membership.objects.create(user=users["fremmed_moderator"], consultation=other,
                              role="moderator")
    return users


def answers_for(consultation, text="Bedre bredbånd og flere arbeidsplasser") -> dict:
    first = Question.objects.filter(theme__consultation=consultation).first()
    return {f"q_{first.id}": text}
