"""P008 signature-missing: the body does not end with the signer's surname.

What it checks:
    The last line of the body, before ``NNNN`` and the release's trailers (``End Cable Text``,
    ``CABLE ENDS`` lines, the "Visit ... Classified Web Site" notice, rule lines), is a
    signature: one or two surnames in capitals (``RANDT``, ``VAN VOORST``; ``JR`` and name
    particles such as ``VAN`` or ``DE`` allowed).

Why:
    A telegram ends with the name of the officer who approved it; a cable without one was cut
    short or has not been approved.

Example:
    A cable that ends ``... End Comment.``. Clean: a cable that ends ``RANDT``.

Fix:
    No fix: the signer's name has to be supplied.

Options:
    None.

Profiles:
    draft: the surname is in capitals; a name in mixed case (``Hollis``) is reported.
    archive: a name in mixed case is accepted (``Beyrle``, ``van Voorst``: one cable in ten in
    the 2010 release), and so is a surname run into the last line after its final sentence
    (``... relations. BURNS``, ``... this message. Scobey``), where the release lost the line
    break.

Source:
    Observed convention [CM: test_reader_signers.py]; spec/rules.md P008.
"""

from functools import lru_cache

from .. import regex
from ..body import FURNITURE, is_signature, read_body, without_rules
from ..diagnostics import Severity
from ..model import Block
from .base import Rule

# a letter or digit: text that holds one is more than rule lines (rule characters, blanks)
_LETTER_OR_DIGIT = regex.compile(r"[A-Za-z0-9]")


class SignatureMissing(Rule):
    code = "P008"
    name = "signature-missing"
    severity = Severity.WARNING
    summary = "no signer line"

    def check(self, cable, settings):
        body = read_body(cable)
        last = None
        for item in reversed(body.items):
            if isinstance(item, Block) and body.kind(item) == FURNITURE:
                continue
            text = item.text.text if item.text else ""
            if _LETTER_OR_DIGIT.search(text) or without_rules(text):
                last = item
                break
        if last is None:
            return
        original = cable.original
        start, end = _last_line(original, last.span.start, last.span.end)
        line = original[start:end]
        archive = settings.profile == "archive"
        # a signer's line recurs from cable to cable: a short one's verdict is remembered
        message = (_problem if len(line) <= _REMEMBERED else _problem.__wrapped__)(line, archive)
        if message is not None:
            yield self.finding(message, cable.source.offsets.original_span(start, end))


_REMEMBERED = 64  # the longest last line whose verdict is remembered


@lru_cache(maxsize=1024)
def _problem(line: str, archive: bool) -> str | None:
    """What is wrong with ``line``, the body's last line, as a signature (None: nothing)."""
    if is_signature(line) or (archive and (is_signature(line, mixed_case=True)
                                           or _run_in_signature(line))):
        return None
    if is_signature(line, mixed_case=True):
        return f"signature '{line.strip()}' is not in capitals"
    if _run_in_signature(line):
        return "the signature is not on a line of its own"
    return "the body does not end with a signature (the signer's surname in capitals)"


def _last_line(text: str, start: int, end: int) -> tuple[int, int]:
    """The last non-blank line of ``text[start:end]`` that is not a rule line, blanks trimmed."""
    while end > start:
        line_start = text.rfind("\n", start, end) + 1
        line_start = max(line_start, start)
        line = text[line_start:end]
        # (a lone quote is debris of a database dump)
        if _LETTER_OR_DIGIT.search(line) or without_rules(line).strip('"\\ '):
            stripped_end = line_start + len(line.rstrip(" \t\r\\"))
            stripped_start = line_start + len(line) - len(line.lstrip())
            return stripped_start, stripped_end
        end = line_start - 1
    return start, start


def _run_in_signature(line: str) -> bool:
    """``... relations. BURNS``: a surname after the line's last sentence."""
    head, _, tail = line.rstrip().rpartition(". ")
    return bool(head) and is_signature(tail, mixed_case=True)
