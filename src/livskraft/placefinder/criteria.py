"""What a household can weigh in the bygdekalkulator, and where each number comes from."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from livskraft.analysis.place_ranking import Criterion


@dataclass(frozen=True)
class Definition:
    key: str
    label: Promise
    unit: str
    direction: int  # +1 more is better, −1 less is better
    source: Promise

    @property
    def criterion(self) -> Criterion:
        return Criterion(self.key, self.direction)


DEFINITIONS = [
    Definition("pendling", _("Samme bo- og arbeidsmarkedsregion som arbeidsstedet"),
               _("1 = ja"), +1, _("NIBR/OsloMet, bo- og arbeidsmarkedsregioner")),
    Definition("arbeidsplasser", _("Arbeidsplasser i kommunen"), _("per 1000 innbyggere"), +1,
               _("SSB, sysselsatte etter arbeidssted (11618)")),
    Definition("befolkningsvekst", _("Befolkningsvekst siste ti år"), "%", +1,
               _("SSB 07459")),
    Definition("unge_voksne", _("Unge voksne (20–39 år)"), _("% av innbyggerne"), +1,
               _("SSB 07459")),
    Definition("barn", _("Barn (0–15 år)"), _("% av innbyggerne"), +1, _("SSB 07459")),
    Definition("sentralitet", _("Nærhet til tjenester (sentralitetsindeks)"), _("av 1000"), +1,
               _("SSB, KLASS 128")),
    Definition("reisetid", _("Reisetid til regionsenteret"), _("minutter"), -1,
               _("NIBR/OsloMet, bo- og arbeidsmarkedsregioner")),
    Definition("natur_og_plass", _("Natur og plass (få innbyggere per km²)"),
               _("innbyggere per km²"), -1,
               _("SSB 07459 og landareal fra SSB 09280")),
    Definition("boligpris", _("Boligpris"), _("kr per m²"), -1, _("importert boligprisfil")),
    Definition("bredband", _("Bredbånd (minst 100 Mbit/s)"), _("% av husstandene"), +1,
               _("Nkom, bredbåndsdekning")),
    Definition("tiltakssone", _("Tiltakssonen Finnmark og Nord-Troms (skatt og studielån)"),
               _("1 = ja"), +1, _("importert soneliste")),
    Definition("arbeidsgiveravgift", _("Arbeidsgiveravgift for egen bedrift"), "%", -1,
               _("importert soneliste (differensiert arbeidsgiveravgift)")),
]
BY_KEY = {d.key: d for d in DEFINITIONS}
APPROXIMATE_AREA_SOURCE = _("SSB 07459 og omtrentlig areal fra forenklede kartgrenser "
                            "(Kartverket); mer nøyaktig når SSBs arealtall (09280) er lastet inn")


NEUTRAL = 2


def suggested_weights(children: int, remote: bool, own_business: bool,
                      commutes: bool) -> dict[str, int]:
    """A neutral start: every criterion weighs the same, and only what the household says
    moves a weight (children, remote work, an own business, a commute). Every weight can be
    changed on the page."""
    weights = {d.key: NEUTRAL for d in DEFINITIONS}
    weights.update(pendling=4 if commutes and not remote else 0, barn=3 if children else 0,
                   arbeidsgiveravgift=3 if own_business else 0)
    if remote:
        weights.update(bredband=4, arbeidsplasser=1)
    return weights
