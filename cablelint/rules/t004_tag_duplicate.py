"""T004 tag-duplicate: a tag listed more than once on the TAGS line.

What it checks:
    Each tag appears once on the TAGS line, continuation lines included; case does not
    matter (``PREL`` and ``prel`` are the same tag). Every repeat is reported where it
    stands. Person tags (``(STEINBERG, JAMES B.)``) and the names after a person-type tag are
    not compared, nor is a person-type tag that carries a name (``OVIP (SMITH, ANNE)`` and
    ``OVIP (JONES, MARK)`` for two visitors); a second ``OVIP`` after a first one without a
    name is a repeat (T006 reports the missing names).

Why:
    A repeated tag adds nothing to retrieval and usually shows a line pasted twice.

Example:
    ``TAGS: PREL MARR MOPS IT MARR MOPS IT``. Clean: ``TAGS: PREL MARR MOPS IT``.

Fix:
    Safe: remove the repeat with one separator; the first occurrence stays.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Observed repeats (01VATICAN3507, 03ROME2045) [CM]; spec/cable-format.md section 9 item 16;
    spec/rules.md T004.
"""

from ..citations import listed_tags, person_tags, removal_edits, tag_word
from ..diagnostics import Fix, Severity
from .base import Rule


class TagDuplicate(Rule):
    code = "T004"
    name = "tag-duplicate"
    severity = Severity.WARNING
    fixable = "yes"
    summary = "repeated tag"

    def check(self, cable, settings):
        for line in cable.tags_lines[:1]:
            tags = listed_tags(line)
            words = [tag_word(tag) for tag in tags]
            if len(set(words)) == len(words):
                continue
            skipped = set()
            for person in person_tags(cable, line):
                skipped.update(person.names)
                if person.form is not None:
                    skipped.add(person.index)
            first_seen: dict[str, int] = {}
            repeats = []
            for index, (tag, word) in enumerate(zip(tags, words)):
                if index in skipped or not word or tag.text.startswith("("):
                    continue
                if word in first_seen:
                    repeats.append(index)
                else:
                    first_seen[word] = index
            edits = removal_edits(cable, line, set(repeats))
            for index in repeats:
                tag = tags[index]
                first = tags[first_seen[words[index]]]
                where = (f"column {first.span.column}" if first.span.line == tag.span.line
                         else f"line {first.span.line}")
                fix = Fix((edits[index],), safe=True,
                          description=f"remove the repeated {words[index]}")
                yield self.finding(f"tag {words[index]} is listed twice (first at {where})",
                                   tag.span, fix=fix)
