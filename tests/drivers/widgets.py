"""Drive a tree of ipywidgets as a person would: find a control by what it shows, act on it.

A :class:`WidgetDriver` walks a widget's ``children`` (the public ipywidgets API), depth first,
and finds

- a button by its description,
- a field (text, text area, password, number, slider, date) by its description or placeholder,
- a choice (drop-down, list, radio, toggle buttons) by its description, or by an option it
  offers when it has no description,
- a check box by its description,
- an HTML by text it contains, and any widget by the CSS class the page gives it (the hooks
  the browser tests select on too),
- a chart (:class:`~companion.widgets.base.FigureView`) by its title,

then types, clicks, selects and reads what is shown (HTML values, notices). A label matches
exactly (whitespace and case aside), else as a part of the widget's label; when nothing or more
than one widget matches, the driver raises an :class:`AssertionError` that names what it looked
for and what it saw. Hidden widgets (``layout.display == "none"`` on them or on a parent) are
out of a person's reach: they are found only with ``hidden=True``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import ipywidgets as w

from companion.widgets.base import FigureView, Notice

W = TypeVar("W", bound=w.Widget)
T = TypeVar("T")

FIELDS: tuple[type[w.Widget], ...] = (
    w.Text, w.Textarea, w.FloatText, w.IntText, w.BoundedFloatText, w.BoundedIntText,
    w.IntSlider, w.FloatSlider, w.DatePicker)
SINGLE_CHOICES: tuple[type[w.Widget], ...] = (
    w.Dropdown, w.RadioButtons, w.Select, w.ToggleButtons, w.SelectionSlider)
MULTIPLE_CHOICES: tuple[type[w.Widget], ...] = (w.SelectMultiple,)
CHOICES = SINGLE_CHOICES + MULTIPLE_CHOICES
TEXTS: tuple[type[w.Widget], ...] = (w.HTML, w.HTMLMath, w.Label)


ZERO_WIDTH = "\u200b"  # ipywidgets' default placeholder: shows nothing


def _norm(text: object) -> str:
    return " ".join(str(text or "").replace(ZERO_WIDTH, "").split()).casefold()


def _label(text: object) -> str:
    return str(text or "").replace(ZERO_WIDTH, "")


def css_classes(widget: w.Widget) -> tuple[str, ...]:
    """Return the CSS classes a page gave ``widget`` with ``add_class``."""
    # ipywidgets keeps them in the synced trait ``_dom_classes`` and offers no public reader
    # (only add_class / remove_class); they are the page's published hooks, the ones the
    # browser tests select on, so reading them here is reading the page, not its internals.
    return tuple(getattr(widget, "_dom_classes", ()))


def is_hidden(widget: w.Widget) -> bool:
    """True when ``widget`` itself is hidden by its layout (``display: none``)."""
    layout = getattr(widget, "layout", None)
    return layout is not None and (layout.display == "none" or layout.visibility == "hidden")


def options_of(widget: w.Widget) -> list[tuple[str, Any]]:
    """Return a choice widget's options as (label, value) pairs, as it shows them."""
    pairs = []
    for option in widget.options:
        if isinstance(option, tuple | list) and len(option) == 2:
            pairs.append((str(option[0]), option[1]))
        else:
            pairs.append((str(option), option))
    return pairs


def _pick(candidates: Sequence[tuple[T, Sequence[str]]], wanted: str) -> list[T]:
    """The widgets whose label is ``wanted``; else those whose label contains it."""
    key = _norm(wanted)
    exact = [widget for widget, labels in candidates if any(_norm(lb) == key for lb in labels)]
    if exact:
        return exact
    return [widget for widget, labels in candidates if key and any(key in _norm(lb)
                                                                    for lb in labels)]


