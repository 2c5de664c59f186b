"""Synthetic cables for the tests: a clean classified cable built from named parts.

Everything here is invented (posts, serials, names, content); no real cable text is copied.

``clean_cable()`` gives a cable that draws no finding from ``lint_text`` with the default
settings. Each part can be replaced, or removed with ``None``, so a test can make a variant
with exactly one defect::

    clean_cable(tags="TGS: PREL PGOV NO")          # mislabelled TAGS line
    clean_cable(refs=None)                          # no REF list
    clean_cable(paragraphs=[..., "3. The Minister said ..."])

The parts are laid out as drafted: optional transmission lines, the address block, a blank
line, the banner, the captions, the E.O./TAGS/SUBJECT block, the REF list, the "Classified
By" block, the paragraphs (one blank line between them), the signature and an optional
trailer (``NNNN``). A part given as a list is written one item per line; a string may hold
several lines.
"""

from __future__ import annotations

from collections.abc import Sequence

DTG = "O 141530Z MAR 24"
FM = "FM AMEMBASSY OSLO"
TO = ("TO SECSTATE WASHDC IMMEDIATE 1234",)
BANNER = "C O N F I D E N T I A L OSLO 000412"
CAPTIONS = ("SIPDIS",)
EO = "E.O. 13526: DECL: 03/14/2034"
TAGS = "TAGS: PREL PGOV NO"
SUBJECT = "SUBJECT: (C) NORWAY REVIEWS ARCTIC COOPERATION PLAN"
REFS = ("REF: A. OSLO 398", "     B. STATE 21145")
CLASSIFIED_BY = "Classified By: Ambassador Jane Q. Hollis. Reasons 1.4 (b) and (d)."
PARAGRAPHS = (
    "1. (C) Summary: The Foreign Ministry has begun a review of its\n"
    "arctic cooperation plan and expects to finish it by June. End\n"
    "Summary.",
    "2. (C) As reported ref A, the review covers the research stations\n"
    "on the archipelago. The ministry answered the questions of ref B\n"
    "on March 12 and promised a fuller reply after the review.",
    "3. (U) Embassy will report further developments.",
)
SIGNATURE = "HOLLIS"


def _lines(part) -> list[str]:
    if part is None:
        return []
    if isinstance(part, str):
        return part.split("\n")
    return [line for item in part for line in str(item).split("\n")]


def clean_cable(
    *,
    transmission: Sequence[str] | str | None = None,
    dtg: str | None = DTG,
    fm: str | None = FM,
    to: Sequence[str] | str | None = TO,
    info: Sequence[str] | str | None = None,
    banner: str | None = BANNER,
    captions: Sequence[str] | str | None = CAPTIONS,
    eo: str | None = EO,
    tags: str | None = TAGS,
    subject: str | None = SUBJECT,
    refs: Sequence[str] | str | None = REFS,
    classified_by: str | None = CLASSIFIED_BY,
    paragraphs: Sequence[str] | None = PARAGRAPHS,
    signature: str | None = SIGNATURE,
    trailer: str | None = None,
    newline: str = "\n",
) -> str:
    """A whole cable from its parts; ``None`` leaves a part out. Ends with a newline."""
    groups = [
        _lines(transmission) + _lines(dtg) + _lines(fm) + _lines(to) + _lines(info),
        _lines(banner),
        _lines(captions),
        _lines(eo) + _lines(tags) + _lines(subject),
        _lines(refs),
        _lines(classified_by),
        *(_lines(paragraph) for paragraph in (paragraphs or ())),
        _lines(signature) + _lines(trailer),
    ]
    blocks = ["\n".join(group) for group in groups if group]
    text = "\n\n".join(blocks) + "\n"
    return text.replace("\n", newline)


def unclassified_cable(**overrides) -> str:
    """A clean UNCLAS cable: ``N/A`` E.O. line, no marks, no "Classified By"."""
    parts = dict(
        dtg="R 150800Z JUN 24",
        to="TO SECSTATE WASHDC 4410",
        banner="UNCLAS OSLO 000413",
        captions=None,
        eo="E.O. 13526: N/A",
        tags="TAGS: PREL NO",
        subject="SUBJECT: NORWAY THANKS DELEGATION FOR VISIT",
        refs=None,
        classified_by=None,
        paragraphs=("Post concurs with the proposed agenda for the visit and has no\n"
                    "further comments.",),
    )
    parts.update(overrides)
    return clean_cable(**parts)


def position(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the ``occurrence``-th ``needle`` in ``text``."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th ``needle`` in ``text``."""
    return position(text, needle, occurrence)[0]


#: A cable with two findings: T002 tag-unknown (a warning) at 10:7 for 'PRELL', and P002
#: para-sequence (an error) at 20:1 for paragraph 3 after paragraph 1.
FAULTY = clean_cable(tags="TAGS: PRELL PGOV NO",
                     paragraphs=["1. (C) The ministry began a review, as ref A and ref B foresaw.",
                                 "3. (U) Embassy will report."])
