#!/usr/bin/env python3
"""Generate /work/scratch/devnew/dev_76.jsonl - labelled bank-chat messages (theme: estates, deaths,
power of attorney, guardianship, elderly customers and their families, cross-border moves).

Markers used in the message sources:
    [[TYPE:value]]   -> entity (PII)
    <<KIND:value>>   -> labelled negative
Template letters for number helpers: x = next digit/char, w = next digit as Norwegian word,
e = next digit as English word, Z = U+200B, H = U+00AD, J = U+2060, N = newline, U = U+0000.
"""
import json
import random
import re
import sys
from collections import Counter

from stdnum import iban as ibanmod
from stdnum import luhn
from stdnum.no import fodselsnummer, kontonr, orgnr

R = random.Random(7676)
USED = set()
OUT = "/work/scratch/devnew/dev_76.jsonl"

NOW = ["null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni"]
ENW = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
SPECIAL = {"Z": "\u200b", "H": "\u00ad", "J": "\u2060", "N": "\n", "U": "\u0000"}
WORDMAP = {}
for i, w in enumerate(NOW):
    WORDMAP[w] = str(i)
for i, w in enumerate(ENW):
    WORDMAP[w] = str(i)
WORDMAP.update({"ein": "1", "eitt": "1", "ett": "1", "én": "1", "syv": "7", "noll": "0", "nul": "0",
                "två": "2", "fyra": "4", "sex": "6", "åtta": "8", "nio": "9", "otte": "8"})


def fm(s, tpl):
    out, i = [], 0
    for ch in tpl:
        if ch == "x":
            out.append(s[i]); i += 1
        elif ch == "w":
            out.append(NOW[int(s[i])]); i += 1
        elif ch == "e":
            out.append(ENW[int(s[i])]); i += 1
        elif ch in SPECIAL:
            out.append(SPECIAL[ch])
        else:
            out.append(ch)
    assert i == len(s), (s, tpl)
    return "".join(out)


def _mod11(base, weights):
    k = 11 - sum(int(a) * b for a, b in zip(base, weights)) % 11
    if k == 11:
        return "0"
    if k == 10:
        return None
    return str(k)


