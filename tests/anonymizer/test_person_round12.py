"""Round 12: kinds of names that still leaked on the development sets, each with look-alikes that must
stay unflagged, one block a rule: the name that closes a message (after a dash, as bare initials, set off
by punctuation or an emoji, before a phone number).
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


# The message's last word after a signing dash, bare initials, a set-off given name, a name before a phone.
CLOSINGS: list[tuple[str, list[str]]] = [
    ("can you move the payment to friday instead?\n- robin", ["robin"]),
    ("card is blocked again, please call me — frank", ["frank"]),
    ("thanks for the quick reply\n- tk", ["tk"]),
    ("please close the old savings account\nhilsen b.h.", ["b.h"]),
    ("all good now, thank you 🙏 mirela", ["mirela"]),
    ("kontonummer står i vedlegget, jolanta", ["jolanta"]),
    ("ring meg heller. DAISY\n+47 912 34 567", ["DAISY"]),
    # look-alikes: a dashed list, a reply after a dash, a number before a plural, an acronym
    ("to buy:\n- milk\n- eggs\n- bill", []),
    ("did the transfer go through?\n- ok", []),
    ("det har gått 4 daga no", []),
    ("sent from my phone\n- nb", []),
    ("the phone number is\n+47 912 34 567", []),
]


@pytest.mark.parametrize(("text", "expected"), CLOSINGS)
def test_round12_name_closing_the_message(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Lines about people: shares of a bill, kin labels with their names, a speaker opening a transcript.
LEDGERS: list[tuple[str, list[str]]] = [
    ("who paid for the cabin:\nMark - 1200\nRose - 1200\nme - 800", ["Mark", "Rose"]),
    ("husband: Frank\nsons: River, Storm\ncan all of us get cards?", ["Frank", "River", "Storm"]),
    ("Grace: hello, is anyone there?", ["Grace"]),
    # look-alikes: a budget whose lines are things, a label with a number, a note that greets
    ("my budget:\nRent - 9000\nBill - 350\nFood - 2500", []),
    ("kids: Two, both under 10", []),
    ("Note: hi, the app is down", []),
]


@pytest.mark.parametrize(("text", "expected"), LEDGERS)
def test_round12_names_heading_lines_about_people(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Lower-case and shouted names after a kin noun with its possessive, genitives before kin, payees paid for.
KIN_LOWER: list[tuple[str, list[str]]] = [
    ("my brother will paid the deposit already", ["will"]),
    ("kjæresten min jo skal flytte inn", ["jo"]),
    ("gf ngozi sent me 400 yesterday", ["ngozi"]),
    ("the money is from my landlord rose wood?", ["rose wood"]),
    ("can my grandma EVA BERG get a card? she is 90", ["EVA BERG"]),
    ("will's account is locked", ["will"]),
    ("i am sandys father, she is 16", ["sandy"]),
    ("i paid grace for the tickets", ["grace"]),
    # look-alikes: the modal after kin, kin before a verb, a plural, a thing paid for
    ("my brother will pay the deposit tomorrow", []),
    ("my sister says hi", []),
    ("she is parents representative", []),
    ("i paid rent for two months", []),
    ("it will be paid for by the company", []),
]


@pytest.mark.parametrize(("text", "expected"), KIN_LOWER)
def test_round12_lower_case_names_about_kin_and_payments(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Full names the extension cut short: a second name-word after a strong cue ending the line, a Vietnamese
# name ending in a closed-class word, an unlisted surname before lower case, a capitalised modal inside a
# sentence, a lower-case name line over an address; and abbreviated account-holder labels.
FULL_NAMES: list[tuple[str, list[str]]] = [
    ("name sarah grace\nwhy is my card blocked", ["sarah grace"]),
    ("acc holder: tran van an\nplease help", ["tran van an"]),
    ("I sent it to Mrs. Anjali Singh Kohli last week", ["Anjali Singh Kohli"]),
    ("my contact was Will Jensen from the loans team", ["Will Jensen"]),
    ("fiona o'sullivan\n4 Main Street, Cork", ["fiona o'sullivan"]),
    # look-alikes: the modal opening a question, a name line of two everyday words
    ("Will Michael Jensen call me back today?", ["Michael Jensen"]),
    ("rent paid\nthank you", []),
]


@pytest.mark.parametrize(("text", "expected"), FULL_NAMES)
def test_round12_full_names_kept_whole(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


def phones(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == "PHONE_NUMBER"]


# A British mobile grouped 5+6 without a cue word, and the international prefix "00" apart from the code.
PHONES: list[tuple[str, list[str]]] = [
    ("you can reach my landlady on 07911 123456 after six", ["07911 123456"]),
    ("my sister's number is 00 46 70 123 45 67", ["00 46 70 123 45 67"]),
    # look-alikes: an account number grouped 4.2.5, a birth number 6+5, an amount with öre
    ("konto 0791 11 23456 er min", []),
    ("fnr 070190 12345", []),
    ("totalt 1 000 00 48 kroner", []),
]


@pytest.mark.parametrize(("text", "expected"), PHONES)
def test_round12_phone_shapes(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert phones(engine, text) == expected


# In dialect "ei" and "den" stand before a given name ("that Hilde"); "en" before a noun stays a noun.
ARTICLES: list[tuple[str, list[str]]] = [
    ("eg prata med ei sigrid i kassa", ["sigrid"]),
    ("den torbjørn du snakka om har ringt", ["torbjørn"]),
    ("det sto en bjørn ved hytta", []),
]


@pytest.mark.parametrize(("text", "expected"), ARTICLES)
def test_round12_dialect_article_before_a_given_name(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
