"""The SSB clients against real SSB responses in ../shared/data/ssb-responses (see its
README). Expected values were read by hand from the files (positions worked out from
`id`/`size` in row-major order) or from the data README."""

import json

import httpx
import pandas as pd
import pytest
from django.utils import translation

from livskraft.sources.http import Fetcher
from livskraft.sources.jsonstat import to_frame
from livskraft.sources.klass import KlassClient, parse_changes, parse_version, parse_versions
from livskraft.sources.pxweb import PxWebClient
from livskraft.sources.ssb_errors import SsbError
from livskraft.web.data_messages import describe

VERSION_YEARS = [2005, 2006, 2008, 2011, 2012, 2013, 2015, 2017, 2018, 2019, 2020, 2022, 2023,
                 2024]


@pytest.fixture(scope="module")
def responses(shared_data):
    folder = shared_data / "ssb-responses"
    if not folder.is_dir():
        pytest.skip(f"{folder} finnes ikke; testen trenger SSBs ekte svar")
    return folder


def load(folder, name):
    return json.loads((folder / name).read_text(encoding="utf-8"))


def serving(document, status=200) -> Fetcher:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, json=document))
    return Fetcher(httpx.Client(transport=transport), attempts=1, sleep=lambda s: None)


def test_07459_in_norwegian_by_kommune_sex_age_and_year(responses):
    document = load(responses, "07459_pxwebapi-v2_data_no_3kommuner_80-104_2017-2024.json")
    client = PxWebClient("https://data.ssb.no/api/pxwebapi/v2", serving(document))
    selection = {"Region": ["0301", "1103", "1804"], "Kjonn": ["2", "1"],
                 "Alder": [f"{a:03d}" for a in range(80, 105)], "ContentsCode": ["Personer1"],
                 "Tid": ["2017", "2024"]}
    frame = pd.concat(list(client.fetch("07459", selection, "Region")), ignore_index=True)
    assert len(frame) == 3 * 2 * 25 * 1 * 2  # size [3,2,25,1,2]
    cells = frame.set_index(["Region", "Kjonn", "Alder", "Tid"]).value
    assert cells[("0301", "2", "080", "2017")] == 1195  # value[0]: Oslo, Kvinner, 80 år
    assert cells[("0301", "2", "080", "2024")] == 1672  # value[1]
    assert cells[("1103", "1", "090", "2017")] == 62  # value[170]: Stavanger, Menn, 90 år
    assert cells[("1804", "1", "104", "2024")] == 0  # value[299], the last: a real zero
    assert frame.status.isna().all()


def test_07459_in_english_with_an_age_group_codelist(responses):
    frame = to_frame(load(responses, "07459_pxwebapi-v2_data_en_oslo_agegroups_2025-2026.json"))
    cells = frame.set_index(["Kjonn", "Alder", "Tid"]).value
    assert cells[("1", "F0-19", "2025")] == 74911  # value[0]: Males 0-19 years
    assert cells[("2", "F65+", "2026")] == 53858  # value[11]: Females 65 years or older
    assert len(frame) == 12


def test_null_with_a_status_flag_is_missing_never_zero(responses):
    frame = to_frame(load(responses, "05803_pxwebapi-v2_data_no_status-flags_contact-removed.json"))
    cells = frame.set_index(["ContentsCode", "Tid"])
    assert cells.value[("Personer", "2025")] == 5_594_340  # = SSB's national total (data README)
    divorces_1735 = cells.loc[("Skilsmisse", "1735")]  # value[4] is null, status["4"] ".."
    assert divorces_1735.value != divorces_1735.value and divorces_1735.status == ".."
    assert cells.value[("Innflyttinger", "2025")] == 55243  # value[10], no status
    assert pd.isna(cells.status[("Innflyttinger", "2025")])
    assert frame.status.eq("..").sum() == 6 and frame.value.isna().sum() == 6


def test_ssbs_real_400_body_becomes_a_clear_message(responses):
    recorded = load(responses, "07459_pxwebapi-v2_error400_too-many-cells.json")
    fetcher = serving(recorded["body"], status=recorded["status"])
    with pytest.raises(SsbError) as refused:
        fetcher.json("https://data.ssb.no/api/pxwebapi/v2/tables/07459/data")
    error = refused.value
    assert (error.code, error.values["status"], error.values["detail"]) == (
        "too_many_cells", 400, "Too many cells selected")
    assert describe(error).startswith("SSB avviste forespørselen til /api/pxwebapi/v2/tables/"
                                      "07459/data fordi den ber om for mange celler")
    with translation.override("en"):
        assert "asks for too many cells" in describe(error)


def test_klass_131_changes_1977_to_2024(responses):
    changes = parse_changes(load(responses, "131_klass-v1_changes_1977-2024.json"))
    assert len(changes) == 594  # every row has codes and a date
    assert {"old_code": "0821", "old_name": "Bø (Telemark)", "new_code": "3817",
            "new_name": "Midt-Telemark", "year": 2020} in changes
    tysfjord = {c["new_code"] for c in changes if c["old_code"] == "1850" and c["year"] == 2020}
    assert tysfjord == {"1806", "1875"}  # split between Narvik and Hamarøy


def test_klass_131_changes_through_the_client(responses):
    document = load(responses, "131_klass-v1_changes_1977-2024.json")
    changes = KlassClient("https://data.ssb.no/api/klass/v1", serving(document)).changes(1977, 2024)
    assert {(c["old_code"], c["new_code"]) for c in changes if c["year"] == 2024} >= {
        ("1507", "1508"), ("1507", "1580")}  # Ålesund and Haram parted in 2024


@pytest.mark.parametrize("year", VERSION_YEARS)
def test_every_klass_131_version_parses(responses, year):
    valid_from, codes = parse_version(
        load(responses, f"131_klass-v1_version_kommuneinndeling_{year}.json"))
    assert valid_from == year and "9999" not in codes
    assert all(len(code) == 4 for code in codes)


def test_klass_131_versions_by_hand(responses):
    # item counts from the ssb-responses README, minus 9999 "Uoppgitt"
    counts = {2018: 423 - 1, 2020: 357 - 1, 2024: 358 - 1}
    for year, expected in counts.items():
        _, codes = parse_version(load(responses, f"131_klass-v1_version_kommuneinndeling_{year}.json"))
        assert len(codes) == expected
    _, codes_2011 = parse_version(load(responses, "131_klass-v1_version_kommuneinndeling_2011.json"))
    assert codes_2011["0821"] == "Bø (Telemark)" and codes_2011["1723"] == "Mosvik"
    versions = parse_versions(load(responses, "131_klass-v1_classification.json"))
    assert {"id": 833, "name": "Kommuneinndeling 2018", "valid_from": 2018,
            "valid_to": 2019} in versions
    assert {v["id"] for v in versions} >= {477, 476, 475, 2756, 474, 473, 2757, 536, 833, 1102,
                                           1860, 1846, 1847, 1710}


def test_klass_files_import_as_code_lists_and_changes(responses, tmp_path, empty_database):
    from livskraft.places.models import CodeChange, Municipality
    from livskraft.stats.importing import import_directory

    folder = tmp_path / "klass"
    folder.mkdir()
    for name in ("131_klass-v1_changes_1977-2024.json",
                 "131_klass-v1_version_kommuneinndeling_2011.json"):
        (folder / name).symlink_to(responses / name)
    result = import_directory(folder)
    assert result.stored == {"municipalities": 431 - 1, "code_changes": 594}
    assert Municipality.objects.get(vintage=2011, code="1723").name == "Mosvik"
    assert CodeChange.objects.get(old_code="0821", year=2020).new_code == "3817"
