"""The priority matrix as SVG: influence (x) against importance (y), 1–5, with each
factor's mean as a point and its spread as a cross."""

import math

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

SIZE, PAD = 520, 60


def _scale(value: float) -> float:
    return PAD + (SIZE - 2 * PAD) * (value - 1) / 4


def priority_matrix(factors: list[dict], placements: dict[int, tuple[int, int]] | None = None
                    ) -> SafeString:
    """`placements`: factor id → the plenum's agreed (importance, influence), drawn as a
    diamond beside the participants' mean."""
    placements = placements or {}
    parts = [f'<rect x="{PAD}" y="{PAD}" width="{SIZE - 2 * PAD}" height="{SIZE - 2 * PAD}" '
             'fill="#ffffff" stroke="#1d1d1b"/>',
             f'<line x1="{_scale(3)}" x2="{_scale(3)}" y1="{PAD}" y2="{SIZE - PAD}" '
             'stroke="#8a8a8a" stroke-dasharray="4 3"/>',
             f'<line y1="{SIZE - _scale(3)}" y2="{SIZE - _scale(3)}" x1="{PAD}" x2="{SIZE - PAD}" '
             'stroke="#8a8a8a" stroke-dasharray="4 3"/>',
             f'<text x="{SIZE / 2}" y="{SIZE - 12}" text-anchor="middle" font-size="14">'
             f'{escape(_("Lokal påvirkning (1–5)"))}</text>',
             f'<text x="16" y="{SIZE / 2}" text-anchor="middle" font-size="14" '
             f'transform="rotate(-90 16 {SIZE / 2})">{escape(_("Viktighet (1–5)"))}</text>']
    for tick in range(1, 6):
        parts.append(f'<text x="{_scale(tick)}" y="{SIZE - PAD + 18}" text-anchor="middle" '
                     f'font-size="12">{tick}</text>')
        parts.append(f'<text x="{PAD - 10}" y="{SIZE - _scale(tick) + 4}" text-anchor="end" '
                     f'font-size="12">{tick}</text>')
    for number, factor in enumerate(factors, start=1):
        if factor["importance"] is None:
            continue
        x, y = _scale(factor["influence"]), SIZE - _scale(factor["importance"])
        dx = (SIZE - 2 * PAD) * factor["influence_sd"] / 4
        dy = (SIZE - 2 * PAD) * factor["importance_sd"] / 4
        parts.append(f'<g class="factor" data-factor="{factor["id"]}">'
                     f'<line x1="{x - dx:.1f}" x2="{x + dx:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#005b8f"/><line x1="{x:.1f}" x2="{x:.1f}" y1="{y - dy:.1f}" '
                     f'y2="{y + dy:.1f}" stroke="#005b8f"/>'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="14" fill="#005b8f"/>'
                     f'<text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="middle" fill="#ffffff" '
                     f'font-size="14" font-weight="700">{number}</text>'
                     f'<title>{escape(factor["text"])}: '
                     f'{factor["importance"]:.1f} / {factor["influence"]:.1f}</title></g>')
    for number, factor in enumerate(factors, start=1):
        if factor["id"] not in placements:
            continue
        importance, influence = placements[factor["id"]]
        x, y = _scale(influence), SIZE - _scale(importance)
        parts.append(f'<g class="placement"><path d="M{x:.1f},{y - 15:.1f} L{x + 15:.1f},{y:.1f} '
                     f'L{x:.1f},{y + 15:.1f} L{x - 15:.1f},{y:.1f} Z" fill="#ffffff" '
                     f'stroke="#a23c00" stroke-width="3"/><text x="{x:.1f}" y="{y + 5:.1f}" '
                     f'text-anchor="middle" font-size="13" font-weight="700" fill="#a23c00">'
                     f'{number}</text><title>{escape(_("Plenum"))}: {escape(factor["text"])}'
                     f'</title></g>')
    return mark_safe(
        f'<svg class="matrix" viewBox="0 0 {SIZE} {SIZE}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(_("Prioriteringsmatrise"))}</title>'
        + "".join(parts) + "</svg>")


RADAR_COLOURS = ["#a23c00", "#1b7837", "#5e3c99", "#7f3b08"]


def radar(labels: list[str], series: list[tuple[str, list[float | None], str]],
          band: tuple[list[float | None], list[float | None]] | None = None) -> SafeString:
    """A five-pointed radar from 1 (centre) to 5. `series`: (name, values, dash pattern);
    `band`: the lowest and highest individual scores, drawn as a shaded ring."""
    centre, radius = SIZE / 2, SIZE / 2 - 80

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / len(labels)
        reach = radius * (value - 1) / 4
        return centre + reach * math.cos(angle), centre + reach * math.sin(angle)

    def polygon(values) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in
                        (point(i, v) for i, v in enumerate(values) if v is not None))

    parts = []
    for level in range(1, 6):
        parts.append(f'<polygon points="{polygon([level] * len(labels))}" fill="none" '
                     'stroke="#c8c8c8"/>')
    for index, label in enumerate(labels):
        x, y = point(index, 5.4)
        anchor = "start" if x > centre + 10 else "end" if x < centre - 10 else "middle"
        parts.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="16">'
                     f'{escape(label)}</text>')
    if band and all(v is not None for v in band[0] + band[1]):
        parts.append(f'<polygon points="{polygon(band[1])}" fill="#dde7f0"/>'
                     f'<polygon points="{polygon(band[0])}" fill="#ffffff"/>')
    legend_y = SIZE - 20 * len(series)
    for k, (name, values, dash) in enumerate(series):
        colour = RADAR_COLOURS[k % len(RADAR_COLOURS)]
        if any(v is not None for v in values):
            parts.append(f'<polygon class="series" points="{polygon(values)}" fill="none" '
                         f'stroke="{colour}" stroke-width="3" stroke-dasharray="{dash}"/>')
        parts.append(f'<line x1="10" x2="40" y1="{legend_y + 20 * k}" y2="{legend_y + 20 * k}" '
                     f'stroke="{colour}" stroke-width="3" stroke-dasharray="{dash}"/>'
                     f'<text x="46" y="{legend_y + 20 * k + 4}" font-size="13">{escape(name)}'
                     '</text>')
    return mark_safe(
        f'<svg class="radar" viewBox="-120 0 {SIZE + 240} {SIZE}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(_("Kapasitetsdiamanten"))}</title>'
        + "".join(parts) + "</svg>")
