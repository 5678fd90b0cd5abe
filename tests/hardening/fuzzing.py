"""Hypothesis profiles for the fuzz tests and the check every fuzzed result must pass.

Profiles (chosen with the environment variable ``QUARTIERNETZ_FUZZ``):

``ci`` (default)
    40 examples per reader, derandomised (the same examples in every run), no
    deadline, no example database: the whole fuzz suite runs in about a minute.
``long``
    10,000 examples per reader, random, no deadline: run once before a release::

        QUARTIERNETZ_FUZZ=long pytest tests/hardening -k fuzz

``QUARTIERNETZ_FUZZ_EXAMPLES=n`` sets the examples per reader of either profile.

The profiles are applied to the fuzz tests only (:func:`fuzz_settings`), not
loaded for the whole session, so other property tests keep their own settings.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Callable
from typing import Any

import networkx as nx
import pandas as pd
from hypothesis import HealthCheck, settings

from quartiernetz import Network
from quartiernetz.exceptions import QuartiernetzError

__all__ = ["PROFILE", "fuzz_settings", "check_network", "read_or_refuse"]

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=10_000,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: The active profile's name: QUARTIERNETZ_FUZZ, default "ci".
PROFILE = os.environ.get("QUARTIERNETZ_FUZZ", "ci")
if PROFILE not in ("ci", "long"):
    raise RuntimeError(f"QUARTIERNETZ_FUZZ must be 'ci' or 'long', not {PROFILE!r}")


def fuzz_settings(**overrides: Any) -> settings:
    """The active profile, with ``overrides`` (e.g. fewer examples for a slow reader)."""
    if PROFILE == "long":
        overrides.pop("max_examples", None)
    if os.environ.get("QUARTIERNETZ_FUZZ_EXAMPLES"):
        overrides["max_examples"] = int(os.environ["QUARTIERNETZ_FUZZ_EXAMPLES"])
    return settings(settings.get_profile(PROFILE), **overrides)


def check_network(net: Network) -> None:
    """Fail unless ``net`` is a well-formed network (what every reader promises)."""
    assert isinstance(net, Network)
    ids = net.actors.index
    assert ids.is_unique
    assert all(isinstance(i, str) and i for i in ids), "actor ids are non-empty text"
    known = set(ids)
    ties = net.ties
    for c in ("source", "target", "relation", "intensity"):
        assert c in ties.columns
    assert set(ties["source"]) <= known and set(ties["target"]) <= known
    assert not (ties["source"] == ties["target"]).any(), "self-ties are dropped"
    assert all(isinstance(x, float) and math.isfinite(x) and x >= 0 for x in ties["intensity"])
    assert all(isinstance(r, str) and r for r in ties["relation"])
    aff = net.affiliations
    assert set(aff["actor"]) <= known
    assert all(isinstance(i, str) and i for i in aff["item"])
    assert isinstance(net.directed, bool)
    G = net.to_networkx()
    assert isinstance(G, nx.Graph) and G.number_of_nodes() == len(ids)
    net.describe()
    assert isinstance(net.record.to_frame(), pd.DataFrame)
    str(net.record)
    repr(net)


def read_or_refuse(read: Callable[[], Network]) -> Network | QuartiernetzError:
    """Call ``read``: a well-formed network or a QuartiernetzError; anything else fails."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            net = read()
        except QuartiernetzError as err:
            assert str(err), "the error has a message"
            return err
    check_network(net)
    return net
