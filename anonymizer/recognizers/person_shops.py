"""PERSON, the other way round: a shop, café or church named after a given name ("Sol Kaffebar", "Unni
Skjønnhetssalong", "Siv's Flowers", "Hope Church", "Borettslaget Solbakken").

Why: small businesses and associations take a first name or an everyday word and add what they are:
the kind of place after it ("Roar Frisør", "Peppes Pizza", "Kasikorn Bank"), or the kind of body before
it ("Borettslaget Solbakken", "Stiftelsen Hope"). A one-word name with such a noun beside it names the
place, which is no one's personal data. A full name keeps its reading ("Kari Hansen Frisør" is still
Kari Hansen), and so does a lower-case noun after it ("Kari frisør" may be the hairdresser Kari).
"""

from __future__ import annotations

from anonymizer.recognizers._tokens import LOWER, Tokens

#: What a place of business or worship is, after its name: "Sol Kaffebar", "Hope Church".
SHOP_NOUNS = frozenset(
    {"kaffebar", "kafé", "kafe", "café", "cafe", "coffee", "bakeri", "bakery", "konditori", "frisør", "frisørsalong",
     "salong", "salon", "barbershop", "pizza", "pizzeria", "restaurant", "bistro", "grill", "kebab", "sushi", "pub",
     "bar", "kiosk", "butikk", "shop", "store", "market", "marked", "blomster", "flowers", "florist", "church",
     "kirke", "kirken", "menighet", "bank", "spa", "studio", "klinikk", "clinic", "verksted", "hair", "nails",
     "negler", "treningssenter", "gym", "foods", "mat", "interiør", "design", "media", "kafeteria", "takeaway",
     "entertainment", "records", "studios", "productions", "games", "gaming", "kino", "cinema"}
)  # fmt: skip
#: Venues, which name a place even in lower case ("Nova kino"), where "Kari frisør" may be the hairdresser.
VENUES = frozenset({"kino", "kinoen", "cinema", "cinemas", "arena", "arenaen", "senter", "senteret"})
#: Endings of compound shop nouns: "Skjønnhetssalong", "Gårdsbakeri", "Blomsterbutikk".
SHOP_ENDINGS = ("salong", "bakeri", "butikk", "kiosk", "kafé", "kafe", "bar", "pizza", "senter", "klinikk", "verksted")
#: What a body is, before its name: "Borettslaget Solbakken", "Stiftelsen Hope", "Sameiet Sol".
BODIES_BEFORE = frozenset(
    {"borettslaget", "borettslag", "sameiet", "sameie", "stiftelsen", "foreningen", "forening", "menigheten",
     "idrettslaget", "idrettslag", "klubben", "velforeningen", "barnehagen", "skolen", "kafé", "restaurant",
     "hotell", "hotel", "firmaet", "selskapet"}
)  # fmt: skip


def names_a_shop(toks: Tokens, first: int, last: int) -> bool:
    """Words ``first..last`` (one word, or one word and the shop noun) name a shop or a body: a capitalised
    shop noun right after the word, or a capitalised body noun right before it."""
    if last == first + 1 and _shop_noun(toks, last):
        return True  # the run took the noun in: "Sol Kaffebar"
    if last != first:
        return False
    if last + 1 < len(toks.low) and _shop_noun(toks, last + 1):
        return True
    return first > 0 and toks.gap(first - 1) == " " and toks.shape[first - 1] != LOWER and (
        toks.low[first - 1] in BODIES_BEFORE
    )


def _shop_noun(toks: Tokens, k: int) -> bool:
    """Word ``k`` is a capitalised shop noun one space after the word before it."""
    if toks.gap(k - 1) != " ":
        return False
    low = toks.low[k]
    if toks.shape[k] == LOWER:
        return low in VENUES  # "Nova kino": no one's trade, so a place in lower case too
    return low in SHOP_NOUNS or (len(low) > 7 and low.endswith(SHOP_ENDINGS))
