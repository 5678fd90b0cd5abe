"""The look of quartiernetz figures: colour-blind-safe colours, sectors, fonts, saving.

Colours come from the Okabe–Ito palette (fixed per sector, so the municipality
is blue in every figure of every report) and Paul Tol's *muted* scheme (for
communities and other categories). Actor types are grouped into sectors; within
a sector, types are told apart by marker shape, because no palette keeps more
than about eight colours apart for readers with colour-vision deficiencies.

Figures are saved with :func:`save_figure`, which writes PNG and SVG without
time stamps or random ids, so the same figure gives the same bytes.

References
----------
.. [1] Okabe, M., & Ito, K. (2008). Color Universal Design (CUD): how to make
   figures and presentations that are friendly to colorblind people.
   https://jfly.uni-koeln.de/color/
.. [2] Tol, P. (2021). Colour schemes. SRON technical note SRON/EPS/TN/09-002.
   https://personal.sron.nl/~pault/
"""

from __future__ import annotations

import io
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..i18n import Text
from ..words.figures import SECTOR_NAMES, figure_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "OKABE_ITO",
    "TOL_MUTED",
    "SECTORS",
    "SECTOR_COLORS",
    "MARKERS",
    "RC",
    "sector_of",
    "sector_label",
    "category_colors",
    "type_styles",
    "style",
    "save_figure",
    "text",
]

#: The Okabe–Ito palette (orange, sky blue, bluish green, yellow, blue, vermillion,
#: reddish purple, black).
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
#: Paul Tol's muted scheme (nine colours), for categories without a fixed colour.
TOL_MUTED = (
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
)
#: Grey for "other" and missing values.
GREY = "#9A9A9A"

#: The sectors, in drawing order, with their German and English names
#: (:data:`quartiernetz.words.figures.SECTOR_NAMES`).
SECTORS: dict[str, dict[str, str]] = SECTOR_NAMES

#: One fixed Okabe–Ito colour per sector.
SECTOR_COLORS: dict[str, str] = {
    "municipality": "#0072B2",
    "welfare": "#D55E00",
    "education": "#E69F00",
    "civil_society": "#009E73",
    "religion": "#CC79A7",
    "business": "#56B4E9",
    "other": GREY,
}

#: Marker shapes telling apart the types within one sector.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "p", "h", "<", ">", "*")

# exact type names (casefolded) -> sector
_EXACT = {
    "quartiersmanagement": "municipality",
    "quarter management": "municipality",
    "jobcenter": "municipality",
    "polizei": "municipality",
    "mehrgenerationenhaus": "welfare",
    "familienzentrum": "welfare",
    "stadtteilzentrum": "welfare",
    "nachbarschaftszentrum": "welfare",
    "tafel": "civil_society",
    "ehrenamt": "civil_society",
}
# keyword rules, tried in this order (casefolded substring match)
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "religion",
        (
            "kirch",
            "pfarr",
            "moschee",
            "synagog",
            "relig",
            "glaube",
            "church",
            "mosque",
            "parish",
            "faith",
        ),
    ),
    (
        "education",
        (
            "schule",
            "kita",
            "kindergarten",
            "kindertages",
            "krippe",
            "bibliothek",
            "bücherei",
            "hochschule",
            "universit",
            "bildung",
            "school",
            "library",
            "education",
            "day care",
            "daycare",
            "nursery",
            "college",
        ),
    ),
    (
        "welfare",
        (
            "wohlfahrt",
            "sozial",
            "awo",
            "caritas",
            "diakon",
            "paritä",
            "drk",
            "beratung",
            "pflege",
            "jugendeinrichtung",
            "jugendzentrum",
            "jugendhilfe",
            "jugendtreff",
            "jugendclub",
            "mehrgeneration",
            "welfare",
            "social",
            "youth",
            "counselling",
            "care",
        ),
    ),
    (
        "business",
        (
            "unternehmen",
            "firma",
            "gmbh",
            "wirtschaft",
            "handel",
            "gewerbe",
            "wohnung",
            "bank",
            "sparkasse",
            "apothek",
            "business",
            "company",
            "housing",
            "retail",
            "enterprise",
            "shop",
        ),
    ),
    (
        "civil_society",
        (
            "verein",
            "initiative",
            "ehrenamt",
            "bürger",
            "bewohner",
            "nachbarschaft",
            "selbsthilfe",
            "sport",
            "club",
            "association",
            "civil",
            "volunteer",
            "resident",
            "ngo",
        ),
    ),
    (
        "municipality",
        (
            "kommun",
            "stadt",
            "amt",
            "verwaltung",
            "behörde",
            "kreis",
            "bezirk",
            "rathaus",
            "gemeinde",
            "municipal",
            "city",
            "council",
            "authority",
            "government",
            "police",
            "public",
        ),
    ),
)


