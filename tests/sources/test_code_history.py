from livskraft.sources.code_history import EQUAL_SPLIT_NOTE, crosswalk_from_changes

LISTS = {2019: {"9901", "9902", "9930"}, 2020: {"9901", "9910"}, 2021: {"9911", "9912"}}
CHANGES = [("9902", "9910", 2020), ("9930", "9910", 2020),  # merge
           ("9910", "9911", 2021), ("9910", "9912", 2021),  # split without weights
           ("9901", "9911", 2021)]                           # merged into a split part


def rows(frame, code, year):
    hit = frame[(frame.from_code == code) & (frame.from_year <= year) & (frame.to_year >= year)]
    return {(r.pivot_code, r.weight, r.note) for r in hit.itertuples()}


def test_merges_and_renumberings_chain_to_the_newest_codes():
    frame = crosswalk_from_changes(LISTS, CHANGES)
    assert set(frame.pivot_vintage) == {2021}
    assert rows(frame, "9901", 2019) == {("9911", 1.0, "")}
    assert rows(frame, "9911", 2021) == {("9911", 1.0, "")}


def test_splits_without_published_weights_are_equal_and_noted():
    frame = crosswalk_from_changes(LISTS, CHANGES)
    assert rows(frame, "9902", 2019) == {("9911", 0.5, EQUAL_SPLIT_NOTE),
                                         ("9912", 0.5, EQUAL_SPLIT_NOTE)}
    assert rows(frame, "9910", 2020) == rows(frame, "9902", 2019)


def test_consecutive_years_with_the_same_mapping_share_one_row():
    frame = crosswalk_from_changes(LISTS, CHANGES)
    testvik = frame[frame.from_code == "9901"]
    assert list(zip(testvik.from_year, testvik.to_year)) == [(2019, 2020)]
