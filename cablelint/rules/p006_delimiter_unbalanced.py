"""P006 delimiter-unbalanced: a Summary, Comment or Note block is not closed, or not opened.

What it checks:
    The body's delimited blocks pair up and nest: ``Summary`` with ``End Summary``,
    ``Comment`` with ``End Comment``, ``Note`` with ``End Note``, and the compound forms
    (``Summary and Comment`` with ``End Summary and Comment``). Reported:

    * an opener without its closer (``8. (C) Comment: ...`` and no ``End Comment``);
    * a closer without an opener (``End Summary.`` with no summary before it);
    * a nesting error: a block opened inside another and still open when the outer one closes
      (``Summary: ... Comment: ... End Summary.``), reported at the inner opener.

    An opener is the word, capitalised or in capitals, at the start of a paragraph, a line or a
    sentence, or after ``(``, ``[`` or ``--``, possibly after ``Begin``, ``Embassy``, ``Post``,
    ``Mission`` or ``Executive``, and followed by ``:``, ``--``, or (Summary and Comment only)
    ``.``; a heading that is just the word (``Summary``, ``----- COMMENT -----``) opens too.
    A closer is ``End`` (any case) before the word. A Note in brackets (``(Note: ... )``) is
    closed by its bracket. ``End Summary and Comment`` also closes a Summary with a Comment
    opened inside it; ``End Summary`` closes the Summary part of an open ``Summary and
    Comment`` and leaves the Comment open.

Why:
    The delimiters tell readers (and tools that extract summaries) where the summary or the
    drafter's comment ends; an unclosed block makes the rest of the cable read as comment.

Example:
    ``8. (C) Comment: The Ministry ...`` with no ``End Comment.`` after it. Clean: ``... End
    Comment.``; the reference example (``Summary`` heading ... ``End Summary.``).

Fix:
    No fix: where a block ends is the drafter's call.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Observed conventions and defects (07BAGHDAD3895: End Summary without start) [CM: reader.py,
    test_reader_summary.py]; spec/rules.md P006.
"""

from ..body import delimiters, read_body
from ..diagnostics import Severity
from .base import Rule


class DelimiterUnbalanced(Rule):
    code = "P006"
    name = "delimiter-unbalanced"
    severity = Severity.WARNING
    summary = "Summary/Comment/Note blocks not closed (or not opened)"

    def check(self, cable, settings):
        body = read_body(cable)
        found = []  # (span, message)
        stack = []  # [delimiter, kinds still open]
        for delimiter in delimiters(cable, body):
            while stack and _closed_by_bracket(stack[-1][0], delimiter.start):
                stack.pop()
            if not delimiter.closes:
                for entry in stack:
                    if entry[1] & delimiter.kinds:  # the same block opened again
                        if not (entry[0].bracketed or entry[0].alone):  # "Summary" heading,
                            # then "1. (C) Summary: ..." is one summary
                            found.append((entry[0].span, f"{_name(entry[1])} is not closed "
                                          f"before the next {_name(entry[1] & delimiter.kinds)}"))
                        stack.remove(entry)
                        break
                stack.append([delimiter, set(delimiter.kinds)])
                continue
            found.extend(self.close(stack, delimiter))
        for opener, kinds in stack:
            if (settings.profile == "archive" and kinds == {"Comment"} and opener.at_start
                    and opener is stack[-1][0]):
                continue  # a closing comment section ("8. (C) Comment: ...") ends with the cable
            if not opener.bracketed:
                found.append((opener.span, f"{_name(kinds)} is not closed (no 'End "
                                           f"{_name(kinds)}')"))
        for span, message in sorted(found, key=lambda f: f[0].start):
            yield self.finding(message, span)

    @staticmethod
    def close(stack, closer):
        """Close what ``closer`` names; the findings for blocks it leaves open inside."""
        wanted = set(closer.kinds)
        open_kinds = set().union(*(kinds for _, kinds in stack))
        if not wanted & open_kinds:
            return [(closer.span, f"'{closer.label}' has no {closer.name} to close")]
        depth = len(stack)
        covered = set()
        while depth and not wanted <= covered:
            depth -= 1
            covered |= stack[depth][1]
        problems = []
        for entry in stack[depth:]:
            opener, kinds = entry
            if kinds & wanted:
                kinds -= wanted
            else:
                if not opener.bracketed:
                    problems.append((opener.span, f"{_name(kinds)} is not closed before "
                                                  f"'{closer.label}'"))
                kinds.clear()
        stack[depth:] = [entry for entry in stack[depth:] if entry[1]]
        return problems


def _closed_by_bracket(opener, position: int) -> bool:
    return opener.bracket_end is not None and opener.bracket_end < position


def _name(kinds) -> str:
    return " and ".join(k for k in ("Summary", "Comment", "Note") if k in kinds)
