"""The steps of the survey reader, one module each, run in this order.

========================= =====================================================
module                    step (input -> output)
========================= =====================================================
:mod:`.common`            :class:`~.common.SurveyContext` (what every step
                          reads: export, roster, codebook, options, record) and
                          the :class:`~.common.Question` of a network relation
:mod:`.detect`            detect the tool; path -> :class:`~.common.SurveyContext`
:mod:`.rosters`           the roster given or made from the export
:mod:`.classify`          header columns -> :class:`~.classify.Columns`
                          (matrix and name-generator questions)
:mod:`.questions`         respondent column, checklists, identifying columns
                          and relations -> :class:`~.questions.Layout`
:mod:`.rows`              the rows that count -> :class:`~.rows.Selection`
:mod:`.values`            answer cells -> intensities (:class:`~.values.ValueMapper`)
:mod:`.answers`           cells of the selected rows -> :class:`~.answers.Answers`
:mod:`.factors`           self-assessment items (codebook role ``factor:<id>``)
                          -> :class:`~.factors.FactorAnswers` -> actor columns
:mod:`.typed_names`       typed partner names -> :class:`~.typed_names.NameMatch`
:mod:`.reconcile`         ties, roster and figures -> the network

========================= =====================================================

Row problems (unknown or empty respondents, answers outside the codebook) are
collected in one :class:`~quartiernetz.io.assemble.Problems` by the row and
answer steps and raised together (see :func:`quartiernetz.io.survey.read_survey`).

The package is internal to :mod:`quartiernetz.io.survey`; its names are public
within the survey package only (this package's name starts with an underscore).
"""
