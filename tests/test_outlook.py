"""Attractiveness and projection on the synthetic region (tests/synthetic_outlook.py)."""

import numpy as np
import pytest

from livskraft.analysis.projection import project, step
from livskraft.profiles import attractiveness_tables, projection_tables
from livskraft.sources.problems import DataRejected
from livskraft.stats.importing import import_directory
from tests import synthetic_outlook as region


@pytest.fixture
def client(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return client


def test_attractiveness_parts_add_up_for_every_kommune(outlook_data):
    table, model = attractiveness_tables.attractiveness_table(2016, 2021)
    assert len(table) == 6 and table.rangering.tolist() == list(range(1, 7))
    slope = 100 * model.coefficients["relative_job_growth"] / 100
    for row in table.itertuples():
        business = (row.jobbvekst_pst - row.nasjonal_vekst_pst - row.bransjeeffekt_pst
                    - row.befolkningseffekt_pst)
        assert row.naeringsattraktivitet_pst == pytest.approx(business, abs=0.02)
        residential = row.nettoflytting_pst - row.forventet_nettoflytting_pst
        assert row.bostedsattraktivitet_pst == pytest.approx(residential, abs=0.02)
        total = row.bostedsattraktivitet_pst + slope * row.naeringsattraktivitet_pst
        assert row.samlet_attraktivitet_pst == pytest.approx(total, abs=0.02)
    testvik = table.set_index("kommunenr").loc["9911"]
    assert testvik.arbeidsplasser_2016 == 750  # public jobs are left out
    assert testvik.jobbvekst_pst == pytest.approx(100 * (round(400 * 1.04**5) - 400) / 750,
                                                  abs=0.01)
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
    assert by.loc[2022, "custom"] - by.loc[2022, "main"] == 20
    assert by.loc[2022, "main"] - by.loc[2022, "zero_immigration"] == pytest.approx(20, abs=1)
    history = data.history[-1, index:index + 1]
    closed = project(history, data.rates, np.zeros_like(history), 10,
                     data.fertility_scale[index], data.mortality_scale[index])
    assert by.loc[2031, "no_migration"] == round(closed[-1].sum())
    first, _ = step(history, data.rates, data.migration[index:index + 1],
                    data.fertility_scale[index], data.mortality_scale[index])
    assert by.loc[2022, "main"] == round(first.sum())


def test_ssb_projection_is_shown_beside_ours_with_the_difference(outlook_data):
    table = projection_tables.kommune_table("9911", 10)
    ssb = table[table.scenario == "ssb_MMMM"].set_index("aar").folketall
    assert ssb.loc[2022] == round(3400 * 1.01) and ssb.index.max() == 2031
    difference = projection_tables.difference_from_ssb(table).set_index("aar")
    main = table[table.scenario == "main"].set_index("aar").folketall
    assert difference.loc[2031, "forskjell"] == main.loc[2031] - ssb.loc[2031]
    assert difference.loc[2031, "forskjell_pst"] == pytest.approx(
        100 * (main.loc[2031] - ssb.loc[2031]) / ssb.loc[2031], abs=0.01)


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
    with pytest.raises(DataRejected, match=r"nasjonal_fruktbarhet.csv, linje 27: verdien"):
        import_directory(outlook_dir)


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
    assert csv.content.decode().splitlines()[0].startswith("aar,scenario,scenario_navn,folketall")
    ranking = client.get("/kommune/9911/data/attraktivitet.xlsx?start=2016&end=2021")
    assert ranking.status_code == 200
