"""Er du enig?: the poll page, one statement with its follow-up after a vote, results,
newsletter sign-up, the owner's page, and an embeddable copy for other sites. No page needs
JavaScript: every vote is a form post followed by a redirect."""

import hashlib
import hmac
import secrets
from functools import wraps

import pandas as pd
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.decorators import ratelimit

from livskraft.web.downloads import table_response
from livskraft.web.formatting import in_oslo
from livskraft.web.sessions import by_session, voter_id

from . import polls
from .forms import NewsletterForm, PlaceForm, StatementForm
from .models import NewsletterSignup, Poll, Vote
from .permissions import can_run_poll
from .rates import rate

EMBED_SALT = "livskraft.poll.embed"


def _poll(slug: str) -> Poll:
    """A published poll; a consultation's poll exists only while the consultation is published."""
    return get_object_or_404(Poll.objects.exclude(consultation__published=False),
                             slug=slug, published=True)


def _context(request, poll: Poll, voter: str, embed: bool = False) -> dict:
    statements = list(polls.approved(poll))
    mine = dict(Vote.objects.filter(voter=voter, statement__in=statements)
                .values_list("statement_id", "value"))
    return {"poll": poll, "embed": embed, "open": poll.is_open(),
            "base": "consultations/embed_base.html" if embed else "web/base.html",
            "statements": [(s, mine.get(s.id)) for s in statements],
            "answered": len(mine), "total": len(statements),
            "counts": {r["statement"].id: r for r in polls.results(poll)}}


def _urls(poll: Poll, embed: bool, token: str = "") -> dict:
    suffix = f"?v={token}" if embed else ""
    name = "poll-embed" if embed else "poll"
    return {"list": reverse(name, args=[poll.slug]) + suffix,
            "statement": lambda s: reverse(f"{name}-statement", args=[poll.slug, s]) + suffix}


CLOSED = gettext_lazy("Fristen er ute, så det tas ikke imot flere stemmer eller påstander.")


def page(request, poll: Poll, voter: str, embed=False, token="", status=200):
    context = _context(request, poll, voter, embed)
    urls = _urls(poll, embed, token)
    context.update(token=token, list_url=urls["list"], links=[
        (s, mine, urls["statement"](s.id), context["counts"].get(s.id))
        for s, mine in context["statements"]],
        form=StatementForm(), place_form=PlaceForm(
            initial={"municipality_code": poll.voters.filter(voter=voter)
                     .values_list("municipality_code", flat=True).first()}))
    return render(request, "consultations/poll.html", context, status=status)


def statement_page(request, poll: Poll, voter: str, statement_id: int, embed=False, token=""):
    context = _context(request, poll, voter, embed)
    urls = _urls(poll, embed, token)
    found = [(s, mine) for s, mine in context["statements"] if s.id == statement_id]
    if not found:
        return render(request, "consultations/poll_missing.html", {**context, "list_url":
                                                                    urls["list"]}, status=404)
    statement, mine = found[0]
    status = 200
    if request.method == "POST":
        if not poll.is_open():
            messages.error(request, str(CLOSED))
            status = 403
        elif getattr(request, "limited", False):
            messages.error(request, _("For mange stemmer på kort tid. Vent litt og prøv igjen."))
            status = 429
        else:
            try:
                polls.vote(poll, voter, statement.id, request.POST.get("value"))
            except polls.InvalidVote:
                messages.error(request, _("Ugyldig stemme."))
            return redirect(urls["statement"](statement.id))
    others = [(s, urls["statement"](s.id)) for s, m in context["statements"]
              if s.id != statement.id and m is None]
    context.update(statement=statement, mine=mine, others=others, token=token,
                   list_url=urls["list"], count=context["counts"].get(statement.id),
                   newsletter_form=NewsletterForm(poll) if poll.newsletter else None)
    return render(request, "consultations/poll_statement.html", context, status=status)


@ratelimit(key=by_session, rate=rate("votes_per_session"), method="POST", block=False)
@ratelimit(key="ip", rate=rate("votes_per_address"), method="POST", block=False)
def poll(request, slug: str):
    return page(request, _poll(slug), voter_id(request))


