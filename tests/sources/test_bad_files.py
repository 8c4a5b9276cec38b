"""Each dataset's own checks: a file that breaks one is left out with the problem's code and
line, and the rest of the directory is imported."""

import json

import pytest

from livskraft.stats.importing import import_directory
from livskraft.stats.models import PopulationTotal

pytestmark = pytest.mark.usefixtures("empty_database")

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}


def geojson(*features, kind="FeatureCollection") -> str:
    return json.dumps({"type": kind, "features": list(features)})


def feature(code, geometry=SQUARE) -> dict:
    return {"type": "Feature", "geometry": geometry,
            "properties": {"kommunenummer": code, "kommunenavn": "Testvik"}}


CASES = {
    "geo/kommuner_2024.geojson": [
        ("{not json", "bad_geojson", None),
        (geojson(kind="Feature"), "not_feature_collection", None),
        (geojson(feature("99")), "feature_without_code", None),
        (geojson(feature("9901", {"type": "Point", "coordinates": [0, 0]})),
         "feature_not_polygon", None),
        (geojson(feature("9901"), feature("9901")), "feature_code_twice", None),
    ],
    "regions/sentralitetsindeks_klass128.csv": [
        ("kommunenr,kommunenavn_ssb,sentralitetsklasse,sentralitetsindeks\n"
         "9901,Testvik,7,500\n", "implausible_value", 2),  # classes are 1–6
        ("kommunenr,kommunenavn_ssb,sentralitetsklasse,sentralitetsindeks\n"
         "9901,Testvik,3,1001\n", "implausible_value", 2),  # the index is 0–1000
    ],
    "codes/kommunenr_til_2024.csv": [
        ("kommunenr_fra,kommunenr_2024,fra_aar,til_aar,vekt,vekt_merknad\n"
         "9901,9901,2020,2019,1.0,\n", "from_after_to", 2),
    ],
    "regions/ba_regioner_2024.csv": [
        ("kommunenr,kommunenavn,ba_nr,ba_navn,reisetid_min\n9901,Testvik,1,Testvik,lenge\n",
         "bad_travel_time", 2),
        ("kommunenr,kommunenavn,ba_nr,ba_navn,reisetid_min\n9901,Testvik,1,Testvik,-5\n",
         "bad_travel_time", 2),
        ("kommunenr,kommunenavn,ba_nr,ba_navn,reisetid_min\n9901,Testvik,1,Testvik,5\n"
         "1567,Testvik,1,Testvik,6\n", "code_twice", 3),  # 1567 is Testvik by name: twice
    ],
    "places/kommune_indikator_boligpris_b2024.csv": [
        ("aar,kommunenr,verdi\n2024,9901,dyrt\n", "not_a_number", 2),
    ],
}


JOBS = "Region,Kjonn,Alder,ContentsCode,Tid,value\n"
IMDI = "aar,kommune_nr,flytting,innvkat_3,tabellvariabel\n"
HMD = "aar,kjonn,alder,dodsrate\n"
CASES.update({
    "found/ssb11618_sysselsatte_arbeidssted_bosted_kommune_2017_2022.csv": [
        (JOBS + "9901,0,15-74,Lonn,2020,12\n", "unknown_content", 2),  # not one of the three
    ],
    "found/imdi_befolkning_flytting_kommune_2014.csv": [
        (IMDI + "2014,9901,innvandring,innvandrere,3\n", "no_rows", None),  # no "alle" rows
        (IMDI + "2014,9901,innvandring,alle,tre\n", "not_a_number", 2),
        (IMDI + "2014,9901,innvandring,alle,-3\n", "not_a_number", 2),
        (IMDI + "2014,9901,innvandring,alle,3\n2014,9901,innvandring,alle,4\n",
         "duplicate_row", 3),
    ],
    "rates/nasjonal_dodsrate_hmd.csv": [
        (HMD + "2020,X,0,0.002\n", "bad_death_rate", 2),  # sex M or K
        (HMD + "2020,M,0,-0.1\n", "bad_death_rate", 2),
        (HMD + "".join(f"2020,K,{a},0.01\n" for a in range(50)), "death_rates_missing", None),
    ],
    "found/ssb03321_pendling_arbeidssted_x_bosted_kommune_2020.rds": [
        ("not an R file", "unreadable_rds", None),
    ],
    "found/ssb03321_pendling_arbeidssted_x_bosted_kommune_2021.csv": [
        ("ArbstedKomm,Bokommuen,Tid,value\n9901,9902,2021,mange\n", "bad_value", 2),
    ],
})

# every CSV format needs its columns: a file without them is refused at its header
for name in [n for n in CASES if n.endswith(".csv")]:
    CASES[name].append(("a,b\n1,2\n", "missing_columns", 1))


@pytest.mark.parametrize(("name", "content", "code", "line"), [
    (name, content, code, line) for name, cases in CASES.items()
    for content, code, line in cases])
def test_a_file_breaking_its_datasets_rules_is_left_out(synthetic_dir, name, content, code, line):
    path = synthetic_dir / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(content, encoding="utf-8")
    result = import_directory(synthetic_dir)
    found = {(p.file, p.code) for p in result.rejected}
    assert (name, code) in found, result.rejected
    if line is not None:
        assert any(p.line == line for p in result.rejected if p.code == code)
    assert PopulationTotal.objects.count() == 9  # the population file next to it is stored
