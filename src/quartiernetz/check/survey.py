"""The factors a network cannot show: a proposed survey item each, and the mean and
spread of self-assessment answers where a survey asked them."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..i18n import Text
from ._common import Context, Finding, fmt, not_measurable

__all__ = ["self_assessment", "FACTOR_PREFIX"]

#: Actor columns ``factor:<id>`` hold self-assessment answers for factor ``<id>``.
FACTOR_PREFIX = "factor:"


def self_assessment(ctx: Context, factor: str) -> Finding:
    """Mean and spread of the answers to the self-assessment item of ``factor``.

    Answers are in the actor column ``factor:<id>`` (numbers; higher = more
    agreement), the scale in ``net.meta['factor_scales'][<id>]`` as
    ``(lowest, highest)``. ``value`` is the mean; strength when it lies above
    the scale's midpoint, watch at or below it. Without answers: not measurable,
    with the proposed survey item in ``ask``.
    """
    col = FACTOR_PREFIX + factor
    reason = Text(
        "network data cannot show this; no self-assessment item (actor column {c})",
        "Netzwerkdaten zeigen das nicht; kein Selbsteinschätzungs-Item (Akteursspalte {c})",
    ).format(c=col)
    if col not in ctx.actors.columns:
        return not_measurable(reason)
    answers = pd.to_numeric(ctx.actors[col], errors="coerce").dropna()
    if answers.empty:
        return not_measurable(reason)
    scales = ctx.net.meta.get("factor_scales") or {}
    scale = scales.get(factor)
    mean = float(answers.mean())
    sd = float(answers.std(ddof=1)) if len(answers) > 1 else 0.0
    if scale is None or len(scale) != 2:
        low, high = float(answers.min()), float(answers.max())
        known = False
    else:
        low, high = float(scale[0]), float(scale[1])
        known = True
    evidence = Text(
        "answers: {n}, mean {m}, standard deviation {s}",
        "Antworten: {n}, Mittelwert {md}, Standardabweichung {sd}",
    ).format(n=len(answers), m=fmt(mean), md=fmt(mean, "de"), s=fmt(sd), sd=fmt(sd, "de"))
    if not known:
        return Finding(
            mean,
            "not measurable",
            Text(
                "the answers' scale is not known (net.meta['factor_scales'])",
                "die Skala der Antworten ist unbekannt (net.meta['factor_scales'])",
            ),
            evidence,
            scale=(low, high) if high > low else (low, low + 1),
            details={"n": len(answers), "sd": sd},
            unit="mean",
        )
    mid = (low + high) / 2
    rule = Text(
        "the scale's midpoint {m} (scale {lo} to {hi}): above it, agreement prevails",
        "die Mitte der Skala {md} (Skala {lo} bis {hi}): darüber überwiegt Zustimmung",
    ).format(m=fmt(mid, "en", 1), md=fmt(mid, "de", 1), lo=f"{low:g}", hi=f"{high:g}")
    return Finding(
        mean,
        "strength" if mean > mid and not math.isclose(mean, mid) else "watch",
        rule,
        evidence,
        reference_value=mid,
        scale=(low, high),
        details={"n": len(answers), "sd": sd, "answers": np.asarray(answers)},
        unit="mean",
    )
