"""A fake SSB (KLASS + PxWebApi 2.0) for tests, serving the synthetic Testvik region.

2020: Testvik 9901, Nordøy 9911, Sørøy 9912. On 1.1.2021 Nordøy and Sørøy merge into
Øyane 9913. Persons per single-year age: `factor` for men and 2 × `factor` for women.

It answers the way the real responses in ../shared/data/ssb-responses do: JSON-stat 2.0 with
`label`, `source`, `role` and `extension`; Kjonn with women ("2") first; 07459 gives 0 for a
kommune code in a year it did not exist; a missing cell is `null` with a `status` symbol
(".."), listed in `FakeSsb.missing`; KLASS changes carry names; a refused request (400)
answers with SSB's problem+json body."""

import itertools
import json

import httpx

CODES = {2020: ["9901", "9911", "9912"], 2021: ["9901", "9913"], 2022: ["9901", "9913"]}
NAMES = {"9901": "Testvik", "9911": "Nordøy", "9912": "Sørøy", "9913": "Øyane"}
FACTOR = {"9901": 10, "9911": 1, "9912": 2, "9913": 3}
AGES = [f"{a:03d}" for a in range(105)] + ["105+"]
CHANGE_CONTENTS = {
    "Levendefodte": "Levendefødte", "Dode": "Døde", "Innvandring": "Innvandring",
    "Utvandring": "Utvandring", "Innflytting": "Innflytting (innenlands)",
    "Utflytting": "Utflytting (innenlands)", "Nettoinnflytting": "Nettoinnflytting",
}
CHANGE_VALUES = {"Levendefodte": 5, "Dode": 4, "Innvandring": 3, "Utvandring": 1,
                 "Innflytting": 7, "Utflytting": 6, "Nettoinnflytting": 3}
POPULATION_DIMS = {
    "Region": ["9901", "9911", "9912", "9913", "EAK"],
    "Kjonn": ["2", "1"], "Alder": AGES, "ContentsCode": ["Personer1"],
    "Tid": ["2020", "2021", "2022"],
}
CHANGE_DIMS = {"Region": ["9901", "9911", "9912", "9913"],
               "ContentsCode": list(CHANGE_CONTENTS), "Tid": ["2020", "2021"]}
JOB_DIMS = {"Region": ["9901", "9911", "9912", "9913"], "NACE2007": ["10-33", "55-56", "84"],
            "Sektor": ["ALLE", "6100"], "ContentsCode": ["Sysselsatte"],
            "Tid": ["2020", "2021", "2022"]}
JOBS_PER_FACTOR = {"10-33": 10, "55-56": 3, "84": 5}
MORTALITY_DIMS = {"Kjonn": ["0", "1", "2"], "Alder": AGES[:-1] + ["105"],
                  "ContentsCode": ["Dodssannsynlighet", "Levealder"], "Tid": ["2020", "2021"]}
FERTILITY_AGES = ["15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49"]
FERTILITY_DIMS = {"Alder": FERTILITY_AGES, "ContentsCode": ["Fruktbarhet"],
                  "Tid": ["2020", "2021"]}
PROJECTION_DIMS = {"Region": ["9901", "9911", "9913"], "Kjonn": ["0", "1", "2"],
                   "ContentsCode": ["MMMM", "LLML", "MMM0"], "Tid": ["2023", "2024"]}
LAND_DIMS = {"Region": ["9901", "9911", "9912", "9913", "EAK"],
             "Arealtype": ["0000", "0001", "0002"], "ContentsCode": ["Areal"],
             "Tid": ["2021", "2022"]}
LAND_KM2 = {"9901": {"0001": 110.25, "0002": 20.25}, "9913": {"0001": 40.5, "0002": 2.0}}
LABELS = {
    "Arealtype": {"0000": "Totalt areal", "0001": "Landareal", "0002": "Ferskvann"},
    "Kjonn": {"0": "Begge kjønn", "1": "Menn", "2": "Kvinner"},
    "Sektor": {"ALLE": "Alle sektorer", "6100": "Statlig forvaltning"},
    "ContentsCode": {**CHANGE_CONTENTS, "MMMM": "Hovedalternativet (MMMM)",
                     "LLML": "Lav nasjonal vekst (LLML)", "MMM0": "Null nettoinnvandring (MMM0)", "Dodssannsynlighet": "Dødssannsynlighet (per 1000)",
                     "Levealder": "Forventet gjenstående levetid",
                     "Fruktbarhet": "Aldersavhengige fruktbarhetsrater (per 1000 kvinner)"},
}


