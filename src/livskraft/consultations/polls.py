"""Er du enig?: the writes (votes, places, proposals, moderation, newsletter sign-ups) and the
results. Every change to the votes bumps the poll's `votes_version`, which keys the cached
opinion groups: they are computed once per vote state, not on every page view."""

import contextlib

import pandas as pd
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from livskraft.analysis import opinion_groups

from .geography import centrality_classes, counties
from .models import NewsletterSignup, Poll, Statement, Vote, Voter

MIN_VOTERS = 5  # a county or centrality class with fewer voters shows no numbers
VALUES = {Vote.AGREE, Vote.DISAGREE, Vote.PASS}


class InvalidVote(ValueError):
    pass


def approved(poll: Poll):
    return poll.statements.filter(status=Statement.APPROVED)


@transaction.atomic
def vote(poll: Poll, voter: str, statement_id, value) -> Vote:
    try:
        value = int(value)
        statement = approved(poll).get(id=int(statement_id))
    except (TypeError, ValueError, Statement.DoesNotExist) as error:
        raise InvalidVote from error
    if value not in VALUES or (value == Vote.PASS and not poll.allow_pass):
        raise InvalidVote
    with contextlib.suppress(IntegrityError):  # two clicks at once: the first one counts
        saved, _created = Vote.objects.update_or_create(statement=statement, voter=voter,
                                                 defaults={"value": value})
        Poll.objects.filter(id=poll.id).update(votes_version=F("votes_version") + 1)
        return saved
    return Vote.objects.get(statement=statement, voter=voter)


def place(poll: Poll, voter: str, municipality_code: str) -> None:
    with transaction.atomic():
        Voter.objects.update_or_create(poll=poll, voter=voter,
                                       defaults={"municipality_code": municipality_code})
        Poll.objects.filter(id=poll.id).update(votes_version=F("votes_version") + 1)


def propose(poll: Poll, text: str) -> Statement:
    """A visitor's statement: shown only once a moderator approves it."""
    return Statement.objects.create(poll=poll, text=text, status=Statement.PENDING)


def add_own(poll: Poll, text: str) -> Statement:
    """The owner's own statement or proposal, published at once."""
    last = poll.statements.order_by("-position").values_list("position", flat=True).first()
    return Statement.objects.create(poll=poll, text=text, status=Statement.APPROVED,
                                    by_committee=True, position=(last or 0) + 1)


def moderate(poll: Poll, ids: list, approve: bool) -> int:
    """Approve or reject pending statements of this poll; ids of other polls are ignored."""
    wanted = [int(i) for i in ids if str(i).isdigit()]
    return poll.statements.filter(id__in=wanted, status=Statement.PENDING).update(
        status=Statement.APPROVED if approve else Statement.REJECTED)


def results(poll: Poll) -> list[dict]:
    """Per approved statement: agree, disagree and pass counts."""
    rows = approved(poll).annotate(
        agree=Count("votes", filter=Q(votes__value=Vote.AGREE)),
        disagree=Count("votes", filter=Q(votes__value=Vote.DISAGREE)),
        passed=Count("votes", filter=Q(votes__value=Vote.PASS)))
    return [{"statement": s, "agree": s.agree, "disagree": s.disagree, "passed": s.passed,
             "total": s.agree + s.disagree + s.passed} for s in rows]


def results_by(poll: Poll, grouping: str) -> list[dict]:
    """Agree/disagree per statement for each county or centrality class, from the voters who
    said where they live; a group under MIN_VOTERS voters shows no numbers."""
    places = dict(poll.voters.values_list("voter", "municipality_code"))
    votes = pd.DataFrame(list(Vote.objects.filter(statement__in=approved(poll))
                              .values_list("voter", "statement_id", "value")),
                         columns=["voter", "statement", "value"])
    votes["kommune"] = votes.voter.map(places)
    votes = votes.dropna(subset=["kommune"])
    if grouping == "county":
        votes["group"] = votes.kommune.map(counties())
    else:
        votes["group"] = votes.kommune.map(centrality_classes()).map(
            lambda c: _("klasse %(c)s") % {"c": int(c)} if pd.notna(c) else None)
    votes = votes.dropna(subset=["group"])
    texts = dict(approved(poll).values_list("id", "text"))
    out = []
    for group, rows in votes.groupby("group"):
        voters = rows.voter.nunique()
        shown = voters >= MIN_VOTERS
        out.append({"group": group, "voters": voters if shown else None, "statements": [
            {"text": texts[s], "agree": int((r.value == Vote.AGREE).sum()),
             "disagree": int((r.value == Vote.DISAGREE).sum())}
            for s, r in rows.groupby("statement")] if shown else []})
    return out


def groups(poll: Poll) -> opinion_groups.Groups | None:
    """The opinion groups of the current vote state, computed once and cached."""
    version = Poll.objects.filter(id=poll.id).values_list("votes_version", flat=True).first()
    key = f"livskraft:opinion-groups:{poll.id}:{version}"
    found = cache.get(key)
    if found is None:
        votes = pd.DataFrame(list(Vote.objects.filter(statement__poll=poll)
                                  .values_list("voter", "statement_id", "value")),
                             columns=["voter", "statement", "value"])
        found = {"groups": opinion_groups.find(votes)}
        cache.set(key, found, 24 * 3600)
    return found["groups"]


def sign_up(poll: Poll, email: str, consent_text: str, confirm_url) -> NewsletterSignup:
    """Ask for a confirmation by e-mail; nothing links the address to any vote."""
    signup, _created = NewsletterSignup.objects.get_or_create(
        poll=poll, email=email.lower(), defaults={"consent_text": consent_text})
    if signup.unsubscribed_at:
        signup.unsubscribed_at = signup.confirmed_at = None
        signup.consent_text = consent_text
        signup.save()
    if signup.confirmed_at is None:
        send_mail(_("Bekreft påmeldingen til nyhetsbrevet fra %(who)s") % {"who": poll.organiser},
                  _("Du (eller noen som skrev inn adressen din) ba om nyhetsbrev fra %(who)s. "
                    "Bekreft her:\n\n%(url)s\n\nHvis du ikke ba om dette, kan du se bort fra "
                    "e-posten; da får du ingenting.") % {"who": poll.organiser,
                                                          "url": confirm_url(signup)},
                  None, [signup.email])
    return signup


def confirm(signup: NewsletterSignup) -> None:
    if signup.confirmed_at is None and signup.unsubscribed_at is None:
        signup.confirmed_at = timezone.now()
        signup.save(update_fields=["confirmed_at"])


def unsubscribe(signup: NewsletterSignup) -> None:
    if signup.unsubscribed_at is None:
        signup.unsubscribed_at = timezone.now()
        signup.save(update_fields=["unsubscribed_at"])


def subscribers(poll: Poll):
    return poll.signups.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