#: C0 and C1 control characters other than tab, newline and carriage return.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def visible_text(text: str) -> str:
    """``text`` with control characters (which fonts cannot draw and HTML forbids)
    replaced by U+FFFD, so that their presence stays visible.

    Examples
    --------
    >>> visible_text("AWO\x07 Treff")
    'AWO\ufffd Treff'
    """
    return CONTROL_CHARACTERS.sub("\ufffd", text)


def sector_of(actor_type: object) -> str:
    """The sector an actor type belongs to (a key of :data:`SECTORS`).

    Exact names are looked up first, then a type ending in "amt" (Jugendamt,
    Sozialamt) or naming the administration counts as municipality, then
    keywords decide in the order religion, education, welfare, business, civil
    society, municipality. Anything else is ``"other"``.

    Examples
    --------
    >>> [sector_of(t) for t in ["Kommune", "Sozialamt", "Wohlfahrtsverband", "Kita",
    ...                         "Kirche", "Verein", "Unternehmen", "Zirkus", None]]
    ['municipality', 'municipality', 'welfare', 'education', 'religion',
     'civil_society', 'business', 'other', 'other']
    """
    if actor_type is None or (isinstance(actor_type, float) and actor_type != actor_type):
        return "other"
    if actor_type is pd.NA:
        return "other"
    t = str(actor_type).strip().casefold()
    if not t:
        return "other"
    if t in _EXACT:
        return _EXACT[t]
    if t.endswith("amt") or "verwaltung" in t or "behörde" in t:
        return "municipality"
    for sector, words in _RULES:
        if any(w in t for w in words):
            return sector
    return "other"


def sector_label(sector: str, lang: str = "en") -> str:
    """The display name of a sector key (the key itself for user-defined sectors).

    Examples
    --------
    >>> sector_label("civil_society", "de")
    'Zivilgesellschaft'
    """
    return SECTORS[sector][lang] if sector in SECTORS else str(sector)


def category_colors(values: Iterable[Any], *, max_colors: int = 9) -> dict[Any, str]:
    """A deterministic colour for each category: the most frequent first, ties by name.

    The first ``max_colors`` categories get Paul Tol's muted colours; the rest,
    and missing values, are grey.

    Examples
    --------
    >>> category_colors(["b", "a", "b", "c"], max_colors=2)
    {'b': '#332288', 'a': '#88CCEE', 'c': '#9A9A9A'}
    """
    counts = pd.Series(list(values), dtype=object).value_counts(dropna=True)

    def key(v: Any) -> tuple:
        numeric = isinstance(v, int | float | np.number) and not isinstance(v, bool)
        return (-int(counts[v]), 0 if numeric else 1, float(v) if numeric else 0.0, str(v))

    order = sorted(counts.index, key=key)
    n = min(max_colors, len(TOL_MUTED))
    return {v: (TOL_MUTED[i] if i < n else GREY) for i, v in enumerate(order)}


def type_styles(
    types: Iterable[Any],
    *,
    sectors: Mapping[Any, str] | None = None,
) -> pd.DataFrame:
    """Colour (by sector) and marker (by type within the sector) for each actor type.

    Parameters
    ----------
    types : iterable
        The actor types (repetitions allowed; missing values become ``None``).
    sectors : mapping, optional
        Type -> sector, overriding :func:`sector_of`. A sector that is not a key of
        :data:`SECTORS` is drawn grey and named as given.

    Returns
    -------
    pandas.DataFrame
        Indexed by type, sorted by sector (in :data:`SECTORS` order) and type;
        columns ``sector``, ``color``, ``marker``, ``count``.

    Examples
    --------
    >>> type_styles(["Kita", "Schule", "Kommune", "Schule"])
    sector   color marker  count
    type
    Kommune  municipality  #0072B2      o      1
    Kita        education  #E69F00      o      1
    Schule      education  #E69F00      s      2
    """
    vals = [
        None if (v is None or v is pd.NA or (isinstance(v, float) and v != v)) else v for v in types
    ]
    counts: dict[Any, int] = {}
    for v in vals:
        counts[v] = counts.get(v, 0) + 1
    order = list(SECTORS)
    rows = []
    for t, c in counts.items():
        s = sectors.get(t, sector_of(t)) if sectors is not None else sector_of(t)
        rows.append((t, s, c))
    rows.sort(
        key=lambda r: (
            order.index(r[1]) if r[1] in order else len(order),
            str(r[1]),
            r[0] is None,
            str(r[0]),
        )
    )
    out, seen = [], {}
    for t, s, c in rows:
        k = seen.get(s, 0)
        seen[s] = k + 1
        out.append(
            {
                "type": t,
                "sector": s,
                "color": SECTOR_COLORS.get(s, GREY),
                "marker": MARKERS[k % len(MARKERS)],
                "count": c,
            }
        )
    # the index is built as object dtype: a frame built from the records would infer
    # pandas 3's str dtype for the type column and turn the missing type None into NaN,
    # which no drawer's lookup by None finds
    index = pd.Index([r["type"] for r in out], dtype=object, name="type")
    return pd.DataFrame(
        [{k: r[k] for k in ("sector", "color", "marker", "count")} for r in out],
        columns=["sector", "color", "marker", "count"],
        index=index,
    )


