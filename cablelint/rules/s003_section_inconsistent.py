"""S003 section-inconsistent: SECTION x OF y disagrees with itself or with the page lines.

What it checks:
    * The banner's ``SECTION nn OF mm``: 1 <= nn <= mm, mm >= 2 (a one-section cable carries
      no SECTION), both written with two digits. Repeated banners (one per section, as the
      release concatenated them) give the same total.
    * The continuation (page) lines that the release left in the text and the normaliser took
      out (``REYKJAVIK 00000195  002 OF 002``, ``STATE 00226504  001.2 OF 002``,
      ``PAGE 02 ROME 01196 01 OF 02 082030Z``): their serial is the banner's serial, their post
      the banner's post (page lines cut it to ten letters, old ``PAGE`` lines to six, and drop
      a prefix such as ``RPO``), their total the banner's total and the same in every page
      line, and their section number is within it.

    The section number in the FL3 transmission line (``DE RUEHRK #0195/01 2531700``) is
    checked by H008 with the rest of that line, so one defect gives one finding.

Why:
    A long telegram goes out in sections; their numbers and the serial tie the sections
    together. A wrong number or serial splices text from another cable or leaves a section out.

Example:
    ``S E C R E T SECTION 03 OF 02 STATE 083673``. Clean: ``S E C R E T SECTION 01 OF 02
    STATE 083673``.

Fix:
    No fix: which number is wrong needs a human.

Options:
    None.

Profiles:
    Both profiles alike. (Page lines are release artifacts, so in practice they appear in
    archive traffic; X002 reports the lines themselves.)

Source:
    Observed forms [CM: 08REYKJAVIK195, 05STATE226504 page line; consts.py malformed IDs];
    spec/cable-format.md sections 2, 4.1 and 9; spec/rules.md S003.
"""

import re

from .. import regex
from ..diagnostics import Severity
from ..normalise import PAGE_LINE
from .base import Rule

_SECTION = regex.compile(r"SECTION\s+(\d+)\s+OF\s+(\d+)", re.IGNORECASE)
_PAGE_LINE = regex.compile(
    r"[^\S\n]*(?:PAGE[^\S\n]+\d+[^\S\n]+)?(?P<post>[A-Z][A-Z .]*?)[^\S\n]+(?P<serial>\d{5,8})"
    r"[^\S\n]+(?P<section>\d{2,3})(?:\.\d+)?[^\S\n]+OF[^\S\n]+(?P<total>\d{2,3})", re.IGNORECASE)


_NOT_LETTER = regex.compile(r"[^A-Z]")


class SectionInconsistent(Rule):
    code = "S003"
    name = "section-inconsistent"
    severity = Severity.ERROR
    summary = "SECTION x OF y inconsistent"

    def check(self, cable, settings):
        banner = cable.banner
        if banner is None:
            return
        section = _section(banner)
        yield from self.banners(cable)
        if banner.serial is not None and banner.serial.text.isdigit():
            yield from self.page_lines(cable, banner, section)

    def banners(self, cable):
        totals = set()
        for banner in cable.banners:
            numbers = _section(banner)
            if numbers is None:
                continue
            (number, total), span = numbers, banner.section.span
            written = banner.section.text
            if total < 2:
                yield self.finding(f"'{written}': a one-section cable carries no SECTION", span)
            elif not 1 <= number <= total:
                yield self.finding(f"'{written}': section {number} is not within 1 to {total}",
                                   span)
            elif any(len(d) != 2 for d in _SECTION.match(written).groups()):
                yield self.finding(f"'{written}': section numbers are written with two digits",
                                   span)
            if totals and total not in totals:
                yield self.finding(f"'{written}' gives {total} sections, an earlier banner "
                                   f"{min(totals)}", span)
            totals.add(total)

    def page_lines(self, cable, banner, section):
        serial = int(banner.serial.text)
        post = _squeeze(banner.post.text) if banner.post is not None else None
        totals = set()
        offsets = cable.source.offsets
        for artifact in cable.artifacts:
            if artifact.kind != PAGE_LINE:
                continue
            match = _PAGE_LINE.match(artifact.text)
            if match is None:
                continue

            def span(group, match=match, artifact=artifact):
                return offsets.original_span(artifact.start + match.start(group),
                                             artifact.start + match.end(group))

            if int(match["serial"]) != serial:
                yield self.finding(f"page line gives serial {match['serial']}, the banner "
                                   f"{banner.serial.text}", span("serial"))
            written_post = _squeeze(match["post"])
            if post and written_post and "XXXX" not in post and not (post.startswith(written_post)
                                                  or post.endswith(written_post)):
                yield self.finding(f"page line gives post '{match['post']}', the banner "
                                   f"'{banner.post.text}'", span("post"))
            number, total = int(match["section"]), int(match["total"])
            if section is not None and total != section[1]:
                yield self.finding(f"page line counts {match['total']} sections, the banner "
                                   f"{banner.section.text}", span("total"))
            elif totals and total not in totals:
                yield self.finding(f"page line counts {match['total']} sections, an earlier "
                                   f"page line {min(totals):03d}", span("total"))
            if number > total:
                yield self.finding(f"page line gives section {match['section']} of "
                                   f"{match['total']}", span("section"))
            totals.add(total)


def _section(banner) -> tuple[int, int] | None:
    if banner.section is None:
        return None
    match = _SECTION.match(banner.section.text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def _squeeze(post: str) -> str:
    return _NOT_LETTER.sub("", post.upper())
