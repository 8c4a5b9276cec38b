"""Small, obviously synthetic data sets (Testvik, Prøvebygd, Eksempelstad) written in the
`import-data` directory format, with numbers simple enough to check by hand."""

from pathlib import Path

KOMMUNER = [("9901", "Testvik"), ("9902", "Prøvebygd"), ("9903", "Eksempelstad")]
# persons on 1 January 2020, 2021, 2022
POPULATION = {"9901": [1000, 1010, 1030], "9902": [500, 505, 503], "9903": [800, 790, 780]}
# births, deaths, immigration, emigration, domestic in, domestic out for 2020 and 2021
CHANGES = {
    "9901": [(12, 8, 10, 4, 30, 30), (14, 9, 6, 1, 40, 30)],  # +10, +20 with net imm. 6 + 5
    "9902": [(5, 6, 10, 2, 10, 12), (4, 6, 5, 1, 8, 12)],  # +5, -2; net immigration 8 + 4
    "9903": [(6, 10, 2, 2, 20, 26), (5, 10, 1, 1, 25, 30)],  # -10, -10
}


def write_directory(root: Path) -> Path:
    (root / "codes").mkdir(parents=True)
    (root / "population").mkdir()
    lines = ["kommunenr,kommunenavn,fylkesnr,fylkesnavn"]
    lines += [f"{code},{name},99,Prøvefylke" for code, name in KOMMUNER]
    (root / "codes" / "kommuner_2024.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["aar,kommunenr,kommunenavn,personer,menn,kvinner,estimert"]
    for code, name in KOMMUNER:
        for year, persons in zip((2020, 2021, 2022), POPULATION[code]):
            men = persons // 2
            lines.append(f"{year},{code},{name},{persons},{men},{persons - men},0")
    path = root / "population" / "kommune_befolkning_total_b2024.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["aar,kommunenr,fodte,dode,innvandring,utvandring,innflytting,utflytting"]
    for code, rows in CHANGES.items():
        for year, row in zip((2020, 2021), rows):
            lines.append(f"{year},{code}," + ",".join(str(v) for v in row))
    path = root / "population" / "kommune_befolkningsendringer_b2024.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root
