"""Word-cloud normalisation, after the rules of live-participation tools (domain.md §2).

Punctuation becomes spaces, case is folded, accents are merged for counting while the most
frequent written variant is shown, stop-words are dropped, answers shorter than 30 characters
are kept whole as one phrase, plurals are not merged, at most 50 words are kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

MAX_WORDS = 50
PHRASE_MAX_CHARS = 30

# fmt: off
STOP_WORDS = frozenset((
    "a", "à", "au", "aux", "avec", "ce", "ces", "cet", "cette", "ci", "comme", "dans", "de",
    "des", "du", "elle", "elles", "en", "entre", "est", "et", "été", "être", "eux", "il", "ils",
    "je", "j", "la", "le", "les", "leur", "leurs", "lui", "l", "ma", "mais", "me", "même", "mes",
    "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "où", "par", "pas", "pour", "plus",
    "qu", "que", "qui", "quoi", "sa", "se", "ses", "si", "son", "sont", "sur", "ta", "te", "tes",
    "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "d", "s", "n", "c", "m", "t",
    "qu'", "ça", "cela", "car", "donc", "or", "ni", "avoir", "fait", "faire", "très", "bien",
    "aussi", "tout", "tous", "toute", "toutes", "peu", "sans", "sous", "chez", "vers", "afin",
    "ainsi", "alors",
))
# fmt: on

_PUNCTUATION = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Return ``text`` lower-cased and without accents (the key words are counted under)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean(text: str) -> str:
    """Return ``text`` with punctuation turned into spaces and spaces collapsed."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).strip()


def terms(answer: str) -> list[str]:
    """Return the terms one answer contributes: itself when short, else its content words."""
    cleaned = clean(answer)
    if not cleaned:
        return []
    if len(cleaned) < PHRASE_MAX_CHARS:
        words = cleaned.split(" ")
        if len(words) == 1 and fold(words[0]) in STOP_WORDS:
            return []
        return [cleaned.lower()]
    return [w.lower() for w in cleaned.split(" ") if fold(w) not in STOP_WORDS and len(w) > 1]


def word_frequencies(answers: Iterable[str], limit: int = MAX_WORDS) -> list[tuple[str, int]]:
    """Return the ``limit`` most frequent terms with their counts, most frequent first.

    Variants that differ only by accents or case are counted together and shown in their
    most frequent written form (ties: the accented form, then alphabetical).
    """
    counts: Counter[str] = Counter()
    variants: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for answer in answers:
        for term in terms(answer or ""):
            key = fold(term)
            counts[key] += 1
            variants[key][term] += 1
    result = []
    for key, count in counts.items():
        shown = max(variants[key].items(), key=lambda kv: (kv[1], kv[0] != fold(kv[0]), kv[0]))
        result.append((shown[0], count))
    result.sort(key=lambda kv: (-kv[1], fold(kv[0])))
    return result[:limit]
