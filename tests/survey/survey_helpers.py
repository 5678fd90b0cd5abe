"""Helpers for the survey tests (imported by the test modules)."""

from __future__ import annotations

__all__ = ["ties_of", "expand"]


def ties_of(net) -> list[tuple]:
    """The reports as sorted (row, source, target, relation, intensity) tuples."""
    t = net.ties
    assert (t["reported_by"] == t["source"]).all()
    return sorted(
        (int(r), s, g, rel, float(x))
        for r, s, g, rel, x in zip(
            t["row"], t["source"], t["target"], t["relation"], t["intensity"], strict=True
        )
    )


def expand(spec: dict[int, tuple[str, str, dict[str, float]]]) -> list[tuple]:
    """Expected ties from {row: (source, relation, {target: intensity})} (several per row ok)."""
    out = []
    for row, items in spec.items():
        for source, relation, targets in items:
            for target, x in targets.items():
                out.append((row, source, target, relation, float(x)))
    return sorted(out)
