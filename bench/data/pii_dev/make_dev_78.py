# -*- coding: utf-8 -*-
"""Generate /work/scratch/devnew/dev_78.jsonl: labelled bank-chat messages (housing, loans, insurance claims,
pasted letters/signatures). Run with /work/main/.venv/bin/python (python-stdnum)."""
import collections
import ipaddress
import json
import random
import re
import sys

from stdnum import iban as stdiban
from stdnum import luhn
from stdnum.no import fodselsnummer, kontonr, orgnr

OUT = "/work/scratch/devnew/dev_78.jsonl"
R = random.Random(7878)
USED = set()

ZW = "\u200b"
SHY = "\u00ad"
WJ = "\u2060"

DIGIT_WORDS = ["null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni"]
WORD_DIGITS = {"null": "0", "en": "1", "ein": "1", "én": "1", "to": "2", "tre": "3", "fire": "4",
               "fem": "5", "seks": "6", "sju": "7", "syv": "7", "åtte": "8", "ni": "9",
               "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
               "six": "6", "seven": "7", "eight": "8", "nine": "9"}


# ---------------------------------------------------------------- formatting helpers
def grp(d, sizes, sep):
    out, i = [], 0
    for s in sizes:
        out.append(d[i:i + s])
        i += s
    if i < len(d):
        out.append(d[i:])
    return sep.join(x for x in out if x)


def insert_inv(s, ch=ZW):
    pos = [i for i in range(1, len(s)) if s[i - 1].isdigit() and s[i].isdigit()]
    p = R.choice(pos[1:-1] or pos)
    return s[:p] + ch + s[p:]


def style(d, fmt, sizes):
    if fmt == "plain":
        return d
    if fmt == "space":
        return grp(d, sizes, " ")
    if fmt == "dots":
        return grp(d, sizes, ".")
    if fmt == "dash":
        return grp(d, sizes, "-")
    if fmt == "zw":
        return insert_inv(grp(d, sizes, " "))
    if fmt == "zwplain":
        return insert_inv(d)
    if fmt == "shy":
        return insert_inv(d, SHY)
    if fmt == "wj":
        return insert_inv(grp(d, sizes, "."), WJ)
    if fmt == "nl":
        g = grp(d, sizes, " ")
        k = g.rfind(" ")
        return g[:k] + "\n" + g[k + 1:]
    if fmt == "spaced":
        return " ".join(d)
    if fmt == "words":
        return " ".join(DIGIT_WORDS[int(c)] for c in d)
    raise ValueError(fmt)


def fresh(n):
    if n in USED:
        return False
    USED.add(n)
    return True


# ---------------------------------------------------------------- generators (valid)
def gen_fnr(d=False, y0=1938, y1=2006):
    w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        y = R.randint(y0, y1)
        m = R.randint(1, 12)
        day = R.randint(1, 28)
        ind = R.randint(0, 499) if y < 2000 else R.randint(500, 999)
        base = f"{day + (40 if d else 0):02d}{m:02d}{y % 100:02d}{ind:03d}"
        k1 = (11 - sum(int(a) * b for a, b in zip(base, w1)) % 11) % 11
        if k1 == 10:
            continue
        base += str(k1)
        k2 = (11 - sum(int(a) * b for a, b in zip(base, w2)) % 11) % 11
        if k2 == 10:
            continue
        n = base + str(k2)
        if fodselsnummer.is_valid(n) and fresh(n):
            return n


BANKS = ["1503", "1506", "1206", "9710", "3000", "6011", "1254", "0530", "1822", "4202", "3632",
         "1594", "9235", "2801", "4312", "3201", "1813", "9365", "1080", "2050", "3705", "4760"]


def gen_kto():
    w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        base = R.choice(BANKS) + "".join(R.choice("0123456789") for _ in range(6))
        k = (11 - sum(int(a) * b for a, b in zip(base, w)) % 11) % 11
        if k == 10:
            continue
        n = base + str(k)
        if kontonr.is_valid(n) and not fodselsnummer.is_valid(n) and fresh(n):
            return n


def gen_org():
    w = [3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        base = R.choice("89") + "".join(R.choice("0123456789") for _ in range(7))
        k = (11 - sum(int(a) * b for a, b in zip(base, w)) % 11) % 11
        if k == 10:
            continue
        n = base + str(k)
        if orgnr.is_valid(n) and fresh(n):
            return n


def _iban_check(cc, bban):
    s = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return f"{98 - int(num) % 97:02d}"


def gen_iban(cc="NO"):
    def digits(k):
        return "".join(R.choice("0123456789") for _ in range(k))
    while True:
        if cc == "NO":
            bban = gen_kto()
        elif cc == "DE":
            bban = digits(18)
        elif cc == "PL":
            bban = digits(24)
        elif cc == "SE":
            bban = digits(20)
        elif cc == "GB":
            bban = R.choice(["NWBK", "BARC", "HBUK", "LOYD", "MIDL"]) + digits(14)
        elif cc == "DK":
            bban = digits(14)
        elif cc == "LT":
            bban = digits(16)
        elif cc == "NL":
            bban = R.choice(["ABNA", "INGB", "RABO"]) + digits(10)
        else:
            raise ValueError(cc)
        n = cc + _iban_check(cc, bban) + bban
        if stdiban.is_valid(n) and fresh(n):
            return n


def gen_card(kind="visa"):
    while True:
        if kind == "visa":
            body = "4" + "".join(R.choice("0123456789") for _ in range(14))
        elif kind == "mc":
            body = "5" + R.choice("12345") + "".join(R.choice("0123456789") for _ in range(13))
        elif kind == "amex":
            body = "3" + R.choice("47") + "".join(R.choice("0123456789") for _ in range(12))
        n = body + luhn.calc_check_digit(body)
        if luhn.is_valid(n) and fresh(n):
            return n


def rd(k):
    return "".join(R.choice("0123456789") for _ in range(k))


def gen_mob():
    while True:
        n = R.choice("49") + rd(7)
        if fresh(n):
            return n


def gen_land():
    while True:
        n = R.choice(["22", "23", "32", "33", "35", "38", "51", "52", "55", "56", "57", "61", "62",
                      "63", "69", "70", "71", "73", "74", "75", "77", "78"]) + rd(6)
        if fresh(n):
            return n


# ---------------------------------------------------------------- marked helpers (entities)
def F(fmt="plain", d=False):
    return f"[[F:{style(gen_fnr(d), fmt, (6, 5))}]]"


def K(fmt="dots"):
    return f"[[K:{style(gen_kto(), fmt, (4, 2, 5))}]]"


def O(fmt="plain"):
    return f"[[O:{style(gen_org(), fmt, (3, 3, 3))}]]"


def IB(cc="NO", fmt="space"):
    n = gen_iban(cc)
    if fmt == "space":
        n = grp(n, [4] * 9, " ")
    elif fmt == "zw":
        n = insert_inv(grp(n, [4] * 9, " "))
    return f"[[IB:{n}]]"


def CC(kind="visa", fmt="space"):
    n = gen_card(kind)
    sizes = (4, 6, 5) if kind == "amex" else (4, 4, 4, 4)
    return f"[[CC:{style(n, fmt, sizes)}]]"


def T(kind="mob", fmt="sp"):
    if kind == "mob":
        n = gen_mob()
        s = {"plain": n, "sp": grp(n, (3, 2, 3), " "), "pairs": grp(n, (2, 2, 2, 2), " "),
             "+47": "+47 " + grp(n, (3, 2, 3), " "), "+47p": "+47" + n, "0047": "0047 " + n,
             "dash": grp(n, (3, 2, 3), "-"), "zw": insert_inv(grp(n, (3, 2, 3), " ")),
             "words": style(n, "words", ()), "dots": grp(n, (3, 2, 3), "."),
             "nl": n[:3] + " " + n[3:5] + "\n" + n[5:], "(+47)": "(+47) " + grp(n, (2, 2, 2, 2), " ")}[fmt]
    elif kind == "land":
        n = gen_land()
        s = {"sp": grp(n, (2, 2, 2, 2), " "), "plain": n, "+47": "+47 " + grp(n, (2, 2, 2, 2), " "),
             "dash": grp(n, (2, 2, 2, 2), "-")}[fmt]
    else:
        while True:
            if kind == "pl":
                s = f"+48 {R.choice('5678')}{rd(2)} {rd(3)} {rd(3)}"
            elif kind == "se":
                s = f"+46 7{R.choice('0236')} {rd(3)} {rd(2)} {rd(2)}"
            elif kind == "uk":
                s = f"+44 7{rd(3)} {rd(6)}"
            elif kind == "de":
                s = f"+49 15{R.choice('12579')} {rd(8)}"
            elif kind == "lt":
                s = f"+370 6{rd(2)} {rd(5)}"
            elif kind == "ua":
                s = f"+380 {R.choice(['67', '50', '93', '97'])} {rd(3)} {rd(2)} {rd(2)}"
            elif kind == "es":
                s = f"+34 6{rd(2)} {rd(2)} {rd(2)} {rd(2)}"
            elif kind == "so":
                s = f"+252 61 {rd(3)} {rd(4)}"
            elif kind == "pl0048":
                s = f"0048 {R.choice('5678')}{rd(8)}"
            if fresh(re.sub(r"\D", "", s)):
                break
    return f"[[T:{s}]]"


def IP4(lead=False, private=False):
    while True:
        if private:
            o = [192, 168, R.randint(0, 2), R.randint(2, 254)]
        else:
            o = [R.choice([84, 85, 46, 77, 88, 109, 178, 193, 195, 212, 217, 92, 81, 158, 51]),
                 R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)]
        s = ".".join(f"{x:03d}" if lead else str(x) for x in o)
        if fresh(s):
            return f"[[IP:{s}]]"


