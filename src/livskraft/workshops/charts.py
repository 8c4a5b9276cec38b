"""The priority matrix as SVG: influence (x) against importance (y), 1–5, with each
factor's mean as a point and its spread as a cross."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

SIZE, PAD = 520, 60


def _scale(value: float) -> float:
    return PAD + (SIZE - 2 * PAD) * (value - 1) / 4


def priority_matrix(factors: list[dict]) -> SafeString:
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
    return mark_safe(
        f'<svg class="matrix" viewBox="0 0 {SIZE} {SIZE}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(_("Prioriteringsmatrise"))}</title>'
        + "".join(parts) + "</svg>")