def F(tpl="xxxxxxxxxxx", y0=1928, y1=1962, d=False):
    """valid fødselsnummer (or D-number)"""
    while True:
        y = R.randint(y0, y1); m = R.randint(1, 12); day = R.randint(1, 28)
        ind = R.randint(0, 499) if y < 2000 else R.randint(500, 999)
        dd = day + 40 if d else day
        base = f"{dd:02d}{m:02d}{y % 100:02d}{ind:03d}"
        k1 = _mod11(base, [3, 7, 6, 1, 8, 9, 4, 5, 2])
        if k1 is None:
            continue
        k2 = _mod11(base + k1, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        if k2 is None:
            continue
        s = base + k1 + k2
        if s in USED or not fodselsnummer.is_valid(s):
            continue
        USED.add(s)
        return fm(s, tpl)


BANKS = ["1503", "1254", "1822", "3000", "4200", "6011", "9710", "1720", "2801", "3201", "4750",
         "1506", "0539", "9365", "3910", "1594", "2050", "3624", "4312", "1207", "9235", "8601"]


def _kto():
    while True:
        base = R.choice(BANKS) + f"{R.randint(0, 99):02d}" + f"{R.randint(0, 9999):04d}"
        k = _mod11(base, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        if k is None:
            continue
        s = base + k
        if s in USED or not kontonr.is_valid(s):
            continue
        USED.add(s)
        return s


def K(tpl="xxxx.xx.xxxxx"):
    return fm(_kto(), tpl)


def O(tpl="xxx xxx xxx"):
    while True:
        base = R.choice("89") + "".join(R.choice("0123456789") for _ in range(7))
        k = _mod11(base, [3, 2, 7, 6, 5, 4, 3, 2])
        if k is None:
            continue
        s = base + k
        if s in USED or not orgnr.is_valid(s):
            continue
        USED.add(s)
        return fm(s, tpl)


def C(tpl="xxxx xxxx xxxx xxxx", brand="visa"):
    n = tpl.count("x") + tpl.count("w") + tpl.count("e")
    pre = {"visa": "4", "mc": R.choice(["51", "52", "53", "54", "55", "2221"]), "amex": R.choice(["34", "37"])}[brand]
    while True:
        body = pre + "".join(R.choice("0123456789") for _ in range(n - len(pre) - 1))
        s = body + luhn.calc_check_digit(body)
        if s in USED or not luhn.is_valid(s):
            continue
        USED.add(s)
        return fm(s, tpl)


BBAN_LEN = {"NO": 11, "SE": 20, "DK": 14, "PL": 24, "LT": 16, "DE": 18, "FI": 14}


def I(cc, tpl=None):
    while True:
        if cc == "NO":
            b = _kto()
        elif cc == "GB":
            b = R.choice(["NWBK", "BARC", "LOYD", "HBUK"]) + "".join(R.choice("0123456789") for _ in range(14))
        elif cc == "SE":
            b = R.choice(["500", "600", "800", "300", "120"]) + "".join(R.choice("0123456789") for _ in range(17))
        elif cc == "LT":
            b = R.choice(["73000", "70440", "40100"]) + "".join(R.choice("0123456789") for _ in range(11))
        else:
            b = "".join(R.choice("0123456789") for _ in range(BBAN_LEN[cc]))
        conv = "".join(str(int(c, 36)) for c in b + cc + "00")
        ck = 98 - int(conv) % 97
        s = f"{cc}{ck:02d}{b}"
        if s in USED or not ibanmod.is_valid(s):
            continue
        USED.add(s)
        if tpl is None:
            return " ".join(s[i:i + 4] for i in range(0, len(s), 4))
        return fm(s, tpl)


def P(tpl, lead=None):
    n = sum(tpl.count(c) for c in "xwe")
    while True:
        s = (lead or "") + "".join(R.choice("0123456789") for _ in range(n - len(lead or "")))
        if s in USED:
            continue
        USED.add(s)
        return fm(s, tpl)


def IP4():
    return f"{R.choice([46, 77, 78, 80, 81, 84, 85, 88, 89, 92, 109, 146, 151, 176, 178, 185, 193, 212, 217])}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def IP6():
    return "2001:" + ":".join(f"{R.randint(0, 0xffff):x}" for _ in range(3)) + "::" + f"{R.randint(1, 0xffff):x}"


def looks_valid(d):
    if len(d) == 11 and (fodselsnummer.is_valid(d) or kontonr.is_valid(d)):
        return True
    if len(d) == 9 and orgnr.is_valid(d):
        return True
    if len(d) == 7 and kontonr.is_valid(d):
        return True
    if 13 <= len(d) <= 19 and luhn.is_valid(d):
        return True
    return False


def N(n, tpl=None):
    """random digits that are NOT a valid fnr/kontonr/orgnr/card"""
    while True:
        s = R.choice("123456789") + "".join(R.choice("0123456789") for _ in range(n - 1))
        if s in USED or looks_valid(s):
            continue
        USED.add(s)
        return fm(s, tpl or "x" * n)


def L4():
    return f"{R.randint(0, 9999):04d}"


MSGS = []


def M(lang, text):
    MSGS.append((lang, text))

# ---------------- estates / dødsbo / uskifte ----------------
M("nb", f"Hei. Mor, [[PERSON:Solveig Aasen]], døde <<DATE:12. februar>>. Jeg har fått skifteattest fra <<WORD:Oslo tingrett>> og vil ha oversikt over kontoen hennes [[NO_KONTONUMMER:{K()}]]. Vi er tre søsken som arver.")
M("dialect", "hei! æ e dotter tell ho [[PERSON:Ragnhild Pedersen]] som døde forrige uke. ka ska æ gjør med kontoan hennes? ho har ei regning som forfall <<DATE:20.03>> og æ vil ikkje at det ska gå tell inkasso 😢")
M("nn", f"Hei. Eg skriv på vegner av far min, [[PERSON:Olav Kvamme]] (91). Han har fått oppnemnt verje frå <<WORD:Statsforvaltaren i Vestland>>, og verja heiter [[PERSON:Synnøve Eide]]. Kan ho ringje dykk? Nummeret hennar er [[PHONE_NUMBER:{P('xxx xx xxx', '4')}]].")
M("en", f"Hello, my father [[PERSON:Arne Solberg]] passed away in Alicante on <<DATE:3 January 2024>>. I'm his only child and I live in Leeds. What documents do you need from me to close his accounts? You can reach me at [[EMAIL_ADDRESS:kate.solberg77@btinternet.com]] or [[PHONE_NUMBER:{P('+44 77xx xxxxxx', '00')}]].")
M("nb", "Må man betale ned kreditten til en avdød før skiftet er ferdig? Pappa hadde ca <<AMOUNT:48 000 kr>> på kredittkortet og vi vet ikke om det går til inkasso.")
M("nb", f"Gjelder dødsbo etter [[PERSON:Kjell Arne Johansen]], f.nr. [[NO_FODSELSNUMMER:{F('xxxxxx xxxxx')}]]. Advokat [[PERSON:Marte Haugland]] i <<WORD:Advokatfirmaet Lund & Berg>> er bobestyrer. Vi ber om saldo per dødsdato <<DATE:04.11.2023>>. Saksnr. tingretten: <<CASE:23-154872DOD-OTIR/05>>.")
M("dialect", "Ka e egentlig en skifteattest for någe? Banken sa æ måtte ha den før dokker kunne betal ut pengan tell oss arvingan, men tingretten sa det tok 6 uka")
M("nb", f"Hei, jeg er enke etter [[PERSON:Bjørn Tangen]] og har fått bevilling til å sitte i uskifte. Kan kontoene hans overføres til meg? Mitt personnummer: [[NO_FODSELSNUMMER:{F(y0=1936, y1=1948)}]]\nHilsen [[PERSON:Eldbjørg Tangen]]")
M("nb", "Vi så en <<WORD:bjørn>> ved hytta i helga, men det er ikke derfor jeg skriver 😅 Jeg lurer på om barnebarna kan arve BSU-kontoen til bestefar, eller må den avsluttes?")
M("sv", f"Hej! Min mamma [[PERSON:Birgitta Lindqvist]] har gått bort. Hon bodde i Norge men jag bor i Sverige. Vad behöver ni från mig? Jag har en bouppteckning från Skatteverket. Mitt nummer: [[PHONE_NUMBER:{P('+46 7x-xxx xx xx')}]]")
M("da", f"Hej, min far [[PERSON:Henning Mortensen]] er død, og han havde en konto hos jer fra dengang han arbejdede i Stavanger. Jeg er eneste arving. Mit telefonnummer er [[PHONE_NUMBER:{P('+45 xx xx xx xx', '2')}]] og min adresse er [[ADDRESS:Vesterbrogade 112, 3. th., 1620 København V]].")
M("mixed", "Dzień dobry, my brother [[PERSON:Tomasz Wiśniewski]] died in Norway last month, he worked in Stavanger. I am in Poland, [[ADDRESS:ul. Słowackiego 24/7, 60-823 Poznań]]. How can I get the money from his account? I have akt zgonu translated to english. Thank you. [[PERSON:Agnieszka]]")
M("nb", f"Dødsboet har fått en regning fra <<WORD:Fjordkraft>> på <<AMOUNT:2 318,50>> med KID <<KID:{N(15)}>>. Kan den trekkes fra kontoen til avdøde, eller må den betales fra boet?")
M("en", "Do I need a skifteattest if the estate is tiny? My mum only had about <<AMOUNT:60k NOK>> and the funeral cost more than that.")
M("nb", f"Heisann. Onkel [[PERSON:Leif]] døde i mars uten barn, og jeg og kusina mi [[PERSON:Hege Marie Strand]] er arvinger. Hun bor i <<WORD:Bergen>>, jeg på <<WORD:Lillehammer>>. Kan begge få innsyn? Mitt fødselsnummer er [[NO_FODSELSNUMMER:{F('xxxxxxZxxxxx', 1965, 1985)}]]")
M("nb", f"HEI JEG ER 84 ÅR OG MANNEN MIN [[PERSON:ARVID HOLM]] DØDE I HØST. JEG FÅR IKKE BETALT REGNINGER NÅR KORTET HANS ER SPERRET. KAN NOEN RINGE MEG PÅ [[PHONE_NUMBER:{P('xx xx xx xx', '62')}]] TAKK")
M("nn", f"Kva treng de for å avslutte kontoen til mor mi? Ho døydde <<DATE:2. juli>>, og vi har delt buet privat. Kontonummeret hennar var [[NO_KONTONUMMER:{K('xxxx xx xxxxx')}]].\nHelsing [[PERSON:Aslaug Nesheim]]")
M("se", f"Bures! Mu eadni [[PERSON:Máret Ánne Eira]] lea jápmán. Mus lea gažaldat su kontu birra. Sáhtátgo veahkehit? Mu telefovdna lea [[PHONE_NUMBER:{P('xxx xx xxx', '9')}]]. Giitu!")
M("nb", "Filialen i <<WORD:Kautokeino>> er vel nedlagt? Må jeg reise helt til <<WORD:Alta>> for å levere skifteattesten, eller kan jeg sende den i posten?")
M("en", "hi, is it true that the bank freezes a joint account when one of the holders dies? my grandad and grandma have had one together since <<YEAR:1974>>.")
M("nb", f"Hei! Far døde på sykehjemmet i natt. Det står fortsatt et trekk på <<AMOUNT:kr 4 820,->> til <<WORD:Norlandia>> <<DATE:1. neste måned>>. Kan det stoppes? Han het [[PERSON:Sverre Olaus Hanssen]], f. [[NO_FODSELSNUMMER:{F('xx xx xx xxx xx', 1929, 1935)}]].")
M("nb", "Kondolerer så mye, og takk for at du tar kontakt. For å hjelpe deg videre trenger vi en kopi av skifteattesten. Den kan lastes opp i chatten her. Hilsen <<WORD:Kundeservice>>")
M("en", f"Hi, im [[PERSON:Hope]]'s husband, she died in november and I'm sitting in uskifte now. Her account was [[NO_KONTONUMMER:{K('xxxx xx xxxxx')}]]. Can it be moved into my name? My phone is [[PHONE_NUMBER:{P('xxxxxxxx', '9')}]]")
M("en", "I <<WORD:hope>> so! Thanks for the quick reply, I'll send the probate papers tomorrow.")
M("nb", f"Kan dere sende kontoutskrift for dødsboet til adv. [[PERSON:J. Rasmussen]], [[ADDRESS:Kongens gate 6, 7011 Trondheim]]? Saken hos oss har ref. <<CASE:DB-2024-0419>>.")
M("dialect", f"halla, bestefar (han [[PERSON:Nils Petter]]) gikk bort på lørdag. vi veit ikkje kor passorda hans e og mobilen e låst. e det nån måte å få tak i pengan for å betal begravelsen? byrået vil ha <<AMOUNT:38 000>> før <<DATE:15. mai>>")
M("nb", "Kan begravelsesbyrået få betalt direkte fra avdødes konto? Fakturaen er på <<AMOUNT:kr 41.750>> og forfaller om to uker. Fakturanr <<INVOICE:100392>>.")
M("nn", f"Eg sit i uskifte etter mannen min, [[PERSON:Ottar Vikane]]. No vil eg skifte med borna, og eldste son [[PERSON:Håkon Vikane]] skal ha fullmakt. E-posten hans er [[EMAIL_ADDRESS:hakon.vikane@live.no]]")
M("se", "Bures. Mun háliidan diehtit movt dieđihit ahte áhččán lea jápmán. Lea go dus skovvi dasa? Giitu ovddalgihtii.")
M("nb", f"hei igjen, det er meg som skrev i går om boet etter mamma. Her er skifteattesten (vedlagt). Kontonr for arveoppgjøret: [[NO_KONTONUMMER:{K('xxxxxx xxxxx')}]]. Beløpet skal deles likt mellom meg og [[PERSON:Vegard]].")
M("nb", "Hvor lenge kan et dødsbo stå uskiftet før det blir problemer? Pappa døde i <<YEAR:2021>> og vi har ikke fått tatt oss tid.")
M("en", f"My grandmother [[PERSON:Ingrid Mathilde Sæther]] died last week. I'm the grandchild and my mum (her daughter) is too upset to deal with it. Can I call on her behalf? I'm [[PERSON:Ellie]], [[PHONE_NUMBER:{P('+1 (6xx) xxx-xxxx', '17')}]] (I live in Minnesota).")
M("sv", "Hej, hur lång tid tar det att få ut arvet när dödsboet är klart? Vi fick beskedet <<DATE:den 8 april>> men inget har hänt än.")
M("da", "Hvordan fungerer det, når en dansk statsborger dør og efterlader en konto i Norge? Skal vi have en norsk skifteattest eller er et dansk skifteretsattest nok?")
M("nb", f"Jeg er bobestyrer for dødsboet etter [[PERSON:Randi Kristiansen]]. Boets orgnr er [[NO_ORGNR:{O('xxxxxxxxx')}]]. Vennligst overfør saldo <<AMOUNT:NOK 312 447,20>> til klientkonto [[NO_KONTONUMMER:{K('xxxx.xx.xxxxx')}]]. Ref: <<CASE:BO 24-1187>>")
M("nb", "Tusen takk for hjelpa med boet etter mor, [[PERSON:Eirik]] 💐 Alt gikk fint til slutt.")
M("dialect", f"Hæ, æ ha fått brev om at fars konto e stengt? Han e jo ikkje død, det e bror hass [[PERSON:Alf]] som døde!! Far hete [[PERSON:Eilif Antonsen]] og bor i [[ADDRESS:Sjøgata 31, 8300 Svolvær]]")
M("nb", f"Hei. Min samboer [[PERSON:Kristoffer Lie]] døde brått <<DATE:22.01.2024>>. Vi var ikke gift. Har jeg rett til noe av det som står på den felles sparekontoen [[NO_KONTONUMMER:{K('xxxx xx xxxxx')}]]?")
M("nb", f"Etter at mor døde har vi funnet et gammelt sparebankbok med nr <<BAD_CHECKSUM:{N(11, 'xxxx xx xxxxx')}>>. Finnes kontoen fortsatt? Banken het <<WORD:Sparebanken Hedmark>> den gangen.")
M("en", "Is inheritance taxed in Norway? My aunt left me around <<AMOUNT:€ 25 000>> and I live in Ireland.")
M("nb", "Arveavgiften ble vel fjernet i <<YEAR:2014>>? Svigerfar påstår at vi må betale <<PERCENT:10 %>> av arven 🙄")
M("mixed", f"Hei, I'm writing for my mamma [[PERSON:Lan Pham]], she does not write norsk. Pappa [[PERSON:Pham Van Duc]] døde i januar. Mamma vil ha konto i sitt navn. Fødselsnr mamma: [[NO_FODSELSNUMMER:{F('xxxxxx xxxxx', 1952, 1960)}]]. Thank you!")
M("nb", f"Jeg er prest og følger opp en enke i menigheten, [[PERSON:Borghild Aune]]. Hun har ingen familie og vet ikke hvordan hun skal få tilgang til mannens pensjon. Kan dere ringe henne på [[PHONE_NUMBER:{P('xx xx xx xx', '73')}]]? Mvh pastor [[PERSON:Øyvind Rø]]")
M("nb", "Vi er fem arvinger og en av oss bor i Australia. Må alle signere uttaket, eller holder det at en har fullmakt fra de andre?")

# ---------------- fullmakt / verge / Statsforvalteren ----------------
M("nb", f"Hei, jeg er verge for min bror [[PERSON:Geir Ove Nilsen]] ([[NO_FODSELSNUMMER:{F('xxxxxx-xxxxx', 1960, 1975)}]]). Vergefullmakten fra Statsforvalteren har saksnummer <<CASE:2024/18733>>. Hvordan får jeg lesetilgang til kontoene hans?")
M("dialect", "Hallo. Mor mi e blitt dement å æ har fått fremtidsfullmakt stadfesta. Ho hete [[PERSON:gunvor bakken]] å bor på <<WORD:Lindheim omsorgssenter>>, [[ADDRESS:Lindheimveien 14, 7650 Verdal]]. Ka treng dokker fra mæ?")
M("en", "Hi there, I'm writing on behalf of my mother [[PERSON:Linh Nguyen]] who doesn't speak Norwegian very well. She'd like me to have power of attorney on her account. My name is [[PERSON:David Nguyen]], email [[EMAIL_ADDRESS:david (dot) nguyen (at) outlook (dot) com]].")
M("nb", f"Går det an å gi fullmakt til datteren min uten at hun får se alt? Hun heter [[PERSON:Ida]] og har tlf [[PHONE_NUMBER:{P('xxxxxxxx', '4')}]]. Jeg vil bare at hun skal kunne betale regningene for meg når jeg er på sykehuset.")
M("nb", "Hva koster det å opprette fremtidsfullmakt? Jeg leste at <<WORD:Statsforvalteren>> ikke tar gebyr for stadfesting, men trenger jeg advokat?")
M("nn", f"Hei! Eg er oppnemnd verje for [[PERSON:Ingebjørg Flatebø]] (fødd <<YEAR:1937>>). Statsforvaltaren har gitt meg løyve til å forvalte midlane hennar. Eg ønskjer at pensjonen går inn på [[NO_KONTONUMMER:{K('xxxxxxxxxxx')}]] i staden for den gamle kontoen.")
M("en", "My dad has dementia and I want to set up a lasting power of attorney — is a Norwegian fremtidsfullmakt the same thing? He banks with you but lives with me in <<WORD:Gothenburg>> now.")
M("nb", f"hei jeg er sønnen til [[PERSON:astrid hovland]] og hun har gitt meg fulmakt, men jeg får ikke logget inn med min bankid på hennes konto?? fnr hennes er [[NO_FODSELSNUMMER:{F('xxxxx xxxxxx')}]]")
M("mixed", f"Добрий день! Jeg heter [[PERSON:Oksana Melnyk]], jeg kom fra Ukraina i <<YEAR:2022>>. Mamma [[PERSON:Halyna Melnyk]] er 78 år og trenger at jeg hjelper henne med banken. Kan jeg få fullmakt? Min telefon [[PHONE_NUMBER:{P('+47 xxx xx xxx', '9')}]]")
M("nb", f"Jeg er hjelpeverge for en eldre dame og skal sende årsregnskap til Statsforvalteren. Hvordan får jeg kontoutskrift for hele <<YEAR:2023>>? Hun heter [[PERSON:Gudrun Lie]], f.nr [[NO_FODSELSNUMMER:{F('xxxxxx xx xxx', 1930, 1945)}]].")
M("sv", "Hej, jag är god man för min morbror [[PERSON:Sven-Erik Johansson]] som har ett konto hos er sedan han jobbade i Narvik. Överförmyndaren i Kiruna har godkänt att jag sköter hans ekonomi. Hur skickar jag in beslutet? [[EMAIL_ADDRESS:annika.johansson@telia.se]]")
M("nb", "Hei [[PERSON:Mona]], takk for hjelpen i går! Jeg har nå sendt inn fullmaktsskjemaet for pappa. Lurer bare på om dere har fått det? mvh [[PERSON:Roar Eliassen]]")
M("nb", "Hei! Fullmakten for [[PERSON:Kari Sundby]] er nå registrert og gjelder fra <<DATE:15.05.2024>>. Ha en fin <<WORD:dag>>!\nHilsen [[PERSON:Dag]] i kundeservice")
M("en", f"I'm the legal guardian (verge) of my adult son [[PERSON:Jonas Berg-Olsen]], he has autism. Statsforvalteren says I can only use his money for his needs. Can you set up a card for me on his account? My number is [[PHONE_NUMBER:{P('0047 xxx xx xxx', '9')}]]")
M("nb", "Hvorfor må vergen ha samtykke fra Statsforvalteren for å ta ut mer enn <<AMOUNT:2G>>? Det er jo mammas egne penger.")
M("nb", f"Til den det gjelder.\nUndertegnede, [[PERSON:Reidar Hoff]], født [[NO_FODSELSNUMMER:{F('xx.xx.xx xxxxx', 1930, 1940)}]], gir herved min sønn [[PERSON:Espen Hoff]] fullmakt til å disponere min brukskonto [[NO_KONTONUMMER:{K()}]].\nMed vennlig hilsen [[PERSON:Reidar Hoff]]")
M("nb", "Kan en fullmakt tilbakekalles? Jeg ga nevøen min fullmakt i <<YEAR:2019>>, men nå har vi blitt uvenner og jeg vil ikke at han skal ha tilgang lenger.")
M("dialect", f"Hei, e du et menneske eller en robot? Æ ska ha hjælp te å gi fullmakt te svigersønnen min. Han hete [[PERSON:Trond-Are]] og nummer hass e [[PHONE_NUMBER:{P('xxx xx N xxx', '9')}]]")
M("nn", "Kor lang tid tek det før de har registrert verjemålet? Vedtaket frå Statsforvaltaren kom <<DATE:3. mars>>, men eg har enno ikkje fått tilgang.")
M("en", f"Good afternoon. I am a lawyer representing Mr. [[PERSON:Abdirahman Hassan]] under a power of attorney dated <<DATE:12/02/2024>>. Please direct correspondence to [[EMAIL_ADDRESS:legal@harbourlaw.co.uk]]. Our ref <<CASE:HL/4471/AH>>.")
M("nb", f"Verge: [[PERSON:Siri Aamodt]]\nVergehaver: [[PERSON:Kåre Aamodt]]\nFnr vergehaver: [[NO_FODSELSNUMMER:{F('xxxxxxN xxxxx', 1940, 1950)}]]\nSaksnr SF: <<CASE:2023/7741>>\nØnsker: disposisjonsrett på brukskonto")
M("nb", "Statsforvalteren sier dere må sende oversikt over alle kontoer per <<DATE:31.12.2023>>. Hvor bestiller jeg det?")
M("nb", f"Jeg har fremtidsfullmakt for faren min, [[PERSON:Odd Inge Brandvold]]. Han har fått et nytt kort i posten, kortnr [[CREDIT_CARD:{C('xxxx xxxx xxxx xxxx')}]], men han husker ikke PIN. Kan jeg bestille ny PIN til meg?")
M("nb", "Pappa har alzheimer og ringer stadig og endrer ting i nettbanken. Kan man sette begrensninger på kontoen hans uten å ta fra ham all kontroll?")
# ---------------- elderly customers and their adult children ----------------
M("nb", "Hei, dette er [[PERSON:Lene]], datteren til [[PERSON:Per Kristian Dahl]]. Pappa prøvde å ringe dere i dag, men ble satt på vent i 40 minutter og ga opp. Han lurer på hvorfor det er trukket <<AMOUNT:1 249 kr>> fra kontoen hans <<DATE:2. april>>.")
M("nb", "Hva koster det <<WORD:per>> år å ha fullmakt på mammas konto? Og kan jeg sette opp en fast overføring på <<AMOUNT:500 kr>> <<WORD:per>> måned til henne?")
M("nb", f"Mamma er 93 og ser dårlig. Hun har fått brev om at kortet som slutter på <<LAST4:{L4()}>> er sperret. Kan jeg bestille nytt til henne? Hun heter [[PERSON:Else Marie Brekke]] og bor i [[ADDRESS:Tollbugata 7, 3044 Drammen]].")
M("en", "Is there anything <<WORD:else>> I need to send? Or is the death certificate enough for now?")
M("dialect", "Hei, e de mulig å ordne at far min får kontoutskriftan på papir igjen? Han e 88 og skjønne ikkje nettbanken. Adressa hass e [[ADDRESS:Fjellvegen 23, 6800 Førde]]. Han hete [[PERSON:Jens Olav Myklebust]]")
M("nb", f"Pappa ([[PERSON:Harald]], 86) har blitt lurt! Noen ringte og sa de var fra banken og han ga dem koden. Det er overført <<AMOUNT:85 000 kroner>> til kontonr [[NO_KONTONUMMER:{K('xxxx xx xxxxx')}]] i går <<TIME:kl 16.40>>. Hva gjør vi?? Jeg er datteren hans, [[PERSON:Nina Hareide]], [[PHONE_NUMBER:{P('xxx xx xxx', '4')}]]")
M("en", f"Hi, I think someone got into my mother's online bank. There's a login from IP [[IP_ADDRESS:{IP4()}]] at <<TIME:03:12>> last night and she was asleep. Her card ending <<LAST4:{L4()}>> was used as well.")
M("nb", f"Far har fått ny mobil og nytt nummer: [[PHONE_NUMBER:{P('+47 xx xx xx xx', '9')}]]. Kan dere oppdatere det? Han heter [[PERSON:Torbjørn Ask]], og jeg er svigerdatteren.")
M("en", "Can I <<WORD:ask>> you something about inheritance? My grandma wants to give each grandchild <<AMOUNT:50,000 kr>> now instead of in her will.")
M("nb", f"hei! mormor har ikke bankid og vil betale en regning på <<AMOUNT:3 450,->> til <<WORD:Eidsiva>>. KID <<KID:{N(12)}>>. kan jeg gjøre det for henne fra min konto? jeg heter [[PERSON:synne]] btw")
M("nb", "Mamma har fått en SMS om at hun må «oppdatere BankID» via en lenke, ellers blir den stengt. Er den fra dere? Den kom <<DATE:18. mars>> <<TIME:kl. 09:14>>.")
M("en", f"I live in Kraków and my dad [[PERSON:Henryk Zieliński]] lives in Drammen. He's 79 and can't figure out BankID på mobil. Can I help him remotely? My Polish number is [[PHONE_NUMBER:{P('+48 xxx xxx xxx', '6')}]].")
M("nb", f"Pappa har fått faktura fra et firma som heter <<WORD:Omsorgshjelpen Øst AS>> (org.nr. [[NO_ORGNR:{O()}]]) på <<AMOUNT:12 900 kr>>. Vi har aldri bestilt noe fra dem. Kan dere stoppe betalingen?")
M("nb", "<<WORD:Livet>> er kort, sier mamma, og hun vil ordne med arven nå mens hun fortsatt er klar i hodet. Hvordan gjør vi det med forskudd på arv?")
M("nb", f"Hei. Min mor [[PERSON:Aud Synnøve Lunde]] (f. [[NO_FODSELSNUMMER:{F('xxxxxx xxxxx', 1933, 1940)}]]) har flyttet inn på <<WORD:Tåsen helsehus>>, [[ADDRESS:Tåsenveien 2, 0873 Oslo]]? Nei vent, adressen er [[ADDRESS:Ullevålsveien 85, 0454 Oslo]]. Kan post sendes dit?")
M("en", "quick q: my gran is 101 (!!) and her bank card expired. does she really need to come into a branch to get a new one? she's in a wheelchair")
M("nb", f"Bestemor «[[PERSON:Mimmi]]» (egentlig [[PERSON:Wilhelmine Berge]]) vil gi meg <<AMOUNT:20 000>> i bursdagsgave, men hun får ikke til overføringen. Mitt kontonummer er [[NO_KONTONUMMER:{K('xxxx xx xx xxx')}]]. Kan dere hjelpe henne hvis hun ringer?")
M("nb", "ringer mamma dere i morgen kl 10 ang. kortet hennes, hun er litt tunghørt så snakk tydelig og sakte 🙏")
M("nb", f"Hei, jeg er svigersønnen til [[PERSON:Gerd Iversen]]. Hun ba meg skrive fordi hun ikke får logget inn. Hun har e-post [[EMAIL_ADDRESS:gerd.iversen(at)online.no]] men sjekker den sjelden. Best å ringe [[PHONE_NUMBER:{P('xx xx xx xx', '33')}]] (fasttelefon).")
M("nb", "Jeg har fulgt saken med <<WORD:iver>>, men forstår fortsatt ikke hvorfor pappa må møte opp personlig når han ikke kan gå 🤷")
M("dialect", "Heisann, e æ som ska ha BankID for ho mor eller kan ho ha en sånn kodebrikke fortsatt? Ho e 90 å har ikkje smarttelefon. Ho hete [[PERSON:Marit Sørli]] å bor i [[ADDRESS:Øvre Kleiva 4, 7340 Oppdal]]")
M("nb", f"Hallo. Mitt navn er [[PERSON:Ingeborg Skaar]], jeg er 87 år. Barnebarnet mitt [[PERSON:Tobias]] hjelper meg å skrive. Jeg vil ha kontoutskrift tilsendt på papir hver måned. Kontonr [[NO_KONTONUMMER:{K('xxxx-xx-xxxxx')}]].")
M("en", f"Hey, my mom [[PERSON:Maricel dela Cruz]] is 68 and in the Philippines on a long visit. She's locked out of her Norwegian online bank. Can she use [[EMAIL_ADDRESS:maricel.delacruz1956@yahoo.com]] to get a reset link? I'm her son [[PERSON:Paolo]].")
M("nb", "Hvorfor blir mammas pensjon satt inn på en annen dato i <<DATE:desember>>? Hun har fått <<AMOUNT:kr 23 512>> før, nå bare <<AMOUNT:kr 11 756>>.")
M("nb", f"Pappa har mistet lommeboka si på <<WORD:Rema 1000>> på <<WORD:Lambertseter>>. Kortene hans må sperres. Visa: [[CREDIT_CARD:{C('xxxxxxxxxxxxxxxx')}]], og bankkort som slutter på <<LAST4:{L4()}>>. Han heter [[PERSON:Finn Gulbrandsen]].")
M("nb", "Kan jeg som datter bestille nytt bankkort til mamma, eller må hun gjøre det selv? Hun bor på sykehjem og har ikke mobil.")
M("en", f"Hi, this is [[PERSON:Mark]], [[PERSON:Ruth Hagen]]'s son. Mum wants to transfer her savings to my account [[IBAN_CODE:{I('GB')}]] because she's moving in with us in Bristol. Is that OK for a transfer of <<AMOUNT:NOK 400,000>>?")
M("en", "Sorry, how do I <<WORD:mark>> the message as read? My dad keeps getting notifications from the chat")
M("nb", f"hei, jeg hjelper pappa med en klage. han fikk denne sms-en fra [[PHONE_NUMBER:{P('+47 4xx 9x xxx')}]] der de ba om fødselsnummeret hans. han svarte heldigvis ikke. Bare så dere vet.")
M("nb", "Mamma ([[PERSON:Edel]]) blir 90 i <<DATE:august>> og vi vil overraske henne med en gavekonto. Går det an å opprette konto i hennes navn uten at hun vet det? 😅")
M("nn", f"Hei! Eg hjelper bestemor, [[PERSON:Kristi Haugland Moe]], med nettbanken. Ho har vorte blind og treng skjermlesar. Har de ein versjon som fungerer med det? Telefonen hennar er [[PHONE_NUMBER:{P('xx xx xx xx', '57')}]].")
M("dialect", "kordan e det me å ha felles konto me gamle mor? ho bor hos oss no å vi betale alt for hu uansett")
M("nb", f"Hei, jeg skal ta over regningene til min far, [[PERSON:Jan-Erik Dybvik]], fnr [[NO_FODSELSNUMMER:{F('xxxxxx xxxxx', 1938, 1948)}]], som har fått hjerneslag. Han har gitt muntlig beskjed om at jeg skal ha fullmakt. Holder det?")
M("nb", f"Til banken: Jeg, [[PERSON:Sigrid Olsen]], tillater at min nabo [[PERSON:Tormod Haugen]] hjelper meg med å betale husleia på <<AMOUNT:8 900 kr>> til <<WORD:Boligbyggelaget Usbl>> hver måned. KID <<KID:{N(14, 'xxxx xxxx xxxx xx')}>>")
M("en", "Will my father's pension still go into the account if he moves into a care home in Sweden? He's Norwegian but my sister lives there.")
M("en", "<<WORD:Will>> do, thanks! I'll tell him to bring his passport.")

# ---------------- moving between Norway and Sweden / Denmark / Poland / Lithuania ----------------
M("mixed", f"Labas, I'm [[PERSON:Vytautas Kazlauskas]], moving back to Lithuania after 9 years in Bergen. I want to transfer everything to my Swedbank account [[IBAN_CODE:{I('LT')}]] and close the Norwegian one. How?")
M("nb", f"Jeg flytter til Sverige i <<WORD:august>> og lurer på om jeg kan beholde kontoen. Ny adresse blir [[ADDRESS:Kungsgatan 44, 411 19 Göteborg]].\nMvh [[PERSON:Marius Haugen]]")
M("sv", f"Hej! Jag har flyttat från Oslo till Malmö och vill föra över min lön. Mitt svenska konto: [[IBAN_CODE:{I('SE')}]]. Behöver ni mitt personnummer? /[[PERSON:Elin Sjöberg]]")
M("da", f"Hej, jeg har arbejdet på en boreplatform og har en norsk konto hos jer. Nu bor jeg i Esbjerg igen. Kan I overføre saldoen til [[IBAN_CODE:{I('DK')}]]? Venlig hilsen [[PERSON:Søren Kjærgaard]]")
M("mixed", f"Hei, beklager norsken min. Dzień dobry, przeprowadzam się do Polski. Proszę o przelew na [[IBAN_CODE:{I('PL')}]]. Jeg heter [[PERSON:Katarzyna Nowak-Dąbrowska]]. Takk / dziękuję")
M("en", f"Hi! I'm a nurse from the Philippines working in Tromsø. I need to send money to my mother [[PERSON:Maria Luz Santos]] in Cebu every month. Can I set up a fixed transfer? Also my new address is [[ADDRESS:Storgata 88, 9008 Tromsø]]. Thanks, [[PERSON:Jasmine]]")
M("nb", "Har dere filial i <<WORD:Moss>>? Jeg bor egentlig i <<WORD:Sandnes>>, men er i <<WORD:Halden>> hele <<DATE:juni>> for å rydde i boet etter tante.")
M("mixed", "Asc walaal. Jeg heter [[PERSON:Hodan Abdi Warsame]]. Hooyo (mamma) [[PERSON:Faadumo Ali]] er syk og jeg vil hjelpe henne med banken. Hun bor i [[ADDRESS:Tvetenveien 150, 0671 Oslo]]. Mahadsanid")
M("nb", f"Hei jeg heter [[PERSON:Yonas Tesfamariam]]. Jeg vil sende penger til søsteren min [[PERSON:Senait Ghebremedhin]] som bor i Kampala. Hvilke gebyrer er det? Telefon [[PHONE_NUMBER:{P('xxx xx xxx', '4')}]]")
M("mixed", "chào, mẹ tôi tên [[PERSON:tran thi mai]], bà đã mất ở Việt Nam. I'm her son and I live in Oslo. she had a savings account here, what do I do? my email [[EMAIL_ADDRESS:minh.tran88@gmail.com]]")
M("nb", "Pensjonen kommer vel <<DATE:20. mai>> som vanlig selv om det er fridag? Mamma lurer.")
M("nb", "Vi flytter til Danmark i <<WORD:mai>> og lurer på hvordan det er med BSU når man ikke bor i Norge lenger.")
M("sv", f"Hej, jag heter [[PERSON:Ebba Lindström]] och min pappa [[PERSON:Gösta]] bor i Halden men är svensk. Han vill ha sin pension från Norge till Sverige. Hans adress: [[ADDRESS:Storgatan 3, 452 30 Strömstad]]")
M("sv", "Vad är <<WORD:dina>> öppettider i helgen? Jag behöver hjälp med ett dödsbo.")
M("da", "Hej, kan jeg bruge et dansk MitID til at logge ind hos jer, eller skal jeg have norsk BankID? Jeg er flyttet til Kolding.")
M("en", f"Hello, I'm [[PERSON:Rūta Petraitienė]], I lived in Kristiansand until <<YEAR:2020>>, now in Kaunas, [[ADDRESS:Laisvės al. 53-12, LT-44309 Kaunas]]. I have a card [[CREDIT_CARD:{C('xxxx xxxx xxxx xxxx', 'mc')}]] from you that still works, should I cancel?")
M("nb", f"Hei! Jeg har flyttet tilbake fra Sverige og har nå D-nummer [[NO_FODSELSNUMMER:{F('xxxxxx xxxxx', 1985, 1998, d=True)}]]. Jeg heter [[PERSON:Linnea Åberg]]. Kan jeg åpne konto med det?")
M("en", f"hi im [[PERSON:Łukasz]], i work construction in Oslo, my D-number is [[NO_FODSELSNUMMER:{F('xxxxxxxxxxx', 1980, 1995, d=True)}]] and i want bank account for salary. boss say he need konto nummer before <<DATE:friday 14th>>")
M("mixed", f"Hej! Jeg er dansk men bor i Tromsø. Min adresse i Danmark var [[ADDRESS:Søndergade 19, 8000 Aarhus C]], den skal slettes. Ny: [[ADDRESS:Skippergata 12B, 9008 Tromsø]]. Tak! [[PERSON:Mette]]")
M("nb", "Kan jeg bruke norsk bankkort i Polen uten ekstra gebyr? Skal besøke familien i <<WORD:Gdańsk>> i to uker.")
M("en", f"Hi, I'm Ukrainian (collective protection). My mother [[PERSON:Valentyna Kovalenko]] is 74 and she came with me. She has D-number [[NO_FODSELSNUMMER:{F('xxxxxx xxxxx', 1948, 1952, d=True)}]]. Can she get a bank account to receive her Ukrainian pension?")
M("sv", f"Hej. Min farmor har flyttat från Norge till ett äldreboende i Sverige. Hon heter [[PERSON:Gunhild Strömberg]]. Ny adress: [[ADDRESS:Vasagatan 7, 671 31 Arvika]]. Jag har fullmakt. Ring mig: [[PHONE_NUMBER:{P('07x-xxx xx xx')}]]")
M("nb", f"Jeg er polsk og mamma døde i Polen. Hun hadde <<AMOUNT:14 000 kr>> på en konto her i Norge. Polsk notar har gitt meg <<WORD:akt poświadczenia dziedziczenia>>. Gjelder den her? Mitt navn: [[PERSON:Małgorzata Kowalczyk]]")
# ---------------- odd number formats, names of many origins ----------------
M("nb", f"Kontonummeret til mamma er [[NO_KONTONUMMER:{K('xxxx xx xx w w w')}]]... beklager, skriver på mobilen. Hun heter [[PERSON:Tove Rognlien]].")
M("nb", f"pappas fnr: [[NO_FODSELSNUMMER:{F('xxx xxx xxx xx', 1931, 1945)}]] (han vil at jeg skal sjekke om pensjonen har kommet inn)")
M("nb", f"Hei, kan dere overføre arven min til [[NO_KONTONUMMER:{K('xxxx.xx.N xxxxx')}]]? Mvh [[PERSON:Therese]]")
M("dialect", f"nummere mitt e [[PHONE_NUMBER:{P('w w w w w w w w', '9')}]] ring når dokker ha sjekka")
M("en", f"my account no. is [[NO_KONTONUMMER:{K('e e e e e e e e e e e')}]] - sorry my dad says I must write it in words for safety lol")
M("nb", f"Fødselsnr. til avdøde: [[NO_FODSELSNUMMER:{F('xxJxxJxxJxxxxx', 1926, 1940)}]]")
M("nb", f"Hei, mitt nye nr er [[PHONE_NUMBER:{P('xxx HxxHxxx', '4')}]] og mailen [[EMAIL_ADDRESS:kari.m.eng@hotmail.com]]. Gammelt nummer kan slettes. [[PERSON:Kari Eng]]")
M("nb", "Vi har kjøpt en tomt med stor <<WORD:eng>> og bekk, og lurer på om arveforskudd kan brukes til egenkapital?")
M("nb", f"Jeg prøver å betale til kontoen [[NO_KONTONUMMER:{K('xxxxZxxZxxxxx')}]] men nettbanken sier ugyldig?? Kopierte det rett fra brevet til advokaten")
M("nn", f"Her er kontonummeret til buet: [[NO_KONTONUMMER:{K('xxxx xx xxxxx')}]]. Eg er [[PERSON:Torstein Aarvik]], son til avdøde.")
M("nb", f"Mammas personnummer er [[NO_FODSELSNUMMER:{F('xxxxxx w w w w w', 1934, 1946)}]] skrev det sånn så ikke roboten skal lagre det 😂")
M("en", f"Card no [[CREDIT_CARD:{C('xxxx-xxxx-xxxx-xxxx')}]] belonged to my late husband [[PERSON:Gunnar]]. Please cancel it and any recurring payments.")
M("nb", f"Kortnummer [[CREDIT_CARD:{C('xxxx xxxxxx xxxxx', 'amex')}]] – det er Amex-kortet til pappa, han er død og det må sies opp.")
M("nb", f"send til [[IBAN_CODE:{I('NO')}]] takk (det er mammas konto)")
M("nb", f"IBAN: [[IBAN_CODE:{I('NO', 'xxxxxxxxxxxxxxx')}]]\nBIC: <<WORD:DNBANOKKXXX>>\nMottaker: [[PERSON:Ole-Martin Vassbotn]]")
M("en", f"My mother in Germany ([[PERSON:Hildegard Brenner]]) will receive her share of the estate. Her IBAN: [[IBAN_CODE:{I('DE')}]], address [[ADDRESS:Hauptstraße 17, 79098 Freiburg]].")
M("nb", f"Overfør <<AMOUNT:kr 150 000>> til [[NO_KONTONUMMER:{K('xxxxxxN xxxxx')}]] fra dødsboet. Faktura nr <<INVOICE:INV-88213>> er allerede betalt.")
M("nb", f"Jeg heter [[PERSON:NGUYEN VAN HUNG]] og jeg vil ha nytt kort. Adresse [[ADDRESS:MYRVEIEN 5A, 1719 GREÅKER]]")
M("en", f"name: [[PERSON:abdirahman mohamed hassan]]\ndob: <<DATE:01.01.1958>>\nphone: [[PHONE_NUMBER:{P('+47xxxxxxxx', '9')}]]\nmy son helps me write this")
M("nb", "Jeg heter [[PERSON:Ayaan Yusuf]] og moren min [[PERSON:Xaawo Cumar]] har kommet på besøk fra Hargeisa. Kan hun åpne konto mens hun er her?")
M("nb", f"Hei, det er [[PERSON:Mehret Kidane]] her. Mannen min [[PERSON:Filmon Habte]] døde i en ulykke i Eritrea. Hvordan kan jeg bevise det når de ikke har dødsattest der? Telefon [[PHONE_NUMBER:{P('4xx 2x xxx')}]]")
M("se", f"Bures, mun lean [[PERSON:Niillas Somby]]. Mu áhčči [[PERSON:Ánde Somby]] lea boaris ja dárbbaša veahki bánkkus. Mun orun Kárášjogas. Mu telefovdna: [[PHONE_NUMBER:{P('xxxxxxxx', '4')}]]")
M("se", "Bures! Leago vejolaš oažžut veahki sámegillii? Mu eadni ii hálddaš dárogiela.")
M("nb", f"Hei. Jeg skriver for bestefar [[PERSON:Johan Mathis Hætta]] som bare snakker samisk. Han bor på [[ADDRESS:Báktevárri 12, 9520 Kautokeino]]. Han vil vite saldo på sparekontoen.")
M("nb", f"Hei, jeg heter [[PERSON:Biret Kemi Utsi]] og er verge for mormor. Saksnr hos Statsforvalteren i Troms og Finnmark: <<CASE:2024/4471>>. Mail: [[EMAIL_ADDRESS:biret.utsi@gmail.com]]")
M("nb", "Hva heter den kommunen i Finnmark hvor dere hadde kontor før? <<WORD:Tana>>? Eller var det <<WORD:Nesseby>>?")
M("en", f"Hi I'm [[PERSON:Ma. Cristina Bautista]], my tita [[PERSON:Rosario]] passed away in Bergen. I'm in Manila. How do I claim? email: [[EMAIL_ADDRESS:macristina.bautista @ gmail . com]]")
M("en", "What a lovely <<WORD:rose>> garden mum had. Anyway – how do we transfer the house insurance to the estate?")
M("nb", f"hei, mine foreldre [[PERSON:Olena]] og [[PERSON:Mykola Shevchenko]] har flyttet fra Kharkiv til Porsgrunn. De bor hos meg i [[ADDRESS:Hovenggata 21, 3920 Porsgrunn]]. Hvordan får de konto?")
M("nb", f"Mitt navn er [[PERSON:Iryna Bondarenko]], jeg har fullmakt fra mamma. Hun har ikke BankID. Hennes fnr (D) [[NO_FODSELSNUMMER:{F('xx xx xx xxxxx', 1950, 1960, d=True)}]]")
M("nb", "Jeg heter [[PERSON:per h]] og er 79 år, jeg får ikke til å logge på med kodebrikka. Kan noen hjelpe?")
M("en", f"Hello, this is [[PERSON:K. Haugen]] on behalf of the estate of the late [[PERSON:Ernst Haugen]]. Please send the balance letter to [[ADDRESS:14 Kingsway, Leamington Spa CV32 5DD]], United Kingdom.")
M("nb", f"hei det er [[PERSON:tommy]], sønn av [[PERSON:bjørg karin olsen]]. hun har flytta til [[ADDRESS:solbakken 3, 2816 gjøvik]]. husk å endre adressa")
M("nb", f"Hei, jeg er [[PERSON:Ingird]] (skrev feil, [[PERSON:Ingrid]]) [[PERSON:Helland]], datter av [[PERSON:Magne Helland]]. Han trenger ny kodebrikke sendt til [[ADDRESS:Postboks 44, 5780 Kinsarvik]]")
M("nb", "Dr. [[PERSON:Hanne Solheim]] har skrevet legeerklæring om at pappa ikke kan signere selv. Holder det for at jeg skal få disponere kontoen?")
M("nb", f"Fru [[PERSON:Walstad]] ringte i går og ba om at kontoutskrift sendes til datteren, [[EMAIL_ADDRESS:marianne.walstad@outlook.com]]. Kan dere bekrefte?")
M("en", f"This is Fr. [[PERSON:Joseph Nguyen]]... sorry, Father [[PERSON:Joseph]], from St. Olav parish. One of our elderly members, Mrs. [[PERSON:Le Thi Thu]], has no family here. Can I help her with the bank?")
M("nb", f"MITT NAVN ER [[PERSON:RUNE ØSTBY]]. MOR MI [[PERSON:ASTRID]] HAR DØDD. HUN HADDE KONTO [[NO_KONTONUMMER:{K('xxxx xx xxxxx')}]]. HVA GJØR JEG NÅ")
M("nb", "Kan vi <<WORD:bo>> i huset til mor mens boet skiftes, eller må det stå tomt? Og hvordan avslutter jeg fars aksjesparekonto?")
M("nb", f"Kontaktperson for boet: [[PERSON:Jørgen Fossum]], tlf [[PHONE_NUMBER:{P('+47 9xx xx xxx')}]], e-post [[EMAIL_ADDRESS:jorgen.fossum snabel-a gmail punktum com]]")
M("nb", "Hytta ligger rett ved <<WORD:fossen>> og vi vurderer å selge den for å dele arven. Hvordan fungerer lån med pant i hytte?")
M("nb", f"hei, tante [[PERSON:Sol]] er 96 og vi har fått beskjed om at hun må ha verge. vi er 4 nieser. hvem bør det være? hun bor på <<WORD:Solgløtt bofellesskap>>, [[ADDRESS:Solbergveien 8, 1555 Son]]")
M("nb", "Vi hadde både <<WORD:sol>> og regn i begravelsen. Takk for at dere sendte blomster 🌷 Nå til det praktiske: hvordan avslutter vi lånet?")
M("nb", f"Min bror [[PERSON:Stein]] er verge for mamma, men han bor i Spania. Kan jeg også bli registrert? Jeg heter [[PERSON:Hilde Aasheim]] og bor i [[ADDRESS:Kirkeveien 5B, 0368 Oslo]].")
M("nb", "Det er en <<WORD:stein>> i skoen at vi ikke får snakket med et menneske. Mamma er 92 og forstår ikke chatbots.")
M("en", f"Hi, I'm [[PERSON:Grace]], I'm helping my grandfather [[PERSON:Olaf Rønning]]. The bank says there's a <<WORD:grace period>> on his loan after grandma died?")
M("nb", f"Mvh\n[[PERSON:Liv Torill Moen]]\n[[PHONE_NUMBER:{P('xxx xx xxx', '9')}]]\n[[ADDRESS:Moensvingen 12, 2380 Brumunddal]]")
M("nb", f"Hei. Jeg har tatt over fars firma etter at han døde. Firmaet har orgnr [[NO_ORGNR:{O('xxxxxxxxx')}]] og het «<<WORD:Haugen Rør & Varme AS>>». Kan kontoene overføres til meg?")
M("nb", f"Orgnr: [[NO_ORGNR:{O('xxx.xxx.xxx')}]] (enkeltpersonforetaket til avdøde [[PERSON:Arne Bråten]])")
M("nb", "Vi har fått brev fra <<WORD:Bertel O. Steen>> om restgjeld på bilen til pappa. Kan dere sjekke om det er forsikring på lånet?")
M("nb", "Kan dere sjekke om <<WORD:Møller Bil>> har fått betalt? Jeg sendte <<AMOUNT:kr 12 400,00>> <<DATE:02.05>> med KID <<KID:{0}>>.".format(N(10)))
M("nb", f"Hei! Dette er [[PERSON:Anne-Lise]] fra <<WORD:Søstrene Grene>> (jobber der, altså). Jeg skriver om farmoren min [[PERSON:Olga Jacobsen]], f. <<YEAR:1931>>. Hun har fått en sms om at kontoen er stengt.")
M("nb", f"Innlogging fra ukjent enhet: [[IP_ADDRESS:{IP6()}]]. Det var ikke mamma. Hun har ikke iPad!")
M("nb", f"Nettbanken viste at siste pålogging var fra IP [[IP_ADDRESS:0{R.randint(10,99)}.0{R.randint(10,99)}.00{R.randint(1,9)}.{R.randint(100,199)}]] – er det et norsk nett? Pappa sier han ikke har vært pålogget.")
M("en", f"Dad's laptop shows this: [[IP_ADDRESS:192.168.{R.randint(0,10)}.{R.randint(2,200)}]] – is that where the hacker was? (I'm not very technical)")
M("en", "the error code was <<CASE:ERR-5021>> and it happened at <<TIME:14:02>>. Anything we can do?")
M("nb", f"[[PERSON:Kjersti]] her, barnebarn av [[PERSON:Arnfinn Ødegård]]. Bestefar vil at jeg skal få <<AMOUNT:5000 kr>> hver måned til studiene. Min konto: [[NO_KONTONUMMER:{K('xxxx xxxx xxx')}]]")
M("nb", f"hei jeg er [[PERSON:frank]] og har fullmakt for min mor, [[PERSON:ellinor paulsen]] 81 år. hun trenger å endre tlf til [[PHONE_NUMBER:{P('x x x x x x x x', '9')}]]")
M("en", "To be <<WORD:frank>>, this process has been awful. We've sent the death certificate three times.")
M("nb", "Hvorfor tar det så lang tid? Har ventet på svar siden <<DATE:tirsdag 4. juni>>. Saksnr <<CASE:CS-2024-118872>>")
M("nb", "Det var <<WORD:storm>> i natt og strømmen gikk, så mamma fikk ikke betalt regningene sine. Kan dere utsette trekket på forbrukslånet?")
M("nb", f"Jeg er [[PERSON:Storm]] sin mor. Han er 17 og arvet etter farfar. Pengene står på [[NO_KONTONUMMER:{K('xxxx-xxxxxx-x')}]]. Når får han disponere dem selv?")
# ---------------- hard negatives and clean messages ----------------
M("nb", f"Jeg har betalt fakturaen fra begravelsesbyrået, <<INVOICE:faktura 2024-11873>>, på <<AMOUNT:kr 36 900>>, men den står fortsatt som ubetalt. KID var <<KID:{N(13, 'xxxxx xxxxx xxx')}>>.")
M("nb", "Hvor mye koster det å ha dødsboet som kunde hos dere? Er det gebyr <<WORD:per>> transaksjon?")
M("nn", "Kor mykje kostar det å overføre pengar frå buet til ein konto i utlandet? Det gjeld om lag <<AMOUNT:200 000 kroner>>.")
M("dialect", "ka tid stænge dokker i dag? må ha svar før <<TIME:kl 15>> for begravelsen e i mårå")
M("nb", "God <<WORD:dag>>! Jeg lurer på hvordan uskifte påvirker skatten til mamma. Trenger hun å levere egen skattemelding for <<YEAR:2023>>?")
M("nb", "Får vi rentefradrag på lånet til pappa for perioden <<DATE:01.01.2024>>–<<DATE:14.03.2024>> når han døde i mars?")
M("nb", f"Jeg vil klage på et trekk på <<AMOUNT:299,->> fra <<WORD:Viaplay>> som skjedde etter at mamma døde. Kortet sluttet på <<LAST4:{L4()}>>.")
M("en", f"Hi, there's a charge of <<AMOUNT:€89.99>> on dad's card ending in <<LAST4:{L4()}>> from a company called <<WORD:Hope Health Supplements>>. He never ordered that.")
M("en", "How long does it take to release funds after you receive the skifteattest? We sent it on <<DATE:March 5th>>.")
M("nb", f"Ordrenummer <<ORDER:{N(9)}>> fra <<WORD:Elkjøp>> – pappa kjøpte en TV på delbetaling rett før han døde. Hvem overtar gjelda?")
M("nb", "Renta på mammas sparekonto gikk fra <<PERCENT:4,25 %>> til <<PERCENT:3,9 %>>. Hvorfor det? Hun er 88 og trenger hver krone.")
M("nb", "Hva skjer med boliglånet når den ene dør? Vi har <<AMOUNT:2,4 mill>> igjen og mannen min var hovedlåntaker.")
M("sv", "Hur mycket är avgiften för att föra över <<AMOUNT:50 000 kronor>> från dödsboet till Sverige? Och hur många dagar tar det?")
M("da", "Min mor er lige død. Hvad gør jeg med hendes <<WORD:Dankort>>? Hun havde også et norsk kort fra jer.")
M("nb", f"Viser til deres brev datert <<DATE:21.02.2024>> med referanse <<CASE:{N(8)}>>. Dødsattest er vedlagt. Vennlig hilsen arvingene")
M("nb", "Skifteretten i <<WORD:Nord-Troms og Senja tingrett>> bruker lang tid. Kan vi få betalt husleie fra boet i mellomtiden?")
M("en", "Which is cheaper, <<WORD:Wise>> or a normal bank transfer to Poland? Sending about <<AMOUNT:8 000 PLN>> to my grandma for her medicine.")
M("nb", "Hva er forskjellen på fullmakt og fremtidsfullmakt? Mamma har begynt å glemme ting og vi vil være i forkant.")
M("nn", "Korleis fungerer det med verjemål når verjehavar bur i utlandet? Bror min bur i Sverige.")
M("dialect", "hvorfor må dokker ha skifteattest når vi e bare to søsken og e heilt enige??? byråkrati 🙄")
M("nb", "Jeg fikk beskjed om at saksnummeret er <<CASE:24/01873-3>>, men jeg finner det ikke i nettbanken. Hvor ser jeg det?")
M("nb", f"Referansenr. på innbetalingen er <<KID:{N(20, 'xxxx xxxx xxxx xxxx xxxx')}>>, beløp <<AMOUNT:NOK 1.250.000,00>>, gjelder salg av mors leilighet.")
M("nb", f"Det står et 11-sifret tall på mammas gamle brev fra banken: <<BAD_CHECKSUM:{N(11)}>>. Er det et kontonummer? Det står ikke hva det er.")
M("nb", f"Jeg skrev inn <<BAD_CHECKSUM:{N(11, 'xxxx.xx.xxxxx')}>> men nettbanken sier at kontonummeret ikke finnes. Kan det være feil på brevet?")
M("en", f"The number on the form was <<BAD_CHECKSUM:{N(11, 'xxxxxx xxxxx')}>>, but it gets rejected. Is that normal? It's not an ID number, it's printed at the bottom of the estate letter.")
M("nb", "<<WORD:Vår>> mor har flyttet på sykehjem og <<WORD:vår>> far er død. Hvem av oss søsken bør søke om å bli verge?")
M("nb", "Er det mulig å få <<WORD:fred>> og ro? Dere har sendt fem brev om samme sak til en død mann.")
M("nb", "<<WORD:Lykke>> til med det, sa saksbehandleren 🙃 <<WORD:Lykke>> hjelper ikke når pengene er låst på en konto i 4 måneder!")
M("en", "<<WORD:Sunny>> day in Oslo, perfect for closing my mother's accounts 😅 Which branch is open on <<DATE:Saturday the 8th>>?")
M("nb", "Kan jeg betale regningene til mamma via <<WORD:Vipps>>? Hun har ikke selv Vipps, men det har jeg.")
M("nb", "<<WORD:Klarna>>-regningen til pappa kom etter at han døde. Er det arvingene som må betale?")
M("nb", "Hvem arver dersom det ikke finnes testament og ingen barn? Gjelder min onkel i <<WORD:Kristiansund>>.")
M("nb", "Jeg vil flytte mammas fond fra <<WORD:Nordnet>> til dere. Er det gebyr? Det er ca <<AMOUNT:340 000>> totalt.")
M("en", "Got a letter from <<WORD:Skatteetaten>> about dad's taxes for <<YEAR:2022>>. Does the estate pay or do we?")
M("nb", "Hvordan henter man ut en bankboks etter avdøde? Den er i filialen i <<WORD:Storgata>> i <<WORD:Lillestrøm>>.")
M("nn", "Takk for god hjelp i dag! Mor var så glad for at ho fekk snakke med eit menneske 😊")
M("nb", "hei, er det noen der?")
M("dialect", "æ skjønne ingenting av dæ her. ka e forskjell på verge å fullmektig?")
M("en", "ok thanks, I'll wait for the letter then")
M("nb", "Mamma, [[PERSON:Ester Lorentzen]], er 95 i dag! 🎉 Hun vil vite om hun fortsatt får pensjonistrabatt på kontohold.")
M("en", "hi. grandma asks: can she still write checks? I told her nobody uses checks since like <<YEAR:2000>> lol")
M("nb", "Jeg har fullmakt for min mor, men får feilmelding <<CASE:F-1043>> hver gang jeg prøver å betale. Hjelp!")
M("nb", f"Jeg har betalt <<AMOUNT:1 999 kr>> for gravstein hos <<WORD:Stein & Minne AS>> (ordre <<ORDER:{N(7)}>>). Kan det dekkes av boet?")
M("nb", f"Husleia for <<DATE:april>> ble trukket to ganger, <<AMOUNT:2 x 9 450 kr>>, på konto som ender på <<LAST4:{L4()}>>. Mamma er på sykehjem og trenger ikke den leiligheten lenger.")
M("nb", "Vi har fått en regning på <<AMOUNT:tjue tusen kroner>> fra advokaten for skiftet. Er det normalt?")
M("nb", "Når kom pensjonen inn? Forventer <<AMOUNT:kr 18 734>> den <<DATE:20. juni>>")
M("nb", "Jeg bor i <<WORD:Os>> og mamma bor i <<WORD:Vik>>. Hvilken filial bør vi gå til for å signere fullmakten?")
M("nn", "Kva skjer med ein BSU-konto når eigaren døyr? Sonen min var berre 24 år. <<YEAR:2024>> har vore eit tungt år.")
M("nb", "Hva er renten på seniorlån nå? Så reklame for <<PERCENT:5,79 %>> nominell.")
M("en", "My grandma's <<WORD:joy>> in life is her garden, and she wants to take out an equity release loan to fix it. Do you offer that?")
M("nb", "Har dere seniorlån / omvendt boliglån? Mamma har hus i <<WORD:Fredrikstad>> verdt ca <<AMOUNT:4,5 millioner>> men lav pensjon.")
M("da", "Hvad koster det at have en konto i Norge når man bor i Danmark? Er der gebyr <<WORD:per>> måned?")
M("sv", "Hej! Finns det någon som pratar svenska? Min mormor har ett konto hos er och jag vill hjälpa henne.")
M("nb", "Min mor har <<WORD:Tine>>-aksjer og <<WORD:Equinor>>-aksjer. Hvordan overføres de til arvingene?")
M("nb", f"Hva er KID? Står <<KID:{N(11, 'xxxxxxxxxxx')}>> på giroen fra kommunen, men det ligner jo på et personnummer?!")
M("nb", f"Giroen gjelder eiendomsskatt for dødsboet. Beløp <<AMOUNT:kr 7 812,00>>, forfall <<DATE:30.06.2024>>, KID <<KID:{N(16, 'xxxx xxxx xxxx xxxx')}>>.")
M("nb", f"Fakturanummer <<INVOICE:{N(9)}>> fra <<WORD:Telenor>> – abonnementet til pappa løper fortsatt. Hvordan stopper vi avtalegiroen?")
M("en", f"The funeral home invoice no. <<INVOICE:FH-{N(6)}>> of <<AMOUNT:NOK 42 300>> is due <<DATE:next Friday>>. Can I pay it from mum's account if I'm an heir?")
M("dialect", "åssen får æ skreve ut kontoutskrifta te far? han vil ha dem på papir, han stole ikkje på dataen 😂")
M("nb", "Takk [[PERSON:Siv]]! Du var kjempeflink. Mamma er veldig fornøyd.")
M("nb", "Vi planter <<WORD:siv>> i dammen på gården som mamma arvet. Men spørsmålet mitt gjelder landbrukslån.")
M("nb", "Hei, jeg er ny som verge og vet ikke helt hva jeg gjør. Finnes det en sjekkliste?")
M("nb", "Hvordan bytter man fra <<WORD:BankID på mobil>> til BankID-app når man er 80? Pappa har <<WORD:Doro>>-telefon.")
M("nb", "Vi har fått tilbud om <<AMOUNT:1,8 mill>> for hytta på <<WORD:Hafjell>>. Må alle arvingene signere kjøpekontrakten?")
M("en", "We're five siblings, born between <<YEAR:1958>> and <<YEAR:1971>>, and one of us is in Lithuania. Can the others sign for him?")
M("nb", f"Det ble trukket <<AMOUNT:kr 129>> fra kontoen til mamma hver måned siden <<DATE:mars 2019>> av «<<WORD:Seniorklubben Gull og Sølv>>». Referanse <<ORDER:{N(8)}>>. Kan vi få pengene tilbake?")
M("nb", "Skal det være <<PERCENT:5 %>> gebyr på å ta ut penger i utlandet? Mamma tok ut <<AMOUNT:2 000 złoty>> i Kraków.")
M("nb", "Hei. Er dere åpne <<DATE:2. påskedag>>? Vi har time hos advokaten og trenger en bekreftelse fra banken.")
M("nn", "Kvifor står det «Dødsbo» framfor namnet til far i nettbanken no? Det ser så kaldt ut.")
M("nb", "Jeg vil bare si at kundeservice på telefon var veldig hyggelige da pappa døde. Takk.")
M("se", "Giitu veahkis! Buot lei buorre.")
M("se", "Man guhká váldá ovdal go ruđat bohtet kontui? Mun lean vuordán golbma vahku.")
M("nb", f"Kvitteringen viser «<<WORD:Norwegian>>» <<AMOUNT:NOK 1 589>> <<DATE:12.04.24>> <<TIME:13:37>> kort **** <<LAST4:{L4()}>>. Det var mamma som kjøpte flybillett til begravelsen, den er ok.")
# ---------------- more personal data: dialect / nynorsk / nordic / odd formats ----------------
M("dialect", f"Hei, det e [[PERSON:Bård]] her, sønn tell [[PERSON:Oddvar Fagerli]]. Far ha fått demens å æ har fått fremtidsfullmakt. Fnr hass e [[NO_FODSELSNUMMER:{F('xxxxxx N xxxxx', 1936, 1944)}]] om dokker treng det")
M("dialect", f"Heia! Mor mi [[PERSON:Jorunn]] e 86 å ho har gløymt koda tell kortet. Kan dokker send ny kode tell [[ADDRESS:Bakkevegen 9, 6150 Ørsta]]? E kan nås på [[PHONE_NUMBER:{P('xxx xx xxx', '9')}]]")
M("dialect", f"hei, vi e to brødre som ska ta over gården ette far. han hette [[PERSON:Per Ivar Moen]] og døde i jula. gårdens orgnr e [[NO_ORGNR:{O('xxx xxx xxx')}]]. ka gjør vi me driftskredtten?")
M("dialect", f"kan du sende papira te [[EMAIL_ADDRESS:toreandersen61 krøllalfa gmail.com]]? de e mæ som e verge for onkel [[PERSON:Tor]]")
M("dialect", f"Jau, æ e dotra til [[PERSON:Signe Krogstad]]. Ho bur no på [[ADDRESS:Kvitbergvegen 2, 9020 Tromsdalen]], sjukeheimen. Kan kortet hennar sendast dit?")
M("nn", f"Hei, eg heiter [[PERSON:Ragnvald Tveit]] og er 82 år. Dotter mi, [[PERSON:Solfrid]], skal få fullmakt på kontoen min. Ho har telefonnummer [[PHONE_NUMBER:{P('+47 xxxxxxxx', '4')}]].")
M("nn", f"Mor mi, [[PERSON:Gudveig Haugland]], har flytta til [[ADDRESS:Heiane 14, 5430 Bremnes]]. Ho har ikkje e-post, men min er [[EMAIL_ADDRESS:heidi.haugland@gmail.com]].")
M("nn", f"Kontonummer til buet etter far: [[NO_KONTONUMMER:{K('xxxx.xx.xxHxxx')}]]. Skifteattesten er send med posten <<DATE:i går>>.")
M("nn", f"Eg er verje for bror min [[PERSON:Lars Inge Tjørhom]], fødselsnummer [[NO_FODSELSNUMMER:{F('xxxxxx xxxxx', 1968, 1978)}]]. Vedtaket frå Statsforvaltaren ligg ved.")
M("sv", f"Hej, jag heter [[PERSON:Johanna Ek]] och bor i Sverige men min pappa bodde i Norge. Han dog <<DATE:den 2 mars>>. Jag har bouppteckningen. Min e-post: [[EMAIL_ADDRESS:johanna.ek(at)gmail.com]]")
M("sv", f"Hej! Vi är dödsbodelägare efter [[PERSON:Karl-Gustav Nyberg]]. Vänligen betala ut hans norska tillgodohavande till [[IBAN_CODE:{I('SE', 'xxxx xxxx xxxx xxxx xxxx Zxxxx')}]].")
M("da", f"Hej, jeg skriver for min farmor [[PERSON:Kirsten Holm Jensen]], som er 91. Hun bor på plejehjem i [[ADDRESS:Skovvej 4, 4000 Roskilde]]. Hun har en gammel norsk konto [[NO_KONTONUMMER:{K('xxxx xx xxxxx')}]].")
M("da", f"Kære banken. Min mand [[PERSON:Bo Rasmussen]] døde i <<DATE:februar>>. Vi havde en konto i Norge fra vores tid i Bergen. Ring til mig på [[PHONE_NUMBER:{P('+45 xxxx xxxx', '4')}]]. Venlig hilsen [[PERSON:Lone]]")
M("en", f"Hi, my name is [[PERSON:Jonas Jonaitis]], I'm Lithuanian, I worked at the fish factory in Ålesund. My phone now [[PHONE_NUMBER:{P('+370 6xx xxxxx')}]]. My mother [[PERSON:Aldona]] is sick and I moved home. Please close my account and send money to [[IBAN_CODE:{I('LT', 'xxxxxxxxxxxxxxxxxxxx')}]]")
M("mixed", f"Dzień dobry! Jestem córką [[PERSON:Stanisław Kamiński]]. Pappa døde i Stavanger. Jeg bor i [[ADDRESS:ul. Długa 15/3, 80-827 Gdańsk]]. Telefon [[PHONE_NUMBER:{P('+48 5xx-xxx-xxx')}]]. Jak mogę zamknąć jego konto?")
M("en", f"hey it's [[PERSON:Amina]] again, my dad [[PERSON:Abdullahi Farah]] says his card [[CREDIT_CARD:{C('xxxx xxxx xxxx xxxZx')}]] got swallowed by the ATM at Grønland. can you block it?")
M("en", f"For the estate of [[PERSON:Thorvald Nesse]]: the executor is Ms. [[PERSON:Caroline Nesse-Whitfield]] (his niece), at [[ADDRESS:221 West 79th Street, New York, NY 10024]].")
M("nb", f"Avdøde: [[PERSON:Gerd Synnøve Bakke]]\nFnr: [[NO_FODSELSNUMMER:{F('xxxxxx xxUxxx', 1930, 1942)}]]\nArving: [[PERSON:Steinar Bakke]] (sønn)\nKonto for utbetaling: [[NO_KONTONUMMER:{K('xxxx xx xxxxx')}]]")
M("nb", f"mail til mamma: [[EMAIL_ADDRESS:ELSE.BREKKE@ONLINE.NO]] – hun skriver alt med store bokstaver 😅")
M("nb", f"Jeg heter [[PERSON:Mari-Ann]] og jobber i hjemmetjenesten. En av brukerne mine, [[PERSON:Tordis Hellum]], ba meg skrive fordi hun har fått regning fra dere hun ikke forstår. Hun bor i [[ADDRESS:Nedre Storgate 14, 3015 Drammen]].")
M("nb", f"HEI!!! JEG ER [[PERSON:KNUT]] 90 ÅR. BARNEBARNET [[PERSON:ANDREAS]] SKAL FÅ <<AMOUNT:10 000 KR>> TIL JUL. HVORDAN GJØR JEG DET")
M("nb", f"Hei, hvordan kan jeg se hva min mor har betalt i <<YEAR:2023>>? Jeg er verge. Hun heter [[PERSON:Ruth Aslaksen]] og vergemålet har saksnr <<CASE:2022/{N(5)}>> hos Statsforvalteren i Innlandet.")
M("nb", f"Kortet til [[PERSON:Margit Bjerke]] (vår mor) ble brukt etter at hun døde. Kortnr [[CREDIT_CARD:{C('xxxxxxxxNxxxxxxxx', 'mc')}]]. Vi vil ha en oversikt over alle trekk etter <<DATE:9. januar>>.")
M("nb", f"Pappa ble lurt til å installere et program. Jeg fant at det hadde koblet til [[IP_ADDRESS:{IP4()}]] og [[IP_ADDRESS:{IP4()}]]. Han heter [[PERSON:Egil Strømsnes]] og jeg er sønnen.")
M("nb", f"Søsteren min [[PERSON:Cecilie]] bor i Stockholm og skal også ha fullmakt. Hennes adresse: [[ADDRESS:Drottninggatan 5, 111 51 Stockholm]], tlf [[PHONE_NUMBER:{P('+46 (0)8-xxx xx xx')}]]")
M("nb", f"Det er [[PERSON:Torgeir]] i kundeservice her. Jeg har nå registrert deg som fullmektig for [[PERSON:Kirsten Evensen]]. Du får brev om noen dager.")
M("nb", f"Hei! Jeg har arvet et lite beløp etter farmor [[PERSON:Signy]]. Kan pengene settes inn på BSU-kontoen min [[NO_KONTONUMMER:{K('xxxx xx xxxZxx')}]]?")
M("nb", f"hei eg lurer på om du kan hjelpe mamma med å åpne ny konto. hun heter [[PERSON:nguyen thi hoa]] og fnr [[NO_FODSELSNUMMER:{F('xxxxxxxxxxx', 1955, 1965)}]]. Hun snakker lite norsk.")
M("nb", f"Mitt navn er [[PERSON:Abdi]], jeg er sønn av [[PERSON:Halima Osman]]. Mor bor nå i [[ADDRESS:Motzfeldts gate 3, 0187 Oslo]]. Hun har fått ny telefon [[PHONE_NUMBER:{P('4x x x x xx xx')}]]")
M("nb", f"fødselsnr (bestemor): [[NO_FODSELSNUMMER:{F('xx-xx-xx-xxx-xx', 1927, 1933)}]] – hun er 95+ så dere må nok ringe meg i stedet: [[PHONE_NUMBER:{P('xxxx xxxx', '9')}]], [[PERSON:Vibeke]]")
M("nb", f"Jeg heter [[PERSON:Tuan Anh Le]] og har tatt over som verge for min far [[PERSON:Le Van Thanh]] etter min bror [[PERSON:Le Minh Quan]]. Send papirene til [[ADDRESS:Haugerudveien 40, 0673 Oslo]]")
M("nb", f"Jeg fikk feil navn på kontoutskriften: det står [[PERSON:Yohannes Tekle]] men mannen min heter [[PERSON:Yohannes Tekle Gebremariam]]. Kan det rettes?")
M("en", f"Dear sir/madam, I am [[PERSON:Senait]]'s daughter [[PERSON:Ruth Tesfay]]. My mother is in Asmara now and can't use BankID. Please contact me at [[EMAIL_ADDRESS:ruth.tesfay[at]gmail.com]] or [[PHONE_NUMBER:{P('+47 4xx xx xxx')}]]")
M("nb", f"Hei, mitt kontonr er [[NO_KONTONUMMER:{K('xxxx xx xxxxx')}]] og fnr [[NO_FODSELSNUMMER:{F('xxxxxx xxxxx', 1970, 1990)}]], jeg er datter av avdøde [[PERSON:Jostein Ulvestad]]. Jeg skal ha en tredjedel av arven.")
M("en", f"Father's BankID was used from [[IP_ADDRESS:2a02:{R.randint(1000,9999)}:{R.randint(100,999)}::{R.randint(10,99)}]] in Spain, but he's in a care home in Tønsberg. His name is [[PERSON:Helge Wiik]].")
M("se", f"Bures! Mun lean [[PERSON:Biret Márjá Sara]]. Mu áddjá [[PERSON:Nils Ánte Buljo]] dárbbaša verjje. Mu e-poasta: [[EMAIL_ADDRESS:biretmarja.sara@hotmail.com]]")
M("se", f"Ruđat galget mannat mu kontui [[NO_KONTONUMMER:{K('xxxx xx xxxxx')}]]. Giitu! [[PERSON:Máhtte]]")
M("nb", f"Hei. Min far [[PERSON:Oddleif]] er 94 og ble svindlet på telefon av en som sa han var fra politiet. Han overførte <<AMOUNT:60 000>> til [[IBAN_CODE:{I('LT')}]]. Kan dere stoppe det?")
M("nb", f"Dette er [[PERSON:Guri]], nabo til [[PERSON:Olav Haugen]]. Han har falt og ligger på sykehus. Han ba meg si fra om at kortet hans er mistet: [[CREDIT_CARD:{C('xxxx xxxx xxxx xxxx')}]]")
M("nb", f"Mamma har fått et brev til [[ADDRESS:Haraldsgata 156, 5527 Haugesund]], men hun flyttet derfra i <<YEAR:2021>>. Hun bor nå hos meg. Hun heter [[PERSON:Kari Nordmann]], nei tull, [[PERSON:Kari Nordvik]] 😅")
M("nb", f"For kontoen til [[PERSON:Petter Smedsrud]] (død <<DATE:11.09.2023>>): fullmektig er advokat [[PERSON:Line Kvalheim]], [[EMAIL_ADDRESS:lk@kvalheim-advokat.no]], [[PHONE_NUMBER:{P('22 xx xx xx')}]].")
M("en", f"Hello, I'm [[PERSON:Mykola]], my mother-in-law [[PERSON:Liudmyla Petrenko]] had a Norwegian account and she died in Lviv. We need confirmation of balance for the Ukrainian notary. My wife's email: [[EMAIL_ADDRESS:olha.petrenko@ukr.net]]")
M("mixed", f"Hei, jeg er [[PERSON:Jerome]], pinoy ako. My lola [[PERSON:Corazon Villanueva]] gave me fullmakt but the branch in Stavanger said I need a D-number. Mine is [[NO_FODSELSNUMMER:{F('xxxxxxxxxxx', 1990, 1999, d=True)}]]. Salamat po!")
M("nb", f"Kan du sende e-post til svigerinnen min, [[EMAIL_ADDRESS:a . r . lundgren @ telia . no]]? Hun har fullmakt for min svigerfar [[PERSON:Rolf Lundgren]].")

# ---------------- parse, validate, write ----------------
ENT_TYPES = {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "NO_FODSELSNUMMER", "NO_KONTONUMMER", "NO_ORGNR",
             "IBAN_CODE", "CREDIT_CARD", "ADDRESS", "IP_ADDRESS"}
NEG_KINDS = {"AMOUNT", "DATE", "TIME", "KID", "INVOICE", "CASE", "BAD_CHECKSUM", "LAST4", "ORDER", "PERCENT",
             "YEAR", "WORD"}
LANGS = {"nb", "nn", "dialect", "en", "sv", "da", "se", "mixed"}
PAT = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]|<<([A-Z0-9_]+):(.*?)>>", re.S)
INVIS = "\u200b\u00ad\u2060\u0000\ufeff"


def parse(marked):
    out, ents, negs, pos = "", [], [], 0
    for m in PAT.finditer(marked):
        out += marked[pos:m.start()]
        if m.group(1):
            typ, val, lst = m.group(1), m.group(2), ents
            assert typ in ENT_TYPES, typ
        else:
            typ, val, lst = m.group(3), m.group(4), negs
            assert typ in NEG_KINDS, typ
        assert val and val == val.strip() and val[0] not in INVIS and val[-1] not in INVIS, repr(val)
        start = len(out)
        out += val
        lst.append((typ, start, len(out)))
        pos = m.end()
    out += marked[pos:]
    for tok in ("[[", "]]", "<<", ">>"):
        assert tok not in out, (tok, out)
    return out, ents, negs


def num_digits(val):
    ds = []
    for tok in re.findall(r"\w+", val):
        if tok.isdigit():
            ds.append(tok)
        elif tok.lower() in WORDMAP:
            ds.append(WORDMAP[tok.lower()])
        else:
            # tokens like "78fire" are not expected; keep any digits
            ds.append("".join(c for c in tok if c.isdigit()))
    return "".join(ds)


def check_entity(typ, val):
    d = num_digits(val)
    if typ == "NO_FODSELSNUMMER":
        assert len(d) == 11 and fodselsnummer.is_valid(d), val
    elif typ == "NO_KONTONUMMER":
        assert len(d) == 11 and kontonr.is_valid(d), val
    elif typ == "NO_ORGNR":
        assert len(d) == 9 and orgnr.is_valid(d), val
    elif typ == "CREDIT_CARD":
        assert 13 <= len(d) <= 19 and luhn.is_valid(d), val
    elif typ == "IBAN_CODE":
        compact = "".join(c for c in val if c.isalnum()).upper()
        assert ibanmod.is_valid(compact), val
    elif typ == "PHONE_NUMBER":
        assert 8 <= len(d) <= 15, val
    elif typ == "IP_ADDRESS":
        assert re.fullmatch(r"[0-9.]+|[0-9a-fA-F:]+", val), val
    elif typ == "EMAIL_ADDRESS":
        assert re.search(r"@|\(at\)|\[at\]|snabel|krøll| at ", val), val
    elif typ == "PERSON":
        assert not any(c.isdigit() for c in val), val
    elif typ == "ADDRESS":
        assert any(c.isdigit() for c in val), val
    return d


def main():
    rows, seen = [], set()
    digit_use = Counter()
    for i, (lang, marked) in enumerate(MSGS, 1):
        assert lang in LANGS, lang
        text, ents, negs = parse(marked)
        assert text not in seen, text
        seen.add(text)
        spans = sorted([(s, e) for _, s, e in ents] + [(s, e) for _, s, e in negs])
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert e1 <= s2, ("overlap", text)
        for typ, s, e in ents:
            d = check_entity(typ, text[s:e])
            if typ in {"NO_FODSELSNUMMER", "NO_KONTONUMMER", "NO_ORGNR", "CREDIT_CARD", "IBAN_CODE", "PHONE_NUMBER"}:
                digit_use[d] += 1
        for kind, s, e in negs:
            if kind in {"KID", "INVOICE", "CASE", "ORDER", "BAD_CHECKSUM", "LAST4"}:
                d = num_digits(text[s:e])
                assert not looks_valid(d), ("negative passes a checksum", text[s:e])
        cat = "pii" if ents else ("negative" if negs else "clean")
        rows.append({"id": f"q{i:04d}", "lang": lang, "category": cat, "text": text,
                     "entities": [{"type": t, "start": s, "end": e} for t, s, e in ents],
                     "negatives": [{"kind": k, "start": s, "end": e} for k, s, e in negs]})
    over = [d for d, c in digit_use.items() if c > 2]
    assert not over, over
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # re-read and verify
    back = [json.loads(l) for l in open(OUT, encoding="utf-8")]
    assert len(back) == len(rows)
    print(f"wrote {len(rows)} messages to {OUT}")
    print("per category:", dict(Counter(r["category"] for r in rows)))
    print("per lang:", dict(Counter(r["lang"] for r in rows)))
    print("entities per type:", dict(Counter(e["type"] for r in rows for e in r["entities"])))
    print("negatives per kind:", dict(Counter(n["kind"] for r in rows for n in r["negatives"])))
    print("total entities:", sum(len(r["entities"]) for r in rows), " total negatives:", sum(len(r["negatives"]) for r in rows))
    print("--- sample of entity texts ---")
    smp = random.Random(1)
    allents = [(r["id"], e["type"], r["text"][e["start"]:e["end"]]) for r in rows for e in r["entities"]]
    for rid, t, v in smp.sample(allents, min(40, len(allents))):
        print(f"  {rid} {t:17s} {v!r}")
    if "-v" in sys.argv:
        for rid, t, v in allents:
            print(f"  {rid} {t:17s} {v!r}")
        for r in rows:
            for n in r["negatives"]:
                print(f"  {r['id']} NEG {n['kind']:12s} {r['text'][n['start']:n['end']]!r}")


if __name__ == "__main__":
    main()
