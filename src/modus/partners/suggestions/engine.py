"""Reciprocal ranking of partners (Pizzato et al.): score(a, b) is the harmonic mean of how well
b fits what a wants and how well a fits what b wants.

fit(a → b) = the text fit of the pair + shared ecosystems + b comes from a country or region a
targets + b's region has a smart-specialisation priority in a's ecosystems. The text fit is the
larger of "b offers what a seeks" and, weighted by ``customer``, "b seeks what a offers": in
business both are reasons to meet (a supplier, a customer). Text similarity is TF-IDF over
word stems (words cut to their first letters, a light stemming that works in any language, so
"recycling" meets "recycler"), blended with its latent semantic analysis (a truncated SVD of
the same matrix, fitted on the event's own texts), which links words that occur in the same
contexts. No model weights are downloaded; the engine knows no Django: it gets ``Participant``s and
returns ``Ranked`` lists with reasons as codes and parameters.
"""

import re
from dataclasses import dataclass, field

import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

# Chosen on bench/suggestions.py's generated events (other seeds than the one it reports).
WEIGHTS = {"text": 0.6, "customer": 0.7, "ecosystems": 0.05, "target": 0.1, "priority": 0.15}
FLOOR = 0.02  # keeps a one-sided fit from being zero in the harmonic mean
TEXT_REASON = 0.12
STEM = 4  # letters of a word kept as its stem
LATENT_SHARE = 0.6  # of the text similarity that comes from latent semantic analysis
LATENT_DIMENSIONS = 100  # at most; fewer for small events
TEXTS_PER_DIMENSION = 70
TOKEN = re.compile(r"\w+")


def stems(text: str) -> list[str]:
    """Words without English stop words, cut to their first ``STEM`` letters."""
    return [
        word[:STEM]
        for word in TOKEN.findall(text.lower())
        if len(word) > 1 and word not in ENGLISH_STOP_WORDS
    ]


@dataclass
class Item:
    """An opportunity: its id, title and full text."""

    id: int
    title: str
    text: str


@dataclass
class Participant:
    id: int
    organisation: int | None = None
    country: str = ""
    regions: frozenset = frozenset()  # NUTS codes of the organisation's region and ancestors
    region_name: str = ""
    ecosystems: frozenset = frozenset()
    offers: str = ""
    seeks: str = ""
    offer_items: list = field(default_factory=list)
    request_items: list = field(default_factory=list)
    target_countries: frozenset = frozenset()
    target_regions: frozenset = frozenset()
    excluded: frozenset = frozenset()  # participants already requested or declined


@dataclass
class Ranked:
    candidate: int
    score: float
    reasons: list
    opportunity: int | None = None


def _vectorizer_matrix(texts):
    """TF-IDF of word stems, and the fitted vectorizer (none when there is no word at all)."""
    words = TfidfVectorizer(analyzer=stems, sublinear_tf=True)
    try:
        return words.fit_transform(texts).tocsr(), words
    except ValueError:  # nothing but stop words
        return None, None


