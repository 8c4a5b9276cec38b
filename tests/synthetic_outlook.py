"""A synthetic region of six made-up kommuner (99xx, "Testvik Nord" …) for the
attractiveness and projection features: population by age that evolves by known rates and
known migration, its components of change, jobs by industry, and national rates."""

from pathlib import Path

import numpy as np

from livskraft.analysis.projection import AGES, Rates, step

KOMMUNER = {"9911": "Testvik Nord", "9912": "Testvik Sør", "9913": "Prøveland",
            "9914": "Eksempeløy", "9915": "Modellbygd", "9916": "Fiktivdal"}
YEARS = list(range(2016, 2022))
AGE = np.arange(AGES)
MORTALITY = np.minimum(0.5, 0.0005 + 0.00002 * AGE**2)
FERTILITY = np.where((AGE >= 22) & (AGE <= 36), 0.08, 0.0)
RATES = Rates(np.vstack([MORTALITY * 1.1, MORTALITY]), FERTILITY)
# yearly net migration: young adults per kommune (some leave, some gain), plus immigrants
YOUNG = {"9911": 4.0, "9912": -2.0, "9913": 1.0, "9914": -3.0, "9915": 0.5, "9916": 2.5}
IMMIGRANTS = {"9911": 20, "9912": 5, "9913": 10, "9914": 0, "9915": 8, "9916": 3}
JOBS = {  # (basis, visitor, regional, public) jobs in 2016 and yearly growth of basis
    "9911": ((400, 200, 150, 300), 0.04), "9912": ((300, 100, 100, 250), -0.02),
    "9913": ((500, 150, 200, 400), 0.01), "9914": ((100, 80, 40, 120), -0.04),
    "9915": ((250, 90, 90, 200), 0.00), "9916": ((200, 120, 60, 180), 0.03),
}


def migration(code: str) -> np.ndarray:
    profile = np.zeros((2, AGES))
    profile[:, 20:30] = YOUNG[code]
    profile[:, 25:35] += IMMIGRANTS[code] / 20  # 10 ages × 2 sexes
    return profile


def history() -> dict[str, np.ndarray]:
    """Per kommune (years, 2, AGES) rounded to whole persons, and births per year."""
    out = {}
    for index, code in enumerate(KOMMUNER):
        people = np.full((1, 2, AGES), 20.0 + 5 * index)
        people[:, :, 90:] = 2
        path, births = [people], []
        for _ in YEARS[1:]:
            following, born = step(path[-1], RATES, migration(code)[None])
            path.append(np.round(following))
            births.append(float(born[0]))
        out[code] = (np.concatenate(path), births)
    return out


def write_directory(root: Path) -> Path:
    (root / "codes").mkdir(parents=True)
    (root / "population").mkdir()
    (root / "jobs").mkdir()
    (root / "rates").mkdir()
    lines = ["kommunenr,kommunenavn,fylkesnr,fylkesnavn"]
    lines += [f"{code},{name},99,Prøvefylke" for code, name in KOMMUNER.items()]
    _write(root / "codes" / "kommuner_2024.csv", lines)
    totals = ["aar,kommunenr,kommunenavn,personer,menn,kvinner,estimert"]
    ages = ["aar,kommunenr,kjonn,alder,personer,estimert"]
    changes = ["aar,kommunenr,fodte,dode,innvandring,utvandring,innflytting,utflytting"]
    for code, (path, births) in history().items():
        for t, year in enumerate(YEARS):
            men, women = int(path[t, 0].sum()), int(path[t, 1].sum())
            totals.append(f"{year},{code},{KOMMUNER[code]},{men + women},{men},{women},0")
            for sex, label in ((0, "M"), (1, "K")):
                ages += [f"{year},{code},{label},{a},{int(path[t, sex, a])},0" for a in range(AGES)]
            if t < len(YEARS) - 1:
                deaths = round(float((path[t] * RATES.death_probability).sum()))
                young = int(round(YOUNG[code] * 20))
                inn, ut = (young, 0) if young > 0 else (0, -young)
                changes.append(f"{year},{code},{round(births[t])},{deaths},{IMMIGRANTS[code]},0,"
                               f"{inn},{ut}")
    _write(root / "population" / "kommune_befolkning_total_b2024.csv", totals)
    _write(root / "population" / "kommune_befolkning_alder_kjonn_b2024.csv", ages)
    _write(root / "population" / "kommune_befolkningsendringer_b2024.csv", changes)
    jobs = ["aar,kommunenr,naering,sysselsatte"]
    for code, ((basis, visitor, regional, public), growth) in JOBS.items():
        for year, factor in ((2016, 1.0), (2021, (1 + growth) ** 5)):
            jobs += [f"{year},{code},10-33,{round(basis * factor)}",
                     f"{year},{code},55-56,{visitor}", f"{year},{code},41-43,{regional}",
                     f"{year},{code},84,{public}"]
    _write(root / "jobs" / "kommune_sysselsatte_arbeidssted_b2024.csv", jobs)
    mortality = ["aar,kjonn,alder,sannsynlighet"]
    for sex, label in ((0, "M"), (1, "K")):
        mortality += [f"2020,{label},{a},{RATES.death_probability[sex, a]:.6f}" for a in range(AGES)]
    _write(root / "rates" / "nasjonal_dodssannsynlighet.csv", mortality)
    fertility = ["aar,alder,fodte_per_kvinne"] + [f"2020,{a},{FERTILITY[a]}" for a in range(AGES)]
    _write(root / "rates" / "nasjonal_fruktbarhet.csv", fertility)
    official = ["aar,kommunenr,alternativ,personer"]
    for year in range(2022, 2051):  # a made-up "SSB" projection: 1 % a year for Testvik Nord
        official.append(f"{year},9911,MMMM,{round(3400 * 1.01 ** (year - 2021))}")
        official.append(f"{year},9911,MMM0,{round(3400 * 1.005 ** (year - 2021))}")
    _write(root / "population" / "kommune_framskriving_ssb_b2024.csv", official)
    return root


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
