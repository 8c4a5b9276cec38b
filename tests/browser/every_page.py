"""Every HTML page of the site, for the accessibility sweep (test_accessibility_in_chromium).

Run as `python -m tests.browser.every_page OUT.json` against a server's database (after the
committee's superuser and the two example consultations are loaded): it stores what the pages
need — a workshop per tool, a response, an invitation, a newsletter sign-up, all with fixed
codes and tokens (synthetic) — and writes the list of pages to OUT.json. Each page is
[url name, path, who]: who is "anyone", "staff" (logged in) or "participant:<join code>"."""

import json
import sys

CONSULTATION, POLL = "distriktshoring", "distriktspolitikk"
PRIVATE_TOKEN = "axe" + "0" * 37
CONFIRM_TOKEN, UNSUBSCRIBE_TOKEN = "axe-confirm" + "0" * 29, "axe-unsubscribe" + "0" * 25
JOIN_CODES = {"priority": "AXEPRI", "diamond": "AXEDIA", "trust": "AXETRU", "tensteps": "AXETEN"}


def prepare() -> list[list[str]]:
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from livskraft.consultations.models import (
        Consultation,
        Invitation,
        NewsletterSignup,
        Poll,
        Submission,
    )
    from livskraft.workshops.models import Facilitation, Workshop
    from livskraft.workshops.tools.priority import Factor

    staff = get_user_model().objects.get(username="komite")
    workshops = {}
    for tool, code in JOIN_CODES.items():
        workshop = Workshop.objects.create(title=f"Testvik {tool}", municipality_code="5014",
                                           active_tool=tool, join_code=code,
                                           groups="Bord 1, Bord 2", results_hidden=False)
        Facilitation.objects.create(user=staff, workshop=workshop, role=Facilitation.FACILITATOR)
        workshops[tool] = workshop
    Factor.objects.create(workshop=workshops["priority"], text="Bredbånd i Testvik")
    consultation = Consultation.objects.get(slug=CONSULTATION)
    Submission.objects.create(consultation=consultation, token=PRIVATE_TOKEN,
                              respondent_type=Submission.INDIVIDUAL, name="Testvik Testesen",
                              email="testesen@testvik.example", municipality_code="5014")
    Invitation.objects.create(consultation=consultation, organisation="Testvik ungdomsråd",
                              place="Testvik", date="2026-12-24", topic="Ungdom og bolig",
                              email="ungdom@testvik.example")
    poll = Poll.objects.get(slug=POLL)
    NewsletterSignup.objects.create(poll=poll, email="nyhet@testvik.example",
                                    consent_text="Testvik", confirm_token=CONFIRM_TOKEN,
                                    unsubscribe_token=UNSUBSCRIBE_TOKEN)
    statement = poll.statements.filter(status="approved").order_by("id").first()
    own = f"/horing/{CONSULTATION}/innspill/{PRIVATE_TOKEN}/"
    pages = [
        ["home", "/", "anyone"],
        ["find", "/finn/?q=B%C3%B8", "anyone"],
        ["find", "/finn/?q=Testvikfjorden", "anyone"],
        ["kommune", "/kommune/5014/", "anyone"],
        ["kommune", "/kommune/1151/?start=2007&end=2017&borders=2018", "anyone"],
        ["national", "/nasjonalt/", "anyone"],
        ["national", "/nasjonalt/?start=2006&end=2018&borders=2018", "anyone"],
        ["placefinder", "/bygdekalkulator/", "anyone"],
        ["placefinder", "/bygdekalkulator/?voksne=2&barn=2&distrikt=on", "anyone"],
        ["placefinder", "/bygdekalkulator/?voksne=0", "anyone"],
        ["accessibility", "/tilgjengelighet/", "anyone"],
        ["privacy", "/personvern/", "anyone"],
        ["login", "/konto/logg-inn/", "anyone"],
        ["password_reset", "/konto/glemt-passord/", "anyone"],
        ["password_reset_done", "/konto/glemt-passord/sendt/", "anyone"],
        ["password_reset_confirm", "/konto/nytt-passord/MQ/ugyldig-lenke/", "anyone"],
        ["password_reset_complete", "/konto/nytt-passord/ferdig/", "anyone"],
        ["kommune-chart-embed", "/kommune/5014/figur/befolkning/innebygd/", "anyone"],
        ["kommune-chart-embed", "/kommune/5014/figur/framskriving/innebygd/", "anyone"],
        ["consultations", "/horing/", "anyone"],
        ["consultation", f"/horing/{CONSULTATION}/", "anyone"],
        ["consultation-submit", f"/horing/{CONSULTATION}/innspill/", "anyone"],
        ["consultation-own", own, "anyone"],
        ["consultation-own-delete", f"{own}slett-alt/", "anyone"],
        ["consultation-invite", f"/horing/{CONSULTATION}/inviter/", "anyone"],
        ["poll", f"/enig/{POLL}/", "anyone"],
        ["poll-statement", f"/enig/{POLL}/{statement.id}/", "anyone"],
        ["poll-statement", f"/enig/{POLL}/999999/", "anyone"],
        ["poll-results", f"/enig/{POLL}/resultater/", "anyone"],
        ["poll-newsletter-confirm", f"/enig/{POLL}/nyhetsbrev/bekreft/{CONFIRM_TOKEN}/",
         "anyone"],
        ["poll-newsletter-unsubscribe",
         f"/enig/{POLL}/nyhetsbrev/avmeld/{UNSUBSCRIBE_TOKEN}/", "anyone"],
        ["poll-embed", f"/enig/{POLL}/innebygd/", "anyone"],
        ["poll-embed-statement", f"/enig/{POLL}/innebygd/{statement.id}/", "anyone"],
        ["workshop-join-form", "/verksted/bli-med/", "anyone"],
        ["workshop-join", f"/v/{JOIN_CODES['priority']}/", "anyone"],
        ["workshop-join", "/v/ZZZZZZ/", "anyone"],
        ["not-found", "/finnes-ikke/", "anyone"],
        ["account", "/konto/", "staff"],
        ["workshops", "/verksted/", "staff"],
        ["consultation-moderate", f"/horing/{CONSULTATION}/moderer/", "staff"],
        ["consultation-analysis", f"/horing/{CONSULTATION}/analyse/", "staff"],
        ["consultation-summary", f"/horing/{CONSULTATION}/analyse/sammendrag/", "staff"],
        ["poll-manage", f"/enig/{POLL}/eier/", "staff"],
        ["workshop-steps", f"/verksted/{workshops['tensteps'].id}/10-punkt/", "staff"],
    ]
    for tool, workshop in workshops.items():
        pages += [["workshop", f"/verksted/{workshop.id}/", "staff"],
                  ["workshop-screen", f"/verksted/{workshop.id}/storskjerm/", "staff"],
                  ["workshop-participate", "/verksted/delta/", f"participant:{JOIN_CODES[tool]}"]]
    return pages


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(prepare(), out)
