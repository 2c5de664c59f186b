"""R003 ref-citation-malformed: a REF item that is no readable citation.

What it checks:
    Each REF item cites cables as ``[YY|YYYY] POST SERIAL`` (serial of one to seven digits)
    or ``POST SERIAL (YY)``, with POST a station of the shipped list (``BEIJING``,
    ``RIO DE JANEIRO``, ``USUN NEW YORK``; compared without blanks) or a known message series
    (``SECTO``); several serials may share a post (``STATE 41252 AND 44603``). Reported:
    an alias of a post (``SECSTATE``, ``RIO DE JAN``, ``USUN``: data/ref_posts.tsv), a
    serial with leading zeros (``0044``), a citation written as a cable ID (``09BOGOTA569``,
    ``09RIYADH 1302``),
    an unknown post (``TALLIN 309``, with the closest station as a hint), and an item that is
    no cable citation and carries no type word with a date (a non-cable reference reads like
    ``LAKHDHIR E-MAIL 12/01/09``, ``SECDEF R162245Z OCT 08``, ``STATE-LONDON SVTC MAY 9``;
    a report title with a year or a handbook or regulation section such as ``9 FAM 42.1`` is
    accepted). Items cut off by the release (``ANKAR...``) or redacted (``XXXXXX``) are not
    judged; continuation-page furniture inside an item is ignored.

Why:
    A citation that cannot be read cannot be found: records systems and readers resolve
    ``08 RIO DE JANEIRO 44`` to the cable 08RIODEJANEIRO44, not ``RIO DE JAN 0044``.

Example:
    ``B. 08 RIO DE JAN 0044``. Clean: ``B. 08 RIO DE JANEIRO 44``.

Fix:
    Safe: write the canonical citation (the alias's station, the serial without leading
    zeros, a cable ID as ``YY POST SERIAL``). No fix for an unknown post or an undated
    reference.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Observed citation forms, station list and aliases [CM: consts.py, reader.py _C14N_FIXES];
    spec/cable-format.md section 4.7; spec/rules.md R003.
"""

from .. import codes
from ..citations import citation_span, exact_offset, read_reference
from ..diagnostics import Edit, Fix, Severity
from .base import Rule


class RefCitationMalformed(Rule):
    code = "R003"
    name = "ref-citation-malformed"
    severity = Severity.WARNING
    fixable = "canonicalise"
    summary = "cable citation not parseable"

    def check(self, cable, settings):
        if not cable.references:
            return
        for item in cable.references[0].references:
            citation = item.citation
            reading = read_reference(citation.text)
            if reading.redacted or reading.truncated:
                continue
            if reading.cables:
                for cited in reading.cables:
                    yield from self.canonical(cable, citation, cited)
            elif not citation.text.strip():
                yield self.finding("REF item cites nothing", item.span)
            elif reading.nothing:
                yield self.finding(f"REF item '{citation.text.strip()}' cites nothing: leave "
                                   "the REF line out", citation.span)
            elif reading.unknown_post is not None:
                post, start, end = reading.unknown_post
                guess = codes.suggest(codes.squeeze_post(post), codes.stations())
                hint = f"; did you mean '{guess}'?" if guess else ""
                yield self.finding(f"unknown post '{post}' in a REF citation{hint}",
                                   citation_span(cable, citation, start, end))
            elif reading.legal or reading.has_date or (reading.has_type_word
                                                       and reading.has_number):
                continue
            elif reading.has_type_word:
                yield self.finding("REF item that is not a cable has no date: give its date "
                                   "(such as E-MAIL 12/01/09)", citation.span)
            else:
                yield self.finding("REF item is neither a cable citation (POST SERIAL) nor a "
                                   "dated reference (type and date)", citation.span)

    def canonical(self, cable, citation, cited):
        reasons = []
        if cited.alias_of and not cited.continued:
            reasons.append(f"'{cited.post}' is written '{cited.alias_of}'")
        if len(cited.serial) > 1 and cited.serial.startswith("0"):
            reasons.append("the serial has leading zeros")
        if cited.id_form:
            reasons.append("write the year, post and serial apart")
        if not reasons:
            return
        wanted = cited.canonical()
        written = citation.text[cited.start:cited.end]
        start = exact_offset(cable, citation)
        fix = None
        if start is not None:
            fix = Fix((Edit(start + cited.start, start + cited.end, wanted),), safe=True,
                      description=f"write '{wanted}'")
        yield self.finding(f"REF citation '{written}' is not in the canonical form "
                           f"({'; '.join(reasons)}): write '{wanted}'",
                           citation_span(cable, citation, cited.start, cited.end), fix=fix)
