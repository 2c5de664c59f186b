"""Applying the rules' fixes to a cable's text until it stops changing.

``fix_text`` lints, applies every applicable fix whose edits do not overlap an earlier one,
and lints again, up to ``MAX_PASSES`` times. Safe fixes only, unless ``unsafe`` is set.

Guarantees kept here, whatever a rule's fix says:

* A pass is kept only if it leaves the classification markings alone: the banner levels,
  the level of every portion mark (SUBJECT and paragraphs, in order), the captions and the
  reason letters. A pass that would change them is retried fix by fix and the offending
  fixes are dropped. Captions are compared as names, so splitting a shared caption line
  or deleting a repeated ``SIPDIS`` keeps them; adding a caption the portions require
  (``NOFORN``, ``SENSITIVE``) is an unsafe fix, allowed with ``unsafe`` only, and no fix
  may remove or alter one.
* A pass is kept only if the text parses at least as well as before (no more E001).
* Text outside the edits is untouched; a line break inserted by a fix takes the file's
  line ending (CRLF stays CRLF).
* Fixes that undo each other (after two passes the same fixable findings are back) make
  the loop go back to the text where the swing began and stop, so a second run stops
  there too: fixing stays idempotent, and the result says it did not converge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import reasons
from .build import build_cable
from .markings import caption_area
from .config import Settings
from .diagnostics import Diagnostic, Edit
from .engine import lint_text

MAX_PASSES = 10


@dataclass(frozen=True, slots=True)
class AppliedFix:
    """A finding whose fix was applied (its place is in the text before that pass)."""

    diagnostic: Diagnostic
    pass_number: int

    @property
    def description(self) -> str:
        return self.diagnostic.fix.description


@dataclass(slots=True)
class FixResult:
    """The fixed text, the fixes applied, and the findings that remain in the fixed text."""

    original: str
    text: str
    applied: list[AppliedFix] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)
    converged: bool = True

    @property
    def changed(self) -> bool:
        return self.text != self.original


@dataclass(frozen=True, slots=True)
class Markings:
    """What no fix may change: banner levels, portion-mark levels, captions, reason letters."""

    banners: tuple[str, ...]
    portion_levels: tuple[str, ...]
    captions: frozenset[str]
    reason_letters: frozenset[str]

    def kept_in(self, after: "Markings", *, unsafe: bool) -> bool:
        """True if ``after`` keeps every marking; an unsafe fix may add a caption, no more."""
        if (after.banners, after.portion_levels, after.reason_letters) != (
                self.banners, self.portion_levels, self.reason_letters):
            return False
        if unsafe:
            return self.captions <= after.captions
        return self.captions == after.captions


def markings(text: str) -> Markings:
    """The markings of a cable's text (captions as names: a repeat or a line split is no change)."""
    cable = build_cable(text)
    banners = tuple(banner.level for banner in cable.banners)
    marks = [subject.portion_mark.level for subject in cable.subjects if subject.portion_mark]
    marks += [p.portion_mark.level for p in cable.paragraphs if p.portion_mark]
    captions = frozenset(token.name for token in caption_area(cable).tokens
                         if token.kind == "caption")
    block = reasons.classified_by(cable)
    reason = block.reason if block is not None else None
    letters = frozenset(letter.lower() for letter in reason.letter_values) if reason else frozenset()
    return Markings(banners, tuple(marks), captions, letters)


def _syntax_errors(diagnostics: list[Diagnostic]) -> int:
    return sum(1 for d in diagnostics if d.code == "E001")


def line_ending(text: str) -> str:
    return "\r\n" if text.count("\r\n") * 2 > text.count("\n") else "\n"


def apply_edits(text: str, edits: list[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied; inserted line breaks match the text's."""
    newline = line_ending(text)
    pieces, position = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        replacement = edit.replacement
        if newline == "\r\n":
            replacement = re.sub(r"(?<!\r)\n", "\r\n", replacement)
        pieces += [text[position:edit.start], replacement]
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def _choose(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """Fixable findings whose edits overlap no earlier chosen edit, in text order."""
    chosen, taken = [], []
    candidates = [d for d in diagnostics
                  if d.fix is not None and d.fix.edits and (d.fix.safe or unsafe)]
    candidates.sort(key=lambda d: (min(e.start for e in d.fix.edits), d.code))
    for diagnostic in candidates:
        edits = sorted(diagnostic.fix.edits, key=lambda e: (e.start, e.end))
        if any(a.end > b.start for a, b in zip(edits, edits[1:])):
            continue  # a fix whose own edits overlap is not applied
        if any(e.start < t.end and t.start < e.end or (e.start == e.end == t.start == t.end)
               for e in edits for t in taken):
            continue
        chosen.append(diagnostic)
        taken += edits
    return chosen


def _pending(diagnostics: list[Diagnostic], unsafe: bool) -> frozenset:
    """The fixable findings, by code and message (their lines move as fixes apply)."""
    return frozenset((d.code, d.message) for d in _choose(diagnostics, unsafe))


def _acceptable(after: str, guard: Markings, errors: int, settings: Settings, path: str,
                unsafe: bool) -> tuple[bool, list[Diagnostic]]:
    if not guard.kept_in(markings(after), unsafe=unsafe):
        return False, []
    diagnostics = lint_text(after, path=path, config=settings)
    return _syntax_errors(diagnostics) <= errors, diagnostics


def fix_text(text: str, *, path: str = "<text>", config: Settings | None = None,
             unsafe: bool = False, max_passes: int = MAX_PASSES) -> FixResult:
    """Apply fixes until the text stops changing (or ``max_passes``); see the module doc."""
    settings = config or Settings()
    result = FixResult(original=text, text=text)
    diagnostics = lint_text(text, path=path, config=settings)
    guard = markings(text)
    errors = _syntax_errors(diagnostics)
    # each state reached: its text, its fixable findings, the fixes applied, its diagnostics
    history = [(text, _pending(diagnostics, unsafe), 0, diagnostics)]
    for number in range(1, max_passes + 1):
        chosen = _choose(diagnostics, unsafe)
        if not chosen:
            break
        current = result.text
        accepted = []
        after = apply_edits(current, [e for d in chosen for e in d.fix.edits])
        ok, next_diagnostics = _acceptable(after, guard, errors, settings, path, unsafe)
        if ok:
            accepted = chosen
        else:  # find the fixes that break a guarantee, one by one, and leave them out
            accepted = [d for d in chosen
                        if _acceptable(apply_edits(current, list(d.fix.edits)), guard,
                                       errors, settings, path, unsafe)[0]]
            after = apply_edits(current, [e for d in accepted for e in d.fix.edits])
            ok, next_diagnostics = _acceptable(after, guard, errors, settings, path, unsafe)
            if not ok or not accepted:
                break
        if after == current:
            break
        pending = _pending(next_diagnostics, unsafe)
        if len(history) >= 2 and pending == history[-2][1]:
            # fixes that undo each other: go back to where the swing began and stop there
            result.text, _, count, diagnostics = history[-2]
            del result.applied[count:]
            result.converged = False
            break
        result.applied += [AppliedFix(d, number) for d in accepted]
        history.append((after, pending, len(result.applied), next_diagnostics))
        result.text = after
        diagnostics = next_diagnostics
    else:
        result.converged = not _choose(diagnostics, unsafe)
    result.remaining = diagnostics
    return result
