"""Checks against the real SSB/Kartverket data in ../shared/data."""

import pytest

from livskraft.places.models import Boundary, Centrality
from livskraft.profiles import reports
from livskraft.stats import frames

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]


def test_norway_on_1_january_2018_on_that_years_borders(imported_shared_data):
    population = frames.population(2018)
    in_2018 = population[population.year == 2018]
    assert round(in_2018.persons.sum()) == 5_295_619
    assert in_2018.code.nunique() == 422
    assert not in_2018.estimated.any()


def test_oslo_on_1_january_2024_on_2024_borders(imported_shared_data):
    table = reports.population_table("0301", 2024, 2024, 2024)
    assert table.folketall.tolist() == [717_710]


def test_2018_borders_back_to_2006_keep_national_totals_and_flag_estimates(imported_shared_data):
    on_2018 = frames.population(2018)
    on_2024 = frames.population(2024)
    for year in (2006, 2012):
        # 2018 borders use SSB's own-border counts; the 2024-border file is FHI's sum, which
        # the data README says differs from SSB's national total by about 50 persons a year
        assert on_2018[on_2018.year == year].persons.sum() == pytest.approx(
            on_2024[on_2024.year == year].persons.sum(), abs=60
        )
    in_2006 = on_2018[on_2018.year == 2006].set_index("code")
    assert in_2006.index.nunique() == 422
    # Klæbu (1662 in 2006, 5030 from 2018, part of Trondheim from 2020): a renumbering
    # before 2018 and a merger after it, so on 2018 borders it is exact: the egne_grenser
    # file's 2006,1662,Klæbu,5353
    assert in_2006.loc["5030", "persons"] == 5353 and not in_2006.loc["5030", "estimated"]
    assert not in_2006.loc["5014", "estimated"]  # Frøya, unchanged
    # Stokke (0720) was shared between Sandefjord and Tønsberg in 2017: an estimate
    assert in_2006.loc["0710", "estimated"] and in_2006.loc["0704", "estimated"]


def test_bo_i_telemark_on_2018_borders_grows_as_ssb_says(imported_shared_data):
    on_2018 = frames.population(2018).set_index(["year", "code"]).persons
    # the data README: Bø (0821) 2011 = 5,659, 2018 = 6,460 → 6460 / 5659 − 1 = +14.2 %
    assert (on_2018[(2011, "0821")], on_2018[(2018, "0821")]) == (5659, 6460)
    assert round((on_2018[(2018, "0821")] / on_2018[(2011, "0821")] - 1) * 100, 1) == 14.2


def test_own_border_history_from_1986_on_todays_and_1990s_borders(imported_shared_data):
    on_2024 = frames.population(2024)
    in_1986 = on_2024[on_2024.year == 1986]
    assert round(in_1986.persons.sum()) == 4_159_187  # the data README's annual sum for 1986
    assert in_1986.code.nunique() == 357
    on_1990 = frames.population(1990)
    assert on_1990[on_1990.year == 1990].persons.sum() == 4_233_116  # README, 1990
    assert round(on_1990[on_1990.year == 2024].persons.sum()) == 5_550_203  # kept whole
    bo_1986 = on_1990.set_index(["year", "code"]).loc[(1986, "0821")]
    assert bo_1986.persons == 4527 and not bo_1986.estimated  # the file's 1986,0821 row


def test_froya_population_2007_to_2017(imported_shared_data):
    table = reports.population_table("5014", 2007, 2017)
    assert table.aar.tolist() == list(range(2007, 2018))
    assert table.folketall.iloc[0] == 4052 and table.folketall.iloc[-1] == 4937


def test_centrality_and_maps(imported_shared_data):
    assert Centrality.objects.get(code="0301").centrality_class == 1
    assert Centrality.objects.get(code="1151").index == 293  # Utsira, the lowest
    assert Boundary.objects.filter(level="kommune", vintage=2024).count() == 357
    assert Boundary.objects.filter(level="fylke", vintage=2024).count() == 15


def test_population_change_table_covers_all_357_kommuner(imported_shared_data):
    table = reports.population_change_table(2016, 2026)
    assert len(table) == 357
    oslo = table.set_index("kommunenr").loc["0301"]
    assert oslo.endring == oslo.folketall_2026 - oslo.folketall_2016


def test_every_test_that_reads_the_data_carries_the_marker(request):
    """tests/conftest.py marks each test whose fixtures reach `shared_data`, so that
    `-m "not shared_data"` leaves out all of them and a missing folder skips them."""
    users = [item for item in request.session.items
             if "shared_data" in getattr(item, "fixturenames", ())]
    assert all(item.get_closest_marker("shared_data") for item in users)
    assert request.node.get_closest_marker("shared_data")  # this module's own mark