class WidgetDriver:
    """Find and work the widgets under ``root`` as a person in front of the page would."""

    def __init__(self, root: w.Widget, name: str = "") -> None:
        self.root = root
        self.name = name or type(root).__name__

    # --- walking ---------------------------------------------------------------------------
    def walk(self, *, hidden: bool = False) -> Iterator[w.Widget]:
        """Every widget under the root (the root included), depth first; hidden ones and
        what they contain only with ``hidden``."""
        stack: list[w.Widget] = [self.root]
        while stack:
            widget = stack.pop()
            if not hidden and is_hidden(widget):
                continue
            yield widget
            stack.extend(reversed(tuple(getattr(widget, "children", ()) or ())))

    def widgets(self, kind: type[W] | tuple[type[w.Widget], ...] = w.Widget, *,
                css: str | None = None, hidden: bool = False) -> list[W]:
        """The widgets of ``kind`` (with the CSS class ``css``, if given), in page order."""
        return [x for x in self.walk(hidden=hidden) if isinstance(x, kind)
                and (css is None or css in css_classes(x))]

    def shows(self, widget: w.Widget) -> bool:
        """True when ``widget`` is under the root and neither it nor a parent is hidden."""
        return any(x is widget for x in self.walk())

    def _one(self, found: Sequence[T], what: str, seen: Callable[[], list[str]]) -> T:
        if len(found) == 1:
            return found[0]
        if not found:
            raise AssertionError(f"{self.name}: no {what}; seen: {seen()}")
        shown = [self.describe(x) if isinstance(x, w.Widget) else repr(x) for x in found]
        raise AssertionError(f"{self.name}: {len(found)} match {what}: {shown}")

    @staticmethod
    def describe(widget: w.Widget) -> str:
        """A short account of ``widget`` for messages."""
        label = (getattr(widget, "description", "") or getattr(widget, "placeholder", "")
                 or str(getattr(widget, "value", ""))[:60])
        classes = " ".join(css_classes(widget))
        return f"{type(widget).__name__}({label!r}{', .' + classes if classes else ''})"

    def by_class(self, css: str, kind: type[W] | tuple[type[w.Widget], ...] = w.Widget, *,
                 hidden: bool = False) -> W:
        """The one widget with the CSS class ``css``."""
        return self._one(self.widgets(kind, css=css, hidden=hidden), f"widget .{css}",
                         lambda: sorted({c for x in self.walk(hidden=hidden)
                                         for c in css_classes(x)}))

    def within(self, css: str) -> WidgetDriver:
        """A driver on the one part of the page with the CSS class ``css``."""
        return WidgetDriver(self.by_class(css), f"{self.name} .{css}")

    # --- buttons ---------------------------------------------------------------------------
    def button(self, description: str, *, css: str | None = None,
               hidden: bool = False) -> w.Button:
        """The one button whose description is (or contains) ``description`` (with the CSS
        class ``css``, if given: the description may change, or be shared)."""
        buttons = self.widgets(w.Button, css=css, hidden=hidden)
        return self._one(_pick([(b, [b.description]) for b in buttons], description),
                         f"button « {description} »", lambda: [b.description for b in buttons])

    def click(self, description: str, *, css: str | None = None) -> None:
        """Press the button ``description`` (a disabled button cannot be pressed)."""
        target = self.button(description, css=css)
        assert not target.disabled, f"{self.name}: button « {description} » is disabled"
        target.click()

    # --- fields ----------------------------------------------------------------------------
    def field(self, label: str, *, css: str | None = None, hidden: bool = False) -> w.Widget:
        """The one field whose description or placeholder is (or contains) ``label`` (with
        the CSS class ``css``, if given)."""
        fields = self.widgets(FIELDS, css=css, hidden=hidden)
        labelled = [(f, [_label(getattr(f, "description", "")),
                         _label(getattr(f, "placeholder", ""))]) for f in fields]
        return self._one(_pick(labelled, label), f"field « {label} »",
                         lambda: [" / ".join(x for x in labels if x) for _f, labels in labelled])

    def type(self, label: str, value: Any, *, css: str | None = None) -> None:
        """Type ``value`` into the field ``label`` (a number into a number field)."""
        target = self.field(label, css=css)
        assert not target.disabled, f"{self.name}: field « {label} » is disabled"
        target.value = value

    def value_of(self, label: str, *, css: str | None = None) -> Any:
        """What the field ``label`` holds."""
        return self.field(label, css=css).value

    def checkbox(self, label: str) -> w.Checkbox:
        """The one check box whose description is (or contains) ``label``."""
        boxes = self.widgets(w.Checkbox)
        return self._one(_pick([(b, [b.description]) for b in boxes], label),
                         f"check box « {label} »", lambda: [b.description for b in boxes])

    def tick(self, label: str, on: bool = True) -> None:
        """Tick (or untick) the check box ``label``."""
        self.checkbox(label).value = on

    # --- choices ---------------------------------------------------------------------------
    def choice(self, label: str, *, css: str | None = None, hidden: bool = False) -> w.Widget:
        """The one choice widget described by ``label``; without such a description, the one
        that offers an option ``label`` (with the CSS class ``css``, if given)."""
        choices = self.widgets(CHOICES, css=css, hidden=hidden)
        found = _pick([(c, [c.description]) for c in choices if c.description], label)
        if not found:
            found = _pick([(c, [lb for lb, _v in options_of(c)]) for c in choices
                           if not c.description], label)
        return self._one(found, f"choice « {label} »",
                         lambda: [c.description or str([lb for lb, _ in options_of(c)][:5])
                                  for c in choices])

    def option_labels(self, label: str, *, css: str | None = None) -> list[str]:
        """The options the choice ``label`` offers, as shown."""
        return [lb for lb, _v in options_of(self.choice(label, css=css))]

    def option_values(self, label: str, *, css: str | None = None) -> list[Any]:
        """The values behind the options of the choice ``label``."""
        return [v for _lb, v in options_of(self.choice(label, css=css))]

    def select(self, label: str, *options: str, css: str | None = None) -> None:
        """Pick ``options`` (as shown: exactly, else the one containing the text) in the
        choice ``label``; several options in a multiple choice."""
        target = self.choice(label, css=css)
        offered = options_of(target)
        values = []
        for option in options:
            index = self._one(_pick([(i, [lb]) for i, (lb, _v) in enumerate(offered)], option),
                              f"option « {option} » in « {label} »",
                              lambda: [lb for lb, _ in offered])
            values.append(offered[index][1])
        self._set_choice(target, label, values)

    def select_value(self, label: str, *values: Any, css: str | None = None) -> None:
        """Pick the options whose values are ``values`` (a test that knows the ids)."""
        target = self.choice(label, css=css)
        known = [v for _lb, v in options_of(target)]
        for value in values:
            assert value in known, f"{self.name}: no value {value!r} in « {label} »: {known}"
        self._set_choice(target, label, list(values))

    def _set_choice(self, target: w.Widget, label: str, values: list[Any]) -> None:
        assert not target.disabled, f"{self.name}: choice « {label} » is disabled"
        if isinstance(target, MULTIPLE_CHOICES):
            target.value = tuple(values)
        else:
            assert len(values) == 1, f"{self.name}: « {label} » takes one option"
            target.value = values[0]

    def unselect(self, label: str, *, css: str | None = None) -> None:
        """Leave the choice ``label`` without a choice (as a page shows it at first)."""
        target = self.choice(label, css=css)
        target.value = () if isinstance(target, MULTIPLE_CHOICES) else None

    def chosen(self, label: str, *, css: str | None = None) -> Any:
        """The value chosen in ``label``."""
        return self.choice(label, css=css).value

    # --- what is shown ---------------------------------------------------------------------
    def html(self, containing: str | None = None, *, css: str | None = None,
             hidden: bool = False) -> w.HTML:
        """The one HTML (or label) with the CSS class ``css`` and / or containing
        ``containing`` (in its markup)."""
        texts = self.widgets(TEXTS, css=css, hidden=hidden)
        if containing is not None:
            texts = [t for t in texts if containing in str(t.value)]
        what = " ".join(x for x in (f".{css}" if css else "",
                                     f"containing « {containing} »" if containing else "") if x)
        return self._one(texts, f"HTML {what}",
                         lambda: [self.describe(t) for t in self.widgets(TEXTS)][:30])

    def html_of(self, css: str) -> str:
        """The markup shown by the HTML with the CSS class ``css``."""
        return str(self.html(css=css).value)

    def text(self) -> str:
        """Everything shown as text (HTML and labels, markup included), in page order."""
        return "\n".join(str(t.value) for t in self.widgets(TEXTS) if t.value)

    def notices(self) -> list[Notice]:
        """The message areas shown that hold a message."""
        return [n for n in self.widgets(Notice) if n.text]

    def notice_text(self) -> str:
        """The messages shown, one line each."""
        return "\n".join(n.text for n in self.notices())

    def notice_after(self, description: str) -> Notice:
        """The first message area after the button ``description``, in page order (the
        message a person reads under the button they pressed)."""
        target = self.button(description)
        order = list(self.walk())
        after = order[next(i for i, x in enumerate(order) if x is target) + 1:]
        notices = [x for x in after if isinstance(x, Notice)]
        assert notices, f"{self.name}: no message area after the button « {description} »"
        return notices[0]

    def chart(self, title: str | None = None, *, css: str | None = None,
              hidden: bool = False) -> FigureView:
        """The one chart whose title contains ``title`` (and / or with the CSS class
        ``css``)."""
        views = self.widgets(FigureView, css=css, hidden=hidden)

        def title_of(view: FigureView) -> str:
            return "" if view.figure is None else str(view.figure.layout.title.text or "")

        if title is not None:
            views = [v for v in views if _norm(title) in _norm(title_of(v))]
        what = " ".join(x for x in (f".{css}" if css else "",
                                     f"titled « {title} »" if title else "") if x)
        return self._one(views, f"chart {what}",
                         lambda: [title_of(v) for v in self.widgets(FigureView, hidden=hidden)])