#: rcParams for every quartiernetz figure (DejaVu Sans ships with matplotlib and has umlauts).
RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9.0,
    "axes.titlesize": 11.0,
    "axes.titleweight": "bold",
    "axes.labelsize": 9.0,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.fontsize": 8.0,
    "legend.title_fontsize": 8.5,
    "legend.frameon": False,
    "xtick.labelsize": 8.0,
    "ytick.labelsize": 8.0,
    "figure.dpi": 100.0,
    "savefig.dpi": 150.0,
    "svg.fonttype": "path",
    # unhinted glyphs, as in the SVG files; hinted, laying out a 29-letter name took 0.49
    # instead of 0.32 ms, and a 528-actor report about 0.3 s longer
    "text.hinting": "no_hinting",
    "svg.hashsalt": "quartiernetz",
    "path.simplify": True,
}


@contextmanager
def style():
    """A context in which matplotlib uses :data:`RC`."""
    with mpl.rc_context(RC):
        yield


def save_figure(
    fig: Figure,
    stem: str | os.PathLike[str],
    *,
    formats: Iterable[str] = ("png", "svg"),
    dpi: float | None = None,
    compress: Callable[[Callable[[], None]], Any] | None = None,
) -> list[Path]:
    """Save ``fig`` as ``stem.png`` and ``stem.svg`` with reproducible bytes.

    PNG files carry no "Software" entry and SVG files no date and fixed ids
    (``svg.hashsalt``), so saving the same figure twice gives identical files.
    PNG files are stored as RGB (the background is opaque white, so the alpha
    channel would carry nothing). Each text is measured once per process, not once per
    file (see :func:`_shared_text_extents`; the files are the same).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    stem : str or path
        The file name without suffix.
    formats : iterable of str, default ("png", "svg")
    dpi : float, optional
        Default: :data:`RC`'s ``savefig.dpi``.
    compress : callable, optional
        Receives a function without arguments that compresses and writes the
        PNG file. Default: it is called at once. The report submits it to a
        thread instead (Pillow's encoder releases the GIL, so it runs while the
        next figure is drawn); the file exists once that function has run.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([0, 1], [0, 1])
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> a = [p.read_bytes() for p in save_figure(fig, folder / "one")]
    >>> b = [p.read_bytes() for p in save_figure(fig, folder / "two")]
    >>> a == b
    True
    >>> plt.close(fig)
    """
    if compress is None:
        compress = _at_once
    stem = Path(stem)
    paths = []
    for text in _drawn_texts(fig):
        shown = text.get_text()
        if shown and CONTROL_CHARACTERS.search(shown):
            text.set_text(visible_text(shown))
    with mpl.rc_context(RC), _shared_text_extents():
        # the tight box once for all formats (``bbox_inches="tight"`` would draw once more
        # per file)
        # measured at the resolution saved (text extents change a little with it)
        dpi_used = float(dpi or RC["savefig.dpi"])
        dpi_before = fig.dpi
        fig.set_dpi(dpi_used)
        try:
            bbox = fig.get_tightbbox(fig.canvas.get_renderer()).padded(0.15)
        finally:
            fig.set_dpi(dpi_before)
        for fmt in formats:
            path = stem.with_suffix("." + fmt)
            if fmt == "png":
                # rendered here as raw RGBA pixels (no PNG filtering and checksums to write
                # here and undo in ``compress``), which ``compress`` writes as PNG; the
                # canvas is the box's size in whole pixels, as matplotlib sizes it
                target: Any = io.BytesIO()
                fig.savefig(target, format="rgba", dpi=dpi, bbox_inches=bbox, facecolor="white")
                size = (int(bbox.width * dpi_used), int(bbox.height * dpi_used))
                compress(partial(_write_png, target.getbuffer(), size, dpi_used, path))
            else:
                fig.savefig(
                    path,
                    format=fmt,
                    dpi=dpi,
                    metadata=_NO_STAMPS.get(fmt, {}),
                    bbox_inches=bbox,
                    facecolor="white",
                )
            paths.append(path)
    return paths


