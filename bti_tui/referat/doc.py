"""The referat as a structured document: sections of blocks holding plain
text. Nothing here is Markdown or Typst: every string is shown as it is, and
each output (``markdown``, ``html``, ``pdf``) escapes or passes it as data on
its own terms. That is what keeps typed text from ever becoming structure.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    level: int  # 1 (the title) to 4
    text: str


@dataclass(frozen=True)
class Fields:
    """"Label: value" lines, shown as a list."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Remark:
    """A whole-paragraph remark of the referat itself ("Ingen notater.")."""

    text: str


@dataclass(frozen=True)
class Strong:
    """A paragraph in bold: the exemption marking."""

    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: tuple[int, ...] = ()  # right-aligned columns (numbers)


# --- what a typed note is made of (see notes.py) ---------------------------------------
@dataclass(frozen=True)
class Paragraph:
    """Typed lines, one line break between each."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class OrderedList:
    """Numbered items as typed: ``start``, ``start + 1``, ..."""

    start: int
    items: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    """Lines typed after "> ": paragraphs of lines."""

    paragraphs: tuple[tuple[str, ...], ...]


NoteBlock = Paragraph | BulletList | OrderedList | Quote
Block = Heading | Fields | Remark | Strong | Table | NoteBlock


@dataclass(frozen=True)
class Section:
    """One top-level part: "head", "participants", "case" or "time". The
    HTML wraps each in a <section>; a case starts a new printed page."""

    name: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    lang: str
    title: str  # plain text, for <title> and the PDF's metadata
    sections: tuple[Section, ...]
    running_head: str = ""  # kommune and unit, atop every PDF page
    marking: str = ""  # the exemption marking, atop every PDF page; "" = none
    footer: str = ""  # the document's short name, at the foot of every PDF page
    page_label: str = "{page} / {total}"  # "side {page} av {total}"

    @property
    def blocks(self) -> list[Block]:
        return [b for s in self.sections for b in s.blocks]
