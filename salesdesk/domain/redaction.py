"""Finding and replacing a person's or a company's details in free text (Erase Client).

Matching folds case as Python's ``str.casefold`` does, for every script ("ärzte gmbh" is
"Ärzte GmbH", "STRASSE" is "Straße"), and takes whole words only: erasing "Art" leaves
"Smart" alone. A name inside another client's name is left alone too: erasing "Art" must not
rewrite "Smart Art Ltd", which is someone else.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` case-folded, and for each folded character the index of the character of
    ``text`` it came from (folding may lengthen text: "ß" becomes "ss")."""
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        fold = char.casefold()
        parts.append(fold)
        origin.extend([index] * len(fold))
    return "".join(parts), origin


def _word_edge(text: str, index: int, inner: str) -> bool:
    """True when a match may start or end next to ``text[index]``: outside the text, or a
    character that does not continue the word the match's own ``inner`` end character is
    part of."""
    if index < 0 or index >= len(text):
        return True
    return not (text[index].isalnum() and inner.isalnum())


def occurrences(text: str, term: str) -> Iterator[tuple[int, int]]:
    """Where ``term`` occurs in ``text`` as whole words, ignoring case: (start, end) indices
    of ``text``, left to right, not overlapping."""
    wanted = term.casefold()
    if not wanted.strip():
        return
    folded, origin = _folded(text)
    position = folded.find(wanted)
    while position != -1:
        last = position + len(wanted) - 1
        whole_chars = ((position == 0 or origin[position - 1] != origin[position])
                       and (last + 1 == len(folded) or origin[last + 1] != origin[last]))
        start, end = origin[position], origin[last] + 1
        if (whole_chars and _word_edge(text, start - 1, text[start])
                and _word_edge(text, end, text[end - 1])):
            yield start, end
            position = folded.find(wanted, last + 1)
        else:
            position = folded.find(wanted, position + 1)


@dataclass(frozen=True, slots=True)
class Redaction:
    """Terms to replace in free text, each by its own replacement, and names that are left
    alone even where a term occurs inside them."""

    replacements: tuple[tuple[str, str], ...]
    protected: tuple[str, ...] = ()

    def apply(self, text: str) -> str:
        """``text`` with every whole-word occurrence of a term replaced, outside the
        protected names."""
        if not text:
            return text
        kept = [span for name in self.protected for span in occurrences(text, name)]
        found: list[tuple[int, int, str]] = []
        for term, replacement in self.replacements:
            for start, end in occurrences(text, term):
                if any(start < kept_end and kept_start < end for kept_start, kept_end in kept):
                    continue
                if any(start < other_end and other_start < end
                       for other_start, other_end, _ in found):
                    continue  # a longer term listed first already covers it
                found.append((start, end, replacement))
        for start, end, replacement in sorted(found, reverse=True):
            text = text[:start] + replacement + text[end:]
        return text


def redaction_of(details: Sequence[tuple[str, str]], other_names: Iterable[str]) -> Redaction:
    """The redaction of ``details`` (text, replacement) pairs: empty ones dropped, longer ones
    tried first (a contact's full name before a part of it), protecting every name of
    ``other_names`` that contains one of the terms (a name that folds to a term itself is
    not protected: it cannot be told apart from the term)."""
    pairs = sorted({(t.strip(), r) for t, r in details if t.strip()},
                   key=lambda pair: len(pair[0]), reverse=True)
    folded_terms = {t.casefold() for t, _ in pairs}
    protected = tuple(sorted({name for name in other_names
                              if name.casefold() not in folded_terms
                              and any(term.casefold() in name.casefold()  # cheap first
                                      and next(occurrences(name, term), None)
                                      for term, _ in pairs)}))
    return Redaction(tuple(pairs), protected)
