"""The cable as rules see it: immutable records, each with the Span of its original text.

``build.py`` is the only module that makes these from the parse tree. Elements that can occur
more than once in real traffic (a repeated header block, two TAGS lines) are tuples; the
singular attributes of :class:`Cable` (``banner``, ``dtg`` ...) give the first occurrence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from . import regex
from .diagnostics import Span, same_kind_equality
from .normalise import Artifact, Normalised


class Text(NamedTuple):
    """A piece of the cable's text and where it stands (a named tuple: immutable, and the
    cheapest object to make; a cable has hundreds)."""

    text: str
    span: Span


class TransmissionLine(NamedTuple):
    """One ACP-127 format line: FL1 (``VZCZC...``), FL2, FL3 (``DE ...``), FL4 (``ZNY ...``)."""

    kind: str
    text: str
    span: Span


class DateTimeGroup(NamedTuple):
    """``O 201106Z MAR 08``: prosign(s), day-hour-minute and zone, month, year."""

    prosigns: tuple[Text, ...]
    time: Text
    month: Text
    year: Text
    remark: Text | None
    span: Span


class Addressee(NamedTuple):
    """``RUEHC/SECSTATE WASHDC IMMEDIATE 4696``: routing indicator, PLAD, precedence, MCN.

    The parts are read from the text when first asked for (the H rules take addressees apart
    with ``addresses.parse_addressee``; most runs never ask the model)."""

    text: str
    span: Span

    @property
    def routing_indicator(self) -> str | None:
        return _addressee_parts(self.text)[0]

    @property
    def plad(self) -> str:
        return _addressee_parts(self.text)[1]

    @property
    def precedence(self) -> str | None:
        return _addressee_parts(self.text)[2]

    @property
    def mcn(self) -> str | None:
        return _addressee_parts(self.text)[3]


_ADDRESSEE = regex.compile(
    r"(?:(?P<ri>[A-Z0-9]{4,8})/)?(?P<plad>.*?)"
    r"(?:[^\S\n]+(?P<prec>FLASH|NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|PRIOITY|PIORITY))?"
    r"(?:[^\S\n]+(?P<mcn>\d{1,6}))?[^\S\n]*$"
)


@lru_cache(maxsize=1024)
def _addressee_parts(text: str) -> tuple[str | None, str, str | None, str | None]:
    """Routing indicator, PLAD, precedence and MCN of an addressee line."""
    match = _ADDRESSEE.match(text)
    return match.group("ri"), match.group("plad").strip(), match.group("prec"), match.group("mcn")


class AddressList(NamedTuple):
    """The ``TO``, ``INFO`` or ``XMT`` list with its addressee lines."""

    keyword: str
    addressees: tuple[Addressee, ...]
    span: Span


class Originator(NamedTuple):
    """The ``FM`` line."""

    plad: Text
    span: Span


class Banner(NamedTuple):
    """``S E C R E T SECTION 01 OF 02 BEIJING 001050``."""

    classification: Text
    level: str  # U, C, S, TS or LOU
    section: Text | None
    post: Text | None
    serial: Text | None
    handling: Text | None
    span: Span


class Caption(NamedTuple):
    """A caption line (``SIPDIS``, ``NOFORN``, ``NODIS`` ...), possibly comma-joined."""

    text: str
    captions: tuple[Text, ...]
    span: Span


class EoLine(NamedTuple):
    """``E.O. 12958: DECL: 03/20/2033``: label, order number, the rest as written."""

    label: Text
    order: Text
    instruction: Text | None
    span: Span


class TagsLine(NamedTuple):
    """``TAGS: PARM PREL ETTC CH``, continuation lines included."""

    label: Text
    tags: tuple[Text, ...]
    span: Span


class PortionMark(NamedTuple):
    """``(S//NF)``: the level and the control as written."""

    text: str
    level: str
    control: str | None
    span: Span


class Subject(NamedTuple):
    """``SUBJECT: (C) ...`` over one or more lines."""

    label: Text
    portion_mark: PortionMark | None
    text: Text | None
    span: Span


class Reference(NamedTuple):
    """One item of a REF list: its letter (if any) and the citation."""

    letter: Text | None
    citation: Text
    span: Span


class References(NamedTuple):
    """``REF:`` / ``REFS:`` and its items."""

    label: Text
    references: tuple[Reference, ...]
    span: Span


class ClassifiedBy(NamedTuple):
    """The ``Classified By:`` block, continuation lines included."""

    text: Text
    span: Span


class Paragraph(NamedTuple):
    """A body paragraph: ``1. (S) ...``; number or portion mark may be missing."""

    number: Text | None
    portion_mark: PortionMark | None
    text: Text | None
    span: Span

    @property
    def value(self) -> int | None:
        """The paragraph number as an integer (``"3."`` -> 3)."""
        if self.number is None:
            return None
        digits = self.number.text.rstrip(".")
        return int(digits) if digits.isdigit() else None


class Block(NamedTuple):
    """An unnumbered, unmarked stretch of body text: heading, continuation, signature."""

    text: Text
    span: Span


class EndOfMessage(NamedTuple):
    """``NNNN``."""

    span: Span


class SyntaxProblem(NamedTuple):
    """Where the grammar could not read the text (reported as E001)."""

    message: str
    span: Span


same_kind_equality(TransmissionLine, DateTimeGroup, Addressee, AddressList, Originator, Banner,
                   Caption, EoLine, TagsLine, PortionMark, Subject, Reference, References,
                   ClassifiedBy, Paragraph, Block, EndOfMessage, SyntaxProblem)

BodyItem = Paragraph | Block | EndOfMessage


class _CableParts(NamedTuple):
    """What a parse reads of a cable (see :class:`Cable`)."""

    path: str
    source: Normalised
    transmission: tuple[TransmissionLine, ...] = ()
    dtgs: tuple[DateTimeGroup, ...] = ()
    originators: tuple[Originator, ...] = ()
    address_lists: tuple[AddressList, ...] = ()
    banners: tuple[Banner, ...] = ()
    captions: tuple[Caption, ...] = ()
    attention_lines: tuple[Text, ...] = ()
    eo_lines: tuple[EoLine, ...] = ()
    tags_lines: tuple[TagsLine, ...] = ()
    subjects: tuple[Subject, ...] = ()
    references: tuple[References, ...] = ()
    classified_by: tuple[ClassifiedBy, ...] = ()
    body: tuple[BodyItem, ...] = ()
    header_order: tuple[tuple[str, Span], ...] = ()
    syntax_problems: tuple[SyntaxProblem, ...] = ()


class Cable(_CableParts):
    """A whole cable, as built from one parse.

    A named tuple of its parts (equal and hashed by them). What is worked out from the parts
    when the cable is made, as the rules ask for it thousands of times a run, is kept in the
    instance's dict, outside equality and repr; like the parts it cannot be set:

    ``original`` (the text as read), ``artifacts``, the first of the repeatable elements
    (``dtg``, ``banner``, ``eo_line``, ``tags_line``, ``subject``), ``level`` (the banner's
    classification level: U, C, S, TS, LOU; None without a banner) and ``is_classified``."""

    original: str
    artifacts: tuple[Artifact, ...]
    dtg: DateTimeGroup | None
    banner: Banner | None
    eo_line: EoLine | None
    tags_line: TagsLine | None
    subject: Subject | None
    level: str | None
    is_classified: bool

    def __new__(cls, *args, **kwargs):
        cable = super().__new__(cls, *args, **kwargs)
        derived = cable.__dict__
        derived["original"], derived["artifacts"] = cable.source.original, cable.source.artifacts
        for name, elements in (("dtg", cable.dtgs), ("banner", cable.banners),
                               ("eo_line", cable.eo_lines), ("tags_line", cable.tags_lines),
                               ("subject", cable.subjects)):
            derived[name] = elements[0] if elements else None
        derived["level"] = derived["banner"].level if derived["banner"] else None
        derived["is_classified"] = derived["level"] in ("C", "S", "TS")
        return cable

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field '{name}'")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field '{name}'")

    @classmethod
    def _make(cls, iterable) -> "Cable":  # so that ``_replace`` works the derived values out too
        return cls(*iterable)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(item for item in self.body if isinstance(item, Paragraph))

    @property
    def numbered_paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.number is not None)


same_kind_equality(Cable)
