"""Significance of network findings: QAP, MRQAP, CUG and E–I permutation tests.

- :func:`qap_correlation`: graph correlation of two networks with QAP p-values;
- :func:`qap_regression`: multiple regression on dyads (linear or logistic) with
  double semi-partialling (default) or y-permutation p-values;
- :func:`cug_test`: conditional uniform graph test of a network-level figure;
- :func:`ei_test`: the E–I index with a permutation test of the group labels;
- :func:`comembership`, :func:`same`, :func:`difference`: dyadic covariates from
  affiliations and actor attributes, as predictors.

Every test takes a :class:`quartiernetz.Network`, a networkx graph or a square
matrix (DataFrame labelled by actor, or numpy array), draws its permutations from
``seed`` (an int or a numpy Generator) and returns a DataFrame with documented
columns. The tests work on dyad vectors in pure numpy: a permutation moves index
arrays, never a matrix. See the user guide page "Significance" for what each test
assumes.
"""

from .cug import CONDITIONING, STATISTICS, cug_test
from .dyadic import comembership, difference, same
from .ei import ei_test
from .qap import FAMILIES, METHODS, qap_correlation, qap_regression

__all__ = [
    "qap_correlation",
    "qap_regression",
    "cug_test",
    "ei_test",
    "comembership",
    "same",
    "difference",
    "METHODS",
    "FAMILIES",
    "STATISTICS",
    "CONDITIONING",
]
