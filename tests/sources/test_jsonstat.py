import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livskraft.sources.jsonstat import JsonStatError, to_frame

from .fake_ssb import jsonstat


def test_parses_dense_values_in_row_major_order():
    document = jsonstat({"Region": ["9901", "9902"], "Tid": ["2020", "2021"]}, [1, 2, 3, None])
    frame = to_frame(document)
    assert frame.Region.tolist() == ["9901", "9901", "9902", "9902"]
    assert frame.Tid.tolist() == ["2020", "2021", "2020", "2021"]
    assert frame.value.tolist()[:3] == [1, 2, 3] and frame.value.isna().iloc[3]


def test_parses_sparse_values_and_list_indexes():
    document = jsonstat({"Region": ["9901", "9902"]}, {"1": 7})
    document["dimension"]["Region"]["category"]["index"] = ["9901", "9902"]
    frame = to_frame(document)
    assert frame.value.isna().iloc[0] and frame.value.iloc[1] == 7


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda d: d.update(size=[3]), "jsonstat_size_mismatch"),
        (lambda d: d.update(value=[1]), "jsonstat_value_count"),
        (lambda d: d.update(value=[1, "x"]), "jsonstat_not_number"),
        (lambda d: d.update(value={"5": 1}), "jsonstat_index_outside"),
        (lambda d: d["dimension"].pop("Region"), "jsonstat_no_category"),
        (lambda d: d.update(**{"class": "collection"}), "jsonstat_not_dataset"),
        (lambda d: d.pop("value"), "jsonstat_no_value"),
    ],
)
def test_malformed_documents_raise_a_clear_error(change, code):
    document = jsonstat({"Region": ["9901", "9902"]}, [1, 2])
    change(document)
    with pytest.raises(JsonStatError) as raised:
        to_frame(document)
    assert raised.value.code == code


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(st.sampled_from(["id", "size", "dimension", "value", "class"]), json_values))
def test_arbitrary_json_never_crashes_with_anything_but_a_parse_error(document):
    with contextlib.suppress(JsonStatError):
        to_frame(document)
