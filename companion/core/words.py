"""Word-cloud normalisation, after the rules of live-participation tools (domain.md §2).

Punctuation becomes spaces, case is folded, accents are merged for counting while the most
frequent written variant is shown, stop-words (French, accents or not) and markup (HTML tags,
addresses: « img », « src », « http ») are dropped, answers shorter than 30 characters are kept
whole as one phrase, singular and plural (« régie » / « régies », « bureau » / « bureaux ») are
counted together and shown in their most frequent form, at most 50 words are kept.
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
    "ainsi", "alors", "trop", "ça", "ca", "là", "cest", "sont", "était", "etre", "avait", "ont",
    "aux", "dont", "quand", "comment", "pourquoi", "beaucoup", "vraiment", "encore", "déjà",
    "moins", "autre", "autres", "quelque", "quelques", "chaque", "ici", "oui", "non", "etc",
    # markup and addresses pasted with the text
    "img", "src", "href", "alt", "http", "https", "www", "html", "br", "div", "span", "nbsp",
    "amp", "quot", "com", "org", "fr", "png", "jpg", "jpeg", "gif", "script",
))
# fmt: on

_PUNCTUATION = re.compile(r"[^\w\s]|_", re.UNICODE)
_MARKUP = re.compile(r"<[^>]*>|\b(?:https?://|www\.)\S+|&\w+;", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Return ``text`` lower-cased and without accents (the key words are counted under)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


STOP_KEYS = frozenset(fold(w) for w in STOP_WORDS)


def clean(text: str) -> str:
    """Return ``text`` without markup, punctuation turned into spaces, spaces collapsed.

    Markup is tags, addresses and entities.
    """
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", _MARKUP.sub(" ", text))).strip()


def _singular(word: str) -> str:
    """Return the counting key of a folded word: a French plural's final s or x removed."""
    if len(word) > 3 and word[-1] in "sx" and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def key(term: str) -> str:
    """Return the key a term is counted under: folded, each word singular."""
    return " ".join(_singular(w) for w in fold(term).split(" "))


def terms(answer: str) -> list[str]:
    """Return the terms one answer contributes: itself when short, else its content words."""
    cleaned = clean(answer)
    if not cleaned:
        return []
    if len(cleaned) < PHRASE_MAX_CHARS:
        words = cleaned.split(" ")
        if len(words) == 1 and fold(words[0]) in STOP_KEYS:
            return []
        if all(fold(w) in STOP_KEYS for w in words):
            return []
        return [cleaned.lower()]
    return [w.lower() for w in cleaned.split(" ") if fold(w) not in STOP_KEYS and len(w) > 1]


def word_frequencies(answers: Iterable[str], limit: int = MAX_WORDS) -> list[tuple[str, int]]:
    """Return the ``limit`` most frequent terms with their counts, most frequent first.

    Variants that differ only by accents, case or a plural's final s / x are counted together
    and shown in their most frequent written form (ties: the accented form, then
    alphabetical).
    """
    counts: Counter[str] = Counter()
    variants: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for answer in answers:
        for term in terms(answer or ""):
            counted = key(term)
            counts[counted] += 1
            variants[counted][term] += 1
    result = []
    for counted, count in counts.items():
        shown = max(variants[counted].items(),
                    key=lambda kv: (kv[1], kv[0] != fold(kv[0]), kv[0]))
        result.append((shown[0], count))
    result.sort(key=lambda kv: (-kv[1], fold(kv[0])))
    return result[:limit]
