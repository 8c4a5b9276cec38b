"""Every analysis on the data a fresh install has (../shared/data imported once): jobs and
commuting, attractiveness from 11618, the book's fifteen kommuner, the projection beside
SSB's and Kart 2/3. Figures are read from the source files or worked out by hand."""

import csv
import io

import pandas as pd
import pytest

from livskraft.profiles import attractiveness_tables, projection_maps, projection_tables
from livskraft.stats.models import DemographicRate

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]
NBSP = "\u00a0"


@pytest.fixture
def client(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return client


def test_hmd_death_rates_are_stored_as_probabilities(imported_shared_data):
    infant = DemographicRate.objects.get(kind="mortality", year=2017, sex="M", age=0).value
    # m0 = 0.002241 (data README); a0 = 0.14929 − 1.99545·0.002241; q0 = m0 / (1 + (1 − a0)·m0)
    assert infant == pytest.approx(0.0022367, abs=1e-7)


def test_froya_jobs_and_commuting_on_the_kommune_page(client, imported_shared_data):
    page = client.get("/kommune/5014/").content.decode()
    section = page[page.index('id="work-heading"'):page.index('id="attractiveness-heading"')]
    # 11618: SysselArbsted 2022 = 3263; population 1.1.2022 = 5265 → 1000·3263/5265 = 619.7
    assert f"3{NBSP}263" in section and ">620<" in section
    # 03321 2022: 3263 jobs, 2438 live and work there, 2840 employed residents
    assert ">825<" in section and ">402<" in section and f"2{NBSP}438" in section
    # the largest partner both ways is Hitra (318 in, 238 out)
    assert section.index("Hitra") < section.index("Trondheim")


def test_attractiveness_from_jobs_only_with_estimated_migration(imported_shared_data):
    table, model, method = attractiveness_tables.attractiveness_table(2017, 2022,
                                                                      with_method=True)
    assert not method.by_industry and method.migration_estimated
    assert method.job_years == (2017, 2018, 2019, 2020, 2021, 2022)
    assert len(table) == 357 and table.bransjeeffekt_pst.isna().all()
    froya = table.set_index("kommunenr").loc["5014"]
    # 11618: Frøya 2801 → 3263 jobs (+16.49 %); Norway 2,609,737 → 2,809,789 (+7.67 %)
    assert froya.jobbvekst_pst == pytest.approx(16.49, abs=0.005)
    assert froya.nasjonal_vekst_pst == pytest.approx(7.67, abs=0.005)
    assert froya.naeringsattraktivitet_pst == pytest.approx(16.494 - 7.666, abs=0.01)
    slope = model.coefficients["relative_job_growth"]
    assert froya.samlet_attraktivitet_pst == pytest.approx(
        froya.bostedsattraktivitet_pst + 100 * slope * 0.08828, abs=0.02)
    assert froya.nettoflytting_anslag == 1


BOOKS_FIFTEEN = ("Frøya", "Flå", "Austevoll", "Hemsedal", "Evje og Hornnes", "Hitra", "Lyngdal",
                 "Bykle", "Sirdal", "Vikna", "Gol", "Sandøy", "Seljord", "Træna", "Meløy")


def fifteen_section(client, query: str, names: tuple[str, ...]) -> str:
    """The attractiveness section for the book's set; its table lists exactly `names`."""
    text = client.get(f"/kommune/5014/?sett=suksessrike_2012&{query}").content.decode()
    section = text[text.index('id="attractiveness-heading"'):text.index('id="projection-heading"')]
    table = section[section.index("<tbody>"):section.index("</tbody>")]
    assert table.count("<tr") == 15
    for name in names:
        assert f">{name}<" in table
    return section


def test_the_books_fifteen_kommuner_as_a_ready_set(client, imported_shared_data):
    today = tuple({"Vikna": "Nærøysund", "Sandøy": "Ålesund"}.get(n, n) for n in BOOKS_FIFTEEN)
    section = fifteen_section(client, "attr_fra=2017&attr_til=2022", today)
    assert "Vikna → Nærøysund" in section and "Sandøy → Ålesund" in section
    assert "Rangering i landet" in section and "Rangering i sentralitetsklasse" in section
    assert "ikke tilgjengelig" in section and "restmetoden" in section
    assert "summen av deres attraktivitet for bosetting og næringsliv" in section


def test_the_books_fifteen_kommuner_on_2018_borders(client, imported_shared_data):
    """On 2018 borders the fifteen are themselves: Frøya and Hitra with their 2018 codes
    (5014, 5013), Vikna (5050) and Sandøy (1546) not yet merged."""
    section = fifteen_section(client, "attr_fra=2017&attr_til=2018&borders=2018", BOOKS_FIFTEEN)
    assert "→" not in section  # no kommune stands for another


def test_a_bad_attractiveness_period_is_explained_not_a_500(client, imported_shared_data):
    page = client.get("/kommune/5014/?attr_fra=2010&attr_til=2022")
    assert page.status_code == 200
    assert "Sysselsettingstallene finnes for 2017–2022" in page.content.decode()


def test_projection_beside_ssb_after_10_20_and_26_years(client, imported_shared_data):
    ssb = pd.read_csv(imported_shared_data / "projections" / "kommune_framskriving_ssb_b2024.csv",
                      dtype={"kommunenr": str})
    froya = ssb[ssb.kommunenr == "5014"].set_index("aar").personer
    comparison = projection_tables.ssb_comparison("5014")
    assert comparison.aar.tolist() == [2034, 2044, 2050]
    assert comparison.ssb_mmmm.tolist() == [froya[2034], froya[2044], froya[2050]]
    assert froya[2050] == 6980  # data README
    page = client.get("/kommune/5014/").content.decode()
    section = page[page.index('id="projection-heading"'):]
    assert "begge fra 1.1.2024" in section and f"6{NBSP}980" in section
    assert "0-åringer" in section  # fertility scaled to infants: 06913 is not loaded
    assert 'class="ds-alert notice"' not in section[:section.index("</figure>")]


def test_kart_2_3_on_the_national_page_and_as_csv(client, imported_shared_data):
    found = projection_maps.editions()
    assert [e.key for e in found] == ["livskraft"]  # only MMMM is shipped, no MMM0
    ours = found[0]
    assert ours.estimated and ours.base_year == 2026
    assert sum(n for _, _, n in ours.counts()) == 357
    page = client.get("/nasjonalt/").content.decode()
    assert "MMMM − MMM0" in page and "IMDi" in page and "SSBs MMM0 er ikke lastet inn" in page
    download = client.get("/nasjonalt/data/innvandringframskriving.csv")
    rows = list(csv.DictReader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert len(rows) == 357 and rows[0]["utgave"] == "livskraft"
    oslo = next(r for r in rows if r["kommunenr"] == "0301")
    share = 100 * float(oslo["forskjell"]) / float(oslo["folketall_basisaar"])
    assert float(oslo["andel_av_basisfolketall_pst"]) == pytest.approx(share, abs=0.06)
    assert client.get("/nasjonalt/data/innvandringframskriving.xlsx").status_code == 200
