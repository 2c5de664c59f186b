"""The address block and the transmission lines as the H rules read them.

Prosigns and their ranks; the date and time of a date-time group; the parts of an addressee
line (routing indicator, PLAD, precedence word, MCN), each with its place in the line; the
ACP-127 format lines FL2-FL4; and the address lines the grammar could not read (they end up
as free text before the banner). Places are offsets into the element's text; ``span_of`` turns
them into a Span of the original text.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import NamedTuple

from . import codes, regex
from .dates import MONTHS, full_year
from .diagnostics import Span, maker
from .markings import per_cable
from .model import AddressList, Addressee, Cable, DateTimeGroup, Text

# --- prosigns and precedence words -------------------------------------------------------------

PROSIGN_NAMES = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
PROSIGN_RANK = {"R": 0, "P": 1, "O": 2, "Z": 3}

# Misspelled precedence words seen in real traffic (spec/cable-format.md 9.13; 06BRASILIA1910,
# 08SAOPAULO335): the only ones H003 mends.
PRECEDENCE_TYPOS = {"PRIOITY": "PRIORITY", "PIORITY": "PRIORITY", "PRIORTY": "PRIORITY",
                    "PRORITY": "PRIORITY"}

# Misspelled State designators seen in real traffic (spec 9.13; stations_observed.tsv).
DESIGNATOR_TYPOS = {"AMMBASSY": "AMEMBASSY", "AMEMBASS": "AMEMBASSY", "AMEMBASY": "AMEMBASSY",
                    "AMCONSU": "AMCONSUL", "AMCOMSUL": "AMCONSUL", "SESTATE": "SECSTATE",
                    "ECSTATE": "SECSTATE", "SCDEF": "SECDEF", "USMISSIN": "USMISSION"}

# "ZEN/" in the routing-indicator place: the operating signal for an addressee served by other
# means (observed: ZEN/AMEMBASSY BELMOPAN NIACT IMMEDIATE 2276-2279).
OPERATING_PREFIXES = frozenset({"ZEN"})


def prosign_of(word: str | None) -> str | None:
    """The prosign of a precedence word; no word means ROUTINE (R); None if unknown."""
    if word is None:
        return "R"
    return codes.precedence_words().get(word)


def highest(prosigns) -> str:
    """The highest of some prosigns (R when there are none)."""
    return max(prosigns, key=PROSIGN_RANK.__getitem__, default="R")


# --- places ------------------------------------------------------------------------------------


def span_of(cable: Cable, span: Span, start: int, end: int) -> Span:
    """The Span of ``[start, end)`` of an element's text that starts at ``span``."""
    return cable.source.offsets.original_span(span.start + start, span.start + end)


class Part(NamedTuple):
    """A piece of an addressee line: its text and where it stands in the line."""

    text: str
    start: int
    end: int


# --- addressee lines ---------------------------------------------------------------------------

_ROUTING_PREFIX = regex.compile(r"(?P<ri>[A-Z0-9]{2,8})/(?!/)")
_WORD = regex.compile(r"\S+")
_LAST_NUMBER = regex.compile(r"\s(?P<mcn>\d+(?:-\d+)?)\s*\Z")  # an MCN closing the line
_PRECEDENCE_WORDS = ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE", "NIACT")


class AddresseeParts(NamedTuple):
    """``RUEHC/SECSTATE WASHDC IMMEDIATE 4696`` taken apart.

    ``precedence`` is the precedence word as written (None: no word, that is ROUTINE) and
    ``word`` its authorised form (``PRIOITY`` -> ``PRIORITY``), None when it is not one.
    ``guess`` is the authorised word a mistaken one resembles, for a hint. A named tuple, like
    :class:`Part`: one is made for every addressee line, and a tuple is quicker to make.
    """

    routing_indicator: Part | None
    plad: Part
    precedence: Part | None
    word: str | None
    guess: str | None
    mcn: Part | None

    @property
    def prosign(self) -> str | None:
        """The prosign this addressee asks for; None when its precedence word is unknown."""
        if self.precedence is not None and self.word is None:
            return None
        return prosign_of(self.word)


_new_part, _new_parts = maker(Part), maker(AddresseeParts)  # (see diagnostics.maker)


