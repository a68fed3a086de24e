"""The restitution of a round (top ideas, charts, word cloud, recommendations) and its exports."""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import pandas as pd

from companion import brainstorm as bs
from companion.brainstorm import exports
from companion.brainstorm.results import Snapshot
from companion.charts.brainstorm import ideas_and_votes, links_heatmap
from companion.core.errors import InputError
from companion.core.html import download_link, word_cloud_html
from companion.core.safety import escape
from companion.core.spreadsheet import XLSX_MIME
from companion.store.backup import backup_json, restore_backup
from companion.texts import brainstorm as tb
from companion.widgets.base import FigureView, button, trainer_only
from companion.widgets.brainstorm.wall import RoundPanel


def top_list_html(frame: pd.DataFrame, by: str, revealed: bool, n: int = 3) -> str:
    """Return, per value of ``by``, its ``n`` most voted ideas (escaped)."""
    if frame.empty:
        return f"<p>{escape(tb.NO_IDEA)}</p>"
    parts = []
    for key, rows in bs.top_ideas(frame, by, n).groupby(by, sort=False):
        items = "".join(
            f"<li><span class='cp-idea' dir='auto'>{escape(r.text)}</span>"
            + (f" — <strong>{escape(tb.VOTES.format(count=r.votes))}</strong>" if revealed
               else "") + (f" <small>({escape(r.group)})</small>" if by == "theme" else "")
            + "</li>" for r in rows.itertuples())
        parts.append(f"<h4 style='margin:.4em 0 .1em'>{escape(str(key))}</h4><ol>{items}</ol>")
    return "".join(parts)


def preconisations_html(table: pd.DataFrame, revealed: bool) -> str:
    """Return the recommendations table (levers and the difficulties they answer), escaped."""
    if table.empty:
        return f"<p>{escape(tb.NO_PRECONISATION)}</p>"
    head = (f"<tr><th>{tb.COL_LEVER}</th><th>{tb.COL_LEVER_THEME}</th><th>{tb.COL_DIFFICULTY}"
            f"</th><th>{tb.COL_GROUP}</th>" + (f"<th>{tb.COL_VOTES}</th>" if revealed else "")
            + "</tr>")
    rows = "".join(
        f"<tr><td dir='auto'>{escape(r.lever)}</td><td>{escape(r.lever_theme)}</td>"
        f"<td dir='auto'>{escape(r.difficulty)}</td><td>{escape(r.group)}</td>"
        + (f"<td>{r.lever_votes}</td>" if revealed else "") + "</tr>"
        for r in table.itertuples())
    return (f"<table class='cp-preconisations' style='border-collapse:collapse' border='1' "
            f"cellpadding='4'>{head}{rows}</table>")


class RestitutionView(w.VBox):
    """The restitution of a round: per theme and per subgroup, top ideas, charts, word cloud.

    For a round linked to another: the recommendations table and the chart of levers against
    difficulties.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._title = w.HTML()
        self._note = w.HTML()
        self._by_theme = FigureView()
        self._by_group = FigureView()
        self._top_theme = w.HTML()
        self._top_theme.add_class("cp-top-theme")
        self._top_group = w.HTML()
        self._top_group.add_class("cp-top-group")
        self._cloud = w.HTML()
        self._cloud.add_class("cp-round-cloud")
        self._preco = w.HTML()
        self._preco.add_class("cp-preconisations-box")
        self._links = FigureView()
        self._unanswered = w.HTML()
        self._unanswered.add_class("cp-unanswered")
        self._linked = w.VBox([self._preco, self._links, self._unanswered])
        self.add_class("cp-restitution")
        self.children = (
            self._title, self._note, self._by_theme, self._by_group,
            w.HTML(f"<h3>{tb.TOP_BY_THEME}</h3>"), self._top_theme,
            w.HTML(f"<h3>{tb.TOP_BY_GROUP}</h3>"), self._top_group,
            w.HTML(f"<h3>{tb.WORD_CLOUD}</h3>"), self._cloud, self._linked,
        )
        self.figures: dict[str, Any] = {}

    def update(self, snap: Snapshot) -> None:
        """Recompute the restitution from ``snap`` (votes shown once the round is closed)."""
        revealed = snap.state.revealed
        frame = bs.round_frame(snap)
        self._title.value = (f"<h2>{escape(tb.RESTITUTION_TITLE.format(title=snap.round.title))}"
                             f"</h2>")
        self._note.value = "" if revealed else f"<p><em>{escape(tb.VOTES_NOT_REVEALED)}</em></p>"
        theme = bs.summary_by(frame, "theme", snap.round.themes)
        group = bs.summary_by(frame, "group")
        self.figures["theme"] = ideas_and_votes(
            theme, "theme", title=tb.CHART_BY_THEME, category_label=tb.AXIS_THEME,
            show_votes=revealed)
        self.figures["group"] = ideas_and_votes(
            group, "group", title=tb.CHART_BY_GROUP, category_label=tb.AXIS_GROUP,
            show_votes=revealed)
        self._by_theme.show(self.figures["theme"])
        self._by_group.show(self.figures["group"])
        self._top_theme.value = top_list_html(frame, "theme", revealed)
        self._top_group.value = top_list_html(frame, "group", revealed)
        self._cloud.value = word_cloud_html(bs.round_words(snap)) or f"<p>{tb.NO_IDEA}</p>"
        if snap.linked_round is None:
            self._linked.layout.display = "none"
            return
        self._linked.layout.display = ""
        table = bs.preconisations(snap)
        self._preco.value = f"<h3>{tb.PRECONISATIONS}</h3>" + preconisations_html(table,
                                                                                  revealed)
        self.figures["links"] = links_heatmap(bs.link_matrix(snap, table))
        self._links.show(self.figures["links"])
        left = bs.unanswered(snap, table)
        items = "".join(f"<li>[{escape(i.theme)}] {escape(i.text)}</li>" for i in left)
        self._unanswered.value = f"<h3>{tb.UNANSWERED}</h3><ul>{items}</ul>" if left else ""

    @property
    def text(self) -> str:
        """The restitution's text blocks (HTML), for checks."""
        return "".join(str(c.value) for c in (self._top_theme, self._top_group, self._cloud,
                                               self._preco, self._unanswered))


