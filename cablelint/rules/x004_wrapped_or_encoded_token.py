"""X004 wrapped-or-encoded-token: tokens broken by wrapping or encoding.

What it checks:
    - a word of the "Classified By" block cut in two by a hard wrap: a reason keyword
      (``REA`` / ``SONS``, ``Re`` / ``asons``, ``a`` / ``nd``), the section number (``1.`` /
      ``4 (b/d)``, ``1`` / ``.4``) or a reason letter (``(d`` / ``)``, ``(`` / ``d).``);
    - HTML character references left by a release (``&#8217;``, ``&amp;``, ``&#x000A;``);
    - a backslash at the end of a line (database dumps);
    - redaction runs (``XXXXXXXXXXXX``, ``xxxxx``): reported once each, the text they hide
      is not linted.

    The other rules read the text with split words joined, references decoded and the
    backslashes taken out.

Why:
    The parser and the rules need the whole token: ``Re`` / ``asons 1.4 (b/d)`` has no reason
    keyword, ``1.`` / ``4`` no section. Entities and backslashes are encoding noise of a
    release, not text. A redaction hides text that may hold anything, so findings near it
    are uncertain.

Example:
    ``Classified By: Political Minister Counselor Aubrey Carlson.  Re`` /
    ``asons 1.4 (b/d).``. Clean: ``Classified By: ... Aubrey Carlson. Reasons 1.4 (b/d).``

Fix:
    Safe: join a split word (the line break and blanks between the halves go), decode an
    entity (``&amp;`` -> ``&``; a line-break entity becomes the file's line end), remove a
    line-end backslash and the blanks before it. Redactions: no fix.

Options:
    None.

Profiles:
    Both profiles alike, at info. Only split words of the Classified By block are joined: a
    name cut in two (``Y`` / ``ee``) cannot be told from two words.

Source:
    spec/cable-format.md section 9 items 6 and 7; spec/rules.md X004; observed in the corpus
    (160 split Classified By words, database dumps with line-end backslashes).
"""


from .. import regex
from ..diagnostics import Edit, Finding, Fix, LazyFix, Severity, maker
from ..normalise import HTML_ENTITY, LINE_END_BACKSLASH, SPLIT_TOKEN
from .base import Rule

# one literal pattern per letter: a literal start lets the regex engine skip ahead quickly
_KINDS = frozenset({SPLIT_TOKEN, HTML_ENTITY, LINE_END_BACKSLASH})
_REDACTIONS = tuple(regex.compile(letter * 5 + "+") for letter in ("X", "x", "\u0425"))
_finding = maker(Finding)


class WrappedOrEncodedToken(Rule):
    code = "X004"
    name = "wrapped-or-encoded-token"
    severity = Severity.INFO
    fixable = "join/decode"
    summary = "tokens broken by wrapping or encoding"

    def check(self, cable, settings):
        offsets = cable.source.offsets
        original = cable.original
        for artifact in cable.artifacts:
            if artifact.kind not in _KINDS:
                continue
            if artifact.kind == SPLIT_TOKEN:
                yield self.split_word(original, offsets, artifact)
            elif artifact.kind == HTML_ENTITY:
                replacement = artifact.replacement
                if replacement == "\n" and "\r\n" in original:
                    replacement = "\r\n"
                yield self.finding(
                    f"HTML entity '{artifact.text}' in the text: write the character",
                    offsets.original_span(artifact.start, artifact.end),
                    fix=Fix((Edit(artifact.start, artifact.end, replacement),), safe=True,
                            description="decode it"))
            elif artifact.kind == LINE_END_BACKSLASH:
                # a dump has one on every line: the finding is made directly, the fix only
                # when asked for
                start, end = artifact.token
                yield _finding(("backslash at the end of the line (database dump)",
                                offsets.original_span(start, end),
                                LazyFix(lambda artifact=artifact: _removal(artifact)), None))
        for pattern in _REDACTIONS:
            # (looked for from the end: a needle of one letter repeated is found quicker so)
            if original.rfind(pattern.pattern[:5]) < 0:
                continue
            for match in pattern.finditer(original):
                yield _finding((f"redacted text ({match.end() - match.start()} characters): "
                                "not linted", offsets.original_span(match.start(), match.end()),
                                None, None))

    def split_word(self, original, offsets, artifact):
        """``REA`` / ``SONS``: the span runs from the first half to the end of the second."""
        start = artifact.start
        while start > 0 and not original[start - 1].isspace():
            start -= 1
        end = artifact.end
        while end < len(original) and not original[end].isspace():
            end += 1
        word = original[start:artifact.start] + original[artifact.end:end]
        return self.finding(f"'{word}' is split across two lines in the Classified By block",
                            offsets.original_span(start, end),
                            fix=Fix((Edit(artifact.start, artifact.end, ""),), safe=True,
                                    description="join the two halves"))


def _removal(artifact) -> Fix:
    return Fix((Edit(artifact.start, artifact.end, ""),), safe=True, description="remove it")
