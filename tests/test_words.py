"""Word-cloud normalisation (domain.md §2)."""

from __future__ import annotations

from companion.core.words import MAX_WORDS, clean, fold, terms, word_frequencies


def test_punctuation_becomes_spaces_and_spaces_collapse() -> None:
    assert clean("  l'ESS,  c'est… la vie !! ") == "l ESS c est la vie"


def test_accents_and_case_are_folded_for_counting() -> None:
    assert fold("Économie Créée") == "economie creee"


def test_short_answers_are_kept_whole_as_phrases() -> None:
    assert terms("Mieux coopérer !") == ["mieux coopérer"]


def test_long_answers_are_split_into_content_words_without_stop_words() -> None:
    result = terms("Comprendre le modèle économique des Régies de quartier et leurs partenaires")
    assert "le" not in result and "des" not in result and "de" not in result
    assert result[:3] == ["comprendre", "modèle", "économique"]


def test_variants_are_counted_together_and_the_most_frequent_form_is_shown() -> None:
    counts = dict(word_frequencies(["Réseau", "reseau", "Réseau", "partenariat"]))
    assert counts == {"réseau": 3, "partenariat": 1}


def test_plurals_are_not_merged() -> None:
    counts = dict(word_frequencies(["acteur", "acteurs"]))
    assert counts == {"acteur": 1, "acteurs": 1}


def test_at_most_fifty_words_most_frequent_first() -> None:
    answers = [f"mot{n}" for n in range(80) for _ in range(n % 5 + 1)]
    result = word_frequencies(answers)
    assert len(result) == MAX_WORDS
    assert [count for _, count in result] == sorted((c for _, c in result), reverse=True)


def test_empty_and_punctuation_only_answers_give_nothing() -> None:
    assert word_frequencies(["", "   ", "?!…", "le"]) == []


def test_hostile_text_is_just_words() -> None:
    counts = dict(word_frequencies(["<script>alert(1)</script>"]))
    assert counts == {"script alert 1 script": 1}
