"""The dataset registry: every stored kind and import format has one home, and the docs'
format table is the registry's."""

from pathlib import Path

from livskraft.sources import registry

DOCS = Path(__file__).resolve().parents[2] / "docs" / "data-formats.md"


def test_every_file_in_shared_data_that_was_imported_before_still_has_a_format():
    names = ["kommuner_2024.csv", "ssb_kommuneliste_2013_2020.csv", "kommunenr_til_2024.csv",
             "sentralitetsindeks_klass128.csv", "kommune_befolkning_total_b2024.csv",
             "kommune_befolkning_alder_kjonn_b2024.csv.gz", "kommuner_2019.geojson",
             "kommune_framskriving_ssb_b2024.csv", "nasjonal_fruktbarhet.csv",
             "kommune_indikator_bredband_b2020.csv", "ba_regioner_2020.csv"]
    for name in names:
        assert registry.format_for(name) is not None, name
    assert registry.format_for("README.md") is None


def test_each_dataset_is_declared_once_with_a_model_and_its_frame_fields():
    datasets = registry.datasets()
    assert {"municipalities", "crosswalk", "population_totals", "population_by_age",
            "population_changes", "employment", "rates", "official_projection",
            "indicators"} <= set(datasets)
    for dataset in datasets.values():
        assert dataset.model.count(".") == 1
        assert set(dataset.replace_by) <= set(dataset.columns)


def test_fetchers_run_code_lists_first():
    names = [f.__module__.rsplit(".", 1)[1] for f in registry.fetchers()]
    assert names[:3] == ["municipality_lists", "code_changes_klass131", "crosswalk"]
    assert "population_07459" in names and "population_changes_06913" in names


def test_the_docs_show_the_registrys_format_table():
    assert registry.formats_table() in DOCS.read_text(encoding="utf-8")
