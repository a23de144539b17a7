"""The rule registry: every rule with its id, the article it rests on and its evidence tag, by regime.

A rule is a plain function ``fn(ctx) -> None | (ok, message_vi, message_en[, evidence])``: ``None``
when it does not apply to the case, ``ok`` True / False / None (needs check). The decorator records
where it applies (awards, subject kinds, achievement kinds, regimes) so the engine can precompute,
once per (regime, award, subject kind, achievement kind), the short list of rules to run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tdkt.rules.regimes import REGIMES

# Stages order the run: later rules read what earlier ones noted on the context (e.g. an initiative
# that was needed but already used elsewhere).
PRECONDITION, CRITERIA, COMMON, PROCEDURE, MONEY = 0, 1, 2, 3, 4


class Rule:
    __slots__ = ("id", "family", "fn", "awards", "subjects", "kinds", "law", "params", "summary", "stage",
                 "index", "enabled")

    def __init__(self, id, family, fn, awards, subjects, kinds, law, params, summary, stage, index, enabled=None):
        self.id = id
        self.family = family
        self.fn = fn
        self.awards = awards
        self.subjects = subjects
        self.kinds = kinds
        self.law = law
        self.params = params
        self.summary = summary
        self.stage = stage
        self.index = index
        # enabled(params, regime, award, subject, kind) -> bool, decided when the plan is built: a rule
        # that could only ever answer "not applicable" for this plan (e.g. a quota the regime does not
        # have) is left out, so the batch does not pay for calling it.
        self.enabled = enabled

    def applies(self, regime: str, award: str, subject: str, kind: str) -> bool:
        return (regime in self.law
                and (self.awards is None or award in self.awards)
                and (self.subjects is None or subject in self.subjects)
                and (self.kinds is None or kind in self.kinds))


RULES: list[Rule] = []
_IDS: set[str] = set()


def _expand(law: dict) -> dict[str, tuple[str, str]]:
    out = {}
    for regimes, value in law.items():
        for regime in ((regimes,) if isinstance(regimes, str) else regimes):
            if regime not in REGIMES:
                raise ValueError(f"unknown regime {regime}")
            out[regime] = value
    return out


def rule(id: str, *, law: dict, summary: str, awards: Iterable[str] | None = None,
         subjects: Iterable[str] | None = None, kinds: Iterable[str] | None = None,
         params: Iterable[str] = (), stage: int = CRITERIA, enabled: Callable | None = None) -> Callable:
    """Register a rule. ``law`` maps a regime (or a tuple of regimes) to ``(article, evidence)``;
    the rule runs only in those regimes. ``params`` may use ``{award}`` for per-award keys."""

    def register(fn):
        if id in _IDS:
            raise ValueError(f"duplicate rule id {id}")
        _IDS.add(id)
        RULES.append(Rule(id, fn.__module__.rsplit(".", 1)[-1], fn,
                          frozenset(awards) if awards is not None else None,
                          frozenset(subjects) if subjects is not None else None,
                          frozenset(kinds) if kinds is not None else None,
                          _expand(law), tuple(params), summary, stage, len(RULES), enabled))
        return fn

    return register
