"""Opinion groups from statement votes, as Polis does it: PCA of the participant × statement
vote matrix (agree = 1, disagree = −1, pass or unseen = 0), k-means on the two first
components (k chosen by silhouette among 2–4), then per group the share agreeing with each
statement. Consensus statements are agreed by a majority in every group; divisive ones
split the groups most."""

from dataclasses import dataclass

import numpy as np
import pandas as pd

MIN_PARTICIPANTS = 7
MIN_VOTES_EACH = 3


@dataclass
class Groups:
    membership: pd.Series  # participant → group number
    agreement: pd.DataFrame  # statement × group: share of the group's voters who agree
    consensus: list  # statements a majority of every group agrees with
    divisive: list  # statements ordered by the largest gap in agreement between groups


def find(votes: pd.DataFrame, seed: int = 0) -> Groups | None:
    """`votes`: columns voter, statement, value. None when too few have voted."""
    # scikit-learn is imported here, not at the top: it costs the server's cold start.
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA
    from sklearn.metrics import silhouette_score

    active = votes.groupby("voter").statement.count()
    active = active[active >= MIN_VOTES_EACH].index
    votes = votes[votes.voter.isin(active)]
    if len(active) < MIN_PARTICIPANTS:
        return None
    matrix = votes.pivot_table(index="voter", columns="statement", values="value",
                               aggfunc="last").fillna(0)
    components = PCA(n_components=min(2, matrix.shape[1]), random_state=seed).fit_transform(
        matrix.to_numpy(float))
    best, best_score = None, -1.0
    distinct = len(np.unique(components.round(9), axis=0))
    for k in range(2, min(4, len(matrix) - 1, distinct) + 1):
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(components)
        if len(set(labels)) < 2:
            continue
        score = silhouette_score(components, labels)
        if score > best_score:
            best, best_score = labels, score
    if best is None:
        return None
    membership = pd.Series(best, index=matrix.index, name="group")
    voted = votes.assign(group=votes.voter.map(membership), agree=votes.value == 1)
    agreement = voted.pivot_table(index="statement", columns="group", values="agree",
                                  aggfunc="mean")
    consensus = agreement.index[(agreement > 0.5).all(axis=1)].tolist()
    gap = agreement.max(axis=1) - agreement.min(axis=1)
    divisive = gap[gap >= 0.3].sort_values(ascending=False).index.tolist()
    return Groups(membership, agreement, consensus, divisive)
