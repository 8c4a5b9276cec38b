"""Stored observations. `vintage` is the border year the codes belong to: 2024 for a series
re-aggregated to 2024 borders, or equal to `year` for figures on that year's own borders."""

from django.db import models


class PopulationTotal(models.Model):
    """Persons resident on 1 January of `year`."""

    vintage = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=4)
    persons = models.PositiveIntegerField()
    men = models.PositiveIntegerField(null=True)
    women = models.PositiveIntegerField(null=True)
    estimated = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vintage", "year", "code"], name="unique_population")
        ]
        indexes = [models.Index(fields=["vintage", "code"])]


class PopulationByAge(models.Model):
    """Persons on 1 January by single-year age 0..105 (105 = 105 or older), one row per sex.

    `sex` is "M" (menn), "K" (kvinner) or "T" (begge kjønn, where no split is published).
    """

    vintage = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=4)
    sex = models.CharField(max_length=1)
    counts = models.JSONField(help_text="List of 106 counts, index = age")
    estimated = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["vintage", "year", "code", "sex"], name="unique_population_by_age"
            )
        ]


class PopulationChange(models.Model):
    """Components of population change during calendar `year` (SSB table 06913)."""

    vintage = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=4)
    births = models.IntegerField()
    deaths = models.IntegerField()
    immigration = models.IntegerField()
    emigration = models.IntegerField()
    domestic_in = models.IntegerField()
    domestic_out = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["vintage", "year", "code"], name="unique_population_change"
            )
        ]


class DataLoad(models.Model):
    """What was loaded, from where and when: shown as the source line under each figure."""

    dataset = models.CharField(max_length=60)
    source = models.CharField(max_length=300)
    rows = models.PositiveIntegerField()
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-loaded_at"]


class Employment(models.Model):
    """Jobs (sysselsatte) by workplace kommune and industry (SN2007) in the 4th quarter."""

    vintage = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=4)
    industry = models.CharField(max_length=10)
    jobs = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["vintage", "year", "code", "industry"], name="unique_employment"
            )
        ]


class DemographicRate(models.Model):
    """National rates by age: `mortality` = probability of dying within the year (per sex),
    `fertility` = live births per woman (sex "K")."""

    MORTALITY, FERTILITY = "mortality", "fertility"
    kind = models.CharField(max_length=10, choices=[(MORTALITY, MORTALITY), (FERTILITY, FERTILITY)])
    year = models.PositiveSmallIntegerField()
    sex = models.CharField(max_length=1)
    age = models.PositiveSmallIntegerField()
    value = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "year", "sex", "age"], name="unique_rate")
        ]


class OfficialProjection(models.Model):
    """SSB's own projected population on 1 January per kommune and alternative (e.g. MMMM),
    per edition (SSB names an edition by its year, which is also its base year)."""

    edition = models.PositiveSmallIntegerField()
    vintage = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=4)
    alternative = models.CharField(max_length=12)
    persons = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "vintage", "year", "code", "alternative"],
                                    name="unique_official_projection_edition")
        ]


class PlaceIndicator(models.Model):
    """One number per kommune from another public source (house prices, broadband, zones,
    travel time to the labour-market centre …); `indicator` names it, see placefinder."""

    indicator = models.CharField(max_length=40)
    vintage = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=4)
    value = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "vintage", "code"],
                                    name="unique_place_indicator")
        ]


class ImportReport(models.Model):
    """One `import-data` run: what was stored, which files were refused and why. The newest is
    shown to staff on the home page."""

    directory = models.CharField(max_length=500)
    stored = models.JSONField(default=dict, help_text="dataset → rows stored")
    refused = models.JSONField(default=list, help_text="problems (file, line, code, values) "
                                                      "of the files left out")
    skipped = models.JSONField(default=list, help_text="files that are no known format")
    notes = models.JSONField(default=list)
    finished_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-finished_at", "-id"]


class CommutingFlow(models.Model):
    """Employed persons 15–74 (4th quarter) working in `work_code` and living in `home_code`
    (SSB 03321, on `vintage` borders); only pairs with at least one person are stored."""

    vintage = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField()
    work_code = models.CharField(max_length=4)
    home_code = models.CharField(max_length=4)
    persons = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vintage", "year", "work_code", "home_code"],
                                    name="unique_commuting_flow")
        ]
        indexes = [models.Index(fields=["vintage", "year", "work_code"]),
                   models.Index(fields=["vintage", "year", "home_code"])]
