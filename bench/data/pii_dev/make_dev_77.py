# -*- coding: utf-8 -*-
"""Build dev_77.jsonl: labelled Norwegian bank-chat messages (small business, fraud/scam,
card disputes, young SMS-style customers, hard negatives).

Markup inside message strings:
  [[T:value]]   entity; T in P E T F K O I C A IP (see ENT below)
  <<KIND:value>> negative; KIND in AMOUNT DATE TIME KID INVOICE CASE BAD LAST4 ORDER PCT YEAR W
  §gen:arg§     replaced (before parsing) by a freshly generated number (see GEN below)
Run with /work/main/.venv/bin/python (python-stdnum).
"""
import json
import random
import re
import ipaddress
from collections import Counter

from stdnum import luhn, iban
from stdnum.no import fodselsnummer, kontonr, orgnr

rng = random.Random(7707)
OUT = "/work/scratch/devnew/dev_77.jsonl"

ENT = {"P": "PERSON", "E": "EMAIL_ADDRESS", "T": "PHONE_NUMBER", "F": "NO_FODSELSNUMMER",
       "K": "NO_KONTONUMMER", "O": "NO_ORGNR", "I": "IBAN_CODE", "C": "CREDIT_CARD",
       "A": "ADDRESS", "IP": "IP_ADDRESS"}
NEG = {"AMOUNT": "AMOUNT", "DATE": "DATE", "TIME": "TIME", "KID": "KID", "INVOICE": "INVOICE",
       "CASE": "CASE", "BAD": "BAD_CHECKSUM", "LAST4": "LAST4", "ORDER": "ORDER",
       "PCT": "PERCENT", "YEAR": "YEAR", "W": "WORD"}

ZW, SHY, WJ = "\u200b", "\u00ad", "\u2060"
USED = set()


def fresh(make):
    for _ in range(5000):
        v = make()
        if v not in USED:
            USED.add(v)
            return v
    raise RuntimeError("could not make fresh number")


