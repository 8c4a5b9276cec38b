"""Er du enig?: moderation of visitors' statements, the owner's own, votes and follow-ups,
results by county and centrality, cached opinion groups, newsletter, embedding."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from livskraft.consultations import polls
from livskraft.consultations.loading import load
from livskraft.consultations.models import NewsletterSignup, Poll, Statement, Vote, Voter
from livskraft.places.models import Municipality

EXAMPLE = Path(__file__).parents[2] / "docs/examples/er-du-enig-distriktspolitikk.json"
SEED = Path(__file__).parents[2].parent / "shared/seeds/001_feb7dbe8a1c87d2e.txt"


@pytest.fixture
def seed_poll(places):
    return load(EXAMPLE)


def test_visitor_statements_wait_for_moderation_and_are_approved_in_bulk(client, people,
                                                                         consultation):
    poll = consultation.poll()
    url = f"/enig/{poll.slug}/"
    assert client.get(f"/horing/{consultation.slug}/enig/")["Location"] == url
    client.post(url + "foresla/", {"text": "Staten bør flytte arbeidsplasser ut av Oslo"})
    client.post(url + "foresla/", {"text": "Ferja skal være gratis"})
    assert Statement.objects.filter(status=Statement.PENDING).count() == 2
    assert "flytte arbeidsplasser" not in client.get(url).content.decode()
    moderator = Client()
    moderator.force_login(people["moderator"])
    desk = f"/horing/{consultation.slug}/moderer/"
    ids = list(Statement.objects.values_list("id", flat=True))
    other = Statement.objects.create(poll=load_other_poll(), text="Fremmed", status="pending")
    moderator.post(desk, {"statement_action": "approve", "statement": [*ids, other.id, "x"]})
    assert Statement.objects.filter(status=Statement.APPROVED).count() == 2  # not the other's
    other.refresh_from_db()
    assert other.status == Statement.PENDING
    moderator.post(desk, {"statement_action": "add", "text": "Utvalget foreslår: bredbånd"})
    own = Statement.objects.get(text="Utvalget foreslår: bredbånd")
    assert own.by_committee and own.status == Statement.APPROVED
    page = client.get(url).content.decode()
    assert "Utvalget foreslår: bredbånd" in page and "Ferja skal være gratis" in page
    outsider = Client()
    outsider.force_login(people["fremmed_moderator"])
    assert outsider.post(desk, {"statement_action": "add", "text": "x"}).status_code == 403


def load_other_poll() -> Poll:
    return Poll.objects.create(slug="annen-poll", title="Annen", organiser="Andre",
                               published=True)


def test_seed_poll_has_the_eleven_points_and_the_follow_ups_word_for_word(client, seed_poll):
    if not SEED.exists():
        pytest.skip("../shared/seeds is not here")
    seed = SEED.read_text(encoding="utf-8")
    points = [line.strip()[1:].strip() for line in seed.splitlines()
              if line.strip().startswith("•")]
    assert len(points) == 11
    texts = list(seed_poll.statements.values_list("text", flat=True))
    assert texts == points
    assert texts[3] == "Bedre bredbånd. Vi vil at bredbånd skal være en rettighet på lik " \
        "linje med strøm."
    first, fourth = seed_poll.statements.all()[0], seed_poll.statements.all()[3]
    base = f"/enig/{seed_poll.slug}/"
    client.post(f"{base}{first.id}/", {"value": "1"})
    agreed = client.get(f"{base}{first.id}/").content.decode()
    assert "Takk for din tilbakemelding!" in agreed
    assert "Vil du vite hva mer vi kanskje er enig om?" in agreed
    assert agreed.count('<ul class="others">') == 1 and texts[1] in agreed  # other points
    assert "Du har svart på 1 av 11 påstander." in agreed
    client.post(f"{base}{fourth.id}/", {"value": "-1"})
    disagreed = client.get(f"{base}{fourth.id}/").content.decode()
    assert "Takk for tilbakemeldingen. Vi kan ikke være enige om alt!" in disagreed
    assert "Kanskje er det andre saker du er enig med oss i?" in disagreed
    assert "Se andre politiske saker" in disagreed
    assert "Påstandene og svartekstene er hentet ordrett" in disagreed  # credit
    assert texts[0] not in disagreed.split('<ul class="others">')[1]  # already answered


def test_votes_are_one_per_visitor_and_bad_ones_are_refused(client, seed_poll):
    statement = seed_poll.statements.first()
    url = f"/enig/{seed_poll.slug}/{statement.id}/"
    client.post(url, {"value": "1"})
    client.post(url, {"value": "-1"})
    assert Vote.objects.get().value == -1
    for bad in ("7", "", "enig"):
        assert "Ugyldig stemme" in client.post(url, {"value": bad}, follow=True).content.decode()
    assert client.get(f"/enig/{seed_poll.slug}/99999/").status_code == 404
    seed_poll.allow_pass = False
    seed_poll.save()
    assert "Ugyldig stemme" in client.post(url, {"value": "0"}, follow=True).content.decode()
    assert Vote.objects.get().value == -1


def test_results_by_county_and_centrality_only_from_five_voters(client, seed_poll):
    Municipality.objects.create(vintage=2024, code="9903", name="Småvik", county_code="99",
                                county_name="Prøvefylke")
    statement = seed_poll.statements.first()
    # Prøvefylke: 5 voters in Testvik (centrality class 6): 4 agree, 1 disagrees.
    # Eksempelfylke: 2 voters in Prøvebygd (no centrality known): both agree.
    for n, (code, value) in enumerate([("9901", 1)] * 4 + [("9901", -1)] + [("9902", 1)] * 2):
        polls.vote(seed_poll, f"v{n}", statement.id, value)
        polls.place(seed_poll, f"v{n}", code)
    county = {g["group"]: g for g in polls.results_by(seed_poll, "county")}
    assert county["Prøvefylke"]["voters"] == 5
    assert county["Prøvefylke"]["statements"] == [
        {"text": statement.text, "agree": 4, "disagree": 1}]
    assert county["Eksempelfylke"]["voters"] is None and county["Eksempelfylke"]["statements"] == []
    centrality = {g["group"]: g for g in polls.results_by(seed_poll, "centrality")}
    assert list(centrality) == ["klasse 6"] and centrality["klasse 6"]["voters"] == 5
    page = client.get(f"/enig/{seed_poll.slug}/resultater/").content.decode()
    assert "Færre enn 5 velgere: ingen tall vises." in page
    assert re.search(r"<th scope=\"row\">Sikre en sterk og forutsigbar kommuneøkonomi\.</th>"
                     r"<td class=\"num\">6</td><td class=\"num\">1</td>", page)  # 4+2 agree


def test_voter_place_must_be_a_kommune(client, seed_poll):
    response = client.post(f"/enig/{seed_poll.slug}/sted/", {"municipality_code": "0000"},
                           follow=True)
    assert "Velg en kommune fra lista." in response.content.decode()
    assert not Voter.objects.exists()
    client.post(f"/enig/{seed_poll.slug}/sted/", {"municipality_code": "9901"})
    assert Voter.objects.get().municipality_code == "9901"


def test_opinion_groups_are_computed_once_per_vote_state(seed_poll, monkeypatch, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from livskraft.analysis import opinion_groups

    calls = []
    real = opinion_groups.find
    monkeypatch.setattr(opinion_groups, "find", lambda votes: calls.append(1) or real(votes))
    statements = list(seed_poll.statements.all()[:5])
    for voter in range(12):
        for i, s in enumerate(statements):
            agree = (i % 2 == 0) == (voter < 6)
            polls.vote(seed_poll, f"v{voter}", s.id, 1 if i == 0 or agree else -1)
    first = polls.groups(seed_poll)
    again = polls.groups(seed_poll)
    assert len(calls) == 1 and first.membership.nunique() == 2
    assert again.consensus == first.consensus == [statements[0].id]  # all 12 agree
    polls.vote(seed_poll, "v0", statements[1].id, -1)
    polls.groups(seed_poll)
    assert len(calls) == 2  # a changed vote is a new state


def test_sklearn_is_not_imported_with_the_app():
    import subprocess
    import sys

    code = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE']='livskraft.config.settings';"
            "django.setup(); import livskraft.consultations.urls, livskraft.config.urls, sys;"
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_newsletter_needs_consent_and_confirmation_and_is_kept_apart_from_votes(
        client, people, seed_poll):
    statement = seed_poll.statements.first()
    client.post(f"/enig/{seed_poll.slug}/{statement.id}/", {"value": "1"})
    url = f"/enig/{seed_poll.slug}/nyhetsbrev/"
    refused = client.post(url, {"email": "kari@example.org"}, follow=True).content.decode()
    assert "Kryss av for at du vil ha nyhetsbrev" in refused and not NewsletterSignup.objects.exists()
    client.post(url, {"email": "Kari@Example.org", "consent": "on"})
    signup = NewsletterSignup.objects.get()
    assert signup.confirmed_at is None and signup.email == "kari@example.org"
    assert "Arbeiderpartiet" in signup.consent_text
    assert [f.name for f in NewsletterSignup._meta.fields if "vot" in f.name] == []
    assert len(mail.outbox) == 1 and signup.confirm_token in mail.outbox[0].body
    owner = Client()
    owner.force_login(people["eier"])
    seed_poll.owners.add(people["eier"])
    export = f"/enig/{seed_poll.slug}/eier/nyhetsbrev.csv"
    assert "kari@example.org" not in owner.get(export).content.decode()  # not confirmed yet
    confirmed = client.get(f"/enig/{seed_poll.slug}/nyhetsbrev/bekreft/{signup.confirm_token}/")
    assert "Takk for din interesse! Du vil nå motta nyhetsbrev fra oss :)" in \
        confirmed.content.decode()
    rows = list(csv.reader(io.StringIO(owner.get(export).content.decode("utf-8"))))
    assert rows[1][0] == "kari@example.org" and signup.unsubscribe_token in rows[1][3]
    assert Client().get(export).status_code == 302
    stranger = Client()
    stranger.force_login(people["utenforstaaende"])
    assert stranger.get(export).status_code == 403
    unsubscribe = f"/enig/{seed_poll.slug}/nyhetsbrev/avmeld/{signup.unsubscribe_token}/"
    assert Client(enforce_csrf_checks=True).post(unsubscribe).status_code == 200  # one click
    assert len(list(csv.reader(io.StringIO(owner.get(export).content.decode("utf-8"))))) == 1


def test_embedded_poll_has_its_own_frame_policy_and_votes_without_cookies(seed_poll):
    seed_poll.embed_origins = "https://ap.example"
    seed_poll.save()
    framed = Client(enforce_csrf_checks=True)
    page = framed.get(f"/enig/{seed_poll.slug}/innebygd/")
    policy = dict(d.strip().split(" ", 1) for d in page["Content-Security-Policy"].split(";"))
    assert policy["frame-ancestors"] == "https://ap.example"
    assert policy["form-action"] == "'self'"  # the rest of the site's policy stays
    assert "X-Frame-Options" not in page
    ordinary = Client().get(f"/enig/{seed_poll.slug}/")
    assert ordinary["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in ordinary["Content-Security-Policy"]
    token = re.search(r'name="v" value="([^"]+)"', page.content.decode()).group(1)
    statement = seed_poll.statements.first()
    framed.cookies.clear()  # a third-party frame gets no cookies
    vote = framed.post(f"/enig/{seed_poll.slug}/innebygd/{statement.id}/",
                       {"value": "1", "v": token})
    assert vote.status_code == 302 and f"v={token}" in vote["Location"]
    framed.cookies.clear()
    after = framed.get(vote["Location"]).content.decode()
    assert "Takk for din tilbakemelding!" in after and 'aria-pressed="true"' in after
    forged = framed.post(f"/enig/{seed_poll.slug}/innebygd/{statement.id}/",
                         {"value": "-1", "v": "forfalsket"})
    assert forged.status_code == 302 and Vote.objects.count() == 2  # a new voter, not the first
    assert Vote.objects.filter(value=1).count() == 1


def test_poll_json_loader_reports_bad_files(tmp_path, places):
    from livskraft.consultations.loading import DescriptionError

    bad = tmp_path / "p.json"
    bad.write_text(json.dumps({"type": "poll", "title": "x"}), encoding="utf-8")
    with pytest.raises(DescriptionError, match="kan ikke lese avstemningen"):
        load(bad)
