"""Attractiveness and projection on the synthetic region (tests/synthetic_outlook.py)."""

import io
from csv import DictReader

import numpy as np
import openpyxl
import pytest

from livskraft.analysis.projection import AGES, project
from livskraft.profiles import attractiveness_tables, projection_maps, projection_tables
from livskraft.stats import frames
from livskraft.stats.importing import import_directory
from livskraft.stats.models import DemographicRate
from livskraft.web.data_messages import describe
from tests import synthetic_outlook as region


@pytest.fixture
def client(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return client


def test_attractiveness_of_testvik_nord_worked_by_hand(outlook_data):
    """tests/synthetic_outlook.py, 2016–2021. Exposed (non-public) jobs 2016 per kommune:
    9911 400+200+150 = 750, 9912 500, 9913 850, 9914 220, 9915 430, 9916 380: 3,130.
    Basis jobs 2021 = round(basis·(1+g)^5): 9911 400·1.04^5 = 486.7 → 487 (+87), 9912
    300·0.98^5 = 271.2 → 271 (−29), 9913 500·1.01^5 = 525.5 → 526 (+26), 9914 100·0.96^5 =
    81.5 → 82 (−18), 9915 +0, 9916 200·1.03^5 = 231.9 → 232 (+32): +98 of 1,750 basis jobs."""
    table, model = attractiveness_tables.attractiveness_table(2016, 2021)
    assert len(table) == 6 and table.rangering.tolist() == list(range(1, 7))
    testvik = table.set_index("kommunenr").loc["9911"]
    assert testvik.arbeidsplasser_2016 == 750  # public jobs are left out
    assert testvik.jobbvekst_pst == pytest.approx(11.60, abs=0.005)  # 87 / 750
    assert testvik.nasjonal_vekst_pst == pytest.approx(3.131, abs=0.001)  # 98 / 3,130
    # industry mix: (400·(98/1750 − 98/3130) + 350·(0 − 98/3130)) / 750
    #             = (400·0.024690 − 350·0.031310) / 750 = −0.144 %
    assert testvik.bransjeeffekt_pst == pytest.approx(-0.144, abs=0.005)  # shown to 2 decimals
    # net migration 2016–2020: 5 years × (4 per sex and age × 2 × 10 ages + 20 immigrants)
    # = 500, over the 2016 population 20·2·90 + 2·2·16 = 3,664: 13.65 %
    assert testvik.nettoflytting_pst == pytest.approx(13.65, abs=0.01)
    slope = model.coefficients["relative_job_growth"]
    for row in table.itertuples():  # the definitions in analysis/shift_share and attractiveness
        business = (row.jobbvekst_pst - row.nasjonal_vekst_pst - row.bransjeeffekt_pst
                    - row.befolkningseffekt_pst)
        assert row.naeringsattraktivitet_pst == pytest.approx(business, abs=0.02)
        residential = row.nettoflytting_pst - row.forventet_nettoflytting_pst
        assert row.bostedsattraktivitet_pst == pytest.approx(residential, abs=0.02)
        total = row.bostedsattraktivitet_pst + slope * row.naeringsattraktivitet_pst
        assert row.samlet_attraktivitet_pst == pytest.approx(total, abs=0.02)
    assert model.observations == 6 and 0 <= model.r_squared <= 1


def test_projection_reproduces_the_known_migration_and_scenarios(outlook_data):
    data = projection_tables.inputs()
    assert data.base_year == 2021 and data.rate_year == 2020
    index = data.codes.index("9911")
    # the residual method recovers the migration the history was built with, to within the
    # rounding of the history to whole persons
    assert np.abs(data.migration[index] - region.migration("9911")).max() < 1.0
    table = projection_tables.kommune_table("9911", 10, extra=projection_tables.Extra(20, 20, 29))
    by = table.pivot_table(index="aar", columns="scenario", values="folketall")
    # migrants arrive by 1 January, after the year's deaths and births, so in the first year
    # each scenario differs from the main one by its migrants alone:
    assert by.loc[2022, "custom"] - by.loc[2022, "main"] == 20  # the 20 extra a year
    # net immigration 20 a year
    assert by.loc[2022, "main"] - by.loc[2022, "zero_immigration"] == pytest.approx(20, abs=1)
    # all migration: the residual estimate, which the history was built with as 4 per sex and
    # age × 2 sexes × ages 20–29 + 20 immigrants = 100 a year; the history is rounded to whole
    # persons every year, and survivors like 20·(1 − 0.0005) = 19.99 round up, which the
    # residual method reads as migrants: at most 0.5 in each of the 212 cells, about +10 here
    residual = data.migration[index].sum()
    assert 100 <= residual <= 100 + 0.5 * 212 and residual == pytest.approx(100, abs=15)
    assert by.loc[2022, "main"] - by.loc[2022, "no_migration"] == pytest.approx(residual, abs=1)
    # the 2021 population, 1 January, summed from the synthetic file
    assert by.loc[2021, "main"] == by.loc[2021, "no_migration"] == int(data.history[-1, index].sum())


def test_past_years_use_their_own_death_probabilities_where_stored(outlook_data):
    """The region stores rates for 2020 only; 2017 is added for every sex and age (0.01),
    2018 for age 0 alone (incomplete, so 2020's stand in)."""
    DemographicRate.objects.bulk_create(
        [DemographicRate(kind="mortality", year=2017, sex=s, age=a, value=0.01)
         for s in "MK" for a in range(AGES)]
        + [DemographicRate(kind="mortality", year=2018, sex="M", age=0, value=0.5)])
    q = projection_tables.yearly_death_probability([2016, 2017, 2018],
                                                   projection_tables.rates_from(
                                                       frames.national_rates()[1]))
    assert q.shape == (3, 2, AGES)
    assert q[1].tolist() == [[0.01] * AGES] * 2
    # 2016 and 2018: the stored 2020 rates (tests/synthetic_outlook.py, to 6 decimals)
    assert q[0] == pytest.approx(region.RATES.death_probability, abs=5e-7)
    assert q[2] == pytest.approx(region.RATES.death_probability, abs=5e-7)


def test_ssb_projection_is_shown_beside_ours_with_the_difference(outlook_data):
    table = projection_tables.kommune_table("9911", 10)
    ssb = table[table.scenario == "ssb_MMMM"].set_index("aar").folketall
    assert ssb.loc[2022] == round(3400 * 1.01) and ssb.index.max() == 2031
    main = projection_tables.kommune_table("9911", 26).query("scenario == 'main'")
    main = main.set_index("aar").folketall
    # SSB's file starts in 2022, so both start from 1.1.2021, the newest population by age
    comparison = projection_tables.ssb_comparison("9911").set_index("etter_aar")
    assert comparison.aar.tolist() == [2031, 2041, 2047]
    assert comparison.ssb_mmmm.tolist() == [3756, 4149, 4404]  # round(3400 · 1.01^h)
    for horizon, year in ((10, 2031), (20, 2041), (26, 2047)):
        row = comparison.loc[horizon]
        assert row.livskraft == main.loc[year]
        assert row.forskjell == main.loc[year] - row.ssb_mmmm
        assert row.forskjell_pst == pytest.approx(100 * row.forskjell / row.ssb_mmmm, abs=0.05)


def test_all_kommuner_sum_to_the_regional_projection_within_two_percent(outlook_data):
    """Kommuner differ from the whole only by their own birth and death levels and by the
    floor at zero persons per age, which bites where small cohorts lose migrants."""
    data = projection_tables.inputs()
    each = projection_tables.project_all(data, "main", 30)
    whole = project(data.history[-1].sum(axis=0, keepdims=True), data.rates,
                    data.migration.sum(axis=0, keepdims=True), 30)
    assert each[-1].sum() == pytest.approx(whole[-1].sum(), rel=0.02)


def test_missing_rates_and_jobs_are_explained(empty_database, synthetic_dir):
    import_directory(synthetic_dir)
    with pytest.raises(LookupError, match="dødssannsynligheter"):
        projection_tables.inputs()
    with pytest.raises(LookupError, match="sysselsatte etter arbeidssted"):
        attractiveness_tables.attractiveness_table(2020, 2022)


def test_bad_rates_are_rejected_with_the_line(empty_database, outlook_dir):
    path = outlook_dir / "rates" / "nasjonal_fruktbarhet.csv"
    path.write_text(path.read_text().replace("2020,25,0.08", "2020,25,1.5"))
    rejected = import_directory(outlook_dir).rejected
    assert [(p.file, p.line, p.code) for p in rejected] == [
        ("rates/nasjonal_fruktbarhet.csv", 27, "bad_rate")]
    assert describe(rejected[0]).startswith("rates/nasjonal_fruktbarhet.csv, linje 27: verdien")


def test_kommune_page_shows_attractiveness_and_projection(client, outlook_data):
    page = client.get("/kommune/9911/?start=2016&end=2021&borders=2024").content.decode()
    assert "Telemarksforsking-style" in page
    assert "Framskrevet folketall i Testvik Nord" in page
    assert "Null nettoinnvandring" in page
    assert "Forskjell fra SSBs egen framskriving" in page and "SSBs hovedalternativ" in page
    assert page.count('aria-current="true"') == 1  # the kommune's row in the ranking
    custom = client.get("/kommune/9911/?start=2016&end=2021&borders=2024&ekstra=20"
                        "&alder_fra=20&alder_til=29").content.decode()
    assert "Eget scenario" in custom
    wrong = client.get("/kommune/9911/?ekstra=mange").content.decode()
    assert "Eget scenario: skriv et tall" in wrong
    csv = client.get("/kommune/9911/data/framskriving.csv?start=2016&end=2021&borders=2024")
    rows = list(DictReader(io.StringIO(csv.content.decode())))
    assert list(rows[0])[:4] == ["aar", "scenario", "scenario_navn", "folketall"]
    ssb = {int(r["aar"]): int(r["folketall"]) for r in rows if r["scenario"] == "ssb_MMMM"}
    assert ssb[2022] == 3434 and ssb[2031] == 3756  # 3400·1.01 = 3,434; 3400·1.01^10 = 3,755.7
    main = {int(r["aar"]): int(r["folketall"]) for r in rows if r["scenario"] == "main"}
    none = {int(r["aar"]): int(r["folketall"]) for r in rows if r["scenario"] == "no_migration"}
    assert main[2022] - none[2022] == pytest.approx(110, abs=5)  # 100 + rounding, see above
    ranking = client.get("/kommune/9911/data/attraktivitet.xlsx?start=2016&end=2021")
    sheet = openpyxl.load_workbook(io.BytesIO(ranking.content)).active
    header, *body = list(sheet.iter_rows(values_only=True))
    column = {name: i for i, name in enumerate(header)}
    testvik = next(r for r in body if r[column["kommunenr"]] == "9911")
    assert testvik[column["arbeidsplasser_2016"]] == 750
    assert testvik[column["jobbvekst_pst"]] == pytest.approx(11.60, abs=0.005)  # 87 / 750
    assert len(body) == 6


def test_kart_2_3_shows_ssbs_edition_beside_ours(client, outlook_data):
    found = {e.key: e for e in projection_maps.editions()}
    assert list(found) == ["ssb2022", "livskraft"]  # the file's edition is its first year
    ssb = found["ssb2022"].table.set_index("code").loc["9911"]
    # MMMM 2040 = round(3400·1.01^19) = 4108, MMM0 = round(3400·1.005^19) = 3738,
    # base = MMMM in the file's first year (2022) = round(3400·1.01) = 3434
    assert (ssb["main"], ssb.without, ssb.base) == (4108, 3738, 3434)
    assert ssb.share_pct == pytest.approx(100 * 370 / 3434)  # 10.8 % → class 10–15 %
    assert ssb.class_index == 3
    assert not found["livskraft"].estimated  # 06913 is loaded in the synthetic region
    assert len(found["livskraft"].table) == 6
    page = client.get("/nasjonalt/?start=2016&end=2021").content.decode()
    assert "SSBs framskriving 2022 (MMMM − MMM0), basisår 2022" in page
    assert "Livskrafts framskriving" in page and "SSBs MMM0 er ikke lastet inn" not in page


def test_missing_jobs_name_the_table_and_only_staff_see_the_command(client, outlook_data):
    page = client.get("/kommune/9911/?start=2016&end=2021").content.decode()
    work = page[page.index('id="work-heading"'):page.index('id="attractiveness-heading"')]
    assert "Arbeidsplasstallene (SSB-tabell 11618) er ikke lastet inn ennå." in work
    assert "livskraft import-data" not in work  # the command is for staff


def test_the_books_set_on_a_region_without_its_kommuner_is_no_500(client, outlook_data):
    page = client.get("/kommune/9911/?start=2016&end=2021&sett=suksessrike_2012")
    assert page.status_code == 200
    section = page.content.decode().split('id="attractiveness-heading"')[1]
    assert "Testvik Nord" in section  # the kommune itself is always in the set
