"""A note's Markdown, parsed once (markdown-it-py) into the blocks every reader renders.

The editor's preview, the review pack, the prep brief and the search index all read notes
here, so they agree on what a note says. A meeting's notes start from its type's agenda
template; what the BRM left of it unfilled (a heading with nothing under it, an empty ``-``
or ``- [ ]``, a question left as written) says nothing, and :func:`written` drops it for
every reader but the editor.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Literal

from brm_desk.resource_files import resource

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BlockKind = Literal["heading", "paragraph", "bullets", "numbers", "item", "code", "quote", "rule"]

_TASK_BOXES = {"[ ]": False, "[x]": True, "[X]": True}


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a line and its marks; a line break inside a paragraph is a run of "\\n"."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str = ""


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph, list, list item, code block, quote or rule.

    Lists and quotes hold their blocks in ``children``; an item's own line is its ``runs``
    and what is under it (a nested list, more paragraphs) its ``children``. ``level`` is a
    heading's level or a numbered list's first number; ``checked`` is a task item's box.
    """

    kind: BlockKind
    runs: tuple[Run, ...] = ()
    children: tuple[Block, ...] = ()
    level: int = 0
    checked: bool | None = None

    @property
    def text(self) -> str:
        """The block's own line as plain text (its children aside)."""
        return "".join(run.text for run in self.runs)


def parse(markdown: str) -> tuple[Block, ...]:
    """The blocks of a note (any text is Markdown: this never fails)."""
    stack: list[tuple[Token | None, list[Block]]] = [(None, [])]
    for token in _parser().parse(markdown):
        if token.nesting == 1:
            stack.append((token, []))
        elif token.nesting == -1:
            opener, children = stack.pop()
            assert opener is not None  # markdown-it closes only what it opened
            stack[-1][1].append(_block(opener, children))
        elif token.type == "inline":
            stack[-1][1].append(Block("paragraph", _runs(token.children or [])))
        elif token.type in ("fence", "code_block"):
            code = Run(token.content.rstrip("\n"), code=True)
            stack[-1][1].append(Block("code", (code,)))
        elif token.type == "hr":
            stack[-1][1].append(Block("rule"))
    return tuple(stack[0][1])


@cache
def _parser() -> MarkdownIt:
    """CommonMark without raw HTML: a "<" in a note is text, never markup (imported on first
    use: start-up does not wait for it)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def _block(opener: Token, children: list[Block]) -> Block:
    kind = opener.type.removesuffix("_open")
    if kind == "heading":
        return Block("heading", children[0].runs if children else (), level=int(opener.tag[1:]))
    if kind == "paragraph":
        return children[0]  # the inline content, already a paragraph
    if kind == "bullet_list":
        return Block("bullets", children=tuple(children))
    if kind == "ordered_list":
        return Block("numbers", children=tuple(children), level=int(opener.attrGet("start") or 1))
    if kind == "list_item":
        return _item(children)
    return Block("quote", children=tuple(children))


def _item(children: list[Block]) -> Block:
    """A list item: its first paragraph is its own line, which may open with a task box."""
    if not children or children[0].kind != "paragraph":
        return Block("item", children=tuple(children))
    runs, rest = children[0].runs, tuple(children[1:])
    first = runs[0].text if runs and not runs[0].code else ""
    box, after = first[:3], first[4:]
    if box not in _TASK_BOXES or first[3:4] not in ("", " ", "\n"):
        return Block("item", runs, rest)
    trimmed = (replace(runs[0], text=after),) if after else ()
    return Block("item", trimmed + runs[1:], rest, checked=_TASK_BOXES[box])


def _runs(tokens: Sequence[Token]) -> tuple[Run, ...]:
    """A line's inline tokens as runs, neighbours with the same marks joined."""
    runs: list[Run] = []
    bold = italic = 0
    link = ""
    for token in tokens:
        if token.type in ("strong_open", "strong_close"):
            bold += token.nesting
        elif token.type in ("em_open", "em_close"):
            italic += token.nesting
        elif token.type in ("link_open", "link_close"):
            link = str(token.attrGet("href") or "") if token.nesting == 1 else ""
        else:
            text = "\n" if token.type in ("softbreak", "hardbreak") else token.content
            run = Run(text, bold > 0, italic > 0, token.type == "code_inline", link)
            if runs and replace(runs[-1], text="") == replace(run, text=""):
                runs[-1] = replace(run, text=runs[-1].text + text)
            elif text:
                runs.append(run)
    return tuple(runs)


def written(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks the BRM wrote: the note without the agenda template's unfilled prompts.

    A prompt (a line of a template, see :func:`template_prompts`) or an empty item stays
    when something was written under it; a heading stays when something is left in its
    section. Rules go too: alone they say nothing.
    """
    kept: list[Block] = []
    for block in reversed(blocks):  # a heading's fate depends on what follows it
        if block.kind == "heading":
            following = kept[-1] if kept else None
            if following and (following.kind != "heading" or following.level > block.level):
                kept.append(block)
            continue
        children = written(block.children)
        if children or _says_something(block):
            kept.append(replace(block, children=children))
    return tuple(reversed(kept))


def _says_something(block: Block) -> bool:
    line = " ".join(block.text.split())
    return bool(line) and (block.kind == "code" or line not in template_prompts())


def passages(blocks: Sequence[Block]) -> Iterator[Block]:
    """Every block with a line of its own (heading, paragraph, item, code), in reading order."""
    for block in blocks:
        if block.kind in ("heading", "paragraph", "item", "code"):
            yield block
        yield from passages(block.children)


DECISION_HEADINGS = ("decision", "agreed", "where we landed")
"""Words of a heading over what was decided: "Decisions", "Sponsor and decision", "Decisions
and actions" (the agenda templates), "Agreed", "Where we landed" (as BRMs write them)."""


def decisions(markdown: str) -> list[str]:
    """What a note records as decided: each line written under a decisions heading (see
    :data:`DECISION_HEADINGS`, in any case) until the next heading of its level or above."""
    found: list[str] = []
    folded = markdown.casefold()
    if not any(word in folded for word in DECISION_HEADINGS):  # most notes: never parsed
        return found
    level = 0  # the level of the decisions heading being read; 0: none
    for block in written(parse(markdown)):
        if block.kind == "heading" and not (level and block.level > level):
            title = block.text.casefold()
            level = block.level if any(word in title for word in DECISION_HEADINGS) else 0
        elif level:
            lines = (" ".join(b.text.split()) for b in passages([block]) if b.kind != "heading")
            found += filter(None, lines)
    return found


def plain_text(markdown: str) -> str:
    """What the BRM wrote in a note, without marks or unfilled prompts: a line a passage.

    The search index holds this, so its snippets read as text. Most private notes are
    empty, and the index asks for each, so a blank note skips the parser.
    """
    if not markdown.strip():
        return ""
    return "\n".join(block.text for block in passages(written(parse(markdown))))


@cache
def template_prompts() -> frozenset[str]:
    """Every line of the bundled agenda templates, each with its spaces made single.

    The bundled set only: the search index stores plain text, and a journal's index must
    not depend on which templates one machine has edited.
    """
    return frozenset(
        " ".join(block.text.split())
        for template in resource("agenda").glob("*.md")
        for block in passages(parse(template.read_text(encoding="utf-8")))
        if block.kind != "heading"
    )
