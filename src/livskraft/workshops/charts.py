"""The workshop charts as SVG: the priority matrix and the capacity diamond's radar."""

import math

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

SIZE, PAD = 520, 60


def _scale(value: float) -> float:
    return PAD + (SIZE - 2 * PAD) * (value - 1) / 4


GROUP_COLOURS = ["#1b7837", "#5e3c99", "#7f3b08", "#4a4a4a", "#8c1d5a", "#00616b"]
PLENUM_COLOUR = "#a23c00"


def priority_matrix(factors: list[dict], placements: dict[int, dict[str, tuple[int, int]]],
                    groups: list[str], quadrants: tuple[str, str, str, str]) -> SafeString:
    """Influence (x) against importance (y), 1–5. Each factor's participants' mean is a
    numbered circle with its spread as a cross and its name beside it; `placements`: factor id
    → group ("" for the plenum) → agreed (importance, influence), the plenum drawn as a
    diamond and each group as a square in its colour. `quadrants`: the labels of the top
    right, top left, bottom right and bottom left quarters."""
    width = SIZE + 200
    inner = SIZE - 2 * PAD
    parts = [f'<rect x="{PAD}" y="{PAD}" width="{inner}" height="{inner}" '
             'fill="#ffffff" stroke="#1d1d1b"/>',
             f'<rect x="{_scale(3)}" y="{PAD}" width="{inner / 2}" height="{inner / 2}" '
             'fill="#eef5e9"/>',
             f'<line x1="{_scale(3)}" x2="{_scale(3)}" y1="{PAD}" y2="{SIZE - PAD}" '
             'stroke="#8a8a8a" stroke-dasharray="4 3"/>',
             f'<line y1="{SIZE - _scale(3)}" y2="{SIZE - _scale(3)}" x1="{PAD}" x2="{SIZE - PAD}" '
             'stroke="#8a8a8a" stroke-dasharray="4 3"/>',
             f'<text x="{SIZE / 2}" y="{SIZE - 12}" text-anchor="middle" font-size="16">'
             f'{escape(_("Lokal påvirkning (1–5)"))}</text>',
             f'<text x="16" y="{SIZE / 2}" text-anchor="middle" font-size="16" '
             f'transform="rotate(-90 16 {SIZE / 2})">{escape(_("Viktighet (1–5)"))}</text>']
    corners = [(SIZE - PAD - 6, PAD + 18, "end"), (PAD + 6, PAD + 18, "start"),
               (SIZE - PAD - 6, SIZE - PAD - 8, "end"), (PAD + 6, SIZE - PAD - 8, "start")]
    for (x, y, anchor), label in zip(corners, quadrants, strict=True):
        parts.append(f'<text class="quadrant" x="{x}" y="{y}" text-anchor="{anchor}" '
                     f'font-size="13" font-weight="600" fill="#4a4a4a">{escape(label)}</text>')
    for tick in range(1, 6):
        parts.append(f'<text x="{_scale(tick)}" y="{SIZE - PAD + 18}" text-anchor="middle" '
                     f'font-size="14">{tick}</text>')
        parts.append(f'<text x="{PAD - 10}" y="{SIZE - _scale(tick) + 4}" text-anchor="end" '
                     f'font-size="14">{tick}</text>')
    for number, factor in enumerate(factors, start=1):
        if factor["importance"] is None:
            continue
        x, y = _scale(factor["influence"]), SIZE - _scale(factor["importance"])
        dx = inner * factor["influence_sd"] / 4
        dy = inner * factor["importance_sd"] / 4
        name = factor["text"] if len(factor["text"]) <= 24 else factor["text"][:23] + "…"
        parts.append(f'<g class="factor" data-factor="{factor["id"]}">'
                     f'<line x1="{x - dx:.1f}" x2="{x + dx:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#005b8f"/><line x1="{x:.1f}" x2="{x:.1f}" y1="{y - dy:.1f}" '
                     f'y2="{y + dy:.1f}" stroke="#005b8f"/>'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="14" fill="#005b8f"/>'
                     f'<text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="middle" fill="#ffffff" '
                     f'font-size="14" font-weight="700">{number}</text>'
                     f'<text class="name" x="{x + 18:.1f}" y="{y - 8:.1f}" font-size="14" '
                     f'fill="#1d1d1b">{escape(name)}</text>'
                     f'<title>{escape(factor["text"])}: '
                     f'{factor["importance"]:.1f} / {factor["influence"]:.1f}</title></g>')
    colours = {"": PLENUM_COLOUR} | {
        g: GROUP_COLOURS[i % len(GROUP_COLOURS)] for i, g in enumerate(groups)}
    for number, factor in enumerate(factors, start=1):
        for group, (importance, influence) in placements.get(factor["id"], {}).items():
            x, y = _scale(influence), SIZE - _scale(importance)
            colour = colours.get(group, GROUP_COLOURS[-1])
            shape = (f'<path d="M{x:.1f},{y - 15:.1f} L{x + 15:.1f},{y:.1f} L{x:.1f},{y + 15:.1f} '
                     f'L{x - 15:.1f},{y:.1f} Z"' if not group else
                     f'<rect x="{x - 11:.1f}" y="{y - 11:.1f}" width="22" height="22"')
            who = group or _("Plenum")
            parts.append(f'<g class="placement" data-group="{escape(group)}">{shape} '
                         f'fill="#ffffff" stroke="{colour}" stroke-width="3"/>'
                         f'<text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="middle" font-size="13" '
                         f'font-weight="700" fill="{colour}">{number}</text>'
                         f'<title>{escape(who)}: {escape(factor["text"])}</title></g>')
    legend = [(_("Snitt av deltakerne (med spredning)"), "#005b8f")]
    if any("" in p for p in placements.values()):
        legend.append((_("Plenum"), PLENUM_COLOUR))
    legend += [(g, colours[g]) for g in groups if any(g in p for p in placements.values())]
    for row, (label, colour) in enumerate(legend):
        y = PAD + 10 + 24 * row
        parts.append(f'<rect x="{SIZE + 4}" y="{y - 10}" width="14" height="14" fill="#ffffff" '
                     f'stroke="{colour}" stroke-width="3"/><text x="{SIZE + 24}" y="{y + 2}" '
                     f'font-size="14">{escape(label)}</text>')
    return mark_safe(
        f'<svg class="matrix" viewBox="0 0 {width} {SIZE}" role="img" '
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
    if band and all(v is not None for v in band[0] + band[1]):
        # one shape with a hole: the ring between the lowest and the highest score
        parts.append(f'<path class="band" fill="#dde7f0" fill-rule="evenodd" '
                     f'd="M{polygon(band[1])} Z M{polygon(band[0])} Z"/>')
    for level in range(1, 6):
        parts.append(f'<polygon points="{polygon([level] * len(labels))}" fill="none" '
                     'stroke="#c8c8c8"/>')
        x, y = point(0, level)
        parts.append(f'<text class="ring" x="{x + 6:.1f}" y="{y + 5:.1f}" font-size="14" '
                     f'fill="#4a4a4a">{level}</text>')
    for index, label in enumerate(labels):
        x, y = point(index, 5.4)
        anchor = "start" if x > centre + 10 else "end" if x < centre - 10 else "middle"
        parts.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="18" '
                     f'font-weight="600">{escape(label)}</text>')
    drawn = [(k, name, values, dash) for k, (name, values, dash) in enumerate(series)
             if any(v is not None for v in values)]
    legend_y = SIZE - 22 * len(drawn)
    for row, (k, name, values, dash) in enumerate(drawn):
        colour = RADAR_COLOURS[k % len(RADAR_COLOURS)]
        parts.append(f'<polygon class="series" points="{polygon(values)}" fill="none" '
                     f'stroke="{colour}" stroke-width="3" stroke-dasharray="{dash}"/>')
        y = legend_y + 22 * row
        parts.append(f'<line x1="-110" x2="-80" y1="{y}" y2="{y}" stroke="{colour}" '
                     f'stroke-width="3" stroke-dasharray="{dash}"/>'
                     f'<text x="-74" y="{y + 5}" font-size="15">{escape(name)}</text>')
    return mark_safe(
        f'<svg class="radar" viewBox="-120 0 {SIZE + 240} {SIZE}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(_("Kapasitetsdiamanten"))}</title>'
        + "".join(parts) + "</svg>")
