"""The sample data sets shipped in ``data/``: a fictitious Régie de quartier to practise on."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from companion.core.config import content_dir
from companion.core.errors import DataError
from companion.owndata.loading import read_table
from companion.texts import owndata as tl


def data_dir() -> Path:
    """Return the directory of the course data (``data/`` beside the package)."""
    return content_dir()


def load_sample(name: str = "exemple_regie") -> dict[str, pd.DataFrame]:
    """Read every CSV table of a sample data set.

    Parameters
    ----------
    name : str
        Directory of the data set in ``data/`` (« exemple_regie » by default).

    Returns
    -------
    dict of str to pandas.DataFrame
        One table per file, keyed by the file name without ``.csv`` (« ventes », « sorties »…).
    """
    folder = data_dir() / name
    files = sorted(folder.glob("*.csv")) if folder.is_dir() else []
    if not files:
        available = sorted(p.name for p in data_dir().iterdir() if p.is_dir())
        raise DataError(tl.SAMPLE_UNKNOWN.format(name=name,
                                                 available=", ".join(available) or tl.NONE))
    return {path.stem: read_table(path) for path in files}
