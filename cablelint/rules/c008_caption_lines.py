"""C008 caption-lines: the caption area under the banner is malformed.

What it checks:
    The captions under the banner (SIPDIS, NOFORN, NODIS, EXDIS, LIMDIS, STADIS, SPECAT,
    SENSITIVE, OFFICIAL INFORMAL, INFORM CONSULS, plus configured ones):

    * each caption stands on its own line: not on the banner line, not with another caption
      (``NOFORN, SIPDIS``, ``SENSITIVE SIPDIS``), not with other text (``SIPDIS DEPT FOR
      EUR/CARC``);
    * each caption is known: a word after a comma on a caption line (``SIPDIS, INR``) or a
      line of caption-like words with a near miss (``SENSITVE, SIPDIS``) is reported, with a
      suggestion where one is close;
    * no caption twice (``SIPDIS`` / ``SIPDIS``);
    * STADIS only with EXDIS or NODIS, and after it;
    * one channel caption at most (NODIS, EXDIS, LIMDIS, SPECAT; STADIS beside EXDIS or NODIS
      is allowed);
    * no SIPDIS line below the caption area: a line reading only ``SIPDIS`` in the SUBJECT,
      REF list, "Classified By" block or body. SIPDIS in the TAGS line is T002's finding
      (``'SIPDIS' is a caption, not a tag``, with its fix), not reported again here; a
      mention of SIPDIS in running text is not a caption and passes.

    Notice lines (``SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY``) and the
    corrected-copy line are caption-area lines, not captions. Letter case is S006's.

Why:
    The dissemination processor routes a cable on its captions, one per line; a caption it
    cannot read, or a second channel caption, sends the cable to the wrong readers. STADIS
    narrows EXDIS or NODIS and is written after it.

Example:
    ``STADIS`` / ``NODIS``. Clean: ``NODIS`` / ``STADIS``.

Fix:
    Safe: split captions sharing a line (or sharing the banner line) onto lines of their own;
    swap STADIS and the EXDIS/NODIS written below it; delete a repeated caption. Unknown
    captions and a second channel caption need the drafter.

Options:
    extra_captions (default ``[]``): more caption words to accept (``["ROGER CHANNEL"]``).

Profiles:
    draft: everything above.
    archive: the artefacts of transmission and release pass: a second SIPDIS on a line of
    its own (about a quarter of the Cablegate cables carry the caption twice, the
    distribution system's SIPDIS above the drafter's), captions that share a line only
    because the release lost the header's line breaks (the normaliser's flattened-header
    artifact), and SIPDIS lines below the caption area (the release has them inside
    sentences, after each section's repeated banner and in merged cables).

Source:
    [FAH2-250 H-252.1-1]; [FAH2-440 H-442c]; duplicate and stray SIPDIS observed
    (08TRIPOLI220, 05OTTAWA3726) [CM]; spec/rules.md C008.
"""

import re

from .. import codes, regex
from ..diagnostics import Edit, Fix, Severity
from ..markings import (CAPTION, TEXT, UNKNOWN, caption_area, caption_kinds, line_end,
                        plain)
from ..normalise import FLATTENED_HEADER
from .base import Rule

_WORD = regex.compile(r"[A-Za-z]+")
_CAPTION_WORDS_LINE = regex.compile(r"[A-Za-z][A-Za-z,\s]*")
_CLASSIFICATION = regex.compile(r"UNCLAS|CONFIDENTIAL|SECRET|TOP|LIMITED", re.IGNORECASE)
_RESTRICTIVE = ("EXDIS", "NODIS")


