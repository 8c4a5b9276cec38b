"""Keywords and theme clusters in free-text answers, bokmål and nynorsk.

TF-IDF over words (Norwegian letters, lower case, a shared bokmål/nynorsk stop-word list,
crude suffix folding so "arbeidsplasser"/"arbeidsplassar" meet) and k-means on the vectors.
"""

import re
from collections import Counter

import numpy as np

_STOP_WORD_TEXT = """
alle allerede andre annen annet at av bare begge ble blei bli blir blitt bort bra da dag
de dei deim deira deires dem den denne dens der deres desse det dette di din disse dit
ditt du dykk dykkar då eg ein eit eitt eller elles en ene eneste enhver enn er et ett etter
for fordi fra frå før få går ha hadde han hans har hennar henne hennes her hjå ho hoe
honom hoss hossen hun hva hvem hver hvilke hvilken hvis hvor hvordan hvorfor i ikke ikkje
ingen ingi inkje inn inni ja jeg kan kom korleis korso kun kunne kva kvar kvarhelst kven
kvi kvifor man mange me med medan meg meget mellom men mens mer mest mi min mine mitt mot
mye mykje må måtte ned nei no noe noen noka noko nokon nokor nokre nå når og også om opp
oss over på samme seg selv si sia sidan siden sin sine sitt sjøl skal skulle slik so som
somme somt så sånn til um upp ut uten vart varte ved vere verte vi vil ville vore vors vort
vår være vært å bør kommer kommune kommunen kommunar kommuner viktig viktige gjøre gjere
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
WORD = re.compile(r"[a-zæøåéü]{3,}")
SUFFIXES = ("ene", "ane", "ar", "er", "en", "et", "a", "e")


def tokens(text: str) -> list[str]:
    """Lower-cased words without stop words, with common plural/definite endings folded."""
    out = []
    for word in WORD.findall(text.lower()):
        if word in STOP_WORDS:
            continue
        for suffix in SUFFIXES:
            if len(word) - len(suffix) >= 4 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        out.append(word)
    return out


def keywords(texts: list[str], top: int = 15) -> list[tuple[str, int]]:
    """The most frequent word stems and in how many texts each occurs."""
    counts = Counter(stem for text in texts for stem in set(tokens(text)))
    return counts.most_common(top)


def clusters(texts: list[str], k: int | None = None, seed: int = 0):
    """(cluster label per text, top words per cluster). Needs at least 2 texts with words."""
    from sklearn.cluster import KMeans  # imported here: scikit-learn slows the cold start

    usable = [t for t in texts if tokens(t)]
    if len(usable) < 2:
        return [0] * len(texts), [[w for w, _ in keywords(texts, 5)]]
    k = k or max(2, min(6, len(usable) // 10))
    k = min(k, len(usable))
    vectorizer = _vectorizer()
    matrix = vectorizer.fit_transform(texts)
    k = min(k, len({tuple(row) for row in matrix.toarray().round(9)}))
    if k < 2:
        return [0] * len(texts), [[w for w, _ in keywords(texts, 5)]]
    model = KMeans(n_clusters=k, n_init=5, random_state=seed).fit(matrix)
    vocabulary = np.array(vectorizer.get_feature_names_out())
    top_words = [vocabulary[np.argsort(centre)[::-1][:5]].tolist()
                 for centre in model.cluster_centers_]
    return model.labels_.tolist(), top_words


def _vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(tokenizer=tokens, lowercase=False, token_pattern=None, min_df=1,
                           max_features=5000)


def representative(texts: list[str], n: int = 3) -> list[int]:
    """Positions of the n texts closest (cosine) to the TF-IDF centre of all of them: the
    answers that say most nearly what the others say. Texts without words are never chosen."""
    usable = [i for i, t in enumerate(texts) if tokens(t)]
    if len(usable) <= n:
        return usable
    matrix = _vectorizer().fit_transform([texts[i] for i in usable])  # rows are L2-normalised
    centre = np.asarray(matrix.mean(axis=0)).ravel()
    similarity = matrix @ centre
    order = np.argsort(-similarity, kind="stable")[:n]
    return [usable[i] for i in order]
