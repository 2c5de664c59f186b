"""T002 tag-unknown: a TAGS token that is not in the TAGS vocabulary.

What it checks:
    Each token of the TAGS line is a known subject tag (``PREL``), program tag (``KDEM``),
    organisation tag (``NATO``), geographic code (``CH``, FIPS 10-4 style, plus the non-FIPS
    codes seen in real traffic) or a person tag (``(STEINBERG, JAMES B.)``). Lists ship with
    the package (``cablelint/data``). A caption word used as a tag (``SIPDIS``) and prose
    (``HUMAN RIGHTS``) are reported; a close known tag is suggested (``PRELL`` -> ``PREL``).
    Case is left to S006: ``prel`` is known. Two kinds of token are left to the rules that
    say more about them: run-together tags (``MASSMNUC``, T003) and the words of a name
    written after a person-type tag (``OVIP CLINTON HILLARY``, T006). A continuation line
    where fewer than half the tokens are tags (a page banner, a subject or body text run into
    the TAGS element by a release) ends the TAGS line for all T rules.

Why:
    TAGS are a controlled vocabulary; an unknown tag routes the cable nowhere.

Example:
    ``TAGS: PGOVV, PREL, HUMAN RIGHTS``. Clean: ``TAGS: PGOV, PREL, PHUM``.

Fix:
    Safe, for a caption word only: remove it from the line together with one separator, so
    that ``PREL, SIPDIS, PGOV`` becomes ``PREL, PGOV`` and ``PREL SIPDIS PGOV`` becomes
    ``PREL PGOV``. Other tokens need a human choice.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    5 FAH-3 H-011.1, H-110 [FAH3]; observed prose and SIPDIS tags [CM]; spec/rules.md T002.
"""

from collections import Counter
from functools import cache, lru_cache
from itertools import chain

from .. import codes
from ..citations import (CAPTION_WORDS, listed_tags, name_tokens, removal_edits, splits,
                         vocabulary)
from ..diagnostics import Fix, Severity
from .base import Rule


@lru_cache(maxsize=1024)
def suggestion(word: str) -> str | None:
    """A close known tag for an unknown one (remembered: archives repeat their typos)."""
    return codes.suggest(word, _candidates(word)) if word.isalpha() else None


def _candidates(word: str) -> list[str]:
    """The known tags that lack at most two of the word's letters: ``codes.suggest`` passes
    over the others (it allows at most two edits), so it picks from these alone the tag it
    would pick from the whole vocabulary. Counted through an index of tags by letter."""
    target = word.strip().upper()
    if len(target) <= 2:  # a tag sharing no letter may pass too
        return list(vocabulary())
    index = _tags_by_letter()
    shared = Counter(chain.from_iterable(index.get(letter, ()) for letter in target))
    return [tag for tag, count in shared.items() if count >= len(target) - 2]


@cache
def _tags_by_letter() -> dict[str, tuple[str, ...]]:
    """Each letter of the known tags (upper case) -> the tags that contain it."""
    index: dict[str, list[str]] = {}
    for tag in vocabulary():
        for letter in set(tag.upper()):
            index.setdefault(letter, []).append(tag)
    return {letter: tuple(tags) for letter, tags in index.items()}


@lru_cache(maxsize=1024)
def _unknown(text: str) -> tuple[str, str] | None:
    """(token, upper-case word) of a TAGS token that is no known tag; None for a known tag,
    an empty token or a person tag."""
    token = text.strip().rstrip(".")
    word = token.upper()
    if not word or token.startswith("(") or codes.is_known_tag(word):
        return None
    return token, word


class TagUnknown(Rule):
    code = "T002"
    name = "tag-unknown"
    severity = Severity.WARNING
    fixable = "drop SIPDIS"
    summary = "token not in the TAGS vocabulary"

    def check(self, cable, settings):
        for line in cable.tags_lines[:1]:
            unknown = []
            for index, tag in enumerate(listed_tags(line)):
                reading = _unknown(tag.text)
                if reading is not None:
                    unknown.append((index, tag, *reading))
            if not unknown:
                continue
            names = name_tokens(cable, line)
            captions = {index for index, _, _, word in unknown if word in CAPTION_WORDS}
            edits = removal_edits(cable, line, captions)
            for index, tag, token, word in unknown:
                if index in captions:
                    fix = Fix((edits[index],), safe=True,
                              description=f"remove {word} from the TAGS line")
                    yield self.finding(f"'{token}' is a caption, not a tag", tag.span, fix=fix)
                elif index not in names and not splits(token):
                    guess = suggestion(word)
                    hint = f"; did you mean '{guess}'?" if guess else ""
                    yield self.finding(f"unknown tag '{token}'{hint}", tag.span)
