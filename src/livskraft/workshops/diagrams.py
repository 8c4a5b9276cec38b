"""The charts of a workshop, for the big screen and for download (SVG, PNG, PDF)."""

from django.utils.translation import gettext as _

from . import charts, diamond, scoring
from .models import Placement, Workshop


def priority(workshop: Workshop):
    factors = scoring.summary(workshop)
    plenum = {p.factor_id: (p.importance, p.influence)
              for p in Placement.objects.filter(factor__workshop=workshop, group="")}
    return charts.priority_matrix(factors, plenum)


def capacity(workshop: Workshop):
    rows = diamond.summary(workshop)
    series = [(_("Snitt av deltakerne"), [r["mean"] for r in rows], "6 4"),
              (_("Felles skår") + (f" {workshop.year_label}" if workshop.year_label else ""),
               [r["joint"] for r in rows], "")]
    for label, joint in diamond.earlier_years(workshop):
        series.append((label, [joint.get(key) for key in diamond.KEYS], "2 3"))
    band = ([r["low"] for r in rows], [r["high"] for r in rows])
    return charts.radar([r["label"] for r in rows], series, band)


CHARTS = {Workshop.PRIORITY: priority, Workshop.DIAMOND: capacity}
