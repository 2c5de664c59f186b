"""C002 banner-class-invalid: unknown or obsolete classification word in the banner.

What it checks:
    The banner's classification is one of UNCLAS, UNCLASSIFIED, UNCLAS EFTO, CONFIDENTIAL,
    SECRET, TOP SECRET. ``LIMITED OFFICIAL USE`` passes only in a cable dated before
    1995-10-01 (its date-time group), when it was abolished in favour of SBU. The classified
    levels are written letter-spaced (``C O N F I D E N T I A L``, ``S E C R E T``,
    ``T O P  S E C R E T``) and the unclassified ones are not (``UNCLAS``); a word written
    otherwise (``SECRET``, ``SE C R E T``, ``U N C L A S``) is a spacing finding of
    severity info. A first header line shaped like a banner that opens with no
    classification (``SECRETT OSLO 000412``, ``SS E C R E T ...``) is reported here, with
    the classification it is closest to, and not as a missing banner (C001). Letter case
    is S006's.

Why:
    Only Top Secret, Secret and Confidential mark classified information; LIMITED OFFICIAL
    USE ended on 1 October 1995 (SBU text now goes as UNCLAS with the SENSITIVE caption).
    The letter-spaced word is the form the terminals and readers expect.

Example:
    ``LIMITED OFFICIAL USE STATE 018029`` in a 2000 cable. Clean: ``UNCLAS STATE 018029``.

Fix:
    Safe, for spacing only: rewrite the word letter-spaced (or, for UNCLAS, closed up),
    keeping its letters and their case. An unknown or obsolete word needs the drafter: no
    fix changes a classification.

Options:
    None.

Profiles:
    Both profiles judge LIMITED OFFICIAL USE by the cable's own date-time group.
    draft: a cable without a date-time group is a new draft, so LIMITED OFFICIAL USE is an
    error.
    archive: without a date-time group the date is unknown and LIMITED OFFICIAL USE passes.

Source:
    [FAH2-220 H-222]; [CFR2001 2001.24(a)]; [STATE-00-018029 para 1]; spacing
    [ARMY-SS0656]; spec/rules.md C002.
"""

import re

from .. import codes, regex
from ..dates import cable_date
from ..diagnostics import Edit, Fix, Severity
from ..markings import LOU_ABOLISHED, banner_shaped, main_banner
from .base import Rule

_SPACED = ("C", "S", "TS")
_UNCLAS_WORDS = {"UNCLAS", "UNCLASSIFIED", "UNCLAS EFTO", "UNCLASSIFIED EFTO"}
_WELL_WRITTEN = _UNCLAS_WORDS | {"C O N F I D E N T I A L", "S E C R E T", "T O P  S E C R E T",
                                 "T O P S E C R E T"}
_WORD = regex.compile(r"\S+")
_NOT_LETTER = regex.compile(r"[^A-Za-z]+")
#: Classification words closed up -> as written in a banner.
_SQUEEZED = {"UNCLAS": "UNCLAS", "UNCLASSIFIED": "UNCLASSIFIED",
             "CONFIDENTIAL": "C O N F I D E N T I A L", "SECRET": "S E C R E T",
             "TOPSECRET": "T O P  S E C R E T"}


def spaced(word: str) -> str:
    """``SECRET`` -> ``S E C R E T``; ``TOPSECRET`` -> ``T O P  S E C R E T`` (letters kept)."""
    letters = [c for c in word if not c.isspace()]
    if len(letters) == 9 and "".join(letters).upper() == "TOPSECRET":
        return " ".join(letters[:3]) + "  " + " ".join(letters[3:])
    return " ".join(letters)


def well_spaced(word: str, level: str) -> bool:
    if word.upper() in _WELL_WRITTEN:
        return True
    if level in _SPACED:
        return word == spaced(word) or (level == "TS" and word == spaced(word).replace("  ", " "))
    if level == "U":
        return re.sub(r"\s+", " ", word).upper() in _UNCLAS_WORDS
    return True


def written_unclas(word: str) -> str:
    """``U N C L A S`` -> ``UNCLAS``, ``U N C L A S  E F T O`` -> ``UNCLAS EFTO``."""
    squeezed = re.sub(r"\s+", "", word)
    if squeezed.upper().endswith("EFTO"):
        return squeezed[:-4] + " " + squeezed[-4:]
    return squeezed


class BannerClassInvalid(Rule):
    code = "C002"
    name = "banner-class-invalid"
    severity = Severity.ERROR
    fixable = "spacing"
    summary = "unknown or obsolete classification word"

    def check(self, cable, settings):
        banner = main_banner(cable)
        if banner is None:
            yield from self.unknown_word(cable)
            return
        classification = banner.classification
        word = classification.text
        if banner.level == "LOU":
            sent = cable_date(cable)
            if sent is None and settings.profile == "archive":
                return
            if sent is None or sent >= LOU_ABOLISHED:
                when = f"a cable of {sent.isoformat()}" if sent else "a new cable"
                yield self.finding(
                    f"LIMITED OFFICIAL USE was abolished on 1995-10-01 and cannot mark {when}; "
                    "SBU text goes as UNCLAS with the SENSITIVE caption", classification.span)
            return
        if well_spaced(word, banner.level):
            return
        if banner.level == "U":
            mended, how = written_unclas(word), "closed up"
        else:
            mended, how = spaced(word), "letter-spaced"
        fix = None
        if cable.original[classification.span.start:classification.span.end] == word:
            fix = Fix((Edit(classification.span.start, classification.span.end, mended),),
                      safe=True, description=f"write the classification as '{mended}'")
        yield self.finding(f"classification '{word}' should be written {how}: '{mended}'",
                           classification.span, fix=fix, severity=Severity.INFO)

    def unknown_word(self, cable):
        span = banner_shaped(cable)
        if span is None:
            return
        line = cable.original[span.start:span.end].split("\n", 1)[0]
        words = list(_WORD.finditer(line))
        start, end, guess = words[0].start(), words[0].end(), None
        for count in range(len(words) - 1, 0, -1):  # the longest run of words that is close
            letters = _NOT_LETTER.sub("", line[:words[count - 1].end()]).upper()
            found = _SQUEEZED.get(letters) or _SQUEEZED.get(codes.suggest(letters, _SQUEEZED))
            if found:
                start, end, guess = words[0].start(), words[count - 1].end(), found
                break
        written = line[start:end]
        hint = f"; did you mean '{guess}'?" if guess else ""
        yield self.finding(f"'{written}' is not a classification (UNCLAS, CONFIDENTIAL, SECRET, "
                           f"TOP SECRET){hint}",
                           cable.source.offsets.original_span(span.start + start, span.start + end))
