"""``--statistics``: ``count  CODE  slug  severity`` per rule, most frequent first, then the
total. Not a format of its own: it replaces the report of whichever format is chosen."""

from __future__ import annotations

from collections import Counter

from . import Chunk, Reporter


class Report(Reporter):
    def begin(self) -> None:
        self.counts: Counter = Counter()

    @classmethod
    def render(cls, name, diagnostics, fixed, color=False) -> Chunk:
        """No text; tally ((code, slug, severity, count), ...)."""
        counts = Counter((d.code, d.name, d.severity.label) for d in diagnostics)
        return Chunk("", tuple((*key, count) for key, count in counts.items()))

    def write(self, chunk: Chunk) -> None:
        for code, name, severity, count in chunk.tally:
            self.counts[code, name, severity] += count

    def end(self) -> None:
        ranked = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        for (code, name, severity), count in ranked:
            self.stream.write(f"{count:>6}  {code}  {name}  {severity}\n")
        self.stream.write(f"{sum(self.counts.values()):>6}  in all\n")