def IP6():
    while True:
        g = [R.choice(["2a01", "2001", "2a02", "2a00"]), f"{R.randint(0x100, 0xfff):x}",
             f"{R.randint(0, 0xffff):x}", f"{R.randint(0, 0xffff):x}"]
        tail = [f"{R.randint(0, 0xffff):x}" for _ in range(R.choice([1, 2, 4]))]
        s = ":".join(g) + ("::" if len(tail) < 4 else ":") + ":".join(tail)
        ipaddress.IPv6Address(s)
        if fresh(s):
            return f"[[IP:{s}]]"


# ---------------------------------------------------------------- negatives (must NOT validate)
def _is_piiish(d):
    n = len(d)
    if n == 11 and (kontonr.is_valid(d) or fodselsnummer.is_valid(d)):
        return True
    if n == 9 and orgnr.is_valid(d):
        return True
    if 13 <= n <= 19 and luhn.is_valid(d):
        return True
    if n == 8 and d[0] in "4923567":
        return True
    return False


def gen_ref(n, first="123456789"):
    while True:
        d = R.choice(first) + rd(n - 1)
        if not _is_piiish(d) and fresh(d):
            return d


def BAD(fmt="plain"):
    while True:
        d = R.choice(BANKS[:8]) + rd(7)
        if not _is_piiish(d) and fresh(d):
            return f"<<BAD:{style(d, fmt, (4, 2, 5) if fmt == 'dots' else (6, 5))}>>"


def REF(kind, n, fmt="plain", sizes=(4, 4, 4, 4, 4), first="123456789", pre="", post=""):
    d = gen_ref(n, first)
    return f"<<{kind}:{pre}{style(d, fmt, sizes)}{post}>>"


def KID(n=None, fmt="plain"):
    n = n or R.choice([7, 10, 12, 15, 20, 25])
    return REF("KID", n, fmt, (5, 5, 5, 5, 5))


def L4():
    return f"<<L4:{rd(4)}>>"


MSGS = []


def M(lang, text):
    MSGS.append((lang, text))

