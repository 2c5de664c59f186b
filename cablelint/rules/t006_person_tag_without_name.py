"""T006 person-tag-without-name: a person-type tag without the person's name.

What it checks:
    The person-type tags ``OCON``, ``OEXC``, ``OREP``, ``OTRA`` and ``OVIP`` are followed by
    the person tag of the subject individual: ``(SURNAME, GIVEN [INITIAL.])`` in parentheses
    (``OVIP (STEINBERG, JAMES B.)``) or in the comma form ``SURNAME, GIVEN``. Reported: a
    person-type tag followed by no name at all (``OVIP PREL``); a name written without its
    comma (``OVIP CLINTON HILLARY``, one to three words that are not tags); a parenthesised
    token that is not ``(SURNAME, GIVEN)`` (``OVIP (CLINTON)``). Words that are close to a
    known tag (``PRELL``) are taken for mistyped tags, not names (T002 reports them).

Why:
    Person-oriented tags exist to find the traffic about one visitor or official; without
    the name they find nothing.

Example:
    ``TAGS: OVIP PREL FR``. Clean: ``TAGS: OVIP (CLINTON, HILLARY) PREL FR``.

Fix:
    No fix: the linter has no list of persons to tell a surname from a given name, so even
    ``OVIP CLINTON HILLARY`` is left for the drafter to write as ``(CLINTON, HILLARY)``.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    74 STATE 150591 [STATE-74-150591]; observed forms ``OVIP (STEINBERG, JAMES B.)`` and
    ``OVIP CLINTON HILLARY`` [CM: test_reader_tags.py]; spec/cable-format.md section 4.5;
    spec/rules.md T006.
"""

from ..citations import listed_tags, person_tags, tag_word
from ..diagnostics import Severity
from .base import Rule


class PersonTagWithoutName(Rule):
    code = "T006"
    name = "person-tag-without-name"
    severity = Severity.WARNING
    summary = "person-type tag without the person"

    def check(self, cable, settings):
        for line in cable.tags_lines[:1]:
            tags = listed_tags(line)
            for person in person_tags(cable, line):
                tag = tags[person.index]
                word = tag_word(tag)
                if person.form is None:
                    yield self.finding(f"{word} is not followed by a person tag: write "
                                       f"{word} (SURNAME, GIVEN)", tag.span)
                elif person.form == "bare":
                    first, last = tags[person.names[0]], tags[person.names[-1]]
                    name = cable.original[first.span.start:last.span.end]
                    span = cable.source.offsets.original_span(first.span.start, last.span.end)
                    yield self.finding(f"the name after {word} is not a person tag: write "
                                       f"it as (SURNAME, GIVEN), not '{name}'", span)
                elif person.form == "malformed":
                    name = tags[person.names[0]]
                    yield self.finding(f"'{name.text}' after {word} is not a person tag "
                                       f"(SURNAME, GIVEN)", name.span)