def jsonstat(dims: dict[str, list[str]], value=None, table: str = "99999") -> dict:
    values = value if value is not None else []
    document = {
        "version": "2.0", "class": "dataset", "label": f"{table}: Testtabell",
        "source": "Statistisk sentralbyrå", "updated": "2026-02-25T07:00:00Z",
        "role": {"time": ["Tid"], "geo": ["Region"], "metric": ["ContentsCode"]},
        "id": list(dims),
        "size": [len(v) for v in dims.values()],
        "dimension": {
            name: {"category": {"index": {c: i for i, c in enumerate(codes)},
                                "label": {c: LABELS.get(name, {}).get(c, c) for c in codes}}}
            for name, codes in dims.items()
        },
        "extension": {"px": {"tableid": table, "language": "no"}},
        "value": values,
    }
    if isinstance(values, list) and None in values:
        document["status"] = {str(i): ".." for i, v in enumerate(values) if v is None}
    return document


def population_value(region, sex, age, content, year):
    if region not in CODES.get(int(year), []):
        return 0  # as 07459 does for a code in a year it did not exist
    return FACTOR[region] * (1 if sex == "1" else 2)


def change_value(region, content, year):
    return CHANGE_VALUES[content] * FACTOR[region] if region in CODES[int(year)] else None


def job_value(region, industry, sector, content, year):
    if region not in CODES[int(year)]:
        return None
    return FACTOR[region] * JOBS_PER_FACTOR[industry] * (1 if sector == "ALLE" else 100)


def mortality_value(sex, age, content, year):
    if content != "Dodssannsynlighet":
        return 80.0
    return {"0": 0.75, "1": 1.0, "2": 0.5}[sex] * (2 if year == "2021" else 1)


def fertility_value(age, content, year):
    return 50.0 if age == "25-29" else 10.0


def land_value(region, kind, content, year):
    if region not in CODES[int(year)]:
        return None
    parts = LAND_KM2[region]
    return sum(parts.values()) if kind == "0000" else parts[kind]


def projection_value(region, sex, content, year):
    if region not in CODES[2022]:
        return None
    return (1000 if sex == "0" else 400) * FACTOR[region] + (int(year) - 2023) * 10


TABLES = {
    "14288": (PROJECTION_DIMS, projection_value),
    "07459": (POPULATION_DIMS, population_value), "06913": (CHANGE_DIMS, change_value),
    "13470": (JOB_DIMS, job_value), "09280": (LAND_DIMS, land_value), "07902": (MORTALITY_DIMS, mortality_value),
    "04232": (FERTILITY_DIMS, fertility_value),
}


class FakeSsb:
    def __init__(self):
        self.requests: list[httpx.Request] = []
        self.failures: dict[str, list[int]] = {}  # path fragment -> statuses to answer first
        self.interrupt_on: str | None = None
        self.missing: set[tuple] = set()  # (table, *cell codes) answered with null and ".."

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if self.interrupt_on and self.interrupt_on in path:
            raise KeyboardInterrupt
        for fragment, statuses in self.failures.items():
            if fragment in path and statuses:
                status = statuses.pop(0)
                if status == 400:  # SSB's real body for a refused query
                    return httpx.Response(400, json=TOO_MANY_CELLS,
                                          headers={"Content-Type": "application/problem+json"})
                return httpx.Response(status, text="midlertidig feil",
                                      headers={"Retry-After": "1"})
        params = request.url.params
        if path.endswith("/classifications/131/codesAt"):
            year = int(params["date"][:4])
            return _json({"codes": [{"code": c, "name": NAMES[c], "level": "1"}
                                    for c in CODES[year]] + [{"code": "9999", "name": "Uoppgitt"}]})
        if path.endswith("/classifications/104/codesAt"):
            return _json({"codes": [{"code": "99", "name": "Prøvefylke"}]})
        if path.endswith("/classifications/131/changes"):
            return _json({"codeChanges": [
                {"oldCode": old, "oldName": NAMES[old], "oldShortName": "", "newCode": "9913",
                 "newName": NAMES["9913"], "newShortName": "", "changeOccurred": "2021-01-01"}
                for old in ("9911", "9912")
            ]})
        if path.endswith("/classifications/128/codesAt"):
            return _json({"codes": [
                {"code": "6", "level": "1", "name": "Minst sentrale"},
                {"code": "9901", "level": "2", "parentCode": "6", "notes": "512"},
                {"code": "9913", "level": "2", "parentCode": "5", "notes": "600"},
            ]})
        table = path.split("/tables/")[1].split("/")[0]
        dims, value_of = TABLES[table]
        if path.endswith("/metadata"):
            return _json(jsonstat(dims, table=table))
        chosen = {k: params[f"valueCodes[{k}]"].split(",") for k in dims}
        values = [None if (table, *cell) in self.missing else value_of(*cell)
                  for cell in itertools.product(*chosen.values())]
        return _json(jsonstat(chosen, values, table))


TOO_MANY_CELLS = {"type": "Parameter error", "title": "Too many cells selected", "status": 400,
                  "detail": "Too many cells selected"}  # ssb-responses/…error400…json, `body`


def _json(document) -> httpx.Response:
    return httpx.Response(200, content=json.dumps(document).encode(),
                          headers={"Content-Type": "application/json"})