# ================================================================ 1. boliglån, refinansiering (bokmål)
M("nb", f"Hei! Jeg og samboeren min [[P:Stein Are Bakke]] skal søke boliglån sammen. Vi har sett på en leilighet i [[A:Storgata 5B, H0302, 0155 Oslo]], prisantydning <<AM:4 250 000 kr>>. Hva trenger dere fra oss?")
M("nb", f"Hva er renta deres på boliglån nå? Ser at dere har <<PCT:5,44 %>> nominelt på nettsida, men hva blir den effektive?")
M("nb", f"hei jeg skal refinansiere. har lån i annen bank på ca <<AM:2,1 mill>> og et billån på <<AM:180k>>. fnr {F('plain')} ring meg gjerne på {T('mob','sp')}")
M("nb", f"Vi har fått takst på boligen, <<AM:5 600 000>>. Takstmannen het [[P:Hans Petter Fjell]] fra <<W:Norsk Takst>>. Skal jeg laste opp rapporten her eller sende den på mail?")
M("nb", f"Megleren vår heter [[P:Lilly Strand]] hos <<W:Privatmegleren>>, hun ba meg spørre om finansieringsbeviset kan være klart innen <<D:fredag 14. juni>>?")
M("nb", f"Er det mulig å få avdragsfrihet et halvt år? Lånet er på <<AM:3 200 000>> og jeg betaler ca <<AM:21 400 kr>> <<W:per>> måned nå. Har fått baby og er i permisjon")
M("nb", f"Hei. Datteren vår [[P:Sol]] skal kjøpe sin første leilighet, og vi vil stille som kausjonister for henne. Hun er 22 og jobber i barnehage. Hvordan går vi fram?")
M("nb", f"Vi vil gi sønnen vår [[P:Tor-Erik]] forskudd på arv, <<AM:500 000 kr>>, til egenkapital. Kan pengene gå rett inn på kontoen hans {K('dots')}? Eller må det gjennom advokat først?")
M("nb", f"Jeg er skilt fra [[P:Per Olav Haug]] og vi har felles lån. Han skal overta huset i [[A:Haugveien 17, 1850 Mysen]]. Hvordan får jeg meg selv ut av lånet?")
M("nb", f"Eksen min nekter å signere på at jeg overtar lånet alene. Hva gjør jeg da? Lånenummer {REF('CASE', 12, 'space', (4, 4, 4))}")
M("nb", f"Hvordan funker det med fellesgjeld i borettslag? Leiligheten koster <<AM:2 890 000>> + fellesgjeld <<AM:1 120 000>>, og felleskostnadene er <<AM:6 450 kr>>/mnd. Regnes fellesgjelden med i 5x inntekt?")
M("nb", f"Jeg eier en seksjon i et sameie, <<CASE:gnr. 41 bnr. 227 snr. 14>> i <<W:Bærum>> kommune. Trenger dere noe mer enn det for å sjekke pantet?")
M("nb", f"medlåntaker er [[P:kari nordmann-bakke]], fnr {F('space')}. hun bor på [[A:Kirkeveien 112, leil. 12, 0361 Oslo]] frem til vi flytter sammen")
M("nb", f"Hva skjer hvis renta går opp til <<PCT:7 %>>? Hvor mye mer må jeg betale på et lån på <<AM:4 mill>>?")
M("nb", f"Fikk et brev datert <<D:12.03.2024>> med saksnummer {REF('CASE', 6, 'plain', pre='2024-')} om at søknaden er mottatt. Når kan jeg forvente svar??")
M("nb", f"Kan du sende lånetilbudet til [[E:stein.bakke78@gmail.com]] i stedet? Den gamle adressen bruker jeg ikke lenger")
M("nb", f"Vi har budrunde i morgen <<TM:kl 12:00>> på et rekkehus i [[A:Solbakken 23, 3050 Mjøndalen]]. Trenger høyere finansieringsbevis, opp til <<AM:4,6 mill>>. Haster!!")
M("nb", f"visningen ble avlyst pga <<W:stormen>> i går, men vi vil fortsatt by. Er finansieringsbeviset på <<AM:3,9>> fortsatt gyldig? det var datert <<D:2. februar>>")
M("nb", f"Hei! Jeg lurer på hvor mye jeg kan låne. Jeg tjener <<AM:640 000>> i året, har <<AM:350 000>> i egenkapital og ingen annen gjeld 😊")
M("nb", f"Kan dere ringe meg etter <<TM:16.00>>? {T('mob','plain')}. Gjelder refinansiering av huset, [[P:Mona Elvestad]]")
M("nb", f"Hei, er det [[P:Dag]] jeg snakket med i går? Han lovte å sende papirene for overtakelse men jeg har ikke fått noe. God <<W:dag>> forresten 🙂")
M("nb", f"Jeg har fått lånetilbud med <<PCT:5,19%>> rente fra en annen bank. Kan dere matche det? Ellers flytter jeg lånet. Kundenummer {REF('CASE', 8, first='1')}")
M("nb", f"Vi skal kjøpe sammen med broren min, [[P:Anders Bakke]], og eie 50/50. Er det vanlig? Han har fnr {F('plain')} og jobber offshore så han er vanskelig å få tak i")
M("nb", f"Kausjonisten er min far, [[P:Tore Vik]], [[A:Vikaveien 41, 5337 Rong]]. Han lurer på om han må møte opp i banken eller om alt kan signeres med BankID?")
M("nb", f"Trenger bekreftelse på at lånet er innfridd til tinglysingen. Pantedokumentet gjelder <<CASE:gnr 88 bnr 12>> i <<W:Lillehammer>>. Kan dere slette pantet?")
M("nb", f"Hei, må jeg ha <<PCT:15 %>> egenkapital eller holder det med <<PCT:10>> når jeg er under 34? Leiligheten koster <<AM:3 150 000,->>")
M("nb", f"Jeg har overtatt en leilighet etter mamma sitt dødsbo, [[A:Lillevollveien 9 H0201]]. Skifteattesten er utstedt <<D:03.05.2024>>. Hvordan flytter jeg lånet over på meg?")
M("nb", f"Hva betyr \"etableringsgebyr <<AM:2 500 kr>>\" og \"tinglysingsgebyr <<AM:585 kr>>\" i lånetilbudet? Kommer det mer i tillegg?")
M("nb", f"Vi har fått ja på bud!!! 🎉🏡 [[P:Vilde]] og jeg overtar <<D:1. august>>. Hva skjer nå?")
M("nb", f"Send gjerne kopi av gjeldsbrevet til min advokat, [[P:Ingvild Berg-Hansen]], [[E:ibh@advokatfirmaet-berg.no]]. Hun håndterer skilsmissen.")
M("nb", f"Jeg har et rammelån på <<AM:1,5 mill>> med sikkerhet i hytta på <<W:Fjell>>. Kan jeg øke rammen til <<AM:2 mill>>?")
M("nb", f"hvorfor er renta på lånet mitt høyere enn den som står på nettsida?? dere annonserer <<PCT:4,99 %>> og jeg betaler <<PCT:5,69 %>>. lånenr {REF('CASE', 11, 'dots', (4, 2, 5), first='8')}")
M("nb", f"Vil bare si at [[P:Elv Margrethe Sunde]] på Lillestrøm-kontoret var utrolig hjelpsom med refinansieringen. Gi henne en klem fra oss!")
M("nb", f"Vi er tre søsken som har arvet barndomshjemmet i [[A:Berglia 6, 7600 Levanger]]. [[P:Hanne]] vil kjøpe ut meg og [[P:Sindre]]. Kan hun få lån alene?")
M("nb", f"Hei, hvor lang tid tar det å behandle en søknad om boliglån? Sendte den <<D:mandag>>")
M("nb", f"Leiligheten ligger i <<W:Thorvald Meyers gate>> på <<W:Grünerløkka>>, tredje etasje uten heis. Det er et borettslag med lav fellesgjeld. Hvor mye kan jeg låne med <<AM:520 000>> i lønn?")
M("nb", f"Min nye adresse er [[A:Bakkegata 3, 4010 Stavanger]], fra <<D:01.09>>. Husk å oppdatere slik at forsikringspapirene kommer til riktig sted")
M("nb", f"Kan jeg bruke BSU-en til å betale ned på lånet? Har <<AM:263 450 kr>> på BSU-kontoen")
M("nb", f"Vi har solgt leiligheten og kjøper ny. Oppgjøret fra megler kommer fra <<W:Krogsveen>> til klientkonto. Megler er [[P:Fredrik Haugland]], tlf {T('mob','pairs')}")
M("nb", f"Kan [[P:Per]] og jeg få mellomfinansiering? Vi har kjøpt nytt før vi har solgt. Salgssum ventes å bli rundt <<AM:6,2 millioner>>")
M("nb", f"Hei, hva er forskjellen på fast og flytende rente? Tilbudet er <<PCT:5,25 %>> fast i 5 år eller <<PCT:5,44 %>> flytende")
# ================================================================ 2. nynorsk og dialekt
M("nn", f"Hei. Eg og sambuaren min skal kjøpe oss hus i [[A:Haugsvegen 112, 6800 Førde]]. Ho heiter [[P:Synnøve Aarflot]] og har fast jobb på sjukehuset. Kor mykje kan vi låne til saman?")
M("nn", f"Kan de senda lånedokumenta til den nye adressa mi? [[A:Nedre Bakken 4, 6783 Stryn]]. Eg flytta i førre veke.")
M("nn", f"Eg lurer på kva renta blir om eg bind ho i tre år. Lånet er på <<AM:1 850 000>> og eg har betalt ned sidan <<Y:2017>>.")
M("nn", f"Guten vår [[P:Eirik]] skal kjøpa si første leilegheit i Bergen, og vi har tenkt å stilla med tilleggstrygd i huset vårt. Korleis fungerer det?")
M("nn", f"God <<W:dag>>! Kan eg få utsetjing på terminen for <<D:juni>>? Det har vore ein vanskeleg vår med mykje sjukdom i familien.")
M("nn", f"Takstmannen, [[P:Odd Bjarne Strand]], kom i går og sette verdien til <<AM:3,4 mill>>. Det er meir enn vi rekna med, kan vi då få betre rente?")
M("nn", f"Garden vår ligg på <<CASE:gnr. 17 bnr. 3>> i <<W:Ullensvang>>. Banken treng visst ei ny takst før vi kan refinansiera. Kven nyttar de vanlegvis?")
M("nn", f"Hei, eg heiter [[P:Ragnhild Liv Tveit]], fødd {F('space')}. Eg vil søkja om lån til å kjøpa ut broren min frå hytta.")
M("nn", f"Brevet de sende kom til feil adresse. Rett adresse er [[A:Fjellvegen 8, 5700 Voss]], ikkje [[A:Fjellvegen 80]]!")
M("nn", f"Kva kostar det å flytta lånet til dykk? Har <<AM:2,6 mill>> i ein annan bank til <<PCT:5,8 %>>")
M("nn", f"Ringjer de meg på {T('mob','sp')}? Eg er på jobb til <<TM:15:30>>, så etter det går fint. Mvh [[P:Sigbjørn]]")
M("nn", f"Kontonummeret til seljar er {K('space')}, men advokaten seier at pengane skal gå via meklar. Kva er rett?")
M("dialect", f"hei, æ og kjæresten (han heite [[P:Ask]]) ska kjøp leilighet i Tromsø sammen. ka må vi ha av papira?")
M("dialect", f"Hei! Æ har fått ja på lån men banken har skreve feil adresse i skjøtet. Det skal vær [[A:Storgata 88 B, 9008 Tromsø]] ikke 86 B")
M("dialect", f"ka e renta dokkers no? ser på nettet at det står <<PCT:5,3>> men æ betale mer enn det 🤔")
M("dialect", f"nån har brøte sæ inn i bua på hytta, politimann [[P:Bakke]] sa vi sku ta bilde av alt. e det hytteforsikringa som gjelde eller innboet?")
M("dialect", f"hei hei, e det mulig å få snakka me [[P:Lykke]] som hadde saken min sist? ho sa æ bare sku spørr etter ho")
M("dialect", f"Æ ønske dæ <<W:lykke>> te med den nye jobben, og takk for all hjælp me lånet 😊")
M("dialect", f"Kordan ska æ få te å betal begge låna når ekskona ikkje betale sin del? Ho heite [[P:Marit Solbakk]] å bor no i [[A:Havnegata 2, 8006 Bodø]]")
M("dialect", f"Hæ? Æ har itj fått nå brev om renteøkning. Kor mye går terminbeløpet opp?")
M("dialect", f"Hei, dæm på forsikringa sa æ sku send kontonummer te dokker. Det e {K('plain')}")
M("dialect", f"vart vannlekkasje på badet i går kveld, røyrleggar [[P:Jostein]] fra <<W:Aksel Stein AS>> e her no. kem betale for dette?")
M("dialect", f"skjer d noe me lånet om æ flytte te Svalbard? skal jobb der et år fra <<D:januar>>")
M("dialect", f"E det dokker som har lånet på leiligheta te mor mi? Ho heite [[P:Ågot Vikan]], å e 84 år. Æ e verge for ho.")
M("dialect", f"Hei. Bor i [[A:Flatåsveien 9, 7079 Flatåsen]] og lure på om æ kan få refinansiert med hytta som sikkerhet")
M("dialect", f"nei veit du ka. dokker har trukke meg 2 ganga for samme termin i <<D:mars>>!!")
M("dialect", f"Tjena. Kor lang tid tar det før penga e på konto etter at skjøtet e tinglyst?")
M("dialect", f"Æ mista jobben og klare ikkje betal lånet no. Kan æ få avdragsfritt? Ring {T('mob','+47')} – [[P:Trond]]")
M("dialect", f"hei, e det nån som kan hjælp mæ? sameiet vårt (<<W:Sameiet Strandkanten>>) ska ta opp fellesgjeld te nytt tak, å æ lure på ka det betyr for mitt lån")
M("nn", f"Meklaren heiter [[P:Torunn Kvåle]] hjå <<W:Eigedomsmeklar Vest>>. Ho sa de hadde fått bodet vårt, men vi har ikkje fått stadfesting på finansieringa.")
M("nn", f"Vi har ein eldre son, [[P:Kjell Ove]], som vil overta garden. Kan han overta lånet vårt på <<AM:900 000>> òg?")
M("dialect", f"e det mulig å få lån på <<AM:1,2 mill>> te ei leilighet i Namsos når æ har <<AM:80 000>> i ek?")
M("dialect", f"Hei, dæ e [[P:stein]] igjen. har du sjekka om kausjonen te sønnen min e i orden?")
M("dialect", f"Sto ein <<W:stein>> midt i vegen i natt og æ kjørt rett på. e det dekt av bilforsikringa?")
M("dialect", f"æ trur ikkje dokker har fått med dæ at æ har bytta navn. Æ het no [[P:Sol Iren Bergstrøm]] ette bryllupet 💍")
# ================================================================ 3. English, Polish-Norwegian, immigrants, other Nordic
M("en", f"Hi, I'm moving to Bergen for work and want to buy a flat. I only have a D-number: {F('plain', d=True)}. Can I still get a mortgage?")
M("en", f"Hello, my name is [[P:Grace Mwangi]]. My husband and I want to refinance our mortgage. Our current rate is <<PCT:6.1%>> which is a lot. Please call me on {T('mob','+47')}")
M("en", f"I <<W:hope>> you can help me. The estate agent [[P:Will Harding]] said the bank needs the valuation report before <<D:Friday>>. Where do I upload it?")
M("en", f"Quick question, will the bank accept a co-signer who lives abroad? My dad lives at [[A:14 Elm Grove, Leeds LS6 2AN]], UK.")
M("en", f"Can you send the loan documents to [[E:mark.obrien@outlook.com]]? Thanks, [[P:Mark]]")
M("en", f"I got a letter saying my mortgage rate goes up to <<PCT:5.74 %>> from <<D:15 March>>. Is this final or can I negotiate?")
M("en", f"Hi, our flat was burgled last night. The police officer, Officer [[P:Haugen]], gave us a case number <<CASE:{gen_ref(8, '1')}>>. What do we do for the insurance claim?")
M("en", f"My ex-wife [[P:Hope Adeyemi]] still lives in the apartment we co-own. I want to be removed from the loan. What are my options?")
M("en", f"<<W:Will>> I get a <<W:grace>> period on my loan? I was told I could <<W:ask>> for up to 12 months interest-only. I <<W:hope>> that's still true")
M("en", f"The <<W:bill>> from the plumber is <<AM:NOK 48 750>>. Does home insurance cover this or only the water damage itself? Invoice no. {REF('INV', 7, first='2')}")
M("en", f"Hi, it's [[P:Bill Thompson]] again. I sent my payslips yesterday, did you get them?")
M("en", f"My address in Norway is [[A:Sandakerveien 64 H0405, 0484 Oslo]] and my phone is {T('mob','sp')}. Please update it, the old one was in Drammen.")
M("en", f"Please do NOT call me at work. Use my private email instead: [[E:storm.larsen (at) proton.me]]")
M("en", f"There was a huge <<W:storm>> last night and a tree fell on our roof. Who do I contact about the damage? We are in Tromsø.")
M("en", f"Hi, I'm trying to log in to see my mortgage but BankID keeps failing. My IP is {IP4()} if that helps your IT people.")
M("en", f"Could you confirm that the deposit of <<AM:NOK 450,000>> for the flat was received? Reference {REF('ORD', 10, first='6')}")
M("en", f"Our neighbour downstairs, Mr. [[P:Rasmus Holm]], says water is coming through his ceiling from our bathroom. Do we report it or does he?")
M("en", f"The surveyor said the property is worth <<AM:NOK 3.8m>>. The seller wants <<AM:4.1m>>. Will you lend on the valuation or the price?")
M("en", f"Sorry my English is not so good. Me and my wife [[P:Amina Yusuf Ali]] want to buy house. We live in Norway since <<Y:2015>>.")
M("en", f"Hi there, I'm [[P:Lucas de la Cruz]], my partner [[P:Ingrid]] and I are buying a flat at [[A:Kongens gate 14, 7011 Trondheim]]. Can we get a joint loan if I'm on a temporary contract?")
M("en", f"Can someone call my father, [[P:Ahmed bin Salem]], about the guarantee? He speaks Arabic and a little English. Number {T('mob','0047')}")
M("en", f"I want to transfer my savings from my UK account {IB('GB')} to use as equity. Any fees?")
M("mixed", f"Dzień dobry! Jeg heter [[P:Katarzyna Nowak]], jeg har jobbet i Norge siden <<Y:2016>>. Chcę kupić mieszkanie – kan jeg få boliglån med fast jobb men bare D-nummer? Mitt D-nummer er {F('plain', d=True)}")
M("mixed", f"hei, mój mąż [[P:Tomasz Wiśniewski]] jobbe som snekker, fast jobb. my chcemy kjøpe hus i Sandnes. ile trzeba mieć egenkapital?")
M("mixed", f"Hei, jeg må sende penger til mamma i Polen for å betale regning. Konto: {IB('PL')}. Hvor lang tid tar det?")
M("mixed", f"Było włamanie do naszego mieszkania! innbrudd i natt, politi var her. Min adresse [[A:Tollbugata 22, leil. 305, 3044 Drammen]]. Hva gjør jeg nå med forsikring?")
M("mixed", f"hei jeg er [[P:piotr kowalski]], moje konto {K('plain')}, jeg har fått regning fra forsikring men jeg forstår ikke ... co to jest egenandel <<AM:4000 kr>>?")
M("mixed", f"Mama mieszka w Polsce: [[A:ul. Długa 15 m. 4, 80-827 Gdańsk]]. Hun skal være kausjonist for lånet mitt, er det mulig når hun bor i utlandet?")
M("mixed", f"Dobry wieczór, ring meg på {T('pl')} eller norsk nummer {T('mob','sp')}, dziękuję! [[P:Agnieszka]]")
M("mixed", f"hei!! forsikringsbolaget sa att jag måste ringa er om skadan på lägenheten. Tjenestemann heter [[P:Lars Ove Strand]], saksnr {REF('CASE', 9, first='1')}")
M("mixed", f"hello, min svigerfar [[P:Mohammed al-Rashid]] vil hjelpe oss med egenkapital, men pengene er i Dubai. Is that a problem for hvitvasking regler?")
M("mixed", f"Hei, i'm [[P:tran thi mai]], jeg har lån i dere. I want to change betalingsdato to <<D:20.>> every month because lønn comes then")
M("mixed", f"Jeg bor i Litauen nå men har fortsatt leilighet i Norge. Mitt telefonnummer er {T('lt')} og adresse [[A:Gedimino pr. 20-5, LT-01103 Vilnius]]")
M("mixed", f"Hei! Sorry for English-norsk blanding 😅 the water damage was caused by the dishwasher, ikke taket. Rørlegger [[P:Kristoffer]] from <<W:Rørlegger Vik AS>> said so")
M("mixed", f"Привіт, I am from Ukraine, [[P:Oksana Melnyk]]. Live in [[A:Ekornveien 3, 2816 Gjøvik]]. Want to ask about innboforsikring, how much per month?")
M("sv", f"Hej! Jag bor i Sverige men äger en lägenhet i Oslo. Min adress här är [[A:Kungsgatan 44, 411 19 Göteborg]]. Kan jag få lån hos er?")
M("sv", f"Hej, min sambo [[P:Elin Sjöberg]] och jag vill köpa bostadsrätt i Halden. Hon har svenskt personnummer men jag har norskt: {F('plain')}")
M("sv", f"Vad är räntan för bostadslån just nu? Vi funderar på att flytta över <<AM:2,4 miljoner>> från en svensk bank.")
M("sv", f"Vattenskada i badrummet! Grannen [[P:Bengt Lindqvist]] sa att det droppar ner hos honom. Ring mig på {T('se')}")
M("da", f"Hej, jeg er dansk og har købt andelsbolig i Oslo. Min danske konto er {IB('DK')}, kan I overføre udbetalingen dertil?")
M("da", f"Goddag. Jeg hedder [[P:Mette Kjærgaard]] og vil gerne høre om jeres rente på boliglån, det står <<PCT:5,2 %>> på hjemmesiden?")
M("se", f"Buorre beaivi! Mun lean [[P:Máret Ánne Gaup]] ja mus lea viessoloatna dus. Sáhtátgo riŋget munnje {T('mob','sp')}?")
M("se", f"Buorre iđit. Mun háliidan ođđa loana. Mu čujuhus lea [[A:Áidejávrrigeaidnu 12, 9730 Karasjok]].")
M("se", f"Giitu veahkkis! Loatna lea <<AM:1 200 000 ru>>, ja reantu lea <<PCT:5,5 %>>.")
# ================================================================ 4. forsikringsskader: innbrudd, vannskade
M("nb", f"Hei, vi har hatt innbrudd i leiligheten i natt. Politiet var her, betjenten het [[P:Mark Berg]] og anmeldelsesnummeret er {REF('CASE', 8, first='1')}. Hvordan melder jeg skaden på innboforsikringen?")
M("nb", f"Vannlekkasje fra naboen over oss, [[P:Liv Sæther]] i [[A:Tollbugata 8, H0401]]. Rørleggeren sier det er en sprukket kobling under vasken hennes. Hvem sin forsikring dekker dette?")
M("nb", f"Saksbehandleren min hos dere heter [[P:Grace Okafor]], og hun har bedt om kvitteringer for alt som ble stjålet. Jeg har bare kontoutskrifter. Holder det?")
M("nb", f"Det ble stjålet en sykkel fra boden i kjelleren. Anmeldt på nett <<D:23.04.2024>>, referanse {REF('CASE', 8, first='1')}. Sykkelen kostet <<AM:24 990 kr>> i <<Y:2022>>.")
M("nb", f"Hei! Skadenummer {REF('CASE', 7, first='3', pre='SK-')} – jeg har ikke hørt noe på tre uker. Takstmannen [[P:Rune Haugen]] var her <<D:2. mai>> og sa dere skulle ringe.")
M("nb", f"Innbruddstyven kom inn via verandadøra. Naboen [[P:Rose-Marie Lund]] så en mann i grå hettegenser rundt <<TM:02.30>>. Skal jeg oppgi henne som vitne?")
M("nb", f"Vi hadde vannskade i kjelleren etter at <<W:elva>> gikk over sine bredder. Hele første etasje sto under vann. Er det naturskade eller vannskade?")
M("nb", f"Hei, håndverkeren som skal reparere badet er [[P:Arkadiusz Zieliński]] fra <<W:AZ Bygg og Flis AS>>, org.nr {O('space')}. Kan dere betale ham direkte?")
M("nb", f"Vi fikk tilbud på <<AM:187 500 kr>> fra <<W:Bakke Rør AS>> for å rive og bygge opp badet igjen. Egenandelen er <<AM:6 000>>. Når får vi utbetalt?")
M("nb", f"Betjent [[P:Vik]] på Manglerud sa at jeg skulle sende kopi av anmeldelsen til forsikringsselskapet. Hvor sender jeg den?")
M("nb", f"Naboen vår, [[P:Hans Storm]], hadde glemt å skru av vannet i vaskemaskinen, og nå har vi fuktskjolder i hele taket. Han bor i [[A:Granveien 14A, 1430 Ås]], vi bor i 14B.")
M("nb", f"Utbetalingen for innbruddet skal gå til {K('dots')}, ikke til den gamle kontoen. Saksbehandler er [[P:Tor Ivar Lie]].")
M("nb", f"Har fått brev fra [[P:Aud Strand]] i skadeavdelingen om at dere avslår kravet fordi døra ikke var låst. Den VAR låst!! Jeg vil klage.")
M("nb", f"Hei. Taklekkasje etter <<W:stormen>> i helgen. Taktekkeren kommer <<D:tirsdag>>. Må jeg vente på takstmann før han begynner?")
M("nb", f"Tyvene tok PC, smykker og en klokke fra bestefar (ca <<AM:35 000>>). Betjenten [[P:Lise-Lotte Bakke]] sa de ofte finner ting på finn.no etterpå 😞")
M("nb", f"Jeg vil gjerne endre kontaktinfo på skadesaken: ny e-post [[E:kjell.fjell@lyse.net]] og mobil {T('mob','sp')}.")
M("nb", f"Vannet kom fra leiligheten over, der bor [[P:Stein]] og [[P:Sol]]. De har forsikring i <<W:Fremtind>>. Skal jeg ta kontakt med dem eller dere?")
M("nb", f"Hei, det var innbrudd i bilen i natt, de knuste ruta og tok sekken med PC. Bilen sto parkert i <<W:Storgata>> utenfor Rema.")
M("nb", f"Har dere mottatt bildene av vannskaden? Sendte dem fra [[E:m.haug.nilsen@hotmail.com]] i går kveld rundt <<TM:23:15>>")
M("nb", f"Jeg har fått faktura fra <<W:Rørleggerservice Øst AS>> på <<AM:13 450,->> for lekkasjesøk. Fakturanr {REF('INV', 6, first='1')}, KID {KID(15)}. Skal jeg betale den selv?")
M("nb", f"Politiet (betjent [[P:Kristin Elvebakk]]) har henlagt saken. Betyr det at forsikringen ikke betaler?")
M("nb", f"Det lukter mugg etter vannskaden i <<D:november>>. Fuktmåleren til tømreren viste over <<PCT:20 %>> i veggen. Er dette en ny skade eller samme sak?")
M("nb", f"Vi er et borettslag og styreleder er [[P:Berit Vikhammer]]. Vannskaden gjelder tre leiligheter: H0101, H0102 og H0201. Hvem skal melde den?")
M("nb", f"Hei dere! Takk til [[P:Lilly]] i skadeavdelingen som ordnet opp så fort etter brannen 🙏 Hun fortjener en bonus!")
M("nb", f"Mistet lommeboka under innbruddet, kortet er sperret. Kortnummeret var {CC('visa','space')}, men jeg har ikke fått nytt enda")
M("nb", f"Innbrudd i boden vår i [[A:Sørlivegen 7, 2613 Lillehammer]] i helgen. Låsesmeden [[P:Hans-Jørgen]] skiftet lås for <<AM:3 200 kr>>. Dekkes det?")
M("nb", f"Jeg skal sende kvitteringene per post. Hva er adressen til skadeavdelingen? Er det fortsatt Postboks i Oslo?")
M("nb", f"Rørleggeren fant lekkasjen bak flisene. Han het [[P:Bjørn Ask]], tlf {T('mob','pairs')}, hvis dere vil snakke med ham direkte.")
M("nb", f"Hei, jeg er leietaker og det har vært vannskade i leiligheten. Utleier heter [[P:Geir Fjellheim]]. Dekker min innboforsikring sofaen som ble ødelagt?")
M("nb", f"Skal jeg ta vare på den ødelagte parketten til takstmannen kommer, eller kan vi kaste den? Saksnr {REF('CASE', 8, first='8')}")
M("nb", f"Hei, har fått beskjed om at jeg må betale egenandel på <<AM:10 000 kr>>, men i avtalen står det <<AM:4 000>>! Forsikringsnummer {REF('CASE', 9, first='7')}")
M("nb", f"Sendte inn skademelding <<D:14/6>>, ingen har tatt kontakt. Har ringt tre ganger. Dette er ikke greit.")
M("nb", f"Vaktmesteren i sameiet, [[P:Dag Rune Olsen]], har tatt bilder av skaden i fellesarealet. Skal han sende dem til dere eller til forretningsfører?")
M("nb", f"Hei, ble frastjålet bankkortet mitt under innbruddet – kortet som slutter på {L4()}. Vil sperre det og få nytt.")
M("nb", f"Tyven ble tatt! Etterforsker [[P:Petter Hauge]] ringte i dag og sa de har funnet noen av tingene. Hva skjer med erstatningen da?")
M("nb", f"Vaskemaskinen lakk ut og parketten i gangen er helt ødelagt. Hvor mye dekker forsikringen?")
M("nb", f"Naboene fam. [[P:van der Meer]] har også fått skade, kan vi melde det sammen?")
M("nb", f"Skadefrekvensen i blokka vår er visst høy sier forretningsfører <<W:OBOS>>, så fellesforsikringen har økt med <<PCT:35 %>>. Påvirker det meg?")
M("nb", f"Hei, jeg har en videoopptak fra ringeklokka som viser innbruddstyvene kl <<TM:03:47>>. Politiet har fått den, betjent [[P:Storm]] sa den var nyttig. Skal dere også ha den?")
M("nb", f"Erstatningen for den stjålne PC-en ble <<AM:8 900 kr>>. Den kostet <<AM:17 000>> for to år siden. Hvorfor så lite?")
# ================================================================ 5. limt inn fra brev, kontrakter, e-postsignaturer
M("nb", f"Dette står i brevet jeg fikk:\n\n\"Låntaker: [[P:Anne-Lise Haug-Nilsen]]\nMedlåntaker: [[P:Geir Haug-Nilsen]]\nSikkerhet: 1. prioritet i <<CASE:gnr. 12 bnr. 345>>, <<W:Ringsaker>> kommune\nLånebeløp: <<AM:NOK 3 450 000>>\"\n\nEr det riktig at begge må signere selv om vi er separert?")
M("nb", f"Her er signaturen til megleren så dere kan kontakte henne:\n\n--\nMed vennlig hilsen\n[[P:Ingrid van der Berg]]\nEiendomsmegler MNEF | <<W:Strand & Vik Eiendom AS>>\nMob: {T('mob','sp')}\n[[E:ingrid.vanderberg@strandvik.no]]\nOrg.nr. {O('space')} MVA")
M("nb", f"Kopi fra kjøpekontrakten:\n§ 1 Selger: [[P:Åse Margit Bakke]], f. nr. {F('space')}\n§ 2 Kjøper: [[P:Sindre Bakke Tangen]]\nEiendommen: [[A:Bakkebøvegen 31, 2740 Roa]], <<CASE:gnr 104 bnr 7>>\nKjøpesum: <<AM:kr 2 100 000,->>\n\nKan dere se om dette holder for lånesøknaden?")
M("nb", f"Fikk denne mailen fra forsikringen, forstår ikke helt hva de vil:\n\n> Hei,\n> Vi viser til skadesak {REF('CASE', 8, first='1')} og trenger dokumentasjon på eierskap til de stjålne gjenstandene.\n> Vennlig hilsen\n> [[P:Kari-Anne Storm]]\n> Skadebehandler, privat\n> Tlf {T('land','sp')}")
M("nb", f"Fra advokaten:\n\"Partene, [[P:Lene Marie Fjell]] og [[P:Jon Inge Fjell]], er enige om at [[P:Lene Marie]] overtar boligen i [[A:Fjellstuevegen 5, 3560 Hemsedal]] og innfrir den andre parten.\"\n\nKan jeg få lån til å kjøpe ham ut?")
M("nb", f"Hei, jeg limer inn fra skjøtet:\n\nHjemmelshaver: [[P:BERG, MARGRETHE]]\nfødselsnr.: {F('plain')}\nMatrikkel: <<CASE:4601-165/448>>\n\nDet er mamma. Hun vil overføre leiligheten til meg.")
M("nb", f"Dette er signaturen fra takstmannen:\n\nmvh\n[[P:O. J. Vikøren]]\nTakstingeniør\n<<W:Vikøren Takst og Bygg AS>>\n[[A:Industrivegen 22, 6856 Sogndal]]\ntlf {T('mob','plain')}")
M("nb", f"Utdrag fra lånetilbudet:\nNominell rente: <<PCT:5,39 %>>\nEffektiv rente: <<PCT:5,61 %>>\nNedbetalingstid: 25 år\nEtableringsgebyr: <<AM:kr 2 500>>\nTerminbeløp: <<AM:kr 19 842>>\n\nEr dette det beste dere kan gi?")
M("nb", f"Fra huseierforsikringen:\n\"Skadenr: {REF('CASE', 10, first='5')}\nSkadedato: <<D:17.01.2024>>\nSkadeårsak: Utvendig vanninntrengning\nEgenandel: <<AM:8 000 NOK>>\"\nHvorfor er egenandelen så høy?")
M("en", f"This is the e-mail from our solicitor in England, please advise:\n\n\"Dear Mr [[P:Ødegaard]],\nThe funds of <<AM:GBP 85,000>> will be released on completion.\nKind regards,\n[[P:Sarah Whitfield]]\nWhitfield & Co Solicitors\n[[A:22 Market Street, Cambridge CB2 3PQ]]\"")
M("nb", f"Fikk en sms fra 'banken' om å oppdatere kortet, limer inn:\n\n\"Kjære kunde, ditt kort {L4()} er sperret. Logg inn på bank-no-sikker.com for å aktivere.\"\n\nEr dette svindel?")
M("nb", f"Her er kontaktinfo til forretningsfører slik du ba om:\n\n[[P:Mona Lisa Bergheim]]\nForretningsfører, <<W:Borettslaget Solhaugen>>\n[[E:mona.bergheim@bbl-vest.no]]\n{T('land','+47')}\n\nHun kan bekrefte fellesgjelden.")
M("nb", f"Fra pantedokumentet:\n\nPanthaver: banken\nPantsetter: [[P:Hallvard Strand]] og [[P:Wenche Strand]]\nPantobjekt: andel nr 24 i <<W:Vålerenga Borettslag>>, [[A:Vålerenggata 31, H0203, 0658 Oslo]]\nBeløp: <<AM:kr 3 000 000>>")
M("nb", f"Kopierer fra e-posten til snekkeren:\n\n\"Tilbud riving og nytt bad: <<AM:212 000>> eks. mva\nOppstart uke 36\nmvh [[P:Mariusz]] / <<W:MK Bygg Service AS>>\norg {O('plain')}\"")
M("nb", f"Sånn står det i leiekontrakten:\n\"Utleier: [[P:Haug, Trygve]], [[A:Elvegata 3, 3256 Larvik]]\nLeietaker: [[P:Noor Bakr]]\nDepositum: <<AM:kr 36 000>>\nDepositumskonto: {K('dots')}\"\nEr depositumskontoen hos dere?")
M("nb", f"Brevet fra Statens vegvesen sier mitt navn er [[P:Liv-Kristin Holm]] men i banken står det [[P:Liv Kristin Holm]] uten bindestrek. Kan det skape problemer med lånet?")
M("nb", f"-----Opprinnelig melding-----\nFra: [[E:torbjorn.elv@mesterbygg.no]]\nSendt: <<D:tirsdag 4. juni 2024>> <<TM:09:12>>\nTil: meg\nEmne: Sluttfaktura\n\nHei! Sluttfaktura på <<AM:86 250 kr>> sendes i dag.\n\nJeg trodde forsikringen skulle betale denne?")
M("nb", f"Står på garantibrevet:\n\"Selvskyldnerkausjon avgitt av [[P:Ellen Grete Fjellvang]] oppad begrenset til <<AM:NOK 400 000>> for lån til [[P:Hedda Fjellvang]].\"\nHva betyr egentlig selvskyldner?")
M("nb", f"Mvh\n[[P:Stian Sol]]\n{T('mob','sp')}\nSendt fra min iPhone")
M("nb", f"Hei, jeg svarer på mailen fra [[P:Gunhild]] om overtakelse. Her er det hun trengte:\n\nNavn: [[P:Mathias Lykke Andersen]]\nFnr: {F('dash')}\nKonto for oppgjør: {K('space')}\nNy adresse: [[A:Vestre Strandgate 27, 4610 Kristiansand]]")
M("nb", f"Fra forsikringsbeviset:\n\nForsikringstaker: [[P:Aleksander W. Berg]]\nForsikringssted: [[A:Tranåsvegen 14, 2323 Ingeberg]]\nHuseier Pluss, fornyes <<D:01.01.2025>>\nPris: <<AM:kr 11 340>> pr. år")
M("nb", f"Meglers oppgjørsavdeling skrev:\n\"Vennligst overfør egenkapitalen <<AM:kr 525 000>> til klientkonto {K('dots')} merket med oppdragsnummer {REF('ORD', 8, first='1')}.\"\nEr det trygt?")
M("nb", f"Hei!\nLimer inn fra politiets kvittering:\nAnmeldelse registrert\nAnmeldt forhold: Innbrudd bolig\nSaksnummer: {REF('CASE', 8, first='1')}\nGjerningssted: [[A:Lindeberglia 12, 1069 Oslo]]\nTidspunkt: <<D:10.02.2024>> ca. <<TM:13:00>>")
M("en", f"Forwarding signature of the insurance assessor:\n\nBest regards\n[[P:Piet van den Heuvel]]\nLoss Adjuster\nM: {T('de')}\nE: [[E:p.vandenheuvel@claims-adjust.eu]]")
M("nb", f"Her er info fra sameiets styreleder:\n\n[[P:Knut Berg]]\nStyreleder <<W:Sameiet Havnelageret>>\norg.nr. {O('space')}\n[[A:Langkaia 1, 0150 Oslo]]")
M("nb", f"Sånn står det i e-posten: \"Din sak er overført til saksbehandler [[P:Hope Lindahl]]. Vennligst oppgi saksnummer {REF('CASE', 6, first='4', pre='P-')} ved henvendelse.\" Hvem er det?")
M("nb", f"Avtalen sier: \"Låntaker plikter å holde pantobjektet forsikret til full verdi.\" Hva betyr det for meg som eier andel i borettslag? Vi har ikke egen byggforsikring, det har laget.")
M("nb", f"Fra utleiekontrakten:\nUtleier: <<W:Bakke Eiendom AS>>\nKontaktperson: [[P:Tor Bakke]]\nBolignr: H0304\nHusleie: <<AM:kr 14 500>> pr. mnd\n\nKan jeg bruke dette som dokumentasjon på boutgifter?")
M("mixed", f"Kopiuję z maila od ubezpieczyciela:\n\"Saksbehandler: [[P:Henrik Solberg]]\nDirekte tlf: {T('land','sp')}\"\nCzy mogę do niego dzwonić direkte eller må jeg gå via dere?")
# ================================================================ 6. uten personopplysninger (harde negativer og rene)
M("nb", f"Hei, hva koster det å innfri fastrentelånet før tiden? Det har <<PCT:4,2 %>> rente og er bundet til <<Y:2027>>.")
M("nb", f"Hvor mye må jeg ha i egenkapital for å kjøpe hytte? Den koster <<AM:1 950 000>>.")
M("nb", f"Kan man få boliglån når man er i prøvetid?")
M("nb", f"Det ligger en <<W:stein>> i skoen min hver gang jeg tenker på renta 😂 men seriøst, når kommer neste renteendring?")
M("nb", f"Vi har en liten leilighet i <<W:Storgata>> som vi leier ut. Må leieinntektene oppgis i lånesøknaden?")
M("nb", f"Hva betyr <<W:Lykke>>-lån? Så det på Facebook, er det deres produkt?")
M("nb", f"Terminbeløpet mitt gikk opp fra <<AM:14 230>> til <<AM:15 890 kr>> fra <<D:1. mars>>. Hvorfor?")
M("nb", f"Jeg skal betale innskudd til borettslaget, KID {KID(12)}, beløp <<AM:245 000,->>. Er det nok dekning på kontoen?")
M("nb", f"Fikk regning fra takstmannen med KID {KID(15, 'space')} og forfall <<D:30.06.2024>>. Kan jeg betale den fra lånekontoen?")
M("nb", f"Er <<W:Sol>>-avtalen deres (grønt boliglån) fortsatt tilgjengelig? Vi har fått energimerke B.")
M("nb", f"Har dere grønne boliglån for hus med solceller? Vi har nettopp lagt <<W:solcellepanel>> på taket for <<AM:140 000>>")
M("nb", f"Det er <<W:storm>> og strømbrudd her, så jeg får ikke logget inn i nettbanken. Kan jeg betale terminen noen dager for sent?")
M("nb", f"Hvordan blir det med boliglånet når vi skal ha barn? Jeg går ned i lønn i permisjonen.")
M("nb", f"Hei! Hva er maks lånebeløp i forhold til inntekt? Er det fortsatt 5 ganger?")
M("nb", f"Vi ser på et hus oppi <<W:bakken>> ved skolen, litt bortgjemt. Prisantydning <<AM:3,75>>. Hva blir månedskostnaden med <<PCT:5,5>> rente?")
M("nb", f"Hytta ligger rett ved <<W:elva>> og er litt utsatt for flom. Kan det påvirke lånet?")
M("nb", f"Vi har fått en referanse {BAD()} fra megleren, hva brukes den til?")
M("nb", f"Jeg tastet inn {BAD('dots')} som mottaker og nettbanken sa det er ugyldig. Hvorfor det?")
M("nb", f"Ordrenummer {REF('ORD', 11, 'plain', first='7')} gjelder bestilling av takstrapport, har dere mottatt betalingen?")
M("nb", f"Hva er gebyret for å flytte lån mellom banker? Lånet er på <<AM:kr 2 450 000>>.")
M("nb", f"God <<W:dag>>. Jeg ønsker å avslutte kausjonen jeg stilte for et lån i <<Y:2019>>. Er det mulig?")
M("nb", f"Hvor lenge er et finansieringsbevis gyldig?")
M("nb", f"Tenkte å kjøpe leilighet i <<W:Bergen>> sentrum. Har dere rådgivere der eller må alt gjøres på chat?")
M("nb", f"Hvor mye er renta på BSU nå? Fortsatt <<PCT:6,5 %>>?")
M("nb", f"Regning fra <<W:Aksel Stein AS>> på <<AM:31 250 kr>>, fakturanr {REF('INV', 5, first='2')}. Dette er maleren som malte etter vannskaden. Kan dere dekke den?")
M("nb", f"<<W:Per>> i dag har jeg betalt ned <<AM:420 000>> på lånet. Hva er gjenstående?")
M("nb", f"Jeg betaler <<AM:2 100 kr>> <<W:per>> kvartal i forsikring på hytta. Er det normalt?")
M("nb", f"Kan jeg splitte lånet i en fast og en flytende del? Kanskje <<PCT:50 %>> av hver?")
M("nb", f"Vi vurderer å bygge på huset. Hvordan fungerer byggelån?")
M("nb", f"Dokumentavgiften er vel <<PCT:2,5 %>> av kjøpesummen? Så for <<AM:4 mill>> blir det <<AM:100 000>>?")
M("nb", f"hei hei. nettbanken har hengt seg opp når jeg prøver å signere lånedokumentene 😩")
M("nb", f"Forsikringssaken ble avsluttet <<D:28. februar>>, men pengene kom aldri. Saksnr {REF('CASE', 8, first='8')}.")
M("nb", f"Ble frastjålet mobil og lommebok. Kort som slutter på {L4()} er sperret nå, men jeg ser et trekk på <<AM:2 499 kr>> i går <<TM:kl 22.41>>. Kan det reklameres?")
M("nb", f"<<W:Haugen>> borettslag har vedtatt nytt tak og heis, fellesgjelden øker med <<AM:380 000>> per leilighet. Hva gjør det med belåningsgraden min?")
M("nb", f"Har dere innboforsikring som dekker sykler til over <<AM:50 000>>?")
M("nb", f"Er det dyrere med forsikring når man bor i første etasje? Det er vel flere innbrudd der?")
M("nb", f"Vi bor i <<W:Vik>> og har ikke bankfilial lenger. Kan vi signere alt digitalt?")
M("nb", f"Hvor mye kan jeg trekke fra på skatten for renter? <<PCT:22 %>>?")
M("nb", f"Takk for hjelpen, ha en fin kveld!")
M("nb", f"ok")
M("nb", f"Hallo? Er det noen der?")
M("nb", f"Jeg vil klage på behandlingen av skadesaken min. Det har gått 8 uker uten svar.")
M("nb", f"Hva er forskjellen på huseierforsikring og innboforsikring? Vi har nettopp kjøpt enebolig.")
M("nb", f"Vi har sett en leilighet på <<W:Strand>>, bygget i <<Y:1962>> med gamle rør. Er det vanskeligere å få forsikring?")
M("nb", f"Jeg la inn bud på <<AM:3 650 000>> med akseptfrist i morgen <<TM:kl. 12>>. Holder finansieringsbeviset?")
M("nb", f"Når trekkes terminbeløpet? Den <<D:20.>> eller siste virkedag?")
M("nb", f"Kan dere sende meg en oversikt over renter og gjeld pr. <<D:31.12.2023>> til skattemeldingen?")
M("nb", f"Hvorfor har dere økt forsikringspremien med <<PCT:12 %>> når vi ikke har hatt noen skader siden <<Y:2011>>?")
M("nb", f"<<W:Bakke Bygg AS>> har gått konkurs midt i oppussingen etter vannskaden. Hvem dekker det som er betalt på forskudd?")
M("nb", f"Kan vi få lån til å kjøpe tomt i <<W:Fjellvegen>>? Det er ikke regulert ennå.")
M("nb", f"ser at dere har <<W:Rose>>-kampanje på forsikring i mai? hva er det?")
M("nb", f"Takk, da venter jeg på svar på e-post 👍")
M("nb", f"Hvor mye koster det å ha boliglånsforsikring? Livsforsikring og uføreforsikring, altså.")
M("nb", f"Har fått brev om at lånet mitt flyttes til <<W:Eika>>. Må jeg gjøre noe selv?")
M("nb", f"Er det egenandel når det gjelder skadedyr? Vi har fått maur i veggen 🐜")
M("nb", f"Finnes det noen grense for hvor gammel man kan være for å få boliglån? Jeg er 71.")
M("nb", f"Innbetalte <<AM:12 000>> ekstra på lånet <<D:15. april>>. Ble det trukket fra hovedstolen eller gikk det til renter?")
M("nb", f"Vi skal kjøpe et småbruk med skog og <<W:mark>> rundt. Finansierer dere gårdsbruk eller må vi til Landkreditt?")
M("nb", f"<<W:Liv>> og helse er viktigst, men jeg lurer likevel på om jeg trenger uføreforsikring ved siden av boliglånet.")
M("nb", f"Jeg har et forbrukslån på <<AM:120 000>> til <<PCT:14,9 %>>. Kan det slås sammen med boliglånet?")
M("nn", f"Kva tid kjem neste renteendring? Eg har høyrt at Noregs Bank møtest <<D:20. juni>>.")
M("nn", f"Vi skal byggja nytt fjøs på garden. Gjev de lån til landbruk, eller berre til bustad?")
M("nn", f"Det rann vatn frå <<W:fjellet>> og inn i kjellaren under snøsmeltinga. Er det naturskade?")
M("nn", f"Takk for god hjelp i dag 😊 Ha ein fin helg!")
M("nn", f"Kor lenge tek det før pengane frå forsikringa kjem på kontoen etter at saka er godkjend?")
M("dialect", f"ka kosta d å binde renta i 10 år? spør for ein kamerat")
M("dialect", f"Tusen takk for hjælpa! Du e gull verdt 🙌")
M("dialect", f"kan æ betal ekstra på lånet i app'en eller må æ ringe?")
M("dialect", f"Æ bor oppi <<W:bakken>> ved kirka og her har det vorre tre innbrudd på ei uke. Burde æ ha alarm for å få billigere forsikring?")
M("dialect", f"hæ, e det sant at renta går opp <<PCT:0,25>> igjen?? dæven steike")
M("dialect", f"Vi har fått vann i kjellern etter regnværet, og det lukte fælt. kem ska æ ring?")
M("dialect", f"Sku ha betalt fakturan på <<AM:4 780>> te takstmann i går men glemte. blir d gebyr?")
M("en", f"How long does it take to get a mortgage approved? We found a flat we love.")
M("en", f"I <<W:will>> be abroad for three months. Can I still sign the loan documents digitally?")
M("en", f"Is water damage from a leaking fridge covered by the basic home insurance?")
M("en", f"Thanks so much, you've been a great help! Have a nice day 😊")
M("en", f"What's the maximum loan-to-value for a holiday cabin? Is it still <<PCT:60%>>?")
M("en", f"We paid <<AM:NOK 18,500>> to a locksmith after the burglary. Please let me know if that's covered. Claim {REF('CASE', 9, first='1', pre='CLM-')}")
M("en", f"Please <<W:mark>> my case as urgent, the ceiling is literally dripping.")
M("en", f"Can I pay the <<W:bill>> for the valuation from my savings account? Due <<D:June 30>>.")
M("en", f"I <<W:hope>> the fixed rate will go down soon, it's crazy expensive at <<PCT:5.9 %>>")
M("mixed", f"hei, ile kosztuje forsikring for leilighet i Oslo? mniej więcej <<AM:300 kr>> miesięcznie?")
M("mixed", f"Dziękuję bardzo for hjelpen! Miłego dnia 🌸")
M("mixed", f"Hi, jeg lurer på hva 'takst' means? Megleren sier vi må ha det before lånet godkjennes.")
M("sv", f"Tack för hjälpen! Då väntar jag på lånelöftet via e-post.")
M("da", f"Hvad koster det at indfri lånet før tid? Det er på <<AM:1,1 mio. kr.>>")
# ================================================================ 7. flere med personopplysninger (formatvarianter)
M("nb", f"kontonummeret mitt er {K('words')}, skrev det med bokstaver så ikke boten kutter det 😅")
M("nb", f"Kan dere ringe meg? Nummeret er {T('mob','words')}")
M("nb", f"Fnr: {F('zwplain')} (kopiert fra Altinn)")
M("nb", f"Hei, her er kontoen til oppgjør etter salget: {K('zw')}. Selger er [[P:Bjørg Vik]].")
M("nb", f"fødselsnummeret mitt er\n{F('nl')}\nsorry for linjeskift, skriver på mobil")
M("nb", f"Kontonr: {K('nl')} – hvorfor blir overføringen avvist?")
M("nb", f"Jeg ser en ukjent innlogging på lånesøknaden fra IP {IP4()}. Det var ikke meg! Kan dere sjekke?")
M("nb", f"Tekniker hos oss sier routeren har IP {IP4(private=True)} og at det er derfor BankID feiler? Jeg skjønner ingenting")
M("nb", f"Jobbmaskinen min logger inn fra {IP4(lead=True)} via VPN, kan det være grunnen til at jeg blir logget ut?")
M("en", f"Your support asked for my IPv6 address when I couldn't sign: {IP6()}")
M("nb", f"Betalte egenandelen med kortet {CC('mc','plain')} men trekket er dobbelt. Kan dere se på det?")
M("nb", f"Kortnr {CC('visa','dash')} ble brukt i en butikk i Spania i natt etter innbruddet, jeg har ikke vært der!")
M("en", f"My Amex {CC('amex','space')} was in the wallet that got stolen during the break-in. Can you help me with the claim?")
M("nb", f"Mail: [[E:ola . nordmann @ gmail . com]] (skriver med mellomrom pga spam)")
M("nb", f"send det til [[E:kari snabel-a hotmail punktum com]] takk")
M("nb", f"min epost er [[E:per.h (at) online.no]], [[P:per h]]")
M("dialect", f"e-posten min e [[E:hege_berg89@yahoo.no]] om dokker treng å send noe. mvh [[P:Hege]]")
M("nb", f"Jeg sender lønnsslippene fra jobbmailen [[E:a.strand@nordlandssykehuset.no]]. Kan dere koble det til søknaden min?")
M("nb", f"Hei, jeg er [[P:J.K. Berg]], vi snakket på telefon. Søknaden er sendt inn nå.")
M("nb", f"Hilsen [[P:A-M. Strand]] (kausjonist for [[P:Jonas]])")
M("nb", f"Bestemor [[P:Ingeborg Haug]] vil gi oss <<AM:300 000>> til egenkapital. Hun bor på [[A:Haug gård, Haugsvegen 140, 2390 Moelv]]. Må hun signere noe?")
M("nb", f"Adressen til hytta er [[A:Fjellheim 11, 3580 Geilo]]. Det er den som skal være sikkerhet.")
M("nb", f"Vi bor på et gårdsbruk: [[A:Nordre Berg 4, 7650 Verdal]]. Postkassa er nede ved riksveien 😄")
M("nb", f"Ny adresse: [[A:Postboks 112, 9845 Tana]] – vi har ikke postlevering på garden.")
M("nb", f"Leiligheten jeg skal kjøpe er [[A:Møllergata 16 B, H0504]]. Det er femte etasje med heis.")
M("nb", f"Sønnen min [[P:Storm]] er 19 og har fått jobb, kan han få startlån? Vi kan stille sikkerhet i huset.")
M("nb", f"Dottera mi [[P:Lykke Marie]] skal studere i Trondheim og vi vurderer å kjøpe en hybel til henne som hun leier av oss. Smart eller dumt?")
M("nb", f"[[P:Liv]] og jeg har vært gift i 30 år og skal nå selge huset og kjøpe leilighet. Trenger vi mellomfinansiering?")
M("nb", f"Vi er separert, og [[P:Tor]] bor fortsatt i huset. Men jeg betaler halve lånet. Er det riktig?")
M("nb", f"Min tidligere samboer, [[P:ROBIN HAUGE-STRAND]], har flyttet ut, men står fortsatt på lånet. Han har sagt ja til å bli fjernet.")
M("nb", f"Kan [[P:Rose]] få se lånedokumentene våre? Hun er datteren min og hjelper meg med økonomien.")
M("nb", f"orgnr til enkeltpersonforetaket mitt er {O('plain')}, jeg er selvstendig næringsdrivende snekker. kan jeg få boliglån?")
M("nb", f"Hei. Firmaet mitt har org.nr. {O('dots')}. Kan jeg bruke utbytte som inntekt i lånesøknaden?")
M("nb", f"Utbetaling fra forsikringen kan gå til {IB('NO','space')}, det er samme konto men jeg fikk IBAN fra nettbanken.")
M("en", f"Please transfer the refund to my German account {IB('DE','plain')}. I live in Berlin now: [[A:Hauptstraße 5, 10115 Berlin]].")
M("en", f"My new address abroad: [[A:Calle Mayor 3, 2º B, 28013 Madrid]], Spain. Phone {T('es')}")
M("nb", f"Kontoen til selger i Sverige: {IB('SE','space')}. Hun heter [[P:Maja Strand-Ekholm]]. Er det trygt å overføre egenkapitalen dit?")
M("en", f"Hi, I'm [[P:Willem de Vries]]. Dutch account for the deposit: {IB('NL')}. Mobile {T('mob','+47p')}")
M("nb", f"Kontaktperson i Litauen: [[P:Rūta Kazlauskienė]], {T('lt')}, hun er håndverkeren som la flisene.")
M("en", f"My mother's address in Mogadishu is [[A:Maka Al Mukarama Road 45, Mogadishu]], her phone {T('so')}. She is the guarantor.")
M("nb", f"Jeg har dobbelt statsborgerskap og bor halve året hos familien i Gdańsk, [[A:ul. Grunwaldzka 82/5, 80-244 Gdańsk]]. Telefon {T('pl0048')}")
M("nb", f"fnr {F('spaced')}")
M("nb", f"Søkte om lån i <<D:mars>>. Navn: [[P:Fatima al-Hassan]], D-nummer {F('space', d=True)}. Har ikke fått noe svar!!")
M("nb", f"Hei! Jeg vil legge til [[P:Mo Chen]] som medlåntaker. Fnr {F('plain')}, tlf {T('mob','dots')}.")
M("nb", f"[[P:Kris{SHY}tin Haug]] her, jeg ringte i sted om skaden. Jeg har nå sendt bildene.")
M("nb", f"Husk at [[P:Hans]] på kontoret i <<W:Haugesund>> allerede har fått alle dokumentene fra meg.")
M("nb", f"Vi heter [[P:Bill]] og [[P:Hope Andersen]] og skal kjøpe vår første bolig sammen. Hvor begynner vi?")
M("nb", f"Til [[P:Grace]]: takk for at du ringte tilbake. Jeg har nå fått tak i takstrapporten.")
M("nb", f"Tlf til naboen som så innbruddet: {T('mob','+47')} (fru [[P:Berg]] i 2. etasje)")
M("nb", f"Hei jeg har byttet telefonnummer til {T('mob','nl')}, gamle er ikke i bruk")
M("nn", f"Eg har fått ny mobil: {T('mob','(+47)')}. Hugs å endra det på skadesaka mi.")
M("nn", f"Eigedomsmeklar [[P:Torgeir Eide]], [[E:torgeir.eide@eigedomsmeklarvest.no]], treng stadfesting på finansieringa før <<TM:kl. 14>>.")
M("nb", f"Hei, dette er kontoen til rørleggeren: {K('wj')}. Han heter [[P:Sander Elvheim]] og vil ha betalt før han begynner 🤨")

