"""The trainer's projector views of the diagnosis: the AFOM grid and the actors' map in plotly.

Built in the trainer's area only (``DiagnosisPage.build_trainer``): pandas and plotly load when
the trainer unlocks it, never in a participant's kernel, whose page shows the same data as
HTML (:mod:`companion.diagnosis.views`).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from companion.content.diagnosis import DiagnosticContent, diagnostic_content
from companion.diagnosis import afom, stakeholders
from companion.store import Store
from companion.texts import diagnosis as td
from companion.widgets.base import FigureView


class ProjectionPanel(w.VBox):
    """The AFOM grid in large type and the power × interest chart, for the projector."""

    def __init__(self, store: Store, session: str, content: DiagnosticContent | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self._content = content or diagnostic_content()
        self.afom = FigureView()
        self.afom.add_class("cp-projection-afom")
        self.actors = FigureView()
        self.actors.add_class("cp-projection-actors")
        self.add_class("cp-diagnosis-projection")
        self.children = (w.HTML(f"<h3>{td.PROJECTION_TITLE}</h3>"), self.afom, self.actors)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the grid and the actors and redraw both charts."""
        from companion.charts.diagnosis import afom_figure, mendelow_figure

        self.afom.show(afom_figure(afom.items(self._store, self._session)))
        frame = stakeholders.actors_frame(stakeholders.actors(self._store, self._session),
                                          self._content.steps)
        self.actors.show(mendelow_figure(frame))
