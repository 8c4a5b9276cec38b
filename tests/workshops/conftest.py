import pytest
from django.contrib.auth.models import User
from django.test import Client

from livskraft.workshops.models import Facilitation, Workshop
from livskraft.workshops.tools.priority import Factor


@pytest.fixture
def workshop(db, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    workshop = Workshop.objects.create(title="Framtidsverksted i Testvik", municipality_code="9901")
    for position, text in enumerate(["Bredbånd", "Ferjetilbud", "Boligtomter"]):
        Factor.objects.create(workshop=workshop, text=text, position=position)
    return workshop


@pytest.fixture
def people(workshop):
    other = Workshop.objects.create(title="Verksted i Prøvebygd", municipality_code="9902")
    users = {name: User.objects.create_user(name, password="passord-123")
             for name in ("prosessleder", "medhjelper", "annen_kommune")}
    Facilitation.objects.create(user=users["prosessleder"], workshop=workshop,
                                role=Facilitation.FACILITATOR)
    Facilitation.objects.create(user=users["medhjelper"], workshop=workshop,
                                role=Facilitation.CO_FACILITATOR)
    Facilitation.objects.create(user=users["annen_kommune"], workshop=other,
                                role=Facilitation.FACILITATOR)
    return users


def joined(workshop) -> Client:
    client = Client()
    client.post(f"/v/{workshop.join_code}/")  # «Bli med»: opening the link alone joins no one
    return client
