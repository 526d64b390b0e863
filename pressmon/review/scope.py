"""What one account may see: every item (the Center), or one province's.

A provincial office sees the items about its province: those attributed to it, and any other
that is about it as well, such as a national outlet's article that mentions it. That is the
archive's province filter (`Document.province` or any of `Document.provinces`), so what a
province sees and what its filter counts agree. Pure; `ScopedArchive` applies it to every read
and write.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from index.types import Document, Query


@dataclass(frozen=True)
class Scope:
    province: str | None = None  # None: the Center, which sees every province

    @property
    def is_center(self) -> bool:
        return self.province is None

    def allows(self, document: Document) -> bool:
        if self.province is None:
            return True
        return document.province == self.province or self.province in document.provinces

    def narrow(self, query: Query) -> Query | None:
        """`query` limited to the scope; None when it asks only for other provinces."""
        if self.province is None:
            return query
        if query.provinces and self.province not in query.provinces:
            return None
        return replace(query, provinces=frozenset({self.province}))
