"""Kommuner and fylker as they were in a given border vintage, and how codes map over time."""

from django.db import models


class Municipality(models.Model):
    """A kommune as listed in SSB's classification for one border vintage (year)."""

    vintage = models.PositiveSmallIntegerField(help_text="Border year of the code list")
    code = models.CharField(max_length=4)
    name = models.CharField(max_length=120)
    county_code = models.CharField(max_length=2, blank=True)
    county_name = models.CharField(max_length=120, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vintage", "code"], name="unique_municipality_vintage")
        ]
        ordering = ["vintage", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name} ({self.vintage})"


class CodeCrosswalk(models.Model):
    """A code valid in the years [from_year, to_year] maps to `pivot_code` of the pivot vintage.

    `weight` is the share of the old unit assigned to the pivot unit: 1 for merges and
    renumberings, less than 1 for splits (an estimate, explained in `note`).
    """

    from_code = models.CharField(max_length=4)
    from_year = models.PositiveSmallIntegerField()
    to_year = models.PositiveSmallIntegerField()
    pivot_vintage = models.PositiveSmallIntegerField()
    pivot_code = models.CharField(max_length=4)
    weight = models.FloatField(default=1.0)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["from_code", "from_year", "pivot_code"], name="unique_crosswalk_row"
            )
        ]


class CodeChange(models.Model):
    """One row of KLASS 131's change list: `old_code` became (part of) `new_code` on
    1 January `year`. A code with several new codes in one year was split."""

    old_code = models.CharField(max_length=4)
    old_name = models.CharField(max_length=120, blank=True)
    new_code = models.CharField(max_length=4)
    new_name = models.CharField(max_length=120, blank=True)
    year = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["old_code", "new_code", "year", "old_name", "new_name"],
                                    name="unique_code_change")
        ]


class Centrality(models.Model):
    """SSB's centrality index (0–1000) and class (1–6), classification KLASS 128."""

    code = models.CharField(max_length=4, unique=True)
    centrality_class = models.PositiveSmallIntegerField()
    index = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=160, blank=True)


class Boundary(models.Model):
    """A simplified outline (GeoJSON geometry, WGS84) of a kommune or fylke in one vintage."""

    KOMMUNE = "kommune"
    FYLKE = "fylke"
    LEVELS = [(KOMMUNE, "kommune"), (FYLKE, "fylke")]

    level = models.CharField(max_length=8, choices=LEVELS)
    vintage = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=4)
    name = models.CharField(max_length=120)
    geometry = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["level", "vintage", "code"], name="unique_boundary")
        ]