#: The most text extents :func:`_shared_text_extents` keeps (the least recently used go
#: first); a per-house report measured about 85 texts its earlier reports did not have.
_TEXT_EXTENTS_KEPT = 8192

# (kind, renderer class, resolution, text, font properties, _extent_settings()) ->
# (width, height, descent)
_text_extents: OrderedDict[tuple[Any, ...], tuple[float, float, float]] = OrderedDict()

# guards the table, the depth below and the swapping of the methods (figures saved from
# several threads)
_extents_lock = threading.RLock()

# depth of nested _shared_text_extents() contexts (the methods are swapped by the outermost)
_sharing = [0]
# the classes whose method the outermost context swapped, with their own method
_swapped: list[tuple[type, Callable[..., Any]]] = []
# the rcParams in the key (every font.* and text.* of this matplotlib), found once
_extent_names: list[str] = []


def _extent_settings() -> tuple[Any, ...]:
    """What a plain text's extent depends on besides the text, its FontProperties, the
    resolution and the renderer: every ``font.*`` and ``text.*`` rcParam (the font
    files searched and their fallbacks, hinting and its factor, kerning; whichever this
    matplotlib has) and the font manager's state (a font registered with ``addfont``
    changes which file a family finds)."""
    from matplotlib import font_manager

    rc = mpl.rcParams
    if not _extent_names:
        _extent_names.extend(sorted(k for k in rc if k.startswith(("font.", "text."))))
    manager = font_manager.fontManager
    values = tuple(
        tuple(v) if isinstance(v, list) else v
        for v in map(dict.__getitem__, repeat(rc), _extent_names)
    )
    return values, id(manager), len(manager.ttflist), len(manager.afmlist)


def _remembered(kind: str, measure: Callable[..., Any]) -> Callable[..., Any]:
    """``measure`` (a ``get_text_width_height_descent`` method) answering repeats from
    :data:`_text_extents`; mathtext and TeX are measured as before."""

    def get_text_width_height_descent(self: Any, s: Any, prop: Any, ismath: Any) -> Any:
        if ismath is not False or not isinstance(s, str):
            return measure(self, s, prop, ismath)
        key = (
            kind,
            type(self),  # a subclass may measure otherwise
            getattr(self, "dpi", None),
            s,
            prop.copy(),  # the text's own may change later
            _extent_settings(),
        )
        with _extents_lock:
            found = _text_extents.get(key)
            if found is not None:
                _text_extents.move_to_end(key)
                return found
        found = measure(self, s, prop, ismath)
        with _extents_lock:
            _text_extents[key] = found
            if len(_text_extents) > _TEXT_EXTENTS_KEPT:
                _text_extents.popitem(last=False)
        return found

    return get_text_width_height_descent


@contextmanager
def _shared_text_extents() -> Iterator[None]:
    """A context in which each text is measured once per process.

    matplotlib measures each text (its width, height and descent) once per renderer,
    and every saved file has a new renderer: the tight box, the PNG and the SVG of a
    figure, and every figure of every report, measured the same legend entries and axis
    labels again (about 450 of a per-house report's 540 measurements were repeats; each
    lays the text out with FreeType, 0.07 ms for one letter to 1.7 ms for 82 measured).
    Inside this context the raster renderer (Agg) and the text-to-path converter (SVG)
    answer a repeat from a table shared by all renderers.
    An extent depends only on the text, its font properties, the resolution and the
    settings :func:`_extent_settings` lists, all of them in the table's key, so every
    figure has the same bytes as without it. :func:`save_figure` saves inside it.

    Examples
    --------
    >>> import io
    >>> import matplotlib.pyplot as plt
    >>> def svg(fig):
    ...     target = io.BytesIO()
    ...     fig.savefig(target, format="svg", metadata={"Date": None})
    ...     return target.getvalue()
    >>> with style():  # (fixed SVG ids)
    ...     fig, ax = plt.subplots()
    ...     _ = ax.set_title("Quartier")
    ...     plain = svg(fig)
    ...     with _shared_text_extents():
    ...         shared = [svg(fig), svg(fig)]  # measured, then answered from the table
    >>> shared == [plain, plain]
    True
    >>> plt.close(fig)
    """
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.textpath import TextToPath

    with _extents_lock:
        if _sharing[0] == 0:  # the outermost context swaps them (where this matplotlib has them)
            for owner, kind in ((RendererAgg, "agg"), (TextToPath, "path")):
                measure = owner.__dict__.get("get_text_width_height_descent")
                if measure is not None:
                    _swapped.append((owner, measure))
                    owner.get_text_width_height_descent = _remembered(kind, measure)
        _sharing[0] += 1
    try:
        yield
    finally:
        with _extents_lock:
            _sharing[0] -= 1
            if _sharing[0] == 0:
                for owner, measure in _swapped:
                    owner.get_text_width_height_descent = measure
                _swapped.clear()


