"""C009 sbu-without-sensitive: SBU text in an unclassified cable without the SENSITIVE caption.

What it checks:
    An UNCLAS cable with any ``(SBU...)`` portion (SUBJECT or paragraph) carries the
    ``SENSITIVE`` caption, written after every other caption, or an SBU notice line in the
    caption area (``SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY``, or a passing
    line naming SBU). A missing caption is reported on the first SBU portion; a SENSITIVE
    caption above another caption is reported where it stands.

Why:
    SBU is not a classification: an SBU telegram goes as UNCLASSIFIED, and the SENSITIVE
    caption, placed after any other caption, is what tells the dissemination system and
    the reader to protect it.

Example:
    ``UNCLAS STATE 089712`` / ``SIPDIS`` ... ``1. (SBU) ...``. Clean: ``UNCLAS STATE 089712``
    / ``SIPDIS`` / ``SENSITIVE`` ... ``1. (SBU) ...``.

Fix:
    Missing caption: unsafe (``--unsafe-fixes``): add ``SENSITIVE`` as the last caption line
    (or under the banner when there is no caption); it adds a handling caption to the whole
    cable, which the drafter confirms. Misplaced caption, each on a line of its own: safe:
    move SENSITIVE below the last caption.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    [STATE-00-018029 para A]; layout [STATE-06-089712]; [FAM12-540 541]; spec/rules.md C009.
"""

from ..diagnostics import Edit, Fix, Severity
from ..markings import CAPTION, caption_area, line_end, main_banner, mark_level, portion_marks
from .base import Rule


class SbuWithoutSensitive(Rule):
    code = "C009"
    name = "sbu-without-sensitive"
    severity = Severity.WARNING
    fixable = "yes"
    summary = "SBU text in an UNCLAS cable without the SENSITIVE caption"

    def check(self, cable, settings):
        banner = main_banner(cable)
        if banner is None or banner.level != "U":
            return
        sbu = next((m for m in portion_marks(cable) if mark_level(m) == "SBU"), None)
        if sbu is None:
            return
        area = caption_area(cable)
        captions = [t for t in area.tokens if t.kind == CAPTION]
        sensitive = [t for t in captions if t.name == "SENSITIVE"]
        if not sensitive:
            if not area.has_sbu_notice():
                yield self.finding(f"portion marked '{sbu.text}' in an UNCLAS cable without the "
                                   "SENSITIVE caption", sbu.span, fix=self.add(cable, area))
            return
        last = captions[-1]
        if last.name != "SENSITIVE":
            token = sensitive[0]
            yield self.finding(f"SENSITIVE goes after the other captions (below {last.name})",
                               cable.source.offsets.original_span(token.start, token.end),
                               fix=self.move(cable, area, token, last))

    @staticmethod
    def add(cable, area):
        lines = area.lines
        if lines:
            at = line_end(cable.original, lines[-1].span.end)
            insert = "\nSENSITIVE"
        elif area.banner is not None:
            at = line_end(cable.original, area.banner.span.end)
            insert = "\n\nSENSITIVE"
        else:
            return None
        return Fix((Edit(at, at, insert),), safe=False,
                   description="add SENSITIVE as the last caption line")

    @staticmethod
    def move(cable, area, token, last):
        """Delete the SENSITIVE line and write it under the last caption line."""
        same_line = [t for t in area.tokens if t.line in (token.line, last.line) and t is not token
                     and t is not last]
        if token.line == last.line or same_line:
            return None
        text = cable.original
        start = text.rfind("\n", 0, token.start)
        stop = line_end(text, token.end)
        at = line_end(text, last.end)
        return Fix((Edit(start, stop, ""), Edit(at, at, "\n" + text[token.start:token.end])),
                   safe=True, description="move SENSITIVE below the last caption")