def rd(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


# ---------- valid-number generators ----------
def _kto():
    while True:
        d = rng.choice(["1", "3", "6", "7", "9", "2", "4", "1"]) + rd(9)
        w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        r = 11 - sum(int(a) * b for a, b in zip(d, w)) % 11
        if r == 10:
            continue
        d += "0" if r == 11 else str(r)
        if kontonr.is_valid(d) and not fodselsnummer.is_valid(d):
            return d


def _org():
    while True:
        d = rng.choice("89") + rd(7)
        w = [3, 2, 7, 6, 5, 4, 3, 2]
        r = 11 - sum(int(a) * b for a, b in zip(d, w)) % 11
        if r == 10:
            continue
        d += "0" if r == 11 else str(r)
        if orgnr.is_valid(d):
            return d


def _fnr(young=False, dnum=False):
    while True:
        year = rng.randint(2004, 2008) if young else rng.randint(1938, 2003)
        day, mon = rng.randint(1, 28), rng.randint(1, 12)
        if year >= 2000:
            ind = rng.randint(500, 999)
        else:
            ind = rng.randint(0, 499)
        dd = day + 40 if dnum else day
        base = "%02d%02d%02d%03d" % (dd, mon, year % 100, ind)
        w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
        k1 = 11 - sum(int(a) * b for a, b in zip(base, w1)) % 11
        if k1 == 11:
            k1 = 0
        if k1 == 10:
            continue
        base += str(k1)
        w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        k2 = 11 - sum(int(a) * b for a, b in zip(base, w2)) % 11
        if k2 == 11:
            k2 = 0
        if k2 == 10:
            continue
        d = base + str(k2)
        if fodselsnummer.is_valid(d):
            return d


def _card(kind):
    if kind == "amex":
        body = rng.choice(["34", "37"]) + rd(12)
    elif kind == "mc":
        body = "5" + rng.choice("12345") + rd(13)
    else:
        body = "4" + rd(14)
    return body + luhn.calc_check_digit(body)


IBAN_BBAN = {
    "DE": lambda: rd(18), "LT": lambda: rd(16), "DK": lambda: rd(14), "SE": lambda: rd(20),
    "PL": lambda: rd(24), "GB": lambda: rng.choice(["NWBK", "BARC", "MIDL", "LOYD", "HBUK"]) + rd(14),
    "NL": lambda: rng.choice(["ABNA", "INGB", "RABO"]) + rd(10), "ES": lambda: rd(20),
    "TR": lambda: rd(5) + "0" + rd(16), "FR": lambda: rd(23), "NO": _kto,
}


def _iban(cc):
    for _ in range(20000):
        bban = IBAN_BBAN[cc]()
        num = cc + "00" + bban
        num = cc + iban.calc_check_digits(num) + bban
        if iban.is_valid(num):
            return num
    raise RuntimeError(cc)


def _bad11():
    while True:
        d = rng.choice("123456789") + rd(10)
        if not kontonr.is_valid(d) and not fodselsnummer.is_valid(d) and not luhn.is_valid(d):
            return d


def _kid(n):
    while True:
        d = rng.choice("123456789") + rd(n - 1)
        if n == 11 and (kontonr.is_valid(d) or fodselsnummer.is_valid(d)):
            continue
        if n == 9 and orgnr.is_valid(d):
            continue
        if 13 <= n <= 19 and luhn.is_valid(d):
            continue
        if n == 8 and d[0] in "49":
            continue
        return d


# ---------- formatting ----------
def f_kto(a):
    d = fresh(_kto)
    if a == "dots":
        return d[:4] + "." + d[4:6] + "." + d[6:]
    if a == "space":
        return d[:4] + " " + d[4:6] + " " + d[6:]
    if a == "sp4":
        return d[:4] + " " + d[4:8] + " " + d[8:]
    if a == "zw":
        return d[:4] + ZW + d[4:6] + ZW + d[6:]
    if a == "nl":
        return d[:4] + "." + d[4:6] + "\n." + d[6:]
    if a == "dash":
        return d[:4] + "-" + d[4:6] + "-" + d[6:]
    return d


def f_org(a):
    d = fresh(_org)
    if a == "space":
        return d[:3] + " " + d[3:6] + " " + d[6:]
    if a == "dots":
        return d[:3] + "." + d[3:6] + "." + d[6:]
    return d


def f_fnr(a):
    if a in ("dnum", "dnumsp"):
        d = fresh(lambda: _fnr(dnum=True))
    elif a == "young":
        d = fresh(lambda: _fnr(young=True))
    else:
        d = fresh(_fnr)
    if a in ("space", "dnumsp"):
        return d[:6] + " " + d[6:]
    if a == "dash":
        return d[:6] + "-" + d[6:]
    if a == "wj":
        return d[:6] + WJ + d[6:]
    if a == "dots":
        return d[:2] + "." + d[2:4] + "." + d[4:6] + " " + d[6:]
    return d


def f_card(a):
    kind = "mc" if a.startswith("mc") else "amex" if a == "amex" else "visa"
    d = fresh(lambda: _card(kind))
    if kind == "amex":
        return d[:4] + " " + d[4:10] + " " + d[10:]
    if a.endswith("plain"):
        return d
    if a.endswith("dash"):
        return "-".join(d[i:i + 4] for i in range(0, 16, 4))
    if a.endswith("zw"):
        return (" " + ZW).join(d[i:i + 4] for i in range(0, 16, 4))
    return " ".join(d[i:i + 4] for i in range(0, 16, 4))


def f_iban(a):
    cc, compact = a[:2], a.endswith("c")
    v = fresh(lambda: _iban(cc))
    if compact:
        return v
    return " ".join(v[i:i + 4] for i in range(0, len(v), 4))


def _mob():
    return rng.choice("49") + rd(7)


def f_mob(a):
    d = fresh(_mob)
    sp = d[:3] + " " + d[3:5] + " " + d[5:]
    pairs = " ".join(d[i:i + 2] for i in range(0, 8, 2))
    return {"sp": sp, "pairs": pairs, "plain": d, "p47": "+47 " + sp, "p47plain": "+47" + d,
            "0047": "0047 " + pairs, "nl": d[:3] + " " + d[3:5] + "\n" + d[5:],
            "shy": d[:3] + SHY + d[3:], "dash": d[:3] + "-" + d[3:5] + "-" + d[5:],
            "p47pairs": "+47 " + pairs}[a]


def f_land(a):
    d = fresh(lambda: rng.choice(["2", "3", "5", "6", "7"]) + rd(7))
    if a == "p47":
        return "+47 " + " ".join(d[i:i + 2] for i in range(0, 8, 2))
    return " ".join(d[i:i + 2] for i in range(0, 8, 2))


def f_fphone(a):
    def mk():
        if a == "se":
            return "+46 7%s %s %s %s" % (rng.choice("0236"), rd(3), rd(2), rd(2))
        if a == "uk":
            return "+44 7%s %s" % (rd(3), rd(6))
        if a == "us":
            return "+1 (%s) %s-%s" % (rng.choice(["415", "212", "305", "646", "213"]), rd(3), rd(4))
        if a == "ng":
            return "+234 80%s %s %s" % (rng.choice("3689"), rd(3), rd(4))
        if a == "in":
            return "+91 9%s %s" % (rd(4), rd(5))
        if a == "lt":
            return "+370 6%s %s" % (rd(2), rd(5))
        if a == "pl":
            return "+48 5%s %s %s" % (rd(2), rd(3), rd(3))
        if a == "de":
            return "+49 15%s %s" % (rng.choice("127"), rd(8))
        if a == "jp":
            return "+81 90-%s-%s" % (rd(4), rd(4))
        if a == "gh":
            return "+233 24 %s %s" % (rd(3), rd(4))
        if a == "dk":
            return "+45 %s %s %s %s" % (rd(2), rd(2), rd(2), rd(2))
        raise KeyError(a)
    return fresh(mk)


NB_W = ["null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni"]
NB_W2 = ["null", "én", "to", "tre", "fire", "fem", "seks", "syv", "åtte", "ni"]
EN_W = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def f_saymob(a):
    d = fresh(_mob)
    if a == "nb":
        return " ".join(NB_W[int(c)] for c in d)
    if a == "nb2":
        return " ".join(NB_W2[int(c)] for c in d[:3]) + ", " + " ".join(NB_W2[int(c)] for c in d[3:])
    if a == "en":
        return " ".join(EN_W[int(c)] for c in d)
    if a == "mix":
        return " ".join(c if i % 2 == 0 else NB_W[int(c)] for i, c in enumerate(d))
    if a == "dash":
        return "-".join(NB_W[int(c)] for c in d)
    raise KeyError(a)


def f_ip4(a):
    def mk():
        o = [rng.choice([46, 77, 84, 88, 109, 146, 178, 185, 193, 212]), rng.randint(0, 255),
             rng.randint(0, 255), rng.randint(1, 254)]
        if a == "lz":
            o = [rng.choice([46, 77, 88, 91]), rng.randint(0, 60), rng.randint(0, 99), rng.randint(1, 99)]
            return ".".join("%03d" % x for x in o)
        return ".".join(str(x) for x in o)
    return fresh(mk)


def f_ip6(a):
    def mk():
        h = ["2a02", "%x" % rng.randint(0x1000, 0xffff), "%x" % rng.randint(0, 0xffff),
             "%x" % rng.randint(0, 0xfff)]
        return ":".join(h) + "::" + "%x" % rng.randint(1, 0xffff)
    return fresh(mk)


def f_bad11(a):
    d = fresh(_bad11)
    if a == "dots":
        return d[:4] + "." + d[4:6] + "." + d[6:]
    if a == "space":
        return d[:6] + " " + d[6:]
    return d


def f_kid(a):
    return fresh(lambda: _kid(int(a)))


def f_ord(a):
    if a == "amz":
        return fresh(lambda: "%s-%s-%s" % (rng.choice(["402", "403", "405", "171"]), rd(7), rd(7)))
    if a == "book":
        return fresh(lambda: rng.choice(["BKG", "HTL", "X"]) + rd(7))
    return fresh(lambda: _kid(int(a) if a else 10))


def f_inv(a):
    return fresh(lambda: rng.choice(["2024-", "2025-", "F", "", "INV-"]) + rd(rng.choice([5, 6])))


GEN = {"kto": f_kto, "org": f_org, "fnr": f_fnr, "card": f_card, "iban": f_iban, "mob": f_mob,
       "land": f_land, "fphone": f_fphone, "saymob": f_saymob, "ip4": f_ip4, "ip6": f_ip6,
       "bad11": f_bad11, "kid": f_kid, "ord": f_ord, "inv": f_inv}

# ---------------------------------------------------------------------------
# Messages: (lang, text)
# ---------------------------------------------------------------------------
M = [
# ===================== small business =====================
("nb", "Hei! Jeg driver et enkeltpersonforetak (frisør) og lurer på om jeg kan få en egen bedriftskonto. Orgnr er [[O:§org:plain§]]. Mvh [[P:Leyla Hosseini]]"),
("nb", "Hei, vi er et AS med fire ansatte. Regnskapsføreren vår, [[P:Trond Ellingsen]], trenger tilgang til nettbanken for å hente ut kontoutskrifter. Hvordan gir vi fullmakt? Org.nr. [[O:§org:space§]]"),
("nb", "Lønna til de ansatte gikk ikke ut i dag!! <<AMOUNT:184 350 kr>> skulle vært trukket fra driftskontoen [[K:§kto:dots§]] den <<DATE:25.>> som vanlig. [[P:Mirela]] og [[P:Jonas]] har allerede ringt meg to ganger"),
("dialect", "hei. e har ENK og lurte på om dokker har bedriftskort uten årsavgift? orgnr [[O:§org:plain§]]"),
("nb", "Vi har fått en faktura fra <<W:Visma>> på <<AMOUNT:12 480,00>> med KID <<KID:§kid:15§>>, men betalingen ble avvist. Forfall var <<DATE:14.10.2024>>. Kan dere se hva som er galt?"),
("nb", "Hei, mitt navn er [[P:Bjørn-Erik Sæther]], daglig leder i <<W:Sæther Transport AS>> ([[O:§org:space§]]). Vi ønsker å øke kassekreditten fra <<AMOUNT:200 000>> til <<AMOUNT:500 000 kr>>."),
("en", "Hi, I own a small consulting firm in <<W:Bergen>> registered as an ENK, org no [[O:§org:plain§]]. My accountant [[P:Marte Kolstad]] ([[E:marte@kolstadregnskap.no]]) needs read access. Can you help?"),
("nb", "Skal betale ut lønn til ny ansatt, [[P:Oleksandr Kovalenko]], kontonr [[K:§kto:space§]]. Må jeg legge han inn som fast mottaker først?"),
("nb", "Trenger å endre hvem som har signaturrett i AS-et. Ny styreleder er [[P:Guro Haugland]], fødselsnummer [[F:§fnr:plain§]]. Hva trenger dere av dokumentasjon?"),
("nb", "Hvor lang tid tar det før bedriftskontoen er klar? Søkte <<DATE:3. mars>>, saksnummer <<CASE:SR-2024-118827>>."),
("dialect", "heisann, æ har ein liten kafé på <<W:Røros>> og terminalen fra <<W:Nets>> har slutta å virke. e det dokker eller dem æ skal ring?"),
("nb", "Vår tidligere ansatt [[P:Kristoffer Lunde]] har fortsatt kort på bedriftskontoen. Han sluttet <<DATE:31.08>>. Kortet ender på <<LAST4:7731>>, vennligst sperr det."),
("nb", "Hei. Jeg er regnskapsfører for flere små bedrifter. En av kundene mine, [[P:Hanne Marit Dahle]] (ENK, [[O:§org:plain§]]), har fått et krav på <<AMOUNT:8 900>> fra et «foretaksregister» hun aldri har hørt om. Er det svindel?"),
("nn", "Hei! Eg driv eit lite gardsutsal og vil gjerne ta imot betaling med <<W:Vipps>>. Organisasjonsnummeret er [[O:§org:space§]]. Kven må eg kontakte?"),
("nb", "Faktura <<INVOICE:2024-0471>> til kunden vår (<<W:Fjellheim Bygg AS>>) er betalt til feil konto. De brukte [[K:§kto:plain§]] som tilhører vår gamle leverandør. Hvordan får vi pengene tilbake?"),
("en", "Our Polish subcontractor [[P:Piotr Wiśniewski]] needs to be paid in EUR. His IBAN is [[I:§iban:PL§]]. Do you support SEPA payments from a business account?"),
("nb", "Kan dere sende årsoppgaven for <<YEAR:2023>> til revisoren vår? Han heter [[P:Ivar Nesheim]] og har e-post [[E:ivar.nesheim@revisjonspartner.no]]"),
("nb", "Vi har betalt moms <<AMOUNT:67 812 kr>> til <<W:Skatteetaten>> med KID <<KID:§kid:18§>>, men det står fortsatt ubetalt i <<W:Altinn>>. Betalt <<DATE:10.04.24>> kl <<TIME:09:12>>."),
("dialect", "kan eg få ring tebake? e ny som bedriftskunde og skjønne ingenting av efaktura. nr e [[T:§mob:sp§]] // [[P:Arve]]"),
("mixed", "Hei! Jeg har en nettbutikk på <<W:Shopify>> og trenger IBAN for utbetalinger fra <<W:Stripe>>. Is [[I:§iban:NO§]] the right format for our account?"),
("nb", "Leverandøren vår har byttet konto, sier de i en e-post fra [[E:faktura@nordic-supplies-ltd.com]]. Nytt kontonr skal være [[K:§kto:dots§]]. Vi ble litt mistenksomme – er det vanlig å gjøre det på mail?"),
("nb", "Hei igjen, det er [[P:Aisha]] fra <<W:Aishas Catering>>. Fikk dere dokumentene jeg lastet opp i går?"),
("nb", "Hva koster det å ha bedriftskonto hos dere? Vi er tre ansatte og omsetter for ca. <<AMOUNT:2,4 mill>> i året."),
("nb", "Skal bytte regnskapsbyrå. Ny regnskapsfører er [[P:Elin Bakke-Johansen]], tlf [[T:§mob:sp§]]. Den gamle ([[P:Rune]]) skal ikke lenger ha tilgang."),
("nb", "Barnehagen vår, <<W:Lille Lykke Barnehage AS>>, org [[O:§org:plain§]], har fått nytt styre. Styreleder: [[P:Karianne Vold]]. Nestleder: [[P:Ahmed Yusuf]]."),
("dialect", "Hei, e d mulig å få låne ein terminal te marknaden på <<W:Lillehammer>> i helga? e har ENK, heite [[P:Jostein Flatebø]]"),
("nb", "Hvorfor blir det trukket <<AMOUNT:99 kr>> <<W:per>> måned på bedriftskontoen? Står bare «gebyr» og referanse <<CASE:BG-77120>>."),
("en", "Hello, I'm [[P:James O'Connor]], co-owner of a small AS in <<W:Stavanger>>. My partner's details: [[P:Ingrid Tveit]], [[E:ingrid.tveit@gmail.com]], [[T:§mob:p47§]]. We both need access to the business account."),
("nb", "Vi leier lokaler i [[A:Kongens gate 14, 7011 Trondheim]] og huseieren vil ha depositum på depositumskonto. Hvordan oppretter vi det for et AS?"),
("nb", "Bedriftens kassekreditt på <<AMOUNT:150 000>> løper ut <<DATE:01.12>>. Kan den forlenges? Renten er nå <<PCT:9,8 %>> hvis jeg har forstått riktig."),
("nb", "Jeg har enkeltpersonforetak og fikk brev om at jeg må oppdatere kundeopplysninger. Har flyttet til [[A:Nedre Storgate 3B, 3015 Drammen]]."),
("dialect", "detta e [[P:Kjell-Arne]] frå <<W:Flatebø Elektro>>, ska betal ein faktura te ein tysk leverandør. IBAN [[I:§iban:DE§]] bic COBADEFFXXX. kor mykje koste d?"),
("en", "We received an invoice from <<W:Telenor Norge AS>>, invoice no. <<INVOICE:600-118245>>, amount <<AMOUNT:NOK 3,450>>. The KID <<KID:§kid:12§>> seems to be rejected. Any idea why?"),
("nb", "Vi er et lite rørleggerfirma. Ny ansatt [[P:Mariusz Nowak]] trenger firmakort sendt hjem til [[A:Industriveien 4C, 2020 Skedsmokorset]]."),
("nb", "Hva er grensen for kontantinnskudd for en bedrift? Vi driver en kiosk i <<W:Halden>> og har ca. <<AMOUNT:60 000>> i uka i kontanter."),
("dialect", "hei, e driv sjølvstendig som snekkar. kunden min [[P:Gunn-Elin]] har betalt feil beløp, <<AMOUNT:18 500>> i staden for <<AMOUNT:15 800>>. ska e berre betale tebake te kontoen ho betalte frå?"),
("nb", "Kan vi få et betalingskort til deltidsansatt student [[P:Sara Al-Khatib]]? Org.nr. [[O:§org:dots§]]. Grense <<AMOUNT:5 000>> i måneden holder."),
("mixed", "Hi, jeg har et AS ([[O:§org:space§]]) and my co-founder [[P:Yuki Tanaka]] lives in Japan. Kan hun få BankID? Her number is [[T:§fphone:jp§]]"),
("nb", "Ansatt [[P:Ole-Gunnar]] fikk lønn til gammelt kontonr [[K:§kto:dots§]]. Det nye er [[K:§kto:dots§]]. Kan dere stanse den første overføringen?"),
("nb", "Fakturanr <<INVOICE:10234>>, KID <<KID:§kid:11§>>, beløp <<AMOUNT:24 375,00>>. Kunden, [[P:Steinar Brekke]], sier han har betalt til [[K:§kto:dots§]], men det er ikke vår konto. Hva gjør vi?"),
("nb", "Jeg er frisør med ENK og lurer på hvordan jeg får kvittering på kortterminalen. Har terminal fra <<W:SumUp>>."),
("nb", "hei, skal ansette sommervikar. hun heter [[P:thea marie johnsen]] og er 17 – kan hun få lønn inn på en ungdomskonto?"),
("en", "Please add [[P:Dilan Rashid]] as a user on our company account. She is our new CFO. Mobile [[T:§mob:p47§]], e-mail [[E:dilan.rashid@havbrisfisk.no]]."),
("nb", "Vi får ikke sendt remittering. Feilmelding sier at mottakers konto <<BAD:§bad11:dots§>> ikke finnes. Sjekket tre ganger."),
("nb", "Hei! Daglig leder [[P:A.K. Olsen]] er på ferie. Kan jeg som styremedlem godkjenne betalingene? Jeg heter [[P:Vibeke]]."),
("dialect", "e har fått ein enorm straumrekning på verkstaden, <<AMOUNT:41 200>> 😳 kan e dele den opp? fakturanr <<INVOICE:§inv§>>"),
("nb", "Regnskapsfører her. Klienten min [[P:Abdirahman Warsame]] (ENK, [[O:§org:space§]]) har fått kontoen sperret etter innskudd av kontanter. Han har kvitteringer for alt. Hvem kan jeg snakke med?"),
("nb", "Vi har fått pålegg om trekk fra <<W:Namsfogden>> på en ansatt. Saksnr <<CASE:NF-24-008812>>. Hvordan legger vi det inn i lønnskjøringen?"),
("en", "We're a Norwegian AS invoicing a client in Germany: [[P:Klaus Becker]], [[A:Hauptstraße 5, 10115 Berlin]]. Which IBAN do we put on the invoice, ours or theirs?"),

# ===================== fraud / scam =====================
("nb", "Jeg ble nettopp ringt av en som sa han var fra <<W:DNB>> sin sikkerhetsavdeling. Han het visstnok [[P:Martin Berg]] og ringte fra [[T:§mob:sp§]]. Han ba meg logge inn med BankID for å «stoppe en mistenkelig betaling». Jeg gjorde det 😭 Hva gjør jeg nå??"),
("nb", "Fikk en Vipps-forespørsel på <<AMOUNT:2 500 kr>> fra [[P:Ali Reza Karimi]] ([[T:§mob:sp§]]) som jeg ikke kjenner. Skal jeg bare avvise den?"),
("nb", "Moren min ([[P:Solveig]], 81) har overført <<AMOUNT:180 000>> til en mann hun har blitt kjent med på <<W:Facebook>>. Han kaller seg [[P:Richard Williams]] og sier han er ingeniør på en oljeplattform. Pengene gikk til [[I:§iban:GB§]]. Hjelp!"),
("nb", "Vi fikk en faktura fra «Norsk Firmaregister» på <<AMOUNT:6 950>>, konto [[K:§kto:dots§]], KID <<KID:§kid:10§>>. Ser ut som svindel. Kan dere stoppe betalingen? Den ble lagt inn i går."),
("en", "Someone called me pretending to be from the bank, said his name was [[P:Daniel]] from the fraud department, number [[T:§fphone:uk§]]. He knew my name and my address, [[A:Grefsenveien 27, 0482 Oslo]]. Was this you?"),
("dialect", "hei e fekk sms fra «dnb» om at kortet mitt va sperra o at e måtte trykk på ein link. trykte på den 😩 la inn kortnummer [[C:§card:visa§]]. sperr kortet!!!"),
("nb", "Sønnen min [[P:Elias]] (16) har blitt lurt på <<W:Snapchat>> av en som kaller seg «[[P:Jessica]]». Hun fikk ham til å sende <<AMOUNT:4 000>> til kontonummer [[K:§kto:space§]]. Kan vi få dem tilbake?"),
("nb", "Svindelforsøk: e-post fra [[E:sikkerhet@dnb-kundeservice-no.com]] ber meg bekrefte kontoen. Avsender skriver under som «[[P:Hilde Strand]], kundeservice». Videresender gjerne."),
("nb", "Jeg har sendt penger til en romantikksvindler 😔 Han het [[P:Michael Anderson]] (sa han), hadde nummer [[T:§fphone:us§]] og e-post [[E:michael.anderson1961@outlook.com]]. Totalt <<AMOUNT:73 000 kr>>."),
("nb", "Ble oppringt fra [[T:§land:sp§]] av en som sa hun var politioverbetjent [[P:Nina Holm]] og at kontoen min var brukt til hvitvasking. Hun ville at jeg skulle flytte alt til en «sikker konto». Er politiet virkelig sånn?"),
("en", "I think my grandmother [[P:Astrid Hovland]] is being scammed. A man called [[P:Ahmed Saleh]] keeps asking her to send money to IBAN [[I:§iban:LTc§]]. She lives at [[A:Skogveien 8, 1470 Lørenskog]]."),
("mixed", "yo so some guy on <<W:Finn.no>> wanted to buy my PS5 and sent me a 'Vipps link' from [[E:vipps-betaling@secure-payout.net]] lol. obviously scam right? 🙃 han het [[P:Kevin Larsen]]"),
("nb", "Noen har brukt kortet mitt på <<W:Zalando>> og <<W:Wish>>. Transaksjonene er på <<AMOUNT:1 299>> og <<AMOUNT:849 kr>>, begge <<DATE:4. november>>. Kortet slutter på <<LAST4:0392>>."),
("nb", "Falsk faktura! Vi har fått regning fra «Bedriftskatalogen Norge» på <<AMOUNT:4 850>> – oppgitt konto [[K:§kto:dots§]], kontaktperson [[P:Lars Eriksen]], [[T:§mob:sp§]]. Vi har aldri bestilt noe."),
("nb", "Har fått SMS fra noen som sier de er sønnen min og har mistet telefonen: «Hei mamma, dette er mitt nye nummer» fra [[T:§mob:p47§]]. Ba meg betale en regning til [[K:§kto:plain§]]. Sønnen min [[P:Andreas]] har ikke byttet nummer. Har ikke betalt."),
("en", "Fraud report: on <<DATE:12 March>> at <<TIME:14:32>> I got a call from '[[P:Sarah]] from <<W:Nordea>>' on [[T:§fphone:se§]]. She asked me to read out my BankID code. I did not. Reporting anyway."),
("dialect", "nån ringte meg o sa dem va fra banken, snakka svensk. sa navnet va [[P:Johan Lindqvist]]. nr [[T:§fphone:se§]] . e hadde ikkje gitt dem nå info"),
("nb", "Kjæresten min på nett, [[P:Gerald Mitchell]], sier han trenger <<AMOUNT:25 000>> for å komme seg hjem fra <<W:Ghana>>. Han har gitt meg kontonummeret til en venn: [[K:§kto:dots§]] ([[P:Thomas Aune]]). Er det trygt? Har lest mye om svindel..."),
("nb", "Fikk en toll-SMS fra «<<W:Posten>>» med lenke. Har ikke trykket. Avsendernummeret var [[T:§fphone:ng§]]. Melder det bare inn."),
("nb", "Mannen min [[P:Arild]] ble lurt av en kryptosvindel. Han overførte totalt <<AMOUNT:310 000>> til [[I:§iban:ES§]]. Mottaker stod som [[P:Carlos Moreno Ruiz]]. Det er anmeldt, saksnummeret hos politiet er <<CASE:14392271>>."),
("nb", "Noen har søkt kredittkort i mitt navn! Jeg heter [[P:Marit Syversen]], fnr [[F:§fnr:space§]]. Fikk brev fra <<W:Bank Norwegian>> i dag om at kortet er på vei."),
("en", "Hi, a stranger sent me a Vipps request for 'utleie' <<AMOUNT:1 500 kr>>. Sender: [[P:Fatima Okonkwo]] [[T:§mob:plain§]]. I've never rented anything. Decline or report?"),
("nb", "Vil melde en falsk <<W:Finn>>-annonse. «Utleieren» [[P:Ole Martin Bakken]] ba om depositum <<AMOUNT:12 000>> for en leilighet i [[A:Thereses gate 40, 0354 Oslo]]. Leiligheten finnes, men han eier den ikke. Pengene gikk til [[K:§kto:dots§]]."),
("nb", "Jeg ble lurt til å installere <<W:AnyDesk>> av en som sa han var fra <<W:Microsoft>>. IP-en han koblet fra sto som [[IP:§ip4:x§]]. Hva gjør jeg med nettbanken?"),
("dialect", "HJELP nån har tatt over bankid mi!!! e heite [[P:Synnøve Rølvåg]] o fødselsnummer e [[F:§fnr:plain§]] ring meg [[T:§mob:sp§]]"),
("nb", "Jeg fikk en e-post om at kontoen min er sperret og at jeg må betale <<AMOUNT:29 kr>> for å låse den opp. Referanse <<CASE:NO-558123>>. Er dette fra dere?"),
("nb", "En som kalte seg [[P:Mats]] fra <<W:SpareBank 1>> ringte og sa det var forsøkt tatt opp et lån på <<AMOUNT:350 000>> i mitt navn. Han ville at jeg skulle flytte sparepengene til en «sikker konto» [[K:§kto:space§]]. Har IKKE gjort det."),
("mixed", "Ok så jeg møtte en fyr på <<W:Tinder>>, [[P:Alejandro]], and he keeps asking me to invest in some crypto app. Han sendte meg et kontonummer i Litauen: [[I:§iban:LT§]]. red flag??"),
("en", "Received a WhatsApp from [[T:§fphone:in§]] claiming to be [[P:Priya Sharma]] from your 'loan department', offering a loan at <<PCT:2.9%>>. Fake, I assume?"),
("nb", "Regnskapsføreren vår fikk e-post fra «daglig leder» ([[E:ceo.office@firma-mail.co]]) om å hastebetale <<AMOUNT:98 400 kr>> til [[I:§iban:GB§]]. Heldigvis ringte hun meg først. Vil melde forsøket."),
("nb", "Jeg heter [[P:Nils Petter Moe]] og ble svindlet på <<W:Facebook Marketplace>>. Selgeren het [[P:Jonny Hansen]], tlf [[T:§mob:pairs§]], og ga meg konto [[K:§kto:dots§]]. Betalt <<AMOUNT:3 200>> for en sykkel jeg aldri fikk."),
("se", "Bures! Mun lean ožžon SMS:a, ja dat orru leamen beahttu. Nummir: [[T:§mob:p47§]]. Giitu, [[P:Máret Ánne Sara]]"),
("nb", "Bestemor fikk telefon fra «[[P:Kari]] i banken» som sa hun måtte oppgi kortnummeret. Hun leste opp [[C:§card:mc§]] før jeg kom 😞 Kan dere sperre?"),
("nb", "Hvordan ser jeg om en Vipps-forespørsel er ekte? Fikk en på <<AMOUNT:750 kr>> med melding «refusjon <<W:Elkjøp>> ordre <<ORDER:§ord:10§>>»."),
("sv", "Hej, jag blev lurad av någon som ringde och sa att han var från banken. Han hette [[P:Erik Johansson]] och ringde från [[T:§fphone:se§]]. Jag bor i Norge men är svensk. Vad ska jag göra?"),
("nb", "Faktura fra «Google Business Norway» på <<AMOUNT:3 990>>, betales til [[K:§kto:dots§]] innen <<DATE:20.06>>. Avsender [[E:billing@google-business-norway.info]]. Vi har aldri hatt avtale med dem."),
("nb", "Noen har ringt meg tre ganger fra skjult nummer og så fra [[T:§mob:plain§]]. Sier de er fra banken og kjenner de fire siste sifrene på kortet mitt (<<LAST4:5521>>). Hvordan kan de vite det?"),
("nb", "Kona mi [[P:Trine]] har fått mail fra en «advokat [[P:Benjamin Clarke]]» om en arv på <<AMOUNT:$4.5 million>>. De vil ha kopi av passet og kontonummeret hennes, [[K:§kto:plain§]], som hun allerede har sendt... Er det farlig?"),
("nb", "Fikk Vipps-forespørsel fra «[[P:Ingrid S.]]» med teksten «Tilbakebetaling skatt». Nummeret er [[T:§mob:sp§]]. <<W:Skatteetaten>> bruker vel ikke Vipps?"),
("dialect", "fekk ein melding på messenger frå tante [[P:Ragnhild]] som spør om å låne <<AMOUNT:5000>> akkurat no, men ho ligg på sjukehuset. hacka konto sikkert. ska e melde d te dokker?"),
("nb", "Jeg blir presset av en som har bilder av meg. Han krever <<AMOUNT:10 000>> til [[I:§iban:NL§]] innen <<TIME:kl 18>>. Profilen heter [[P:Mark Jansen]]. Hva gjør jeg?? 😰"),
("nb", "Svindlerinfo til dere: navn [[P:Dimitri Volkov]], e-post [[E:d.volkov.invest@protonmail.com]], tlf [[T:§fphone:lt§]], konto [[I:§iban:LTc§]]. Lurte min far for <<AMOUNT:460 000>>."),
("nb", "Det ringte en «[[P:Andreas Hjelle]] fra <<W:Nets>>» og sa at terminalen vår var kompromittert. Han ville ha org.nr. ([[O:§org:plain§]]) og passordet til nettbanken. Vi la på."),
("en", "I paid a deposit for a puppy to [[P:Mary Thompson]], e-mail [[E:marythompson.puppies@gmail.com]], account [[K:§kto:dots§]]. Now she wants more money for 'transport insurance'. Scam?"),
("nb", "Jeg ga BankID-en min til en som sa han skulle hjelpe meg med gjelda. [[P:Kenneth]], [[T:§mob:sp§]]. Nå er det tatt opp forbrukslån i mitt navn på <<AMOUNT:150 000>>."),
("mixed", "Someone texted me «Hei, det er [[P:Emma]] fra banken, bekreft kontoen din her». Number [[T:§mob:0047§]]. Legit?"),
("nb", "En som kaller seg [[P:FATIMA KHAN]] har sendt meg <<AMOUNT:5 000>> «ved en feil» og ber meg sende dem tilbake til en annen konto, [[K:§kto:dots§]]. Høres rart ut?"),
("nb", "Jeg har fått en rar SMS om at «BankID utløper i morgen». Linken går til noe som heter bankid-fornye.com. Har ikke trykket."),
("nb", "Min svigermor [[P:tran thi mai]] snakker lite norsk og har fått telefon fra en som ville ha BankID-koden hennes. Hun ga den ikke, tror jeg. Hennes nummer er [[T:§mob:sp§]] hvis dere vil ringe henne."),
("en", "Scam alert: a 'crypto broker' named [[P:Oliver Grant]] ([[E:o.grant@bitwealth-partners.io]], [[T:§fphone:uk§]]) got my brother to send <<AMOUNT:85 000 NOK>>. Can the transfer be recalled?"),
("nb", "Han heter [[P:Luca]] sier han, og er lege i Syria. Vi har chattet i fire måneder. Nå vil han at jeg skal betale <<AMOUNT:8 000>> for at han skal få fri. Mottaker: [[P:Peter Okafor]], [[I:§iban:GBc§]]. Skal jeg?"),
("nb", "Jeg har nettopp oppdaget at jeg har betalt en falsk faktura fra «Domeneregisteret AS». <<AMOUNT:2 380>> til konto [[K:§kto:nl§]], betalt <<DATE:16.09>>."),
("mixed", "Got a call from 'Nordea fraud team' lol jeg er ikke engang kunde der. Caller ID [[T:§land:p47§]], fyren het [[P:Simon]]."),
("nb", "Jeg fikk betalt <<AMOUNT:1 800>> for en jakke på <<W:Tise>>, men så sa kjøperen at han hadde betalt for mye og ba meg sende <<AMOUNT:1 000>> tilbake. Ser ikke noe innbetaling fra ham? Han heter [[P:Eirik Solli]]."),
("nb", "Hei. En mann som presenterte seg som [[P:Sven]] fra <<W:Telenor>> fikk meg til å oppgi en kode på SMS. Nå er det kjøpt gavekort for <<AMOUNT:4 000 kr>> med kortet mitt som ender på <<LAST4:4410>>."),
("dialect", "korleis sperrar e kortet? nån i ein bil tok bilde av pin-koden min på <<W:Bunnpris>> tror e 😬"),

# ===================== card disputes =====================
("nb", "Jeg har blitt belastet to ganger for samme kjøp hos <<W:Power>>, <<AMOUNT:4 499 kr>>, <<DATE:18.09>>. Kortnummer [[C:§card:visa§]]. Vil reklamere."),
("nb", "Vil reklamere på et kjøp på <<W:Amazon>>. Pakken kom aldri. Ordrenummer <<ORDER:§ord:amz§>>, beløp <<AMOUNT:87,50 USD>>. Kortet ender på <<LAST4:3308>>."),
("en", "Hi, I want to dispute a charge from 'NETFLIX.COM' of <<AMOUNT:NOK 179>> – I cancelled on <<DATE:1 Feb>>. Card: [[C:§card:mc§]]. Name on card: [[P:Oluwaseun Adeyemi]]."),
("nb", "Det står et trekk fra «SP * GLOWSKIN» på <<AMOUNT:689 kr>> som jeg ikke kjenner igjen. Kort [[C:§card:visa_dash§]]. Jeg bestilte bare en prøvepakke..."),
("dialect", "hallo. e har vørte trekt <<AMOUNT:2 x 350>> på hotellet i <<W:Tromsø>> men betalte kontant. kortet e [[C:§card:visa§]]. ska e fylle ut skjema?"),
("nb", "Reklamasjon: hotellet i <<W:Barcelona>> trakk <<AMOUNT:€ 412,80>> for «no show», men vi sjekket inn. Bookingnr <<ORDER:§ord:book§>>. Kortinnehaver: [[P:Randi Sørensen]]."),
("nb", "Hvor lang tid tar en reklamasjon? Sendte inn <<DATE:02.09.2024>>, saksnr <<CASE:REK-448810>>. Beløpet var <<AMOUNT:2 345 kr>>."),
("en", "Disputed transaction: merchant 'APPLE.COM/BILL', <<AMOUNT:129 NOK>>, <<DATE:2024-05-14>>. It was my son [[P:Lucas]] buying stuff in a game without permission 🙄 card ending <<LAST4:9014>>."),
("nb", "Kortet mitt ble stjålet på <<W:Gardermoen>> i helga og brukt på <<W:Circle K>> og <<W:Narvesen>> for til sammen <<AMOUNT:2 870>>. Kort: [[C:§card:visa_sp§]]. Anmeldt. Jeg heter [[P:Håvard Kristiansen]], tlf [[T:§mob:sp§]]."),
("nb", "Kjøpte flybilletter via en side som heter «cheapflights-norway» for <<AMOUNT:6 400 kr>>, men fikk aldri billettene. Mottaker på kontoutskriften: [[P:ROBERT J SMITH]]. Kan jeg få chargeback?"),
("mixed", "Hei! Got charged tre ganger for samme <<W:Wolt>>-bestilling 😤 <<AMOUNT:289 kr>> x3. Card [[C:§card:visa_plain§]]. Plis fix"),
("nb", "Ble trukket <<AMOUNT:59 kr>> fra <<W:Spotify>> selv om abonnementet er sagt opp. Hvordan reklamerer jeg? Kortet slutter på <<LAST4:6677>>."),
("nn", "Eg har vorte trekt for eit kjøp på <<AMOUNT:3 250 kr>> hjå ein nettbutikk eg aldri har handla hjå. Kortnummeret mitt er [[C:§card:mc§]]. Kan de sperre kortet og sende nytt til [[A:Fjordvegen 112, 6900 Florø]]?"),
("en", "Charged <<AMOUNT:EUR 65>> by a parking company in Germany I have never visited. Card [[C:§card:amex§]]. Cardholder [[P:Siobhan Kelly]]."),
("nb", "Kortet ble avvist på <<W:Kiwi>> i dag, men pengene er reservert: <<AMOUNT:412,30>>. Hvorfor? Kortet slutter på <<LAST4:2048>> og er gyldig til <<DATE:09/27>>."),
("dialect", "korte mitt funke ikkje på rema o så fekk e trekk frå <<W:Ving>> på <<AMOUNT:9 998>>?? ha aldri bestilt ferie. ring meg [[T:§mob:pairs§]] asap. [[P:Linn]]"),
("nb", "Har fått nytt kort, men det gamle ([[C:§card:visa_zw§]]) blir fortsatt belastet for <<W:HBO Max>>. Hvordan stopper jeg det?"),
("en", "Hello, I am [[P:Nguyen Van Minh]]. I see a transaction of <<AMOUNT:2 199 kr>> at 'ELKJOP ONLINE' on <<DATE:11/10>> that I did not make. My card number is [[C:§card:mc§]] and phone [[T:§mob:p47§]]."),
("nb", "Kan dere tilbakeføre valutapåslaget? <<PCT:1,75 %>> av <<AMOUNT:8 450 kr>>. Kjøpet var på ferie i <<YEAR:2023>>."),
("mixed", "Hallo, jeg er i London nå og kortet mitt blir declined overalt 😩 Card [[C:§card:visa§]], name [[P:Ebba Strøm]]. Please unblock it, I'm staying at [[A:221 Baker Street, London NW1 6XE]]"),
("nb", "Datteren min [[P:Maja]] sitt kort er brukt av en «venn» uten lov. <<AMOUNT:3 400 kr>> på <<W:Steam>>. Kortnummeret er [[C:§card:visa_plain§]]. Hun er 15."),
("nb", "Har fått kortet i posten, men navnet er feilstavet: det står [[P:KRISTOFER]] i stedet for [[P:Kristoffer]]. Kan dere lage nytt?"),
("nb", "Kortet mitt utløper <<DATE:08/25>>. Får jeg nytt automatisk, eller må jeg bestille?"),
("en", "I'd like to raise a chargeback. The merchant 'Luxe Watches Ltd' never delivered. Order <<ORDER:§ord:9§>>, paid <<AMOUNT:£1,240>> with card [[C:§card:visa§]]."),
("nb", "Dobbelt trekk hos <<W:Narvesen>> på Oslo S, <<AMOUNT:89 kr>> x 2, kl. <<TIME:07:42>>. Kort som slutter på <<LAST4:1170>>."),
("nb", "Har et trekk på <<AMOUNT:1 000 kr>> fra «PAYPAL *JOHNSMITH». Jeg kjenner ingen [[P:John Smith]]. Kort [[C:§card:mc_dash§]]."),
("da", "Hej, jeg er blevet trukket <<AMOUNT:450 kr>> to gange i en butik i <<W:Aalborg>>. Mit kortnummer er [[C:§card:visa§]]. Venlig hilsen [[P:Søren Kjærgaard]]"),
("nb", "Jeg har betalt for en konsert som ble avlyst, <<AMOUNT:2 x 1 190 kr>>. Arrangøren svarer ikke. Kan jeg reklamere via dere? Kvittering viser <<ORDER:§ord:8§>>."),

# ===================== young / SMS style =====================
("dialect", "hei!! kan dokker sende meg nytt kort? mista d på fest 🫠 adressa mi e [[A:Møllevegen 3, 2815 Gjøvik]]"),
("mixed", "yo kan noen hjelpe meg, fikk ikke lønna fra jobb idag 😭 sjefen sier hun har sendt til [[K:§kto:plain§]]. is that even my acc lol"),
("dialect", "ring meg på [[T:§saymob:nb§]] plz, ska snakk om studielån 🙏"),
("mixed", "hvordan endrer jeg mail? ny mail: [[E:kari punktum hansen at gmail dot com]] thx"),
("dialect", "hallo e d mulig å låne <<AMOUNT:500>> te fredag 😅😅 jk. men seriøst ka e grensa for overtrekk"),
("mixed", "omg sendte <<AMOUNT:1500>> til feil person på vipps 😭😭 skulle til [[P:jonas]] men sendte til [[P:jonas b]]. hvordan får jeg dem tilbake"),
("dialect", "mamma e ikkje heime men [[P:Siri]] sin mor sa e kunne spør her: treng e samtykke frå foreldra for å få visakort når e e 16?"),
("mixed", "my vipps isn't working bro 😤 says 'kontoen er ikke tilgjengelig'. nr [[T:§mob:plain§]]"),
("dialect", "sendte penga te [[P:Jonas]]' konto men d kom aldri fram. kontonr hans e [[K:§kto:sp4§]] ??"),
("mixed", "plz ring meg på [[T:§saymob:mix§]] før <<TIME:kl 3>>, I have school 📚"),
("en", "hey can i get a new card?? mine snapped lol. send it to [[A:Storgata 51, 3611 Kongsberg]] thx 🙏"),
("dialect", "æ har glemt pin-koden 🙃 kan dokker send ny? bor i [[A:Sjøgata 7, 8006 Bodø]]"),
("mixed", "kan jeg åpne BSU? im 17. personnr: [[F:§fnr:young§]]"),
("mixed", "min mail er [[E:emma_2007 @ hotmail . com]] btw, fikk ikke koden 🤷‍♀️"),
("dialect", "hei hei!! e [[P:Mohammed]] her, eg fikk ikkje logga inn på appen, står berre error 😩"),
("mixed", "who tf is [[P:Hope]]?? [[P:Hope]]'s name is on a <<AMOUNT:200kr>> request i got on vipps. i <<W:hope>> it's not a scam 💀"),
("dialect", "fekk ikkje studielånet enda?? lånekassen sa d va sendt <<DATE:15/8>>. konto e [[K:§kto:plain§]]"),
("mixed", "mail meg på [[E:sander(at)live.no]] istedenfor, ser aldri sms 😴"),
("dialect", "ka e kontonummeret mitt igjen? har glemt d 😅"),
("mixed", "heiii can u tell me why there's a charge from 'KLARNA*SHEIN' <<AMOUNT:649kr>>?? didnt order anything 😬"),
("dialect", "kan du overføre frå sparekontoen te brukskontoen? har ikkje tilgang på appen nå. [[P:TUVA]] her 🙂"),
("mixed", "mi mor [[P:Grace]] vil at jeg skal ha tilgang til kontoen hennes, she doesn't speak norwegian so well. how?"),
("dialect", "nytt nr: [[T:§saymob:dash§]] (sry skriv d sånn pga spamfilter lol)"),
("mixed", "vil stenge kontoen min. moving to Spain 🇪🇸 ny adresse: [[A:Calle de Alcalá 45, 28014 Madrid]]"),
("dialect", "omg e ha betalt <<AMOUNT:2000>> te ein på finn som selde iphone, han svare ikkje lenger 😭 han heite [[P:ramiz]] o nummeret va [[T:§mob:plain§]]"),
("en", "yo whats the limit on vipps per day? need to send like <<AMOUNT:8k>> for a car lol"),
("mixed", "kan dere ringe faren min? He's [[P:Tariq Mahmood]], [[T:§mob:sp§]]. han vet passordet... jk han vet ikke"),
("dialect", "kor mykje e d på kontoen min? 👀"),
("mixed", "gjorde en feil overføring til [[K:§kto:zw§]] instead of my savings 😭 can u reverse?"),
("dialect", "ska betal husleie te utleigar, [[P:Åse Marie Lien]], men overføringa har stått på «venter» sia i går. kontonr ho ga meg e [[K:§kto:dots§]]"),
("mixed", "Pls send ny BankID-kodebrikke to [[A:Lerkeveien 22, 1450 Nesoddtangen]] 🙏 [[P:Sofie]]"),
("mixed", "hey!! nytt nr er [[T:§mob:nl§]] (sorry linjeskift lol)"),
("mixed", "kan dere sende kontoutskrift til [[E:lars snabel-a hotmail punktum com]]? trenger den til NAV 🙏"),
("en", "how do i send money to my friend [[P:Jakub]] in poland? he gave me [[I:§iban:PL§]] and some swift code"),
("dialect", "hei dokker, kvifor e [[P:Mari]] sin konto stengt?? e mora hennar"),
("dialect", "kaffor e d trekt <<AMOUNT:49 kr>> for kortet mitt kvar mnd 🤔"),
("mixed", "Vil bare si at [[P:Dag]] på chatten igår var mega hjelpsom!! takk 😊 god <<W:dag>> til dere alle"),
("mixed", "bruh jeg sendte <<AMOUNT:300>> til [[P:Vår]] (venninna mi) men hun har ikke fått dem??"),
("dialect", "d e [[P:sølvi]], ville berre sei ifrå at e har fått ny mail: [[E:solvi.h (at) online.no]]"),
("en", "Hi it's [[P:mo]] 😊 forgot my password again, can u send the reset link to [[E:mo.abdi01@gmail.com]]"),
("dialect", "kan e få eit sånn kort med eigen design? vil ha bilde av katten min på 😻"),
("mixed", "hei!! skal til USA på utveksling. does my card work there? og hva er gebyret <<W:per>> uttak?"),
("mixed", "fikk lønn fra <<W:McDonald's>> men det mangler <<AMOUNT:1 200>>?? is that skatt or something 🤔"),
("dialect", "hei e [[P:Abdi]] o e trenger bankid men har ikkje pass, berre oppholdskort. ka gjør e"),
("en", "my number is [[T:§saymob:en§]] call me back pls 🙏"),
("mixed", "can my mom ([[P:Zahra Ahmadi]]) see what I buy?? 😳 she said she can lol"),
("dialect", "eg har mista kortet på trikken 😩 sperr pls. [[P:Jonatan]] heiter eg, tlf [[T:§mob:shy§]]"),

# ===================== general PII =====================
("nb", "Skal sende penger til svigerfar i Tyrkia, [[P:Mehmet Yılmaz]], IBAN [[I:§iban:TR§]]. Hva koster det?"),
("en", "Please update my e-mail to [[E:j.ferreira.silva@gmail.com]]. The old one was [[E:joao_silva88@yahoo.com.br]]. Thanks, [[P:João Ferreira da Silva]]"),
("nb", "[[P:Per]] (broren min) betaler <<AMOUNT:3 000>> <<W:per>> måned inn på kontoen min for billånet. Må det oppgis på skattemeldingen?"),
("nb", "Jeg er verge for [[P:Stein Ove Haugen]], vergemålssak <<CASE:22-118734VER-FMOV>>. Trenger innsyn i kontoene hans."),
("nb", "Dødsbo etter min far [[P:Olav Thorvaldsen]], fnr [[F:§fnr:space§]]. Hva må til for å avslutte kontoene? Skifteattesten kommer fra tingretten."),
("nn", "Hei, eg heiter [[P:Sigrid Løvlie]] og vil endre adressa mi til [[A:Skulevegen 14, 6856 Sogndal]]."),
("da", "Hej, jeg er dansk og har en norsk konto hos jer. Kan I overføre til min danske konto [[I:§iban:DK§]]? Mvh [[P:Mette Kjærgaard]]"),
("da", "Hej! Hvor meget koster det at overføre <<AMOUNT:10.000 kr>> til Danmark? Det haster ikke."),
("sv", "Hej! Jag har fått en faktura med OCR-nummer <<KID:§kid:14§>> men vet inte hur jag betalar den från Norge. Beloppet är <<AMOUNT:1 250 SEK>>."),
("sv", "Jag flyttar till [[A:Drottninggatan 71, 111 36 Stockholm]] nästa månad. Min svenska telefon är [[T:§fphone:se§]]. /[[P:Linnea Berglund]]"),
("en", "My IP keeps getting blocked when I log in – it's [[IP:§ip4:x§]]. I'm travelling in Thailand. Name: [[P:Chloe Andersen]]."),
("nb", "Får ikke logget inn, feilmeldingen sier at IP [[IP:§ip6:x§]] er blokkert. Jeg bruker VPN."),
("nb", "Prøver å betale til kontonummer <<BAD:§bad11:dots§>>, men nettbanken sier det er ugyldig. Har jeg skrevet feil?"),
("nb", "Det står en transaksjon med referanse <<BAD:§bad11:plain§>> på kontoutskriften. Hva er det?"),
("nb", "Har fått brev med nummeret <<BAD:§bad11:space§>> øverst til høyre. Hva betyr det?"),
("en", "Transaction ID <<BAD:§bad11:plain§>> failed twice today. Amount <<AMOUNT:NOK 640>>."),
("nb", "Hei, dette er [[P:Kari]]s konto, men jeg vil at mannen min [[P:Espen]] også skal kunne se den. Går det?"),
("nb", "Kan dere sende papirutskrift til [[P:J. Smith]], [[A:Box 12, 9845 Tana]]? Han har ikke nettbank."),
("nb", "Jeg snakket med [[P:Lise]] hos dere på telefon i går om forlengelse av avdragsfrihet. Hun skulle ringe tilbake på [[T:§mob:dash§]], men har ikke gjort det."),
("nn", "Eg har fått nytt telefonnummer: [[T:§mob:p47pairs§]]. Kan de oppdatere det? Helsing [[P:Torunn Eide]]"),
("nb", "Min sønn [[P:Yonas Tesfaye]] skal ha konto. Han har D-nummer [[F:§fnr:dnum§]]. Hva trenger dere?"),
("nb", "Jeg har D-nummer, [[F:§fnr:dnumsp§]], og jobber i Norge som sesongarbeider. Kan jeg få bankkort? [[P:Agnieszka Kowalczyk]]"),
("en", "I'm a new employee in Norway and my employer needs my account number. Is [[K:§kto:space§]] it? I just got the welcome letter. – [[P:Thusyanthan Sivakumar]]"),
("nb", "Vil gi fullmakt til datteren min, [[P:Emir Hadžić]]... nei, sønnen min mener jeg, hehe. Fødselsnummeret hans er [[F:§fnr:dash§]]."),
("nb", "hei, fnr er [[F:§fnr:wj§]] og jeg får ikke bekreftet identiteten min i appen"),
("nb", "Kan dere sende ny kodebrikke til [[A:Kirkeveien 5B, 0368 Oslo]]? Den gamle sluttet å virke."),
("nb", "Flyttet akkurat. Ny adresse er [[A:Solbakken 2\n4050 Sola]]. Hvor oppdaterer jeg det i appen?"),
("nb", "Vi skal overføre pengegave til barnebarnet [[P:Theo]] sin BSU. Kontonummeret er [[K:§kto:dots§]]. Går det an å sette opp fast trekk?"),
("nb", "Til [[P:Marius]] i rådgivningsavdelingen: dokumentene er sendt på e-post fra [[E:hege.sandvik73@online.no]]. Mvh [[P:Hege Sandvik]]"),
("nb", "Hei! Jeg heter [[P:Shirin Rahimi]] og vil ha lån til el-bil. Bor i [[A:Haugesundsgata 19, 5527 Haugesund]]. Jobber som sykepleier."),
("en", "Can you call my husband [[P:Li Wei]] on [[T:§fphone:pl§]]? He's in Poland for work and his card got blocked."),
("nb", "Mora mi, [[P:Oksana Melnyk]], har flyttet hit fra Ukraina. Hun har fått D-nummer [[F:§fnr:dnum§]]. Kan hun åpne konto uten norsk pass?"),
("nb", "Kontoen jeg skal sende til er [[K:§kto:dash§]] ([[P:Tomas Petrauskas]]). Men han sier han ikke har fått noe etter tre dager."),
("nb", "Jeg ønsker å sette opp avtalegiro for barnehagen. Det er [[P:Usman Chaudhry]] her, tlf [[T:§mob:p47plain§]]."),
("nb", "Kan dere bekrefte at [[E:ole.n (at) bedrift.no]] er registrert som min e-post? Jeg heter [[P:Ole Nordby]]."),
("nb", "Tidligere naboen min, [[P:Somchai]], har gitt meg fullmakt til å hente ut pengene hans. Han har flyttet tilbake til Thailand."),
("nb", "Spørsmål om medlåntaker: min samboer [[P:Zhang Xiaoming]] og jeg skal kjøpe [[A:Blåbærstien 11, 1415 Oppegård]]. Kan vi søke sammen selv om han ikke har norsk statsborgerskap?"),
("nb", "Kan [[P:per h]] få tilgang til kontoen til foreningen? Han er ny kasserer."),
("en", "Hi, I'm the new treasurer of a sports club. Former treasurer was [[P:Niillas Somby]]. Please remove him and add me, [[P:Abdullah Al-Harbi]], [[E:abdullah.alharbi@gmail.com]]."),
("nb", "IP-adressen min er [[IP:§ip4:lz§]] ifølge IT-avdelingen, og den blir avvist når jeg logger inn fra jobb."),
("dialect", "hei de e [[P:Reidar]] på <<W:Sortland>>. har fått nytt nummer: [[T:§mob:pairs§]]. o kona [[P:Bodil]] og."),

# ===================== hard negatives & clean =====================
("nb", "God <<W:dag>>! Jeg lurer på hva renten er på BSU nå? Har spart <<AMOUNT:25 000>> i år."),
("nb", "Kan jeg betale <<AMOUNT:500 kr>> <<W:per>> måned inn på aksjesparekontoen automatisk?"),
("nb", "Jeg har en <<W:stein>> i skoen når det gjelder dette lånet, ærlig talt. Hvorfor er renten <<PCT:5,34 %>> når naboen har <<PCT:4,9 %>>?"),
("nb", "<<W:Livet>> er for kort til telefonkø 🙃 Hvorfor tar det så lang tid å få svar på lånesøknaden? Søkte <<DATE:2. oktober>>."),
("en", "I <<W:hope>> you can help. I'd like to <<W:mark>> a payment as urgent – <<AMOUNT:NOK 12 000>> due <<DATE:Friday the 14th>>."),
("nb", "Er det mulig å ta ut kontanter i <<W:Ski>>? Fant ingen minibank der."),
("nb", "Dekker reiseforsikringen hvis ferien blir ødelagt av <<W:storm>>? Vi skal til <<W:Kreta>> i <<DATE:juli>>."),
("nb", "Kjøpte en jakke fra <<W:Helly Hansen>> til <<AMOUNT:2 800>>, men butikken trakk <<AMOUNT:28 000>> 😳 Kan dere hjelpe?"),
("nb", "Betalte på <<W:Clas Ohlson>> i <<W:Moss>> og fikk to trekk."),
("en", "What's the <<W:grace>> period on the credit card? If I pay the <<AMOUNT:4 300>> <<W:bill>> a few days late, will I get a fee?"),
("nb", "Hvordan setter jeg opp eFaktura fra <<W:Fjordkraft>>? Forrige faktura <<INVOICE:§inv§>> var på <<AMOUNT:1 877,40>>."),
("nb", "Vil ha lån til ny <<W:Tesla>> eller kanskje en <<W:Volvo>>. Prisen er ca. <<AMOUNT:480 000>>. Hva blir renten?"),
("nb", "Hva er forskjellen på <<W:Vipps>> og MobilePay nå? Hvorfor heter det ikke bare Vipps lenger?"),
("nn", "Me håpar å flytte inn i nytt hus i <<W:vår>>. Kor lang tid tek det å få svar på lånesøknaden?"),
("nb", "Har dere forsikring som dekker skade fra <<W:ulv>> på sauene? Jeg er bonde i <<W:Rendalen>>."),
("en", "Can I <<W:bill>> my customers through your app? I run a small business in <<W:Ålesund>> with around <<AMOUNT:200k>> in revenue."),
("en", "To be <<W:frank>>, the new app is terrible. Where did the transfer button go?"),
("nb", "<<W:Lykke>> til med den nye appen 😂 den krasjer hver gang jeg åpner den"),
("en", "<<W:Will>> the transfer of <<AMOUNT:€300>> arrive before <<DATE:Monday>>? I sent it at <<TIME:16:45>>."),
("nb", "Kan jeg bruke kortet i <<W:Mo i Rana>> og i Sverige uten ekstra gebyr?"),
("nb", "Jeg har betalt regning til <<W:Hafslund>> med KID <<KID:§kid:13§>>, men beløpet <<AMOUNT:2 145,60>> har ikke blitt trukket."),
("nb", "Skal betale barnehage, KID <<KID:§kid:11§>>, <<AMOUNT:3 315 kr>>, forfall <<DATE:20.11.2024>>. Står «ugyldig KID»?"),
("nb", "Jeg har ikke fått renter på høyrentekontoen for <<YEAR:2024>>. Saldoen var ca <<AMOUNT:310 000>> hele året, og renten <<PCT:4,25 %>>."),
("dialect", "ka e renta på boliglån no? e har fått tilbud om <<PCT:5,1 %>> hos ein anna bank"),
("nb", "Hvorfor ble overføringen på <<AMOUNT:7 500 kr>> stoppet? Den skulle gå <<DATE:28.02>> kl <<TIME:08:00>>."),
("nb", "Ordre <<ORDER:§ord:9§>> hos <<W:Komplett>> ble kansellert, men beløpet <<AMOUNT:12 499 kr>> er fortsatt reservert."),
("en", "Hi! Is there a fee for using the card at <<W:Rema 1000>> abroad? Like in <<W:Spain>>?"),
("nb", "Betalingen til <<W:Ruter>> på <<AMOUNT:40 kr>> gikk tre ganger. Kortet ender på <<LAST4:8823>>."),
("nb", "Fakturanummer <<INVOICE:§inv§>> fra <<W:Elkjøp>> er betalt to ganger. Hvordan får jeg tilbake <<AMOUNT:6 999>>?"),
("nb", "Saksnummer <<CASE:2024/11873>> – har dere fått inn dokumentasjonen på inntekt?"),
("nb", "Jeg skal kjøpe leilighet i <<W:Bergen>> til <<AMOUNT:3,8 mill>>. Har <<PCT:15 %>> egenkapital. Hva er sjansen for lån?"),
("nb", "Hei! Hvordan bytter jeg PIN-kode på kortet?"),
("nb", "Hva er åpningstidene til kundeservice i påsken?"),
("en", "Can I open an account without a Norwegian ID number?"),
("nb", "takk for hjelpen 😊"),
("dialect", "ka tid stenge dokker i dag?"),
("nb", "Jeg får ikke opp BankID på mobilen. Har prøvd å starte den på nytt."),
("nb", "Hvordan legger jeg til en ny mottaker i appen?"),
("nn", "Korleis kan eg sjå kva eg har betalt i renter i fjor?"),
("mixed", "hei, is it possible to chat in English? jeg snakker litt norsk men ikke så bra"),
("dialect", "e d nåkka feil med appen no? får ikkje logga inn"),
("nb", "Hei igjen. Har dere sett på saken min?"),
("en", "Thank you so much, have a nice weekend!"),
("nb", "Ble trukket gebyr <<AMOUNT:25 kr>> for varsling. Hva er det for noe?"),
("nb", "Når kommer pengene frem hvis jeg overfører til en annen bank nå <<TIME:kl. 15.30>>?"),
("nb", "Kan jeg sette inn mynter? Har en hel sparebøsse 😄 sikkert <<AMOUNT:2 000 kr>>"),
("en", "How much is the fee for sending <<AMOUNT:500 USD>> to the Philippines?"),
("nb", "Jeg lurer på om <<W:Norwegian>> sitt kredittkort kan overføres til dere. Har <<AMOUNT:45 000>> i gjeld der."),
("nb", "Hvorfor står det «<<W:Kari Traa>>» på kvitteringen når jeg handlet på <<W:XXL>>?"),
("nb", "Jeg var på <<W:Peppes Pizza>> i går og betalte <<AMOUNT:1 240>>, men trekket er <<AMOUNT:1 420>>. Feil?"),
("en", "I'll be in <<W:Paris>> and then <<W:Sydney>> next month, do I need to tell you before I use my card there?"),
("nb", "Jeg har et boliglån på <<AMOUNT:2,1 millioner>> og lurer på om jeg kan få avdragsfrihet i seks måneder."),
("nb", "Trekk på <<AMOUNT:3 x 99>> fra <<W:Apple>>, jeg har bare ett abonnement?"),
("dialect", "hei, æ har fått <<W:mark>> i eplan... nei vent, feil chat 😂"),
("nb", "Vil helst ikke oppgi navnet mitt her, men hvor lang tid tar en lånesøknad nå? 😄"),
("nb", "Sendte <<AMOUNT:1 500>> med feil KID <<KID:§kid:7§>> til <<W:Lånekassen>>. Hva nå?"),
("nb", "Skal til <<W:Alta>> og <<W:Vadsø>> på jobb. Trenger jeg å åpne kortet for bruk i Finnmark? 😂"),
("nb", "Kortet slutter på <<LAST4:7719>>, og det virker ikke i <<W:Tromsø>>. Chip-feil?"),
("nb", "Vil søke forbrukslån på <<AMOUNT:80 000>> over 5 år. Hva blir effektiv rente, ca <<PCT:13 %>>?"),
("en", "Order <<ORDER:§ord:amz§>> was refunded by the seller ten days ago but I don't see the <<AMOUNT:$42.10>> yet."),
("nb", "Er det sant at <<W:Hugo Boss>> og <<W:Tommy Hilfiger>> har rabatt for kunder hos dere? Så det på <<W:Instagram>>."),
("nb", "Hei, vi har en sak gående, referanse <<CASE:CS-8812-41>>. Når får vi svar?"),
("nb", "<<W:Sol>> og sommer 🌞 men kortet funker ikke i Hellas! Står «ugyldig transaksjon». Kort som slutter på <<LAST4:0067>>."),
("nb", "Kan man få kortet med <<W:Ole Brumm>> på? Sønnen min vil så gjerne ha det 😄"),
("nb", "Jeg vil gjerne avslutte spareavtalen i <<W:DNB Norden>> fra <<DATE:1. mars>>."),
("nb", "Står at jeg har brukt <<PCT:80 %>> av rammen på kredittkortet, men jeg har bare handlet for <<AMOUNT:6 000>> av <<AMOUNT:30 000>>?"),
("nb", "Det ble trukket <<AMOUNT:1 950>> fra <<W:Gina Tricot>> i <<W:Drammen>>, men jeg var i <<W:Hamar>> den dagen."),
("en", "Hi, there's a charge from <<W:Ben & Jerry's>> for <<AMOUNT:NOK 1,150>> 😂 I did not eat that much ice cream."),
("nb", "Hva betyr «reservert» på et beløp på <<AMOUNT:3 000 kr>> fra <<W:Scandic>>?"),
("nb", "Ble avvist på <<W:Circle K>> på <<W:Lillestrøm>> kl <<TIME:23:10>>. Nok penger på konto. Hæ?"),
("nn", "Kvifor får eg ikkje betalt rekninga på <<AMOUNT:890 kr>>? KID-en er <<KID:§kid:16§>>."),
("sv", "Hej, funkar mitt svenska bankkort i era bankomater i <<W:Oslo>>?"),
("se", "Bures! Sáhtátgo veahkehit mu? Mun in beasa sisa neahttabáŋkui."),
("nb", "Referansenummer <<BAD:§bad11:plain§>> står på papiret jeg fikk fra <<W:NAV>>, skal jeg bruke det som KID?"),
("nb", "Hvorfor har jeg fått en innbetaling med melding <<BAD:§bad11:space§>>? Ingen navn eller noe."),
("en", "My payment of <<AMOUNT:NOK 2 000>> with reference <<BAD:§bad11:dots§>> bounced. Is the reference wrong?"),
("nb", "Kjøpte <<W:Mathilde>> kakao og noen <<W:Freia>>-sjokolader i kiosken, <<AMOUNT:73 kr>>, men ble trukket <<AMOUNT:730>>!"),
("dialect", "tok ut <<AMOUNT:500>> i minibanken på <<W:Storo>> men fekk berre <<AMOUNT:300>> 😡"),
("en", "Did the <<W:bill>> from <<W:Telia>> get paid on <<DATE:the 3rd>>? It was <<AMOUNT:NOK 449>>."),
("nb", "Kan jeg betale depositum på <<AMOUNT:36 000>> med kredittkort? Skal signere kontrakt hos <<W:OBOS>>."),
("nb", "Kan jeg låne <<AMOUNT:50 000>> til en <<W:Rolex>>? 😅 nei kødda, til oppussing."),
]


# later additions (more variety)
M += [
("nb", "Hei, jeg er au pair hos familien [[P:Berg]] og trenger konto for å få lønn. Jeg heter [[P:Maricel Dela Cruz]] og har D-nummer [[F:§fnr:dnum§]]."),
("nb", "Jeg fikk en SMS om at «kortet ditt som slutter på <<LAST4:2290>> er brukt i <<W:Dubai>>». Er det ekte?"),
("en", "Fake invoice received from [[E:accounts@norsk-registersentral.com]], sum <<AMOUNT:NOK 5,490>>, account [[K:§kto:dots§]], signed '[[P:Henrik Dahl]], Senior Accountant'."),
("nb", "Har fått regning fra tannlegen, fakturanr <<INVOICE:§inv§>>, KID <<KID:§kid:10§>>, <<AMOUNT:2 450 kr>>. Betaler jeg den i appen?"),
("nb", "Ny adresse for firmaet: [[A:Strandveien 50, 1366 Lysaker]]. Org.nr. [[O:§org:plain§]]. Vennligst oppdater."),
("en", "Hi, the scammer gave me this number: [[T:§fphone:gh§]], and said to pay to [[P:Kwame Mensah]] at IBAN [[I:§iban:FR§]]. I haven't paid, just want to report it."),
("mixed", "hei!! my dad [[P:Javier]] vil overføre penger fra Chile til meg. What info does he need? my IBAN er [[I:§iban:NOc§]] right?"),
("nb", "Vi er et AS ([[O:§org:plain§]]) og har fått varsel om at en ansatt, [[P:Patrik Lind]], har prøvd å logge inn fra IP [[IP:§ip4:x§]] i Russland. Det er ikke ham. Kan dere låse brukeren?"),
("dialect", "d e [[P:gunnhild]], ville berre sjekke at renta på lånet ikkje har gått opp igjen 🙈"),
("nb", "Vår vaktmester [[P:Kjetil]] har mistet firmakortet som ender på <<LAST4:6004>>. Kan dere sperre og sende nytt til [[A:Verkstedveien 1, 4056 Tananger]]?"),
("da", "Hej, min søn [[P:Mikkel]] har åbnet konto hos jer. Kan jeg som mor få adgang? Mit telefonnummer er [[T:§fphone:dk§]]."),
("nb", "Ringte en fra «kundeservice» og spurte om jeg var [[P:Marianne Kvam]]. Han hadde nummer [[T:§mob:0047§]]. Jeg la på. Bare så dere vet."),
("en", "I received a request from 'Skatteetaten' via Vipps for <<AMOUNT:NOK 1 237>>. The sender name was [[P:Anders Johansen]] and the message said 'restskatt'. That's not how it works, right?"),
]


# ---------------------------------------------------------------------------
TOKEN = re.compile(r"\[\[(IP|P|E|T|F|K|O|I|C|A):(.*?)\]\]|<<([A-Z0-9]+):(.*?)>>", re.S)
GENRE = re.compile(r"§(\w+)(?::(\w+))?§")

WORDNUM = {w: str(i) for i, w in enumerate(NB_W)}
WORDNUM.update({w: str(i) for i, w in enumerate(NB_W2)})
WORDNUM.update({w: str(i) for i, w in enumerate(EN_W)})


def digits_of(v):
    toks = re.findall(r"[^\W_]+", v)
    out = ""
    for t in toks:
        tl = t.lower()
        if tl.isdigit():
            out += tl
        elif tl in WORDNUM:
            out += WORDNUM[tl]
    return out


def validate(typ, v):
    d = digits_of(v)
    if typ == "NO_FODSELSNUMMER":
        return len(d) == 11 and fodselsnummer.is_valid(d)
    if typ == "NO_KONTONUMMER":
        return len(d) == 11 and kontonr.is_valid(d)
    if typ == "NO_ORGNR":
        return len(d) == 9 and orgnr.is_valid(d)
    if typ == "CREDIT_CARD":
        return 13 <= len(d) <= 19 and luhn.is_valid(d)
    if typ == "IBAN_CODE":
        return iban.is_valid(re.sub(r"[\s\u200b\u00ad\u2060.-]", "", v))
    if typ == "PHONE_NUMBER":
        return 8 <= len(d) <= 15
    if typ == "EMAIL_ADDRESS":
        return bool(re.search(r"@|\bat\b|\(at\)|snabel|krøll", v))
    if typ == "ADDRESS":
        return bool(re.search(r"\d", v))
    if typ == "IP_ADDRESS":
        try:
            if ":" in v:
                ipaddress.IPv6Address(v)
            else:
                ipaddress.IPv4Address(".".join(str(int(x)) for x in v.split(".")))
            return True
        except ValueError:
            return False
    if typ == "PERSON":
        return not re.search(r"\d", v) and v.strip() == v and len(v) > 0
    return False


def render(raw):
    raw = GENRE.sub(lambda m: GEN[m.group(1)](m.group(2) or ""), raw)
    out, ents, negs, pos = [], [], [], 0
    n = 0
    for m in TOKEN.finditer(raw):
        out.append(raw[pos:m.start()])
        n += len(raw[pos:m.start()])
        if m.group(1):
            val, typ = m.group(2), ENT[m.group(1)]
            ents.append({"type": typ, "start": n, "end": n + len(val)})
        else:
            val, kind = m.group(4), NEG[m.group(3)]
            negs.append({"kind": kind, "start": n, "end": n + len(val)})
        out.append(val)
        n += len(val)
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    assert "[[" not in text and "]]" not in text and "<<" not in text and ">>" not in text and "§" not in text, text
    return text, ents, negs


def main():
    rows, seen = [], set()
    problems = []
    for i, (lang, raw) in enumerate(M, 1):
        text, ents, negs = render(raw)
        assert text not in seen, text
        seen.add(text)
        spans = sorted([(e["start"], e["end"], e["type"]) for e in ents] +
                       [(g["start"], g["end"], g["kind"]) for g in negs])
        for a, b in zip(spans, spans[1:]):
            if a[1] > b[0]:
                problems.append(("overlap", text, a, b))
        for e in ents:
            v = text[e["start"]:e["end"]]
            if v != v.strip() or not validate(e["type"], v):
                problems.append(("invalid", e["type"], repr(v)))
        for g in negs:
            v = text[g["start"]:g["end"]]
            if v != v.strip() or not v:
                problems.append(("neg-space", g["kind"], repr(v)))
            if g["kind"] in ("KID", "BAD_CHECKSUM", "ORDER", "INVOICE"):
                d = digits_of(v)
                if (len(d) == 11 and (kontonr.is_valid(d) or fodselsnummer.is_valid(d))) or \
                   (len(d) == 9 and orgnr.is_valid(d)) or (13 <= len(d) <= 19 and luhn.is_valid(d)):
                    problems.append(("neg-valid", g["kind"], v))
        cat = "pii" if ents else ("negative" if negs else "clean")
        rows.append({"id": "r%04d" % i, "lang": lang, "category": cat, "text": text,
                     "entities": ents, "negatives": negs})
    if problems:
        for p in problems:
            print("PROBLEM", p)
        raise SystemExit(1)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    print("messages:", len(rows))
    print("per category:", dict(Counter(r["category"] for r in rows)))
    print("per lang:", dict(Counter(r["lang"] for r in rows)))
    print("entities per type:", dict(Counter(e["type"] for r in rows for e in r["entities"])))
    print("negatives per kind:", dict(Counter(g["kind"] for r in rows for g in r["negatives"])))
    sample = [(r["id"], e["type"], r["text"][e["start"]:e["end"]]) for r in rows for e in r["entities"]]
    rs = random.Random(1)
    print("sample entities:")
    for s in rs.sample(sample, 30):
        print("  ", s[0], s[1], repr(s[2]))
    sn = [(r["id"], g["kind"], r["text"][g["start"]:g["end"]]) for r in rows for g in r["negatives"]]
    print("sample negatives:")
    for s in rs.sample(sn, 15):
        print("  ", s[0], s[1], repr(s[2]))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
