import pandas as pd

from livskraft.analysis import opinion_groups, text_themes


def test_tokens_drop_stop_words_and_fold_bokmal_and_nynorsk_endings():
    assert text_themes.tokens("Vi trenger flere arbeidsplasser i kommunen") == [
        "treng", "fler", "arbeidsplass"]
    assert text_themes.tokens("Vi treng fleire arbeidsplassar") == [
        "treng", "fleir", "arbeidsplass"]


def test_keywords_count_texts_not_repetitions():
    texts = ["Bredbånd bredbånd bredbånd", "Bedre bredbånd på bygda", "Flere barnehager"]
    assert dict(text_themes.keywords(texts))["bredbånd"] == 2


def test_clusters_separate_two_clear_themes():
    roads = [f"Vegen og ferja må bli bedre, vegen nummer {i}" for i in range(10)]
    schools = [f"Skolen og barnehagen trenger lærere, skole nummer {i}" for i in range(10)]
    labels, top = text_themes.clusters(roads + schools, k=2)
    assert len(set(labels[:10])) == 1 and len(set(labels[10:])) == 1
    assert labels[0] != labels[10]
    assert any("vegen" in words for words in top)
    assert any("skol" in words for words in top)


def synthetic_votes():
    """Two camps of 8 voters: all agree on statement 0, the camps disagree about 1–8, and
    each voter passes on one of those (a different one each)."""
    rows = []
    for voter in range(16):
        camp = voter < 8
        rows.append((f"v{voter}", 0, 1))
        for statement in range(1, 9):
            side = 1 if camp == (statement % 2 == 1) else -1
            rows.append((f"v{voter}", statement, 0 if statement == voter % 8 + 1 else side))
    return pd.DataFrame(rows, columns=["voter", "statement", "value"])


def test_opinion_groups_find_the_two_camps_and_what_unites_and_divides():
    groups = opinion_groups.find(synthetic_votes())
    camp = groups.membership
    assert camp[[f"v{i}" for i in range(8)]].nunique() == 1
    assert camp[[f"v{i}" for i in range(8, 16)]].nunique() == 1
    assert camp["v0"] != camp["v8"]
    assert groups.consensus == [0]
    assert set(groups.divisive) == set(range(1, 9))


def test_opinion_groups_wait_for_enough_votes():
    few = synthetic_votes()
    assert opinion_groups.find(few[few.voter.isin(["v0", "v1", "v9"])]) is None