class ExportPanel(RoundPanel):
    """Download links for the round and the session backup; re-import of a backup.

    The round as CSV, XLSX, HTML and Markdown, the session backup as JSON.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._prepare = button(tb.EXPORT_PREPARE, "cp-export-prepare", "primary")
        self._prepare.on_click(self._on_prepare)
        self._links = w.HTML()
        self._links.add_class("cp-export-links")
        self._upload = w.FileUpload(accept=".json", multiple=False, description="JSON")
        self._upload.add_class("cp-import-file")
        self._import = button(tb.IMPORT_TITLE, "cp-import")
        self._import.on_click(self._on_import)
        self.files: dict[str, bytes] = {}
        self.add_class("cp-export")
        self.children = (self._prepare, self._links, self._notice,
                         w.HBox([self._upload, self._import]))

    def update(self, snap: Snapshot) -> None:
        """Keep the round to export (files are built on demand)."""
        self.snap = snap

    @trainer_only()
    def _on_prepare(self, _b: w.Button) -> None:
        snap = self.current()
        session = self._store.get_session(self._session)
        title = session.title if session else ""
        stem = f"{self._session}-{snap.round.id}"
        self.files = {
            f"{stem}.csv": exports.round_csv(snap),
            f"{stem}.xlsx": exports.round_xlsx(snap),
            f"{stem}-restitution.html": exports.restitution_html(
                snap, session_title=title).encode("utf-8"),
            f"{stem}-restitution.md": exports.restitution_markdown(
                snap, session_title=title).encode("utf-8"),
            f"{self._session}-sauvegarde.json": backup_json(
                self._store, self._session).encode("utf-8"),
        }
        labels = [(tb.EXPORT_CSV, "text/csv", "cp-download-csv"),
                  (tb.EXPORT_XLSX, XLSX_MIME, "cp-download-xlsx"),
                  (tb.EXPORT_HTML, "text/html", "cp-download-html"),
                  (tb.EXPORT_MD, "text/markdown", "cp-download-md"),
                  (tb.EXPORT_JSON, "application/json", "cp-download-json")]
        links = [download_link(payload, name, mime, label, css)
                 for (name, payload), (label, mime, css) in zip(self.files.items(), labels,
                                                                strict=True)]
        self._links.value = "<ul>" + "".join(f"<li>{link}</li>" for link in links) + "</ul>"
        self._notice.show(tb.EXPORT_READY, "succes")

    @trainer_only()
    def _on_import(self, _b: w.Button) -> None:
        if not self._upload.value:
            raise InputError(tb.IMPORT_BAD.format(reason=tb.IMPORT_NO_FILE))
        content = bytes(self._upload.value[0]["content"])
        session = restore_backup(self._store, content)
        self.done(tb.IMPORT_DONE.format(code=session.code, count=len(
            self._store.list_records(session.code))))

    def prepare(self) -> None:
        """Press « Préparer les fichiers »."""
        self._prepare.click()