@ratelimit(key=by_session, rate=rate("votes_per_session"), method="POST", block=False)
@ratelimit(key="ip", rate=rate("votes_per_address"), method="POST", block=False)
def statement(request, slug: str, statement_id: int):
    return statement_page(request, _poll(slug), voter_id(request), statement_id)


@ratelimit(key=by_session, rate=rate("proposals_per_session"), method="POST", block=False)
def propose(request, slug: str):
    poll = _poll(slug)
    form = StatementForm(request.POST or None)
    if request.method == "POST" and not poll.is_open():
        messages.error(request, str(CLOSED))
        return page(request, poll, voter_id(request), status=403)
    if request.method == "POST" and poll.visitor_statements:
        if getattr(request, "limited", False):
            messages.error(request, _("For mange forslag på kort tid. Vent litt og prøv igjen."))
        elif form.is_valid():
            polls.propose(poll, form.cleaned_data["text"])
            messages.success(request, _("Takk! Påstanden vises når den er godkjent."))
        else:
            messages.error(request, _("Skriv en påstand på høyst 300 tegn."))
    return redirect("poll", slug=slug)


def place(request, slug: str):
    poll = _poll(slug)
    form = PlaceForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            polls.place(poll, voter_id(request), form.cleaned_data["municipality_code"])
            messages.success(request, _("Takk! Stemmene dine telles nå med i fylket ditt."))
        else:
            messages.error(request, _("Velg en kommune fra lista."))
    return redirect("poll", slug=slug)


def results(request, slug: str):
    poll = _poll(slug)
    groups = polls.groups(poll)
    texts = dict(polls.approved(poll).values_list("id", "text"))
    context = {"poll": poll, "rows": polls.results(poll), "minimum": polls.MIN_VOTERS,
               "by_county": polls.results_by(poll, "county"),
               "by_centrality": polls.results_by(poll, "centrality"), "groups": None}
    if groups is not None:
        context["groups"] = {
            "count": groups.membership.nunique(),
            "consensus": [texts[i] for i in groups.consensus if i in texts],
            "divisive": [texts[i] for i in groups.divisive if i in texts]}
    return render(request, "consultations/poll_results.html", context)


