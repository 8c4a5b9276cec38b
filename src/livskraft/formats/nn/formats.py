"""Nynorsk: Django's own formats, with the time written as Språkrådet recommends (kl. 23.59)."""

from django.conf.locale.nn.formats import *  # noqa: F403

DATETIME_FORMAT = r"j. F Y \k\l. H.i"
SHORT_DATETIME_FORMAT = r"d.m.Y \k\l. H.i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # 717 710, never broken across lines
NUMBER_GROUPING = 3