def parse_addressee(text: str) -> AddresseeParts:
    """Split an addressee line (without its TO/INFO/XMT keyword) into its parts."""
    # the MCN makes nearly every line unique: the line before it is read (and remembered) alone
    mcn = _LAST_NUMBER.search(text)
    if mcn is not None:
        parts = _parse_before_mcn(text[:mcn.start("mcn")])
        if parts.plad.text:  # a word other than the routing indicator stands before the MCN
            return _new_parts((*parts[:5], _new_part((mcn.group("mcn"), *mcn.span("mcn")))))
    return _parse_before_mcn(text)


@functools.lru_cache(maxsize=1024)
def _parse_before_mcn(text: str) -> AddresseeParts:
    """The parts of an addressee line without its MCN."""
    routing = None
    position = 0
    prefix = _ROUTING_PREFIX.match(text)
    if prefix:
        routing = _new_part((prefix.group("ri"), 0, prefix.end("ri")))
        position = prefix.end()
    words = list(_WORD.finditer(text, position))
    precedence = word = guess = None
    if len(words) > 1:
        precedence, word, guess = _precedence(words)
    if precedence is not None:
        words = [w for w in words if w.start() < precedence.start]
    if words:
        start, end = words[0].start(), words[-1].end()
        plad = _new_part((text[start:end], start, end))
    else:
        plad = _new_part(("", position, position))
    return _new_parts((routing, plad, precedence, word, guess, None))


def _part(word: re.Match) -> Part:
    return _new_part((word.group(), word.start(), word.end()))


def _precedence(words: list[re.Match]) -> tuple[Part | None, str | None, str | None]:
    """The precedence word(s) closing the PLAD, if the last words are (or resemble) one."""
    last = _part(words[-1])
    upper = last.text.upper()
    if upper == "IMMEDIATE" and len(words) > 2 and words[-2].group().upper() == "NIACT":
        start = words[-2].start()
        return (Part(f"{words[-2].group()} {last.text}", start, last.end), "NIACT IMMEDIATE",
                None)
    if upper in ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"):
        return last, upper, None
    if upper in PRECEDENCE_TYPOS:
        return last, PRECEDENCE_TYPOS[upper], PRECEDENCE_TYPOS[upper]
    if upper == "NIACT":
        return last, None, "NIACT IMMEDIATE"
    guess = _precedence_guess(upper)
    if guess is not None:
        return last, None, guess
    return None, None, None


@functools.lru_cache(maxsize=1024)
def _precedence_guess(word: str) -> str | None:
    """The precedence word a misspelt one resembles (``IMMEDAITE`` -> ``IMMEDIATE``)."""
    if not word.isalpha() or word in codes.plad_designators():
        return None
    return codes.suggest(word, _PRECEDENCE_WORDS)


def addressees(cable: Cable, *keywords: str) -> list[tuple[AddressList, Addressee,
                                                           AddresseeParts]]:
    """(list, addressee, parts) for every addressee of the TO/INFO/XMT lists named."""
    return [entry for entry in _all_addressees(cable) if entry[0].keyword in keywords]


@per_cable
def _all_addressees(cable: Cable) -> tuple[tuple[AddressList, Addressee, AddresseeParts], ...]:
    """Every addressee of the cable's address lists, taken apart (the H rules share it)."""
    return tuple((address_list, addressee, parse_addressee(addressee.text))
                 for address_list in cable.address_lists
                 for addressee in address_list.addressees)


def part_span(cable: Cable, addressee: Addressee, part: Part) -> Span:
    return span_of(cable, addressee.span, part.start, part.end)


@functools.lru_cache(maxsize=1024)
def designator_guess(word: str) -> str | None:
    """A known designator close to an unknown one, for a "did you mean" hint."""
    return codes.suggest(word, codes.plad_designators())


def is_collective(plad: str) -> bool:
    return plad.rstrip().upper().endswith("COLLECTIVE")


# --- the date-time group -----------------------------------------------------------------------

_TIME_GROUP = regex.compile(r"\d{6}Z")


def dtg_datetime(dtg: DateTimeGroup | None) -> datetime.datetime | None:
    """Date and time of a well-formed date-time group (``201106Z MAR 08``), else None."""
    if dtg is None:
        return None
    return _datetime(dtg.time.text, dtg.month.text, dtg.year.text)


@functools.lru_cache(maxsize=1024)
def _datetime(time: str, month_text: str, year_text: str) -> datetime.datetime | None:
    """The date and time of a date-time group's parts as written (remembered: H001 and H008
    ask about the same group)."""
    month = MONTHS.get(month_text)
    if month is None or not _TIME_GROUP.fullmatch(time) or len(year_text) != 2:
        return None
    try:
        return datetime.datetime(full_year(int(year_text)), month, int(time[:2]),
                                 int(time[2:4]), int(time[4:6]))
    except ValueError:
        return None