# ================================================================ build, validate, write
ETYPES = {"P": "PERSON", "E": "EMAIL_ADDRESS", "T": "PHONE_NUMBER", "F": "NO_FODSELSNUMMER",
          "K": "NO_KONTONUMMER", "O": "NO_ORGNR", "IB": "IBAN_CODE", "CC": "CREDIT_CARD",
          "A": "ADDRESS", "IP": "IP_ADDRESS"}
NKINDS = {"AM": "AMOUNT", "D": "DATE", "TM": "TIME", "KID": "KID", "INV": "INVOICE", "CASE": "CASE",
          "BAD": "BAD_CHECKSUM", "L4": "LAST4", "ORD": "ORDER", "PCT": "PERCENT", "Y": "YEAR", "W": "WORD"}
LANGS = {"nb", "nn", "dialect", "en", "sv", "da", "se", "mixed"}
MARK = re.compile(r"\[\[([A-Z0-9]+):(.*?)\]\]|<<([A-Z0-9]+):(.*?)>>", re.S)


def parse(text):
    out, ents, negs, pos = [], [], [], 0
    cur = 0
    for m in MARK.finditer(text):
        out.append(text[pos:m.start()])
        cur += m.start() - pos
        if m.group(1):
            tag, val, tgt, table = m.group(1), m.group(2), ents, ETYPES
        else:
            tag, val, tgt, table = m.group(3), m.group(4), negs, NKINDS
        if tag not in table:
            raise ValueError(f"unknown tag {tag!r} in {text!r}")
        assert val and val == val.strip(), (val, text)
        key = "type" if tgt is ents else "kind"
        tgt.append({key: table[tag], "start": cur, "end": cur + len(val)})
        out.append(val)
        cur += len(val)
        pos = m.end()
    out.append(text[pos:])
    clean = "".join(out)
    for bad in ("[[", "]]", "<<", ">>"):
        assert bad not in clean, (bad, clean)
    return clean, ents, negs


