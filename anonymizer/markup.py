"""Markup and encodings that hide personal data from the recognizers, and the edits that undo them.

Chat text pasted from a web form, an e-mail or a URL carries its encoding with it, and a customer
who wants to slip a number past a filter uses the same tricks on purpose: "&#48;&#55;&#48;..." (HTML
character references), "<span>121181</span><span>03414</span>" (tags inside a value), "ssn=%32%31..."
and "name=Wiktor%20Zaremba" (URL percent-encoding), "**2050**.**32**.**53799**" (markdown emphasis
around the groups of a number). The recognizers read none of these, so ``anonymizer.normalize`` applies
the edits found here (``(start, end, replacement)`` triples on the raw text) first, and every decoded
character still maps back to the characters that encoded it: the redaction covers the original.

A camel-case hashtag ("#IngeborgLøvlie") gets spaces between its words, for the name recognizers to
judge. Every pass is gated by its trigger character ("&", "%", "<", "*", "#"), so ordinary messages pay one
substring test each. Each rule is narrow: a tag must look like one ("<- that's me" is no tag), a
percent-escape must decode to a printable character and either come in a run or sit inside a word
("50%20" after a digit stays), and emphasis marks go only where they touch a digit and a word boundary,
so "5*3" and "2 * 3" keep theirs.
"""

from __future__ import annotations

import html
import re

from anonymizer.types import Edit

# --- HTML ---------------------------------------------------------------------------------------------

#: A character reference, numeric or one of the named ones people meet in pasted text.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: A start, end or empty tag: a letter right after "<" ("<3", "<- here", "< 5" are no tags).
_TAG = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9\-]*)(?:\s+(?P<attributes>[^<>\n]*?))?\s*/?>")
#: Tags that end a line or a block: read as a line break, so "Lykkeveien 4<br>1337 Sandvika" stays two
#: lines of an address; any other tag is removed ("<span>121181</span><span>03414</span>" is one number).
_BLOCK_TAGS = frozenset(
    {"br", "p", "div", "li", "tr", "td", "th", "address", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"}
    | {"table", "tbody", "blockquote", "pre", "hr", "section"}
)


#: HTML's elements (and Office's "o:p" is read as "o"): a word in angle brackets that is none of these
#: is no tag.
_HTML_TAGS = _BLOCK_TAGS | frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "body", "button", "caption", "center", "cite", "code", "col"}
    | {"colgroup", "dd", "del", "details", "dfn", "dl", "dt", "em", "fieldset", "figcaption", "figure", "font"}
    | {"footer", "form", "head", "header", "html", "i", "iframe", "img", "input", "ins", "kbd", "label"}
    | {"legend", "link", "main", "mark", "meta", "nav", "noscript", "o", "optgroup", "option", "param", "q"}
    | {"s", "samp", "script", "select", "small", "source", "span", "strike", "strong", "style", "sub"}
    | {"summary", "sup", "template", "textarea", "tfoot", "thead", "time", "title", "tt", "u", "var", "wbr"}
    | {"article", "aside", "dialog", "picture", "svg", "video", "audio", "canvas", "nobr"}
)


def _decoded(entity: str) -> str | None:
    """The character an entity stands for, or None if it is none (an unknown name, a control)."""
    text = html.unescape(entity)
    if text == entity or not text or any(ord(ch) < 32 and ch not in "\t\n" for ch in text):
        return None
    return text


def html_entities(text: str) -> list[Edit]:
    """Character references decoded: "annelise.folkvord&#64;hotmail&#46;com", "&#48;&#55;&#48;"."""
    if "&" not in text or ";" not in text:
        return []
    edits: list[Edit] = []
    for m in _ENTITY.finditer(text):
        decoded = _decoded(m.group())
        if decoded is not None:
            edits.append((m.start(), m.end(), decoded))
    return edits


def html_tags(text: str) -> list[Edit]:
    """Tags removed, block tags read as a line break (see ``_BLOCK_TAGS``). A tag's attributes are not
    removed (they may hold an e-mail or a name), only the marks around them.

    Only HTML's own elements are tags, and only with no attributes or attributes written as such
    (``name=value``): anything else in angle brackets is words, and stays in the recognizers' view.
    Removing every "<word ...>" hid what a customer put in brackets: "<Kari Nordmann>" lost "Kari" and
    "<DE89 3704 0044 0532 0130 00>" its country code, and with it the whole IBAN (found by a sweep of
    each kind of value in 38 kinds of brackets and marks). A custom tag such as "<fnr>" stays as text,
    which no number needs removed: its digits stand apart from it."""
    if "<" not in text or ">" not in text:
        return []
    edits: list[Edit] = []
    for m in _TAG.finditer(text):
        name = m.group("name")
        attributes = m.group("attributes")
        if name.lower() not in _HTML_TAGS or (attributes is not None and "=" not in attributes):
            continue  # "<Kari Nordmann>", "<DE89 3704 0044 ...>", "<Mark Hansen>": words in brackets, no tag
        mark = "\n" if name.lower() in _BLOCK_TAGS else ""
        if attributes is None:
            edits.append((m.start(), m.end(), mark))
        else:
            # the attributes stay in view, spaced off: '<a href="mailto:rune.eide@proton.me">' holds an e-mail
            edits.append((m.start(), m.start("attributes"), mark or " "))
            edits.append((m.end("attributes"), m.end(), mark or " "))
    return edits