def _drawn_texts(fig: Figure) -> Iterator[Any]:
    """The texts of ``fig`` that a saved file can show.

    ``fig.findobj(Text)`` without the axis of axes drawn without one
    (``ax.set_axis_off()``): looking into such an axis creates its tick artists, which no
    file shows (for the figures of a per-house report, 14 instead of 38 ms).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, (a, b) = plt.subplots(1, 2)
    >>> _ = a.set_title("drawn"), b.set_title("drawn too"), b.set_axis_off()
    >>> texts = list(_drawn_texts(fig))
    >>> a.title in texts and b.title in texts and not b.xaxis.majorTicks[0].label1 in texts
    True
    >>> plt.close(fig)
    """
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis

    stack: list[Any] = [fig]
    while stack:
        artist = stack.pop()
        if isinstance(artist, mpl.text.Text):
            yield artist
        children = artist.get_children()
        if isinstance(artist, Axes) and not artist.axison:
            children = [c for c in children if not isinstance(c, Axis)]
        stack.extend(children)


#: Metadata entries left out of saved files, so that they carry no date or version (a PNG
#: is written by :func:`_write_png`, with none).
_NO_STAMPS: dict[str, dict[str, Any]] = {
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def _at_once(job: Callable[[], None]) -> None:
    job()


def _write_png(raw: bytes | memoryview, size: tuple[int, int], dpi: float, path: Path) -> None:
    """Write the RGBA pixels ``raw`` (``size`` wide and high) to ``path`` as PNG.

    As RGB where every pixel is opaque; the PNG holds the pixels and the resolution,
    nothing else (no "Software" entry).
    """
    from PIL import Image

    if len(raw) != 4 * size[0] * size[1]:  # matplotlib sized its canvas otherwise
        raise RuntimeError(f"{len(raw)} bytes of RGBA pixels are not {size[0]} x {size[1]}")
    image = Image.frombuffer("RGBA", size, raw, "raw", "RGBA", 0, 1)
    if image.getextrema()[3] == (255, 255):
        image = image.convert("RGB")
    image.save(path, format="png", dpi=(dpi, dpi))


def text(key: str, lang: str = "en", **values: Any) -> str:
    """A short figure text in German or English (:func:`quartiernetz.words.figures.figure_text`).

    Raises :class:`~quartiernetz.exceptions.AnalysisError` for a ``lang`` other
    than ``"de"`` and ``"en"``; every figure calls it first to check its ``lang``.

    Examples
    --------
    >>> text("competition", "de")
    'Konkurrenz'
    """
    if lang not in ("de", "en"):
        raise AnalysisError(
            Text(
                f"lang must be 'de' or 'en', got {lang!r}",
                f"lang muss 'de' oder 'en' sein, erhalten: {lang!r}",
            )
        )
    return figure_text(key, lang, **values)


def cell_lines(ax: Axes, n_rows: int, n_cols: int, *, linewidth: float) -> None:
    """White lines between the cells of an ``imshow`` grid, where a grid would be.

    Two line collections instead of a minor-tick grid: a tick is five artists (the
    grid was a third of the time to draw the overlap and offer maps).
    """
    xlim, ylim = ax.get_xlim(), ax.get_ylim()
    style = {"colors": "white", "linewidth": linewidth, "zorder": 1.5}  # the grid's zorder
    ax.hlines(np.arange(-0.5, n_rows, 1), -0.5, n_cols - 0.5, **style)
    ax.vlines(np.arange(-0.5, n_cols, 1), -0.5, n_rows - 0.5, **style)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)


def show_empty(ax: Axes, lang: str = "en") -> Axes:
    """Say on ``ax`` that there is nothing to show, hide the axes, and return ``ax``."""
    ax.text(
        0.5,
        0.5,
        text("empty", lang),
        ha="center",
        va="center",
        transform=ax.transAxes,
        color="#555555",
    )
    ax.set_axis_off()
    return ax