def digits_of(val):
    d = re.sub(r"\D", "", val)
    if d:
        return d
    return "".join(WORD_DIGITS[w] for w in re.findall(r"[a-zæøåé]+", val.lower()))


def check_entity(t, val):
    d = digits_of(val) if t in NUMTYPES else ""
    if t == "NO_FODSELSNUMMER":
        assert len(d) == 11 and fodselsnummer.is_valid(d), val
    elif t == "NO_KONTONUMMER":
        assert len(d) == 11 and kontonr.is_valid(d), val
    elif t == "NO_ORGNR":
        assert len(d) == 9 and orgnr.is_valid(d), val
    elif t == "CREDIT_CARD":
        assert 13 <= len(d) <= 19 and luhn.is_valid(d), val
    elif t == "IBAN_CODE":
        assert stdiban.is_valid(re.sub(r"[\s\u200b\u00ad\u2060]", "", val)), val
    elif t == "PHONE_NUMBER":
        assert 8 <= len(d) <= 15, val
    elif t == "IP_ADDRESS":
        v = re.sub(r"(?<![0-9])0+(?=[0-9])", "", val) if "." in val else val
        ipaddress.ip_address(v)
    elif t == "EMAIL_ADDRESS":
        assert re.search(r"@|\(at\)|\[at\]|snabel|krøllalfa", val), val
    elif t == "ADDRESS":
        assert re.search(r"\d", val), val
    elif t == "PERSON":
        assert not re.search(r"\d", val) and not re.search(r"\b(fru|herr|mr|mrs|ms|dr|fam)\b\.?\s", val.lower()), val


