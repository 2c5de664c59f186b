"""C001 banner-malformed: classification banner missing or malformed.

What it checks:
    The first line of the text is the banner ``<class>[ SECTION nn OF mm] <POST> <serial>``:
    a banner exists; it has a post and a serial after the classification; the serial has
    six digits (``001050``); the ``SECTION`` word is spelled right; nothing but captions
    follows the serial (captions there are C008's); and the post names the originator of
    the ``FM`` line: ``AMEMBASSY BEIJING`` -> ``BEIJING``, ``AMCONSUL SAO PAULO`` ->
    ``SAO PAULO``, ``USMISSION USNATO`` -> ``USNATO``, ``USMISSION GENEVA`` -> ``GENEVA``,
    ``SECSTATE WASHDC`` -> ``STATE``, ``USDEL SECRETARY`` -> ``SECTO`` or ``PARTO``; in
    general the post is the PLAD without its designator (AMEMBASSY, AMCONSUL, USMISSION,
    USINT, USEU, USLO, AIT, REO, USDEL ...) or a run of the PLAD's words (``IRAN RPO DUBAI``
    -> ``RPO DUBAI``), blanks and case aside. A cable without an ``FM`` line is not compared.

    A banner whose classification word is unknown (``SECRETT OSLO 000412``) is C002's.
    When a release puts a bare classification word above the real banner (the viewer's
    metadata block), the banner with post and serial is the one checked.

Why:
    The banner gives the cable's classification and its identity (post and serial); the
    cable ID (``08BEIJING1050``) is made from it, and a post that disagrees with the
    originator files the cable under the wrong post.

Example:
    ``S E C R E T BEIJING 1050``. Clean: ``S E C R E T BEIJING 001050``.

Fix:
    Safe: zero-pad a short serial to six digits (``1050`` -> ``001050``), or drop surplus
    leading zeros (``00001050`` -> ``001050``). Nothing else: a missing banner, a post and
    stray text need the drafter.

Options:
    post_aliases (default ``{}``): more FM PLAD -> banner post pairs, e.g.
    ``{"AMEMBASSY RANGOON" = "YANGON"}``; a value may be a list of posts.

Profiles:
    draft: every serial has six digits.
    archive: serials of four or five digits are the old form and pass in cables dated
    before 1996 (the corpus shows ``TEHRAN 1164`` in 1972, ``MADRID 05480`` in 1986,
    ``BAGHDAD 04237`` in 1990, six digits from 1996 on).

Source:
    Classification is line 1 of the text [FAH2-220 H-222]; serial and post forms, FM to ID
    canonicalisation observed [CM: consts.py, reader.py]; spec/rules.md C001.
"""

import re

from .. import codes, regex
from ..dates import cable_date
from ..diagnostics import Edit, Fix, Severity
from ..markings import (ADDRESS_KINDS, CAPTION, NOTICE, banner_shaped, line_end, main_banner, plain,
                        post_matches, split_caption_line)
from .base import Rule

_SECTIONISH = regex.compile(r"[^\S\n]*([A-Za-z]*CTION)[^\S\n]*\d{1,2}[^\S\n]+[A-Za-z]{2}[^\S\n]+\d{1,2}\b")
_OLD_SERIAL_BEFORE = 1996


class BannerMalformed(Rule):
    code = "C001"
    name = "banner-malformed"
    severity = Severity.ERROR
    fixable = "partial"
    summary = "classification banner missing or malformed"
    options = {"post_aliases": {}}

    def check(self, cable, settings):
        banner = main_banner(cable)
        if banner is None:
            if banner_shaped(cable) is None:
                yield self.finding("no classification banner (such as 'S E C R E T OSLO "
                                   "000412') at the top of the text", self.header_start(cable))
            return
        broken = broken_section(cable, banner)
        if broken is not None:
            yield self.finding(f"malformed SECTION group '{broken.group(0).strip()}' in the "
                               "banner (write 'SECTION nn OF mm')",
                               cable.source.offsets.original_span(broken.start(1), broken.end()))
            return
        if banner.post is None or banner.serial is None:
            yield self.finding("banner has no post and serial after the classification",
                               banner.classification.span)
            return
        yield from self.serial(cable, banner, settings)
        if banner.handling is not None and not only_captions(cable, banner.handling):
            yield self.finding("text after the banner's serial number; only the "
                               "classification, SECTION, post and serial go there",
                               banner.handling.span)
        if cable.originators:
            plad = cable.originators[0].plad.text
            aliases = self.option(settings, "post_aliases")
            if plain(plad) and not post_matches(banner.post.text, plad, aliases):
                yield self.finding(
                    f"banner post {plain(banner.post.text)} does not match the originator "
                    f"FM {plain(plad)}", banner.post.span, severity=Severity.WARNING)

    def serial(self, cable, banner, settings):
        serial = banner.serial
        digits = serial.text
        if len(digits) == 6:
            return
        if settings.profile == "archive" and len(digits) in (4, 5):
            sent = cable_date(cable)
            if sent is not None and sent.year < _OLD_SERIAL_BEFORE:
                return
        fix = None
        if len(digits) < 6:
            fix = Fix((Edit(serial.span.start, serial.span.end, digits.zfill(6)),), safe=True,
                      description=f"zero-pad the serial to {digits.zfill(6)}")
        elif set(digits[:len(digits) - 6]) == {"0"}:
            fix = Fix((Edit(serial.span.start, serial.span.end, digits[-6:]),), safe=True,
                      description=f"write the serial as {digits[-6:]}")
        if fix is not None and cable.original[serial.span.start:serial.span.end] != digits:
            fix = None
        yield self.finding(f"banner serial {digits} has {len(digits)} digits, not 6",
                           serial.span, fix=fix)

    @staticmethod
    def header_start(cable):
        """Where the banner belongs: the first element after the address block."""
        for kind, span in cable.header_order:
            if kind not in ADDRESS_KINDS:
                return span
        for item in cable.body:
            return item.span
        return cable.source.offsets.original_span(0, 0)


def broken_section(cable, banner) -> re.Match | None:
    """A misspelt or run-together SECTION group the grammar did not read as one.

    ``SCTION 02 OF 02``, ``ECTION 01 OF 02``, ``SECTION 01 GF 02``, ``SECTION01 OF 03``.
    """
    if banner.section is not None:
        return None
    start = banner.classification.span.end
    text = cable.original
    match = _SECTIONISH.match(text, start, line_end(text, start))
    if match is None:
        return None
    word = match.group(1).upper()
    return match if word == "SECTION" or codes.suggest(word, ("SECTION",)) else None


def only_captions(cable, handling) -> bool:
    text = cable.original[handling.span.start:handling.span.end]
    tokens = split_caption_line(text, handling.span.start, handling.span.line)
    return bool(tokens) and all(t.kind in (CAPTION, NOTICE) for t in tokens)