# --- address lines the grammar could not read -------------------------------------------------

_ADDRESS_LINE = regex.compile(r"(?m)^[^\S\n]*(FM|TO|INFO|XMT)(?=[^\S\n]|/)")
_BLANK = r"[^\S\n]+"
# a first line that tries to be a DTG line: letters, a number, a month word, a year
_DTG_LIKE = regex.compile(rf"[^\S\n]*(?:[A-Za-z]{{1,3}}{_BLANK}){{0,2}}\d{{3,6}}[A-Za-z]?{_BLANK}"
                          rf"[A-Za-z]{{3,9}}\.?{_BLANK}\d{{2,4}}\b")
_DTG_LINE = regex.compile(rf"[^\S\n]*[ZOPR](?:{_BLANK}[ZOPR])?{_BLANK}\d{{6}}Z{_BLANK}"
                          rf"(?:{'|'.join(MONTHS)}){_BLANK}\d\d(?:\s|$)")


def pre_banner_text(cable: Cable) -> tuple[Text, ...]:
    """Free text before the banner: release notes, or address lines the grammar lost."""
    if cable.banner is None:
        return ()
    return tuple(t for t in cable.attention_lines if t.span.start < cable.banner.span.start)


def stray_address_lines(cable: Cable) -> list[tuple[str, Span, str]]:
    """FM/TO/INFO/XMT lines inside free text before the banner: keyword, its span and the
    rest of the line (``bare``)."""
    found = []
    for text in pre_banner_text(cable):
        start = text.span.start  # read the original: its offsets hold with CRLF line ends
        for match in _ADDRESS_LINE.finditer(cable.original, start, text.span.end):
            rest = bare(cable.original[match.end(1):].split("\n", 1)[0])
            found.append((match.group(1), cable.source.offsets.original_span(
                match.start(1), match.end(1)), rest))
    return found


def bare(line: str) -> str:
    """A line's text without edge blanks, slashes or a database dump's line-end backslash."""
    return line.strip(" \t\r\\/")


def unread_dtg_line(cable: Cable) -> Text | None:
    """A precedence/DTG line the grammar could not read, followed by address lines.

    Such a line turns the whole address block into free text before the banner; this finds
    the first line of that text when it looks like a date-time group (a number and a month)
    but is not a well-formed one (a well-formed line there was lost for another reason).
    """
    if cable.dtgs:
        return None
    for text in pre_banner_text(cable):
        first = text.text.split("\n", 1)[0].rstrip()
        if (_DTG_LIKE.match(first) and not _DTG_LINE.match(first)
                and _ADDRESS_LINE.search(text.text)):
            return Text(first, span_of(cable, text.span, 0, len(first)))
    return None


# --- transmission lines ------------------------------------------------------------------------

_FL3 = regex.compile(r"DE[^\S\n]+(?P<station>R[A-Z0-9]+)[^\S\n]+#(?P<serial>\d{4})"
                     r"(?:/(?P<section>\d{2,3}))?[^\S\n]+(?P<day>\d{3})(?P<hour>\d\d)(?P<minute>\d\d)"
                     r"(?!\d)")
_FL4 = regex.compile(r"(?P<signal>ZN[YR])[^\S\n]+(?P<group>[A-Z]+)")


def transmission_line(cable: Cable, kind: str):
    """The first transmission line of a kind (FL1 ... FL4), or None."""
    return next((line for line in cable.transmission if line.kind == kind), None)


def parse_fl3(text: str) -> re.Match | None:
    """``DE RUEHRK #0195/01 2531700``: station, serial, section, day of year, hour, minute."""
    return _FL3.match(text)


def parse_fl4(text: str) -> re.Match | None:
    """``ZNY CCCCC ZZH``: operating signal and security group."""
    return _FL4.match(text)


def expected_fl4(cable: Cable) -> tuple[str, str] | None:
    """Operating signal and security group that the banner calls for (None: no rule known)."""
    banner = cable.banner
    if banner is None:
        return None
    if banner.level == "U":
        if "EFTO" in re.sub(r"\s+", "", banner.classification.text.upper()):
            return "ZNY", "EEEEE"
        return "ZNR", "UUUUU"
    letter = {"C": "C", "S": "S", "TS": "T"}.get(banner.level)
    return ("ZNY", letter * 5) if letter else None