def check_negative(k, val):
    d = re.sub(r"\D", "", val)
    if k in ("KID", "INVOICE", "CASE", "ORDER", "BAD_CHECKSUM") and len(d) >= 8 and "gnr" not in val:
        assert not _is_piiish(d), ("negative validates as PII", val)
    if k == "BAD_CHECKSUM":
        assert len(d) == 11 and not kontonr.is_valid(d) and not fodselsnummer.is_valid(d), val
    if k == "LAST4":
        assert len(d) == 4, val
    if k == "YEAR":
        assert re.fullmatch(r"(19|20)\d\d", val), val


NUMTYPES = {"NO_FODSELSNUMMER", "NO_KONTONUMMER", "NO_ORGNR", "IBAN_CODE", "CREDIT_CARD", "PHONE_NUMBER"}
records, seen = [], set()
for i, (lang, raw) in enumerate(MSGS, 1):
    assert lang in LANGS, lang
    text, ents, negs = parse(raw)
    assert text not in seen, ("duplicate message", text)
    seen.add(text)
    spans = sorted([(e["start"], e["end"]) for e in ents] + [(n["start"], n["end"]) for n in negs])
    for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
        assert a1 <= b0, ("overlap", text)
    for e in ents:
        check_entity(e["type"], text[e["start"]:e["end"]])
    for n in negs:
        check_negative(n["kind"], text[n["start"]:n["end"]])
    cat = "pii" if ents else ("negative" if negs else "clean")
    records.append({"id": f"s{i:04d}", "lang": lang, "category": cat, "text": text,
                    "entities": ents, "negatives": negs})