# --- URL percent-encoding ----------------------------------------------------------------------------

#: A run of percent-escapes.
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _percent_decoded(run: str) -> str | None:
    """``run`` decoded as UTF-8, or None if it is not text (a byte that is no printable character)."""
    raw = bytes(int(run[k + 1 : k + 3], 16) for k in range(0, len(run), 3))
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if any(not ch.isprintable() and ch not in "\t\n" for ch in decoded):
        return None
    return decoded


def percent_escapes(text: str) -> list[Edit]:
    """Percent-escapes decoded: "ssn=%32%31%30..." -> "ssn=210...", "Wiktor%20Zaremba" -> "Wiktor Zaremba".

    A single escape after a digit stays ("rabatt 50%20 kr" is a typo, not a URL); so does a run that
    decodes to no text."""
    if "%" not in text:
        return []
    edits: list[Edit] = []
    for m in _PERCENT_RUN.finditer(text):
        single = m.end() - m.start() == 3
        if single and (m.start() == 0 or not text[m.start() - 1].isalpha() or m.end() == len(text)):
            continue  # one escape counts only inside a word: "Wiktor%20Zaremba", "hotmail%2Ecom"
        if single and not text[m.end()].isalnum():
            continue
        decoded = _percent_decoded(m.group())
        if decoded is not None:
            # one output character per escape where possible, so each maps to its own "%XX"
            if len(decoded) * 3 == m.end() - m.start():
                edits += [(m.start() + 3 * k, m.start() + 3 * k + 3, ch) for k, ch in enumerate(decoded)]
            else:
                edits.append((m.start(), m.end(), decoded))
    return edits


# --- markdown emphasis ---------------------------------------------------------------------------------

#: One to three emphasis marks ("_41234567_" is markdown's italics too).
_EMPHASIS = re.compile(r"\*{1,3}|_{1,3}")


def _starts_value(char: str) -> bool:
    return char.isalnum() or char == "+"


def emphasis_marks(text: str) -> list[Edit]:
    """Markdown emphasis around the groups of a number dropped: "**2050**.**32**.**53799**",
    "*5317* *1607* *8399* *7579*". A "*" goes when it touches a digit on one side and no letter or digit
    on the other, so "5*3" (a product, or a separator ``anonymizer.lookalikes`` weighs) and "2 * 3" keep
    theirs. An "_" goes when it touches a letter, a digit or a "+" on one side and none of these on the
    other: it is a word character, so in "_Kari Nordmann_", "_DE89 3704 ..._" and "_+47 412 34 567_"
    no recognizer saw the name, the IBAN or the number (found by a sweep of every kind of value in 38
    kinds of brackets and marks); "kari_h" (a handle) keeps its own. "*" is no word character, and
    "*Kari*" was always read."""
    if "*" not in text and "_" not in text:
        return []
    edits: list[Edit] = []
    n = len(text)
    for m in _EMPHASIS.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < n else " "
        if m.group()[0] == "_":
            drop = _starts_value(before) != _starts_value(after)  # "_" is a word character: see above
        else:
            drop = before.isdigit() != after.isdigit() and not (before.isalnum() and after.isalnum())
        if drop:
            edits.append((m.start(), m.end(), ""))
    return edits


#: Any character that starts one of the encodings above: one class scan for a message that has none.
_TRIGGER = re.compile(r"[&%<*_#]")


# --- hashtags -------------------------------------------------------------------------------------------

#: A hashtag of two or three capitalised words run together: "#IngeborgLøvlie", "#KariNordby".
_CAMEL_TAG = re.compile(r"(?<![\w#])#((?:[A-ZÆØÅ][a-zæøåéäöü]{2,}){2,3})(?![\w])")
_CAMEL_JOIN = re.compile(r"(?<=[a-zæøåéäöü])(?=[A-ZÆØÅ])")


def camel_hashtags(text: str) -> list[Edit]:
    """A space at each capital inside a camel-case hashtag, so the name recognizers read its words
    (they decide whether it is a name: "#IngeborgLøvlie" is, "#BlackFriday" is not)."""
    if "#" not in text:
        return []
    edits: list[Edit] = []
    for m in _CAMEL_TAG.finditer(text):
        for join in _CAMEL_JOIN.finditer(text, m.start(1) + 1, m.end(1)):
            edits.append((join.start() - 1, join.start(), text[join.start() - 1] + " "))
    return edits


def markup(text: str) -> list[Edit]:
    """Every edit above, in text order, without overlaps."""
    if _TRIGGER.search(text) is None:
        return []
    found = sorted(
        html_entities(text) + html_tags(text) + percent_escapes(text) + emphasis_marks(text) + camel_hashtags(text)
    )
    edits: list[Edit] = []
    end = -1
    for edit in found:
        if edit[0] >= end:
            edits.append(edit)
            end = edit[1]
    return edits
