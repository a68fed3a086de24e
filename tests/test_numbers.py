"""Numbers typed the French way: parsed, bounded, refused in French naming the field, and the
SROI and target fields built on them (« 0,3 » once became 1 and the ratio 0.22)."""

from __future__ import annotations

import pytest

from companion.core.errors import InputError
from companion.core.numbers import format_decimal, parse_decimal
from companion.widgets.indicators.sroi import SroiCalculator
from companion.widgets.numbers import DecimalField


@pytest.mark.parametrize(("typed", "number"), [
    ("0,3", 0.3), ("1 234,5", 1234.5), ("1\u00a0234,5", 1234.5), ("1\u202f234,5", 1234.5),
    ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("0.3", 0.3), (" 12 € ", 12.0),
    ("\u22122,5", -2.5), ("-0,5", -0.5), (",5", 0.5), ("42", 42.0)])
def test_french_and_english_decimals_are_read(typed: str, number: float) -> None:
    assert parse_decimal(typed, field="Quantité") == pytest.approx(number)


def test_a_percent_field_reads_a_percent_sign() -> None:
    assert parse_decimal("3,5 %", field="Taux", percent=True) == pytest.approx(0.035)
    with pytest.raises(InputError):
        parse_decimal("3,5 %", field="Quantité")  # only where a rate is asked


@pytest.mark.parametrize("typed", ["abc", "1,2,3x", "nan", "inf", "1e5", "--1", "1 2 3 ,, 4"])
def test_anything_else_is_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(InputError, match=r"« Investissement total » : .* n'est pas un nombre"):
        parse_decimal(typed, field="Investissement total")


def test_empty_and_out_of_range_say_what_is_expected() -> None:
    with pytest.raises(InputError, match="saisissez un nombre"):
        parse_decimal("  ", field="Taux")
    with pytest.raises(InputError, match=r"entre 0 et 0,99 .*1,5"):
        parse_decimal("1,5", field="Taux", minimum=0, maximum=0.99)
    with pytest.raises(InputError, match="au moins 0"):
        parse_decimal("-1", field="Quantité", minimum=0)


def test_numbers_are_shown_the_french_way() -> None:
    assert format_decimal(1234.5) == "1\u202f234,5"
    assert format_decimal(0.035) == "0,035"
    assert format_decimal(50_000.0) == "50\u202f000"
    assert format_decimal(-0.0) == "0"


def test_the_field_keeps_its_last_good_value_and_says_why_it_refused() -> None:
    field = DecimalField(2.0, description="Quantité", minimum=0.0)
    field.type("0,3")
    assert field.value == pytest.approx(0.3) and field.error == ""
    field.type("abc")
    assert field.value == pytest.approx(0.3)
    assert "« Quantité » : « abc » n'est pas un nombre" in field.error
    field.value = 1234.5  # set by the program: shown the French way, the message gone
    assert field.text == "1\u202f234,5" and field.error == ""


def test_a_decimal_comma_in_the_sroi_calculator_gives_the_right_ratio() -> None:
    calc = SroiCalculator()
    calc.discount_field.type("0")
    reference = calc.result
    assert reference is not None
    row = calc.rows[0]
    row.numbers["deadweight"].type("0,3")
    assert row.numbers["deadweight"].value == pytest.approx(0.3)
    typed = calc.result
    row.numbers["deadweight"].value = 0.3
    assert typed is not None and calc.result is not None
    assert typed.ratio == pytest.approx(calc.result.ratio)  # same as the number itself
    calc.inputs_field.type("abc")
    assert "n'est pas un nombre" in calc.inputs_field.error
    assert calc.result is not None and calc.result.ratio == pytest.approx(typed.ratio)
    calc.discount_field.type("3,5 %")
    assert calc.discount_field.value == pytest.approx(0.035)