# number reuse: each valid number at most twice in the whole set
numuse = collections.Counter()
for r in records:
    for e in r["entities"]:
        if e["type"] in NUMTYPES:
            d = digits_of(r["text"][e["start"]:e["end"]])
            numuse[d[-11:] if e["type"] == "IBAN_CODE" else d] += 1
assert max(numuse.values()) <= 2, numuse.most_common(3)

# warn about unlabelled digit runs / e-mails outside spans
for r in records:
    covered = set()
    for s in r["entities"] + r["negatives"]:
        covered.update(range(s["start"], s["end"]))
    for m in re.finditer(r"\d[\d .\u200b-]{6,}\d|\S+@\S+", r["text"]):
        if not set(range(m.start(), m.end())) & covered:
            print("WARN unlabelled:", r["id"], repr(m.group()))

with open(OUT, "w", encoding="utf-8") as fh:
    for r in records:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")

# ---------------------------------------------------------------- report
print(f"wrote {len(records)} messages to {OUT}")
print("per category:", dict(collections.Counter(r["category"] for r in records)))
print("per lang:", dict(collections.Counter(r["lang"] for r in records)))
print("entities per type:", dict(collections.Counter(e["type"] for r in records for e in r["entities"])))
print("negatives per kind:", dict(collections.Counter(n["kind"] for r in records for n in r["negatives"])))
print("total entities:", sum(len(r["entities"]) for r in records),
      "total negatives:", sum(len(r["negatives"]) for r in records))
S = random.Random(1)
sample = S.sample([(r["id"], e["type"], r["text"][e["start"]:e["end"]]) for r in records for e in r["entities"]], 30)
print("sample of entity texts:")
for sid, t, v in sample:
    print(f"  {sid} {t:17s} {v!r}")
sample = S.sample([(r["id"], n["kind"], r["text"][n["start"]:n["end"]]) for r in records for n in r["negatives"]], 15)
print("sample of negative texts:")
for sid, k, v in sample:
    print(f"  {sid} {k:13s} {v!r}")
print("overlap check: OK (asserted, no overlapping spans)")