class CaptionLines(Rule):
    code = "C008"
    name = "caption-lines"
    severity = Severity.WARNING
    fixable = "reorder/dedupe"
    summary = "caption area malformed"
    options = {"extra_captions": []}

    def check(self, cable, settings):
        extra = tuple(self.option(settings, "extra_captions"))
        archive = settings.profile == "archive"
        area = caption_area(cable, extra)
        flattened = flattened_lines(cable) if archive else set()
        duplicates = self.duplicates(cable, area, archive, flattened)
        repeated = {token for token, _ in duplicates}
        yield from (finding for _, finding in duplicates)
        yield from self.shared_lines(cable, area, flattened, repeated)
        yield from self.unknown(cable, area, extra)
        yield from self.channels(cable, area, extra, repeated)
        if not archive:
            yield from self.stray_sipdis(cable)

    # -- one caption per line ---------------------------------------------------------------
    def shared_lines(self, cable, area, flattened, repeated):
        """Captions sharing a line with the banner, another caption or other text."""
        banner = area.banner
        previous = None  # (line, end offset, what: None for the banner, TEXT, or a caption)
        if banner is not None:
            last = banner.serial or banner.post or banner.section or banner.classification
            previous = (banner.span.line, last.span.end, None)
        for token in area.tokens:
            if token.kind == UNKNOWN or repeated and token in repeated:
                continue
            what = TEXT if token.kind == TEXT else token.name
            if previous and previous[0] == token.line and token.line not in flattened:
                message = self.sharing(previous[2], token)
                if message:
                    fix = Fix((Edit(previous[1], token.start, "\n"),), safe=True,
                              description="put each caption on a line of its own")
                    yield self.finding(f"{message}; one caption per line",
                                       self.span(cable, token), fix=fix)
            previous = (token.line, token.end, what)

    @staticmethod
    def sharing(before, token) -> str | None:
        """What is wrong with ``token`` standing after ``before`` on one line."""
        if token.kind == TEXT:
            if before is None or before == TEXT:
                return None  # text after the serial is C001's
            return f"caption {before} shares its line with other text"
        if before is None:
            return f"caption {token.name} is on the banner line"
        if before == TEXT:
            return f"caption {token.name} shares its line with other text"
        return f"captions {before} and {token.name} share a line"

    # -- known captions ---------------------------------------------------------------------
    def unknown(self, cable, area, extra):
        kinds = caption_kinds(extra)
        for token in area.tokens:
            if token.kind == UNKNOWN:
                yield self.finding(f"unknown caption '{token.name}'{hint(token.name, kinds)}",
                                   self.span(cable, token))
        for attention in area.attention:
            for start, end, word in caption_like_words(cable, attention, kinds):
                yield self.finding(f"unknown caption '{word}'{hint(word, kinds)}",
                                   cable.source.offsets.original_span(start, end))

    # -- repeated captions ------------------------------------------------------------------
    def duplicates(self, cable, area, archive, flattened):
        """(token, finding) for every caption written a second time."""
        first = {}
        found = []
        for token in area.tokens:
            if token.kind != CAPTION:
                continue
            earlier = first.setdefault(token.name, token)
            if earlier is token:
                continue
            if archive and token.name == "SIPDIS" and (earlier.line != token.line
                                                        or token.line in flattened):
                continue
            start = self.previous_end(cable, area, token)
            end = token.end
            stop = line_end(cable.original, end)
            if not cable.original[end:stop].strip():
                end = stop
            fix = Fix((Edit(start, end, ""),), safe=True,
                      description=f"delete the repeated {token.name}")
            found.append((token, self.finding(f"caption {token.name} is written twice",
                                              self.span(cable, token), fix=fix)))
        return found

    @staticmethod
    def previous_end(cable, area, token) -> int:
        """The end of the last element or caption before ``token`` (what stays before it)."""
        ends = [t.end for t in area.tokens if t.end <= token.start]
        ends += [span.end for kind, span in cable.header_order
                 if kind != "caption" and span.end <= token.start]
        return max(ends, default=token.start)

    # -- channel captions and STADIS --------------------------------------------------------
    def channels(self, cable, area, extra, repeated):
        kinds = caption_kinds(extra)
        channel = [t for t in area.tokens
                   if t.kind == CAPTION and kinds.get(t.name) == "channel" and t not in repeated]
        if not channel:
            return  # the usual case
        stadis = [t for t in channel if t.name == "STADIS"]
        partners = [t for t in channel if t.name in _RESTRICTIVE]
        if stadis and not partners:
            yield self.finding("STADIS goes only with EXDIS or NODIS", self.span(cable, stadis[0]))
        elif stadis and stadis[0].start < partners[0].start:
            yield self.finding(f"STADIS comes after {partners[0].name}, not before it",
                               self.span(cable, stadis[0]), fix=swap(cable, stadis[0], partners[0]))
        counted = [t for t in channel if not (t.name == "STADIS" and partners)]
        names = list(dict.fromkeys(t.name for t in counted))
        for name in names[1:]:
            token = next(t for t in counted if t.name == name)
            yield self.finding(f"second channel caption {name} (the cable has {names[0]}); a "
                               "cable carries one channel caption", self.span(cable, token))

    # -- SIPDIS below the caption area ------------------------------------------------------
    def stray_sipdis(self, cable):
        start = self.below_captions(cable)
        if start is None:
            return
        text = cable.original
        if text.rfind("SIPDIS") < start:  # the usual cable (and rfind is the quicker search)
            return
        position = text.find("SIPDIS", start)
        while position >= 0:
            begin = text.rfind("\n", 0, position) + 1
            stop = line_end(text, position)
            if text[begin:stop].strip() == "SIPDIS":
                yield self.finding("SIPDIS line below the caption area; SIPDIS belongs once "
                                   "under the banner", cable.source.offsets.original_span(
                                       position, position + len("SIPDIS")))
            position = text.find("SIPDIS", stop)

    @staticmethod
    def below_captions(cable) -> int | None:
        """Where the caption area has certainly ended: the SUBJECT, else the body."""
        if cable.subject is not None:
            return cable.subject.span.start
        for item in cable.body:
            return item.span.start
        return None

    @staticmethod
    def span(cable, token):
        return cable.source.offsets.original_span(token.start, token.end)


def hint(word: str, kinds) -> str:
    guess = codes.suggest(word, kinds) if word.isalpha() else None
    return f"; did you mean '{guess}'?" if guess else ""


def caption_like_words(cable, attention, kinds):
    """Near misses on a line made only of caption-like words (``SENSITVE, SIPDIS``).

    Yields (start, end, word) of each word that is no caption but close to one, when the
    line has one to three words, no classification word, and every word is a caption or
    close to one.
    """
    text = cable.original[attention.span.start:attention.span.end].split("\n", 1)[0]
    if not _CAPTION_WORDS_LINE.fullmatch(text):
        return
    words = list(_WORD.finditer(text))
    if not 1 <= len(words) <= 3 or any(_CLASSIFICATION.fullmatch(w.group(0)) for w in words):
        return
    misses = []
    for word in words:
        name = plain(word.group(0))
        if name in kinds:
            continue
        if len(name) < 5 or codes.suggest(name, kinds) is None:
            return
        misses.append(word)
    for word in misses:
        yield (attention.span.start + word.start(), attention.span.start + word.end(),
               word.group(0))


def swap(cable, first, second):
    """Exchange two captions written on lines of their own; None if they share a line."""
    if first.line == second.line:
        return None
    text = cable.original
    return Fix((Edit(first.start, first.end, text[second.start:second.end]),
                Edit(second.start, second.end, text[first.start:first.end])), safe=True,
               description=f"write {second.name} above {first.name}")


def flattened_lines(cable) -> set[int]:
    """Original line numbers where the normaliser put back lost header line breaks."""
    offsets = cable.source.offsets
    return {offsets.line_column(a.start)[0] for a in cable.artifacts if a.kind == FLATTENED_HEADER}
