"""T003 tags-run-together: tags written together without a separator.

What it checks:
    A TAGS token that is not a tag itself but splits into known tags: ``PHUMBA`` (``PHUM BA``),
    ``MASSMNUC`` (``MASS MNUC``), ``ETRDEINVECINPGOVCS``. Only the splits with the fewest
    parts count, and at least one part must be a subject or program tag, so that prose made
    of two-letter geographic codes (``RIGHTS`` as ``RI GH TS``) is not taken for tags. A token
    that splits in two ways is reported with both splits. Tokens in mixed case (``Haiti``)
    and caption words are not split.

Why:
    A run-together token is no tag at all: the cable is not found under any of the tags it
    was meant to carry.

Example:
    ``TAGS: KCRM KWMN ASEC PHUMBA``. Clean: ``TAGS: KCRM KWMN ASEC PHUM BA``.

Fix:
    Safe when the split is unique: write the parts apart, with the separator the line uses
    (a comma and a blank if its tags are comma-separated, else a blank). No fix when the
    token splits in two ways.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Observed run-together tags (``PHUMBA``, ``MASSMNUC``, ``ETRDEINVECINPGOVCS``) [CM:
    reader.py _TAG_FIXES]; spec/cable-format.md section 9 item 16; spec/rules.md T003.
"""

from ..citations import listed_tags, splits
from ..diagnostics import Edit, Fix, Severity
from .base import Rule


class TagsRunTogether(Rule):
    code = "T003"
    name = "tags-run-together"
    severity = Severity.ERROR
    fixable = "split"
    summary = "concatenated tags"

    def check(self, cable, settings):
        for line in cable.tags_lines[:1]:
            found = [(tag, ways) for tag in listed_tags(line)
                     if (ways := splits(tag.text.strip().rstrip(".")))]
            if not found:
                continue
            separator = ", " if "," in cable.original[line.span.start:line.span.end] else " "
            for tag, ways in found:
                token = tag.text.strip().rstrip(".")
                if token.islower():
                    ways = tuple(tuple(part.lower() for part in way) for way in ways)
                written = [" ".join(way) for way in ways]
                if len(ways) > 1:
                    yield self.finding(f"'{token}' runs tags together: it splits as "
                                       f"'{written[0]}' or as '{written[1]}'", tag.span)
                    continue
                end = tag.span.start + len(token)
                fix = Fix((Edit(tag.span.start, end, separator.join(ways[0])),), safe=True,
                          description=f"split {token} into {written[0]}")
                yield self.finding(f"'{token}' runs tags together: write '{written[0]}'",
                                   tag.span, fix=fix)