@ratelimit(key=by_session, rate=rate("signups_per_session"), method="POST", block=False)
@ratelimit(key="ip", rate=rate("signups_per_address"), method="POST", block=False)
def newsletter(request, slug: str):
    poll = _poll(slug)
    if request.method != "POST" or not poll.newsletter:
        return redirect("poll", slug=slug)
    form = NewsletterForm(poll, request.POST)
    if getattr(request, "limited", False):
        messages.error(request, _("For mange påmeldinger på kort tid. Vent litt og prøv igjen."))
    elif form.is_valid():
        polls.sign_up(poll, form.cleaned_data["email"], form.consent_text(), lambda signup:
                      request.build_absolute_uri(reverse("poll-newsletter-confirm",
                                                         args=[slug, signup.confirm_token])))
        messages.success(request, _("Sjekk e-posten din: du må bekrefte påmeldingen før du får "
                                    "noe fra oss."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(request.POST.get("next") if str(request.POST.get("next", "")).startswith(
        f"/enig/{slug}/") else reverse("poll", args=[slug]))


def newsletter_confirm(request, slug: str, token: str):
    signup = get_object_or_404(NewsletterSignup, poll__slug=slug, confirm_token=token)
    polls.confirm(signup)
    unsubscribe = request.build_absolute_uri(reverse("poll-newsletter-unsubscribe",
                                                     args=[slug, signup.unsubscribe_token]))
    return render(request, "consultations/newsletter.html", {
        "poll": signup.poll, "signup": signup, "confirmed": signup.confirmed_at is not None,
        "unsubscribe_url": unsubscribe})


@csrf_exempt  # the token in the address is the authority; mail clients post here (RFC 8058)
def newsletter_unsubscribe(request, slug: str, token: str):
    signup = get_object_or_404(NewsletterSignup, poll__slug=slug, unsubscribe_token=token)
    if request.method == "POST":
        polls.unsubscribe(signup)
    return render(request, "consultations/newsletter.html", {
        "poll": signup.poll, "signup": signup, "unsubscribing": True})


def owners_only(view):
    @wraps(view)
    def checked(request, slug: str, *args, **kwargs):
        poll = get_object_or_404(Poll, slug=slug)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_run_poll(request.user, poll):
            return render(request, "consultations/forbidden.html", {}, status=403)
        return view(request, poll, *args, **kwargs)
    return checked


@owners_only
def manage(request, poll: Poll):
    if request.method == "POST":
        statement_actions(request, poll)
        return redirect("poll-manage", slug=poll.slug)
    return render(request, "consultations/poll_manage.html", {
        "poll": poll, "pending": poll.statements.filter(status="pending"),
        "form": StatementForm(), "subscribers": polls.subscribers(poll).count(),
        "rows": polls.results(poll),
        "embed_src": request.build_absolute_uri(reverse("poll-embed", args=[poll.slug]))})


def statement_actions(request, poll: Poll) -> None:
    """Bulk approve/reject visitors' statements, or add the owner's own; used by the poll's
    owner page and the consultation's moderation page."""
    action = request.POST.get("statement_action")
    if action in ("approve", "reject"):
        n = polls.moderate(poll, request.POST.getlist("statement"), action == "approve")
        messages.success(request, _("%(n)s påstander er godkjent.") % {"n": n}
                         if action == "approve" else
                         _("%(n)s påstander er avvist.") % {"n": n})
    elif action == "add":
        form = StatementForm(request.POST)
        if form.is_valid():
            polls.add_own(poll, form.cleaned_data["text"])
            messages.success(request, _("Påstanden er publisert."))
        else:
            messages.error(request, _("Skriv en påstand på høyst 300 tegn."))


@owners_only
def newsletter_export(request, poll: Poll):
    rows = [[s.email, in_oslo(s.confirmed_at).strftime("%d.%m.%Y %H:%M"),
             s.consent_text, request.build_absolute_uri(reverse(
                 "poll-newsletter-unsubscribe", args=[poll.slug, s.unsubscribe_token]))]
            for s in polls.subscribers(poll)]
    table = pd.DataFrame(rows, columns=[_("E-post"), _("Bekreftet (norsk tid)"), _("Samtykke"),
                                        _("Lenke for å melde av")])
    return table_response({_("Nyhetsbrev"): table}, f"nyhetsbrev-{poll.slug}", "csv")


def _embed_voter(request) -> tuple[str, str]:
    """Cookies are not sent to a page framed by another site, so the embedded poll carries
    its voter in a signed token in the form and the address instead of the session."""
    token = request.POST.get("v") or request.GET.get("v") or ""
    try:
        raw = signing.loads(token, salt=EMBED_SALT)
    except signing.BadSignature:
        raw = secrets.token_urlsafe(16)
        token = signing.dumps(raw, salt=EMBED_SALT)
    voter = hmac.new(settings.SECRET_KEY.encode(), f"embed:{raw}".encode(), hashlib.sha256)
    return voter.hexdigest(), token


def _framed(poll: Poll, response):
    """The site's policy with one change: the sites the owner named may frame this page."""
    response._csp_replace = {"frame-ancestors": poll.embed_origins.split() or ["*"]}
    return response


def by_embed_token(group, request) -> str:
    return request.POST.get("v", "") or "none"


@xframe_options_exempt
@csrf_exempt  # no cookie authority: the signed voter token travels in the form
@ratelimit(key=by_embed_token, rate=rate("votes_per_session"), method="POST", block=False)
@ratelimit(key="ip", rate=rate("votes_per_address"), method="POST", block=False)
def embed(request, slug: str):
    poll = _poll(slug)
    voter, token = _embed_voter(request)
    return _framed(poll, page(request, poll, voter, embed=True, token=token))


@xframe_options_exempt
@csrf_exempt
@ratelimit(key=by_embed_token, rate=rate("votes_per_session"), method="POST", block=False)
@ratelimit(key="ip", rate=rate("votes_per_address"), method="POST", block=False)
def embed_statement(request, slug: str, statement_id: int):
    poll = _poll(slug)
    voter, token = _embed_voter(request)
    return _framed(poll, statement_page(request, poll, voter, statement_id, embed=True,
                                        token=token))

