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


def test_plurals_are_merged_under_the_most_frequent_form() -> None:
    counts = dict(word_frequencies(["acteur", "acteurs", "acteurs", "bureau", "bureau", "bureaux"]))
    assert counts == {"acteurs": 3, "bureau": 3}


def test_at_most_fifty_words_most_frequent_first() -> None:
    answers = [f"mot{n}" for n in range(80) for _ in range(n % 5 + 1)]
    result = word_frequencies(answers)
    assert len(result) == MAX_WORDS
    assert [count for _, count in result] == sorted((c for _, c in result), reverse=True)


def test_empty_and_punctuation_only_answers_give_nothing() -> None:
    assert word_frequencies(["", "   ", "?!…", "le"]) == []


def test_hostile_text_is_just_words() -> None:
    counts = dict(word_frequencies(["<script>alert(1)</script>"]))
    assert counts == {"alert 1": 1}  # tags are markup, not words


def test_stop_words_markup_and_plurals() -> None:
    """Issue « right answers », item 7."""
    from companion.core.words import word_frequencies as wf

    answers = [
        "Ça manque trop de moyens pour la régie et les régies du quartier, vraiment trop",
        '<img src="http://example.org/x.png"> les régies de quartier sont trop peu connues',
        "Les régies de quartier manquent de moyens financiers, ça se voit dans les quartiers",
    ]
    words = dict(wf(answers))
    for noise in ("img", "src", "http", "example", "org", "png", "ça", "trop", "ca"):
        assert noise not in words, noise
    assert words["régies"] == 4 and "régie" not in words  # most frequent form shown
    assert words["quartier"] == 4 and "quartiers" not in words
    assert words["moyens"] == 2