def _text_similarity(matrix, n):
    """seeks × offers: cosine of TF-IDF vectors blended with their latent semantic cosine."""
    direct = (matrix[:n] @ matrix[n:].T).toarray()
    dimensions = min(LATENT_DIMENSIONS, matrix.shape[0] // TEXTS_PER_DIMENSION, matrix.shape[1] - 1)
    if dimensions < 2:
        return direct
    latent = normalize(TruncatedSVD(n_components=dimensions, random_state=0).fit_transform(matrix))
    similar = np.clip(latent[:n] @ latent[n:].T, 0, None)
    return (1 - LATENT_SHARE) * direct + LATENT_SHARE * similar


def rank(participants, *, priorities=None, k=10):
    """Top ``k`` partners of every participant. ``priorities`` maps a NUTS code to a list of
    ``(region name, priority title, frozenset of ecosystem keys)``."""
    priorities = priorities or {}
    n = len(participants)
    if n < 2:
        return {p.id: [] for p in participants}
    index = {p.id: i for i, p in enumerate(participants)}
    seeks = [p.seeks + " " + " ".join(i.text for i in p.request_items) for p in participants]
    offers = [p.offers + " " + " ".join(i.text for i in p.offer_items) for p in participants]
    matrix, words = _vectorizer_matrix(seeks + offers)
    # text[a, b]: a seeks what b offers
    text = np.zeros((n, n)) if matrix is None else _text_similarity(matrix, n)

    eco_keys = sorted({e for p in participants for e in p.ecosystems})
    eco = np.zeros((n, len(eco_keys) or 1), dtype=np.float32)
    eco_index = {key: j for j, key in enumerate(eco_keys)}
    for i, p in enumerate(participants):
        for e in p.ecosystems:
            eco[i, eco_index[e]] = 1
    shared = eco @ eco.T
    sizes = eco.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - shared
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)

    places = sorted(
        {("c", p.country) for p in participants}
        | {("r", r) for p in participants for r in p.regions}
    )
    place_index = {place: j for j, place in enumerate(places)}
    wants = np.zeros((n, len(places)), dtype=np.float32)
    has = np.zeros((n, len(places)), dtype=np.float32)
    for i, p in enumerate(participants):
        has[i, place_index[("c", p.country)]] = 1
        for r in p.regions:
            has[i, place_index[("r", r)]] = 1
        for c in p.target_countries:
            if ("c", c) in place_index:
                wants[i, place_index[("c", c)]] = 1
        for r in p.target_regions:
            if ("r", r) in place_index:
                wants[i, place_index[("r", r)]] = 1
    target = ((wants @ has.T) > 0).astype(np.float32)  # target[a, b]: b is where a looks

    # priority[a, b]: b's region has a priority in one of a's ecosystems
    prio_eco = np.zeros((n, len(eco_keys) or 1), dtype=np.float32)
    for b, q in enumerate(participants):
        for code in q.regions:
            for _region, _title, keys in priorities.get(code, ()):
                for key in keys:
                    if key in eco_index:
                        prio_eco[b, eco_index[key]] = 1
    priority = ((eco @ prio_eco.T) > 0).astype(np.float32)

    fit = (
        WEIGHTS["text"] * np.maximum(text, WEIGHTS["customer"] * text.T)
        + WEIGHTS["ecosystems"] * jaccard
        + WEIGHTS["target"] * target
        + WEIGHTS["priority"] * priority
        + FLOOR
    )
    score = 2 * fit * fit.T / (fit + fit.T)
    np.fill_diagonal(score, -1)
    orgs = np.array(
        [
            p.organisation if p.organisation is not None else -1 - i
            for i, p in enumerate(participants)
        ]
    )
    score[orgs[:, None] == orgs[None, :]] = -1
    for a, p in enumerate(participants):
        for other in p.excluded:
            if other in index:
                score[a, index[other]] = -1

    k = min(k, n - 1)
    top = np.argpartition(-score, k - 1, axis=1)[:, :k] if k < n else np.argsort(-score, axis=1)
    items = [i for p in participants for i in (*p.offer_items, *p.request_items)]
    item_matrix = (
        words.transform([i.text for i in items]).tocsr() if items and matrix is not None else None
    )
    item_rows = {id(i): r for r, i in enumerate(items)}
    context = _ReasonContext(participants, matrix, n, text, jaccard, target, priority, priorities)
    context.item_matrix, context.item_rows = item_matrix, item_rows
    result = {}
    for a, p in enumerate(participants):
        order = sorted(top[a], key=lambda b: -score[a, b])
        ranked = (context.ranked(a, b, float(score[a, b])) for b in order if score[a, b] >= 0)
        result[p.id] = [entry for entry in ranked if entry.reasons]  # each says why, or is left out
    return result


class _ReasonContext:
    """Works out, for a pair the ranking kept, the reasons in codes and parameters."""

    def __init__(self, participants, matrix, n, text, jaccard, target, priority, priorities):
        self.participants = participants
        self.matrix = matrix
        self.n = n
        self.text = text
        self.jaccard = jaccard
        self.target = target
        self.priority = priority
        self.priorities = priorities
        self.item_matrix = None
        self.item_rows = {}

    def _best_item(self, items, against_row):
        """The item whose words are closest to row ``against_row`` of the matrix."""
        if not items or self.item_matrix is None:
            return None
        rows = [self.item_rows[id(item)] for item in items]
        scores = (self.item_matrix[rows] @ self.matrix[against_row].T).toarray()[:, 0]
        best = int(np.argmax(scores))
        return items[best] if scores[best] > 0 else None

    def ranked(self, a, b, score):
        p, q = self.participants[a], self.participants[b]
        reasons, opportunity = [], None
        if self.text[a, b] >= TEXT_REASON:
            item = self._best_item(q.offer_items, a)
            if item is not None:
                opportunity = item.id
                reasons.append({"code": "offers", "params": {"title": item.title}})
            else:
                reasons.append({"code": "offers_profile", "params": {}})
        if self.text[b, a] >= TEXT_REASON:
            item = self._best_item(q.request_items, self.n + a)
            if item is not None:
                opportunity = opportunity or item.id
                reasons.append({"code": "requests", "params": {"title": item.title}})
            else:
                reasons.append({"code": "requests_profile", "params": {}})
        shared = sorted(p.ecosystems & q.ecosystems)
        if shared:
            reasons.append({"code": "ecosystems", "params": {"keys": shared}})
        if self.priority[a, b]:
            for code in sorted(q.regions):
                found = [
                    (region, title)
                    for region, title, keys in self.priorities.get(code, ())
                    if keys & p.ecosystems
                ]
                if found:
                    region, title = found[0]
                    reasons.append(
                        {"code": "priority", "params": {"region": region, "priority": title}}
                    )
                    break
        if self.target[b, a]:
            reasons.append({"code": "wants_your_country", "params": {}})
        elif self.target[a, b]:
            reasons.append({"code": "in_your_target", "params": {}})
        return Ranked(
            candidate=q.id, score=round(score, 4), reasons=reasons, opportunity=opportunity
        )
