"""Regenerate the name gazetteer and word lists shipped in ``anonymizer/data/``.

The PERSON recognizer must run without spaCy models, so it needs word lists: given names, surnames,
common words (to tell "Per" the preposition from "Per" the name) and things that are never names
(banks, brands, places). Those lists are derived here from clean, licensed sources at *build* time so
that nothing but the shipped text files is needed at run time. Sources and licences are listed in
``anonymizer/data/SOURCES.md``; keep the two in step.

Build-time requirements (not needed at run time)::

    apt-get install -y hunspell hunspell-no hunspell-en-us   # dictionaries + the hunspell CLI
    pip install wordfreq mimesis gender-guesser               # frequencies and name lists

Run from the repository root: ``python tools/build_gazetteer.py`` (``--check`` reports sizes only).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "anonymizer" / "data"


def words(block: str) -> list[str]:
    """The whitespace-separated words of a block of text (the curated lists below are such blocks)."""
    return block.split()


# --- tuning ------------------------------------------------------------------------------------------
#: How many of the most frequent words per language count as "common" (wordfreq's large lists).
TOP_WORDS = 60_000
#: How many of the most frequent words per language are the reference for typos ("Loggin", "emil").
TYPO_REFERENCE_WORDS = 10_000
#: A dictionary word rarer than this (Zipf scale) is not common enough to make a name ambiguous.
MIN_ZIPF = 2.6
#: nam_dict frequency (1-13, logarithmic) a given name needs in at least one of these countries.
NAMDICT_COUNTRIES = {
    # the Nordics: any attested name
    "norway": 1, "denmark": 1, "sweden": 1, "iceland": 1, "finland": 1,
    # origins of people living in Norway, and English-speaking countries
    "great_britain": 2, "ireland": 2, "usa": 2, "poland": 2, "lithuania": 2, "latvia": 2, "estonia": 2,
    "germany": 2, "the_netherlands": 3, "russia": 2, "ukraine": 2, "belarus": 2, "romania": 2,
    "bulgaria": 2, "bosniaand": 2, "croatia": 2, "serbia": 2, "kosovo": 2, "albania": 2,
    "macedonia": 2, "greece": 2, "turkey": 2, "arabia": 1, "israel": 3, "india": 1, "china": 2,
    "vietnam": 1, "korea": 2, "japan": 3, "the_stans": 2, "azerbaijan": 2, "armenia": 2, "georgia": 2,
    "spain": 3, "portugal": 3, "italy": 3, "france": 3, "other_countries": 1,
}
NAMDICT_COLUMNS = words("""
great_britain ireland usa italy malta portugal spain france belgium luxembourg the_netherlands
east_frisia germany austria swiss iceland denmark norway sweden finland estonia latvia lithuania
poland czech_republic slovakia hungary romania bulgaria bosniaand croatia kosovo macedonia
montenegro serbia slovenia albania greece russia belarus moldova ukraine armenia azerbaijan georgia
the_stans turkey arabia israel china india japan korea vietnam other_countries
""")
MIMESIS_LOCALES = ("no", "da", "sv", "fi", "is", "en", "en-gb", "de", "pl", "tr", "es", "pt", "it", "fr")
CYRILLIC_LOCALES = ("ru", "uk")

# --- curated lists (public facts: Statistics Norway's most common names, and common names of the
# --- largest immigrant groups in Norway; written for this project, same licence as the project) -------

NO_SURNAMES = """
Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen
Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Henriksen Lund Halvorsen
Sørensen Jakobsen Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken
Kristoffersen Mathisen Lie Amundsen Nguyen Rasmussen Ali Lunde Solheim Berge Moe Nygård Bakke Kristensen
Fredriksen Holm Lien Hauge Christensen Andresen Nielsen Knudsen Evensen Sæther Aas Myhre Hanssen Ahmed
Haugland Thomassen Sivertsen Simonsen Danielsen Berntsen Sandvik Rønning Arnesen Antonsen Næss Vik Haug
Ellingsen Thorsen Edvardsen Birkeland Isaksen Gulbrandsen Ruud Aasen Strøm Myklebust Tangen Ødegård
Eliassen Helland Bøe Jenssen Aune Mikkelsen Tveit Brekke Abrahamsen Madsen Hoel Ahmad Khan Fjeld Mohamed
Engen Andersson Ludvigsen Dahle Mortensen Lorentzen Nordmann Wold Vold Ness Holmen Nordby Torgersen
Gjerde Tveiten Tollefsen Bjerke Syversen Hovland Kvam Steen Sæter Rød Sand Bråthen Våge Bjørnstad Fossum
Holen Skoglund Opsahl Engebretsen Bjørklund Kvalheim Larsson Berger Nordli Nilssen Olaussen Ottesen
Pettersson Rustad Rønningen Solbakken Stene Sundby Thorbjørnsen Tofte Tveter Ulriksen Vestby Wiik
Ødegaard Øien Aase Aasheim Alme Aspelund Aarseth Austad Bergersen Bergstrøm Bjørnsen Blom Bredesen Brun
Bull Dalen Dale Dalland Ekeberg Eng Erichsen Falch Finstad Fosse Foss Frantzen Fure Garberg Gjertsen
Grønli Haaland Hammer Haraldsen Heggelund Helle Hermansen Hoff Holt Hovde Husby Hustad Kittelsen Kleven
Kolstad Krogh Lange Langeland Lindberg Lindstrøm Løken Mathiesen Mikalsen Myrvold Nesheim Nordahl Nyberg
Nygaard Olafsen Reitan Riise Rosenberg Sandberg Sandnes Skaug Skog Stangeland Stokke Sunde Svensson
Teigen Thoresen Torp Wang Westby Wilhelmsen Aarnes Løvås Nordstrand Økland Grande Gran Vatne Hjelle Røed
Øverby Haugan Ramberg Bergh Jahren Lunden Nordhagen Rognes Sletten Stenersen Sørlie Tørresen Vestli
Hegdal Gjersvik Bøhn Kvalvåg Aamodt Aarvik Bakkevik Barstad Bratli Brenden Dybvik Eggen Flaten Fjellheim
Folkestad Granli Grimstad Hafstad Hatlestad Hella Hellesø Hjelmeland Holter Kaspersen Kvale Leirvik
Lillevik Lyngstad Moland Myrland Mæland Nordvik Nærland Ottersen Presthus Rindal Sagen Skjærstad
Solvang Sveen Thorvaldsen Torvik Ueland Ulvestad Vangen Vatnaland Vestvik Vinje Ytterdal Åsheim Østby
Ødegårdstuen Berget Mjøs Tennfjord Sollie Storm Brenna Skjelstad Kvernmo Eikeland Hetland Sivertsen
Pettersen Olaisen Gabrielsen Samuelsen Jonassen Markussen Mathiassen Adolfsen Benjaminsen Hagelund
"""

WORLD_SURNAMES = """
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Martin Lee
Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker
Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Murphy Cook
Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Gray
James Bennett Hughes Price Sanders Myers Long Ross Foster O'Brien O'Connor O'Neill O'Sullivan O'Donnell
O'Reilly McDonald MacDonald McLeod MacLeod McCarthy McKenzie MacKenzie McGregor McLaughlin
Mohammed Muhammad Mohamed Mohammad Ahmed Ahmad Ali Hassan Hussein Hussain Hosseini Ahmadi Rezaei Mohammadi
Karimi Moradi Jafari Rahimi Hashemi Mousavi Sadeghi Ghasemi Kazemi Rostami Heidari Akbari Nazari Amini
Ebrahimi Bagheri Jalali Sharifi Azizi Mahmoudi Tehrani Shirazi Farahani Ahmadzai Popal Noori Sultani
Rahmani Hakimi Stanekzai Safi Wardak Amiri Habibi Yousufzai Durrani Haidari Sadat Naseri Qaderi
Abdi Abdullahi Farah Omar Jama Warsame Yusuf Nur Osman Ismail Aden Mohamud Egal Duale Guled Hersi
Jibril Samatar Shire Elmi Dirie Barre Abdirahman Said Gedi Mahamud Hirsi Isse Adan Awale Hashi Abdille
Khalif Musse Dahir Ibrahim Haji Sheikh Aw Warsama
Haddad Khalil Mahmoud Abdullah Saleh Youssef Nasser Mansour Hamdan Othman Suleiman Darwish Khoury Aziz
Jaber Salem Kassem Alhassan Alkhalil Almohammad Alhussein Alabdullah Alali Alahmad Alsaleh Alomar
Hamad Hamid Rashid Karim Barzani Talabani Hama Kurdi Amin Baban Zebari Mustafa Mahmud Qadir Faraj Ismael
Tesfay Tesfaye Haile Gebremedhin Gebreyesus Tesfamariam Tekle Berhe Kidane Ghebremichael Woldemichael
Habte Mehari Asmerom Yemane Tewelde Andemariam Negash Weldu Abraha Tsegay Hagos Ghirmay Kahsay Zerai
Ogbazghi Mebrahtu Fitwi Teklehaimanot Gebru Tsegaye Tadesse Alemu Bekele Girma Mengistu Woldu Kahsai
Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Truong Dinh Lam Luu Cao Trinh
Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Ramos Aquino Villanueva Castillo Flores Gonzales
Fernandez Lopez Rivera Santiago Dizon Manalo Pascual Soriano Tolentino Mercado Aguilar Navarro Domingo
Salazar Delacruz Macapagal Magbanua Dimaculangan
Srisuk Saetang Wongsa Chaiyaporn Boonmee Sukhum Thongchai Kaewkla Sangthong Phromma Srisawat Jaidee
Yılmaz Yilmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan
Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Aktaş Bulut Keskin Ünal Özer Tekin
Ivanov Ivanova Smirnov Smirnova Popov Popova Kuznetsov Kuznetsova Petrov Petrova Sokolov Sokolova
Volkov Volkova Kozlov Kozlova Novikov Novikova Morozov Morozova Pavlov Pavlova Fedorov Fedorova
Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Oliinyk Melnyk Koval Boyko Kovalchuk Moroz Lysenko
Marchenko Rudenko Savchenko Petrenko Polishchuk Kovalev Vasylenko Hrytsenko Levchenko Kostenko
Singh Kaur Sharma Patel Kumar Gupta Reddy Iyer Nair Menon Rao Das Joshi Mehta Shah Verma Agarwal Chopra
Malhotra Kapoor Bhat Pillai Gill Sandhu Sidhu Dhillon Grewal Chaudhry Chaudhary Qureshi Butt Iqbal
Malik Mirza Rana Raza Rizvi Siddiqui Sheikh Javed Aslam Akhtar Anwar Bashir Hayat Latif Mahmood Nawaz
Rehman Saeed Shahid Yousaf Zaman Abbas Ashraf Hanif Hameed Rafiq Riaz Sabir Tariq Zafar Arshad Haider
Sivakumar Rajendran Sivanesan Thevarajah Kanagaratnam Selvarajah Jeyaratnam Navaratnam Balasingham
Srinivasan Ponnambalam Kandiah Nadarajah Sivalingam Yogarajah Arulanandam Thurairajah Vijayakumar
Murugesu Ratnam Sivarajah Paramanathan Thambirajah Kumaraswamy Sinnathurai Velupillai
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang Xie Song
Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren
Shen Yao Fang Jin Tan Wong Chan Chang Cheung Leung Lau Ng Yip Tsang Kwok Kim Park Choi Jung Kang
Nowak Kowalski Kowalska Wiśniewski Wiśniewska Wójcik Kowalczyk Kamiński Kamińska Lewandowski
Lewandowska Zieliński Zielińska Szymański Szymańska Woźniak Dąbrowski Dąbrowska Kozłowski Kozłowska
Jankowski Jankowska Mazur Kwiatkowski Kwiatkowska Krawczyk Piotrowski Piotrowska Grabowski Grabowska
Nowakowski Pawłowski Michalski Nowicki Adamczyk Dudek Zając Wieczorek Jabłoński Król Majewski Olszewski
Jaworski Wróbel Malinowski Pawlak Witkowski Walczak Stępień Górski Rutkowski Michalak Sikora Ostrowski
Baran Duda Szewczyk Tomaszewski Pietrzak Marciniak Wróblewski Zalewski Jakubowski Jasiński Zawadzki
Kazlauskas Jankauskas Petrauskas Stankevičius Vasiliauskas Žukauskas Butkus Paulauskas Urbonas
Kavaliauskas Balčiūnas Navickas Ramanauskas Savickas Rimkus Kazlauskienė Jankauskienė Petrauskienė
Kazlauskaitė Jankauskaitė Petrauskaitė Vaitkus Mockus Adomaitis Sakalauskas Baranauskas Stankevičienė
Bērziņš Kalniņš Ozoliņš Jansons Liepiņš Krūmiņš Tamm Saar Sepp Mägi Kask
Popescu Ionescu Popa Stan Dumitru Constantin Gheorghe Stoica Munteanu Matei
Hodžić Hadžić Kovačević Babić Marić Jurić Horvat Novak Petrović Jovanović Nikolić Marković Đorđević
Hoxha Krasniqi Berisha Gashi Shala Morina Kelmendi Bytyqi Rexhepi Ahmeti
Papadopoulos Georgiou Dimitriou Nikolaou
Rodriguez Martinez Hernandez Gonzalez Perez Sanchez Ramirez Gomez Diaz Morales Jimenez Ruiz Alvarez
Romero Gutierrez Ortiz Silva Oliveira Souza Costa Pereira Almeida Ferreira Rodrigues Carvalho
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf
Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Werner Krause Lehmann Köhler
Dubois Durand Lefebvre Leroy Moreau Laurent Lefevre Girard Bonnet Dupont
Okafor Okonkwo Adeyemi Mensah Owusu Boateng Asante Osei Diallo Traoré Keita Touré Ndiaye Diop
Yamamoto Tanaka Suzuki Watanabe Takahashi Nakamura Kobayashi Sato
"""

EXTRA_GIVEN = """
Jan Per Bjørn Ole Lars Kjell Knut Arne Svein Thomas Hans Geir Tor Morten Terje Odd Erik Martin Andreas
John Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida Nina
Maria Elisabeth Kristin Jonas Emma Nora Sofie Olivia Emil Noah Oliver Aksel Filip Ola Trond Rune Harald
Jon Espen Eirik Frode Øyvind Kristian Stian Tore Gunnar Rolf Leif Helge Jørgen Dag Olav Steinar Sverre
Magnus Sindre Sander Henrik Mathias Markus Tobias Elias Isak Lukas Jakob William Johannes Sebastian
Kristoffer Håkon Vegard Ådne Trym Torstein Eskil Mats Sigurd Sølve Ivar Vidar Ketil Kåre Asbjørn Arild
Roar Jarle Kenneth Glenn Ronny Tommy Christian Alexander Daniel Fredrik Petter Even Amund Audun Halvard
Mette Hege Tone Siri Silje Ingunn Kirsten Gro Anette Heidi Camilla Monica Line Linn Linda Lene Bente
Grethe Gerd Ragnhild Torill Tove Wenche Unni Laila Eli Else Aud Åse Synnøve Sissel Ellen Karin Trine
Cecilie Hanne Hanna Ingeborg Maren Martine Thea Tiril Vilde Frida Sara Ella Leah Maja Ingrid Selma
Amalie Julie Mari Marte Guro Sigrid Signe Ragnhild Åshild Torunn Reidun Jorunn Gunhild Borghild Oddny
Oddbjørg Ragnar Torbjørn Oddvar Kolbjørn Arnfinn Ottar Sigmund Einar Eivind Gaute Vebjørn Brage Ulrik
Mohammed Muhammad Mohamed Mohammad Ahmad Ahmed Ali Hassan Hussein Hussain Fatima Aisha Ayesha Abdi
Abdullahi Abdullah Abdirahman Abdirizak Abdikarim Ayaan Hodan Faadumo Fadumo Xamse Hamse Liban Warsame
Farah Hawa Sahra Ifrah Nimco Deeqa Hibaaq Khadra Filsan Muna Sagal Asad Mustafe Yusuf Guled Mahad Ilhan
Hamdi Ubah Amina Halima Khadija Maryan Maryam Zamzam Fartun Sadia Hamza Bilal Usman Imran Kamran Zeeshan
Faisal Shahid Tariq Asif Saima Nadia Sana Rabia Hina Shazia Samina Nasreen Iram Uzma Sidra Mahnoor
Zainab Haris Adeel Waqas Naveed Sajid Arshad Javed Khalid Rashid Nadeem Omar Umar Yasir Junaid Fahad
Rebin Dilan Rojin Kawa Shvan Hawre Soran Berivan Zana Avan Shilan Hevi Baran Azad Sherko Dler Hemin
Tesfay Tesfaye Haile Yonas Yohannes Dawit Filmon Merhawi Senait Selam Saba Semhar Yordanos Mehari Kidane
Berhane Tekle Tsegay Abrham Danait Ruta Luwam Mussie Biniam Yosief Robel Helen Eden Hiwet Hagos Natnael
Minh Anh Linh Hoa Huong Thanh Tuan Hung Dung Lan Mai Trang Thu Hai Nam Long Duc Quang Phuong Ngoc Hanh
Hien Khanh Vy Bao Thao Hieu Huy Khoa Thuy Tien Tam Nhung Loan Hang
Jose Angelica Jennifer Rowena Marites Arnel Rodel Jomar Maricel Jocelyn Lorna Analyn Rhea Mylene
Somchai Somsak Malee Siriporn Nattaya Pornthip Kanya Supaporn Wanida Sunisa Araya Ratana Suda Nok
Ploy Noi Lamai Kannika Jintana Pranee Sompong Anong
Reza Hossein Mehdi Amir Saeed Hamid Majid Farhad Dariush Babak Kaveh Arash Parisa Fatemeh Zahra Shirin
Nasrin Leila Mina Neda Azadeh Golnaz Shabnam Roya Yasmin Ladan Mahsa Niloufar Wahid Rahmatullah
Zabihullah Najib Gulalai Malalai Mursal Freshta Zarghona Nilofar Rahima Sediqa Mariam Habib Jawad
Olga Natalia Natalya Tatiana Tatyana Svetlana Irina Elena Anastasia Yulia Oksana Olena Iryna Kateryna
Viktoriia Viktoria Dmitry Dmitri Dmytro Sergei Sergey Serhii Oleksandr Andriy Andrii Volodymyr Mykola
Vitaliy Yuriy Ihor Bohdan Taras Vasyl Maksym Artem Nikita Ivan Alexei Aleksei Mikhail Vladimir Pavel
Yevhen Oleh Roman Anton Denys Halyna Liudmyla Nataliia Tetiana Larysa Valentyna Alina Daria Polina
Rahul Amit Priya Anjali Rohit Vikram Suresh Ramesh Lakshmi Deepak Arjun Sanjay Sunita Pooja Neha
Kavita Ravi Anil Sunil Raj Ajay Vijay Harpreet Gurpreet Manpreet Jaspreet Simran Navjot Amandeep Harjit
Tharshan Thushanthan Kajan Sinthuja Mathuja Kirushanthi Nirosha Prasanth Jeyakumar Thilak Vithya
Sharmila Kavitha Thivya Kowsalya Niroshan Sajeevan Kajeepan Mathusha Pirashanth
Wei Jing Xiaoming Lei Yan Ying Hui Min Jun Hao Yi Fang Lin Ping Mei Xin Jie Yang Li Na Xiaoli Jian
Tomasz Piotr Krzysztof Andrzej Paweł Michał Marcin Jakub Łukasz Grzegorz Mateusz Kamil Dawid Szymon
Agnieszka Katarzyna Małgorzata Joanna Magdalena Monika Ewa Aleksandra Justyna Karolina Marta Beata
Tomas Mantas Lukas Darius Andrius Mindaugas Vytautas Giedrius Rasa Ieva Agnė Rūta Jurgita Inga Laura
Kristina Aušra Vilma Egidijus Gintaras Saulius Arūnas Rimantas Audrius Donatas Dovydas Paulius
Mehmet Mustafa Ahmet Hüseyin Hasan İbrahim Emre Murat Burak Ayşe Fatma Emine Hatice Zeynep Elif Merve
Sarah Emily Jessica Ashley Amanda Michael David James Robert Richard Joseph Charles Christopher Matthew
Steven Kevin Brian George Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry
Justin Scott Brandon Benjamin Samuel Gregory Patrick Raymond Jack Dennis Jerry Tyler Aaron Henry Adam
Mary Patricia Linda Barbara Susan Karen Nancy Lisa Betty Margaret Sandra Donna Carol Michelle Dorothy
Melissa Deborah Stephanie Rebecca Sharon Cynthia Kathleen Amy Shirley Angela Helen Brenda Pamela Nicole
"""

# Popular Norwegian given names (Statistics Norway's lists, all generations). Taken as names even
# where a dictionary knows the word ("tuva", "hallvard"), except the ones in STAY_AMBIGUOUS.
NO_GIVEN = """
Jakob Emil Noah Oliver Filip William Lucas Liam Henrik Oskar Aksel Theodor Elias Kasper Magnus Johannes
Isak Mathias Tobias Olav Sander Ludvig Adrian Jonas Leon Teodor Alexander Markus Benjamin Sebastian
Håkon Even Sigurd Vetle Mikkel Johan Martin Brage Gustav Felix Iver Torstein Kristian Sondre Eskil Eirik
Ulrik Edvard Olai Birk Storm Odin Tiago Theo Noel Matheo Adam Ask Jens Herman Nikolai Mats Vegard Ola
Kristoffer Halvor Erlend Audun Amund Gaute Hallvard Torbjørn Ivar Sverre Ørjan Øystein Ragnar Snorre
Trygve Vidar Stig Lasse Joakim Marius Simen Sivert Petter Jørgen Tord Bendik Anders Andreas Daniel
Fredrik Christoffer Stian Thomas Espen Morten Geir Rune Tor Terje Knut Arne Svein Kjell Jan Per Bjørn Ole
Lars Hans Odd Erik Nils Harald Kåre Leif Rolf Einar Gunnar Helge Tore Steinar Frode Trond Roger Tom Dag
Kenneth Jon Egil Atle Arild Jostein Bård Håvard Sindre Kjetil Asle Yngve Arvid Sigmund Reidar Alf Finn
Magne Ove Pål Øyvind Eivind Aslak Torgeir Tollef Torleif Kolbjørn Håvar Eilif Ingvar Ingvald Gjermund
Sølve Tarjei Vebjørn Eindride Bjarte Bjarne Oddvar Oddbjørn Asbjørn Jarle Roald Rasmus Jesper Mads
Nora Emma Olivia Ella Sofie Leah Frida Ingrid Sara Maja Astrid Selma Ada Sofia Amalie Hedda Alma Tiril
Vilde Emilie Thea Ida Aurora Hanna Mathilde Maria Sigrid Julie Mia Iben Eva Live Tuva Hedvig Marte
Linnea Jenny Agnes Signe Oda Ingeborg Othilie Mille Andrea Vilja Ronja Sunniva Hermine Idun Solveig Silje
Ane Kaja Marie Martine Mari Synne Malin Maren Karoline Kristine Camilla Ingvild Guro Hege Kari Anne Inger
Liv Berit Marit Randi Bjørg Gerd Eli Hilde Heidi Tone Nina Monica Linda Lene Line Hanne Trine Siri
Kristin Ragnhild Torunn Turid Grete Mona Elin Elisabeth Wenche Tove Unni Ellen Bente Sissel Vigdis
Reidun Gunn Åse Sølvi Sølvei Aud Jorunn Kirsti Irene Ingunn Marianne Cecilie Anette Ann Karianne Kjersti
Merete Janne Gry Laila Lisbeth Solfrid Oddny Signy Ragna Borghild Gunvor Ingebjørg Edel Magnhild Dagny
Torill Vibeke Siv Mette Stine Tonje Hilde Veronica Eirin Ragnfrid Gudrun Tordis Jofrid Sigrun Evjen
Mehret Ikran Tarek Behnaz Filmon Zeeshan
"""
STAY_AMBIGUOUS = set(words("per dag tor rune stein liv sol ask storm finn odd even live hans vår"))

# Names whose common-word sense is rare in chat, so that a capitalised mention alone is a name.
# (wordfreq counts the name and the word together, so this judgement cannot be automated.)
FORCE_UNAMBIGUOUS = words("""
john james david michael robert richard thomas charles george edward henry peter paul mary patricia
jennifer linda elizabeth susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly
emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia
kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra
rachel catherine carolyn janet maria heather diane julie joyce victoria kelly christina joan evelyn
lauren judith olivia martha cheryl megan andrea hannah jacqueline ann jean alice kathryn gloria
teresa sara janice doris julia madison judy theresa beverly denise marilyn danielle abigail brittany
diana natalie sophia alexis lori kayla jane mette hege synne svein geir stig siv bjørn arve kai
trond lars ole anne kari jan eva ida nina silje marit ingrid hilde tone heidi linn line elin mari
marte stine vibeke unni randi berit tove turid torill grete bente ellen inger karin kristin solveig
astrid sigrid ragnhild hanne hanna ingeborg jonas emil noah oliver aksel filip magnus henrik mathias
markus tobias elias isak lukas jakob william sander sindre amund audun jørgen torbjørn steinar
sverre olav eivind einar gaute øyvind espen eirik frode kristian stian tore gunnar rolf leif helge
harald trym ådne torstein eskil mats sigurd ivar vidar ketil kåre asbjørn arild roar jarle kenneth
glenn ronny tommy christian alexander daniel fredrik petter arne knut kjell terje morten erik martin
andreas mohammed muhammad mohamed ahmed ahmad ali hassan hussein fatima aisha amina maryam omar
yusuf farah nguyen tran pham hoang singh kaur khan shah wang zhang chen liu yang huang zhao zhou wu
smith johnson williams jones davis wilson anderson taylor moore jackson harris clark lewis robinson
allen wright scott adams nelson mitchell roberts phillips campbell evans edwards collins stewart
murphy rogers morgan peterson bailey kelly richardson watson hughes sanders myers foster hansen
johansen olsen larsen andersen pedersen nilsen berg haugen hagen dahl lund strand solberg eide
bakken lie moe holm lien hauge aas vik haug berge bakke brekke tveit myhre næss lunde aune rød ruud
carl karl benjamin charlotte johannes helena irene ruth harry jerry jimmy johnny tom kim otto lena
ella maren mads erling lene lise tina tine trine rita rikke malene sanne lotte signe hamza agnes
angelica anil carina beryl billy bobby darren dorte eden flemming gitte graham jenny jette jill
randy rene sally sheila tammy terry timothy ulla ulrika vagn verner willy åke åsa olof sture lotta
lill gro nora mina ruta rhea raj dung hui mei trang tam lone avan aud helle bjerke bjørklund
bjørnstad nygård haugland sandberg skoglund solbakken nordstrand fjellheim hjelmeland
langeland sundby teigen tofte eggen flaten gjerde kleven husby holter stokke
sletten løken wold vold våge vangen vatne stene torp holmen tangen engen
""")

# Words that look like names to a gazetteer but are not, in bank chat (never part of a PERSON span).
NOT_NAMES = """
hei heisann hallo hello hi hey takk tusen thanks mvh hilsen regards dear kjære
dnb nordea sparebank sparebanken sparebank1 handelsbanken danske storebrand klp gjensidige vipps bankid
visa mastercard klarna paypal apple google samsung telenor telia posten skatteetaten nav altinn
lånekassen husbanken santander bluestep komplett ikea elkjøp rema kiwi coop meny joker bunnpris
equinor norwegian sas widerøe ruter revolut skandiabanken sbanken bulder kredinor intrum lindorff
tryg fremtind frende eika landkreditt instabank resursbank resurs bank amex americanexpress
diners swish mobilepay applepay googlepay facebook instagram messenger whatsapp snapchat tiktok microsoft
windows android iphone ipad netflix spotify amazon ebay aliexpress temu zalando tesla volvo toyota
aino chatbot robot rådgiver rådgiveren kundebehandler kundeservice assistent
adviser advisor agent support operatør saksbehandler kundesenter chat
norge noreg norway norsk norwegian sverige danmark europa europe england
britain british english swedish danish german french spanish polish american indian pakistani somali
norske svensk dansk tysk engelsk euro dollar kroner kr nok usd eur sek dkk iban bic swift kid bsu ips
"""

# Words that are not names on their own, but may be one in context when they are also names
# (months and weekdays: "Mai Nguyen", "August Hansen"; places: "Halden", "Lund"; the site "Finn").
SOFT_NOT_NAMES = """
mandag tirsdag onsdag torsdag fredag lørdag søndag monday tuesday wednesday thursday friday saturday
sunday januar februar mars april mai juni juli august september oktober november desember january
february march may june july october december jan feb mar apr jun jul aug sep sept okt oct nov des dec
finn ask bot sweden denmark finland
"""

# Norwegian municipality / place names: never names on their own, but ambiguous when they are also names.
PLACES = """
Alta Arendal Askim Bergen Bodø Brekstad Brevik Brumunddal Bryne Brønnøysund Drammen Drøbak Egersund
Elverum Fagernes Farsund Fauske Finnsnes Flekkefjord Florø Fosnavåg Fredrikstad Førde Gjøvik Grimstad
Halden Hamar Hammerfest Harstad Haugesund Hokksund Holmestrand Honningsvåg Horten Jessheim Jørpeland
Kirkenes Kolvereid Kongsberg Kongsvinger Kopervik Kragerø Kristiansand Kristiansund Langesund Larvik
Leirvik Leknes Levanger Lillehammer Lillesand Lillestrøm Lyngdal Mandal Molde Mosjøen Moss Mysen Måløy
Namsos Narvik Notodden Odda Orkanger Oslo Otta Porsgrunn Risør Rjukan Røros Sandefjord Sandnes
Sandnessjøen Sandvika Sarpsborg Sauda Setermoen Ski Skien Skudeneshavn Sogndal Sortland Stathelle
Stavanger Stavern Steinkjer Stjørdal Søgne Tananger Tromsø Trondheim Tønsberg Ulsteinvik Vadsø Vardø
Vennesla Verdal Vinstra Ålesund Åndalsnes Asker Bærum Lørenskog Nittedal Oppegård Ås Frogn Nesodden
Vestby Eidsvoll Ullensaker Nannestad Gjerdrum Sørum Fet Rælingen Enebakk Aurskog Lier Røyken Hurum
Nedre Eiker Øvre Eiker Modum Ringerike Hole Jevnaker Lunner Gran Hadeland Valdres Gol Hemsedal Nes
Voss Os Stord Bømlo Sveio Karmøy Tysvær Time Klepp Hå Sola Randaberg Strand Hjelmeland Suldal Sirdal
Lund Vik Lom Vågå Sel Dovre Lesja Skjåk Tynset Rena Trysil Kvinesdal Lindesnes Farsund Evje Valle
Grenland Bø Seljord Kviteseid Tinn Nore Rollag Flå Nesbyen Ål Hol Geilo Fana Åsane Laksevåg Arna
Bjerke Grorud Stovner Alna Østensjø Nordstrand Søndre Frogner Grünerløkka Sagene Majorstuen Gamle
Holmenkollen Tåsen Nydalen Skøyen Lysaker Fornebu Bislett Tøyen Grønland Vålerenga Furuset Romsås
Viken Vestland Rogaland Agder Innlandet Nordland Troms Finnmark Trøndelag Akershus Østfold Buskerud
Vestfold Telemark Hedmark Oppland Hordaland Sogn Fjordane Møre Romsdal Vestlandet Sørlandet Nord-Norge
London Paris Berlin Stockholm København Copenhagen Göteborg Gøteborg Helsinki Warszawa Warsaw Vilnius
Riga Manila Bangkok Mogadishu Kabul Teheran Tehran Islamabad Karachi Lahore Delhi Mumbai Beijing Shanghai
Hanoi Ankara Istanbul Moskva Moscow Kyiv Kiev Damaskus Damascus Bagdad Baghdad Asmara Colombo Dubai
Gdansk Krakow Kraków Kaunas Erbil Aleppo Hargeisa Nairobi Addis Abeba Madrid Barcelona Roma Rome Amsterdam
"""

PARTICLES = "van von de der den da di del dela della dos das do du la le bin ibn bint binti al el abu ben ter mc mac"

# --- helpers -----------------------------------------------------------------------------------------

_FOLD = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "ı": "i", "ł": "l", "đ": "d", "ß": "ss", "œ": "oe"})
_NORDIC_FOLD = str.maketrans({"ø": "oe", "æ": "ae", "å": "aa"})


def fold_variants(word: str) -> set[str]:
    """ASCII spellings people type without a Norwegian keyboard ("Sorensen", "Soerensen", "Nygaard")."""
    out = set()
    for table in (_FOLD, _NORDIC_FOLD):
        w = word.translate(table)
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
        out.add(w)
    out.discard(word)
    return {w for w in out if w.isascii()}


def latin(name: str) -> bool:
    """Only Latin-script names: the recognizer's typos and case logic is written for those."""
    return all(
        not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name
    ) and any(c.isalpha() for c in name)


_CYR = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
        words("""
a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i ye yi g
"""),
        strict=True,
    )
)


def translit(word: str) -> str:
    """Plain scientific-ish transliteration of Russian/Ukrainian names, as they appear in Norwegian IDs."""
    out = []
    for c in word.lower():
        t = _CYR.get(c, c)
        out.append("" if t == "-" else t)
    return "".join(out)


#: nam_dict frequency from which a name is "well known" here: a frequent word it collides with is
#: only taken as a common word when hunspell confirms it (see ``common_words``).
WELL_KNOWN = {"norway": 4, "denmark": 5, "sweden": 5, "great_britain": 5, "usa": 5, "ireland": 5}


def namdict_given(path: Path, well_known: set[str]) -> set[str]:
    """Given names from Jörg Michael's nam_dict.txt with enough frequency in the countries we serve.

    Adds the names that are frequent in Norway and English-speaking countries to ``well_known``.
    """
    names: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw or raw[0] in "#=" or (len(raw) > 29 and raw[29] == "+"):
            continue
        name = raw[3:29].strip()
        values = raw[30 : 30 + len(NAMDICT_COLUMNS)]
        keep = False
        for col, ch in zip(NAMDICT_COLUMNS, values, strict=False):
            if not ch.strip():
                continue
            freq = int(ch, 16)
            if col in NAMDICT_COUNTRIES and freq >= NAMDICT_COUNTRIES[col]:
                keep = True
            if col in WELL_KNOWN and freq >= WELL_KNOWN[col]:
                well_known.add(name.lower())
        if not keep:
            continue
        if "+" in name:  # Arabic/Chinese/Korean compounds: "Abdul+Ahad" -> Abdulahad, Abdul-Ahad, parts
            parts = name.split("+")
            names.update({"".join(parts), "-".join(parts), *parts})
        else:
            names.add(name)
    return {n for n in names if latin(n)}


def mimesis_names(locales: Iterable[str]) -> tuple[set[str], set[str]]:
    import mimesis

    base = Path(mimesis.__file__).parent / "datasets"
    given: set[str] = set()
    surnames: set[str] = set()
    for loc in locales:
        data = json.loads((base / loc / "person.json").read_text(encoding="utf-8"))
        for group in data["names"].values():
            given.update(group)
        sur = data["surnames"]
        for group in sur.values() if isinstance(sur, dict) else [sur]:
            surnames.update(group)
    for loc in CYRILLIC_LOCALES:
        data = json.loads((base / loc / "person.json").read_text(encoding="utf-8"))
        for group in data["names"].values():
            given.update(translit(n).capitalize() for n in group)
        sur = data["surnames"]
        for group in sur.values() if isinstance(sur, dict) else [sur]:
            surnames.update(translit(n).capitalize() for n in group)
    return _single_words(given), _single_words(surnames)


def _single_words(names: set[str]) -> set[str]:
    return {n for n in names if latin(n) and " " not in n}


def mimesis_places() -> set[str]:
    """City and country names (Norwegian and English spellings), one token each."""
    import mimesis

    base = Path(mimesis.__file__).parent / "datasets"
    out: set[str] = set()
    for loc in ("no", "en"):
        data = json.loads((base / loc / "address.json").read_text(encoding="utf-8"))
        names = list(data["country"]["name"]) + (list(data["city"]) if loc == "no" else [])
        for name in names:
            out.update(t for t in name.replace("-", " ").split() if t[:1].isupper())
    return out


def hunspell_known(candidates: Iterable[str], dictionary: str) -> set[str]:
    """The subset of ``candidates`` hunspell accepts *as written* (lower case: a common word)."""
    cands = sorted(set(candidates))
    proc = subprocess.run(
        ["hunspell", "-d", dictionary, "-l"],
        input="\n".join(cands) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    rejected = set(proc.stdout.split("\n"))
    return {w for w in cands if w not in rejected}


#: A word this frequent (Zipf) is common even if hunspell lacks it (Debian's nb_NO has no "noe", "noen").
SURE_ZIPF = 4.0


def common_words(well_known: set[str]) -> tuple[set[str], set[str]]:
    """Frequent words that are real words, Norwegian and English (lower case).

    wordfreq counts "Kari" and "kari" alike, so frequency alone would make every popular name a common
    word. A frequent word counts when hunspell knows it in lower case, or when it is very frequent and
    not a well-known name.
    """
    import wordfreq

    common: set[str] = set()
    frequent: set[str] = set()
    for lang, dic in (("nb", "nb_NO"), ("en", "en_US")):
        zipf = {
            w: wordfreq.zipf_frequency(w, lang, wordlist="large")
            for w in wordfreq.top_n_list(lang, TOP_WORDS, wordlist="large")
            if w.isalpha() and len(w) > 1
        }
        top = [w for w, z in zipf.items() if z >= MIN_ZIPF]
        common |= hunspell_known(top, dic)
        frequent |= {w for w in top if zipf[w] >= SURE_ZIPF and w not in well_known}
    # Words of one letter and the chat words people use at the start of a sentence.
    common |= set(words("""
i a å o e ok hei hallo takk mvh jeg du vi de dere han hun hva hvor når kan
"""))
    # Dialect and chat spellings that collide with short Asian names ("hu" = she, "ka" = what).
    common |= set(words("""
hu ho eg ka ke kva ittj ikkje mæ dæ sæ dokker dem døkk nå na sa va vart
"""))
    return common, frequent - common


def typo_reference(out: Path) -> set[str]:
    """The most frequent common words (4+ letters, no names): a capitalised word one edit away from one
    of them is more likely a typo ("Loggin", "Pengenne", "emil") than a name nobody has heard of.

    Derived from the already written ``common_words.txt`` and name lists, so it can be rebuilt alone.
    """
    import wordfreq

    def listed(name: str) -> set[str]:
        lines = (out / name).read_text(encoding="utf-8").splitlines()
        return {w.strip() for w in lines if w.strip() and not w.startswith("#")}

    common = listed("common_words.txt")
    names = set().union(*(listed(n) for n in ("given_names.txt", "surnames.txt", "well_known_given.txt")))
    names |= listed("ambiguous_given.txt") | listed("ambiguous_surnames.txt")
    top: set[str] = set()
    for lang in ("nb", "en"):
        for w in wordfreq.top_n_list(lang, TYPO_REFERENCE_WORDS, wordlist="large"):
            if len(w) >= 4 and w.isalpha() and w in common and w not in names:
                top.add(w)
    return top | listed("chat_words.txt")


def write(path: Path, header: str, items: Iterable[str]) -> int:
    rows = sorted(set(items))
    body = "".join(f"# {line}\n" for line in header.strip().splitlines()) + "".join(f"{r}\n" for r in rows)
    path.write_text(body, encoding="utf-8")
    return len(rows)


def write_typo_reference(out: Path) -> int:
    return write(
        out / "typo_reference.txt",
        "The most frequent common words without names (wordfreq CC-BY-SA-4.0): a word one edit away from\n"
        "one of them is a typo, not an unknown name.",
        typo_reference(out),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--typo-reference-only", action="store_true", help="rebuild only typo_reference.txt from the other lists"
    )
    args = parser.parse_args()
    if args.typo_reference_only:
        write_typo_reference(args.out)
        return
    if shutil.which("hunspell") is None:
        raise SystemExit("hunspell is required at build time: apt-get install hunspell hunspell-no hunspell-en-us")

    import gender_guesser  # build-time only

    nam_dict = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    well_known: set[str] = set()
    given = namdict_given(nam_dict, well_known)
    m_given, m_sur = mimesis_names(MIMESIS_LOCALES)
    given |= m_given | set(words(EXTRA_GIVEN)) | set(words(NO_GIVEN))
    surnames = m_sur | set(words(NO_SURNAMES)) | set(words(WORLD_SURNAMES))
    well_known |= {w.lower() for w in words(EXTRA_GIVEN + NO_GIVEN + NO_SURNAMES + WORLD_SURNAMES)}
    well_known |= {w.lower() for w in mimesis_names(("no", "en"))[1]}

    low_given = {n.lower() for n in given}
    low_sur = {n.lower() for n in surnames}
    for s in (low_given, low_sur):
        s |= {v for n in list(s) for v in fold_variants(n)}
        s -= {n for n in s if len(n) < 2}

    common, frequent = common_words(well_known)
    forced = (set(FORCE_UNAMBIGUOUS) | {w.lower() for w in words(NO_GIVEN)}) - STAY_AMBIGUOUS
    not_names = {w.lower() for w in words(NOT_NAMES)}
    places = {w.lower() for w in words(PLACES) + words(SOFT_NOT_NAMES) + sorted(mimesis_places())}
    places |= {v for w in places if len(w) > 3 for v in fold_variants(w)}
    not_names |= {v for w in not_names if len(w) > 3 for v in fold_variants(w)}
    particles = set(words(PARTICLES))
    not_names -= particles
    places -= particles

    all_names = low_given | low_sur
    # Places that are also names need context; other places and the brand/role words never are names.
    ambiguous = ((all_names & (common | frequent)) | (all_names & places)) - forced
    not_names -= all_names & places
    not_names |= places - all_names

    given_out = low_given - ambiguous - not_names
    sur_out = low_sur - ambiguous - not_names
    amb_given = (low_given & ambiguous) - not_names
    amb_sur = (low_sur & ambiguous) - not_names
    common_out = (common | places) - given_out - sur_out
    frequent_out = frequent - common_out - given_out - sur_out

    soft_names = all_names & places - forced

    well_known_given = {n for n in given_out if n in well_known and len(n) > 2}

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    lic_names = (
        "Derived by tools/build_gazetteer.py; see SOURCES.md (GFDL-1.2+ nam_dict.txt, MIT mimesis, curated)."
    )
    sizes = {
        "given_names.txt": write(out / "given_names.txt", "Given names, lower case.\n" + lic_names, given_out),
        "well_known_given.txt": write(
            out / "well_known_given.txt",
            "Given names frequent in Norway and English-speaking countries, or curated: taken as names even\n"
            "in lower case.\n" + lic_names,
            well_known_given,
        ),
        "surnames.txt": write(out / "surnames.txt", "Surnames, lower case.\n" + lic_names, sur_out),
        "ambiguous_given.txt": write(
            out / "ambiguous_given.txt", "Given names that are also common words: need context.\n" + lic_names,
            amb_given,
        ),
        "ambiguous_surnames.txt": write(
            out / "ambiguous_surnames.txt", "Surnames that are also common words: need context.\n" + lic_names,
            amb_sur,
        ),
        "common_words.txt": write(
            out / "common_words.txt",
            "Frequent Norwegian and English words (wordfreq CC-BY-SA-4.0, checked with hunspell), lower case.",
            common_out,
        ),
        "frequent_words.txt": write(
            out / "frequent_words.txt",
            "Frequent words hunspell does not confirm: mostly proper nouns and abbreviations (wordfreq\n"
            "CC-BY-SA-4.0), lower case. Common on their own, but may be a surname after a given name.",
            frequent_out,
        ),
        "not_names.txt": write(
            out / "not_names.txt", "Never part of a person's name in bank chat: brands, places, months, roles.",
            not_names,
        ),
        "soft_names.txt": write(
            out / "soft_names.txt",
            "Names that are also months, weekdays or places: a name only next to another name or after a\n"
            "strong cue (\"Mai Nguyen\", \"jeg heter August\").",
            soft_names,
        ),
        "name_particles.txt": write(
            out / "name_particles.txt", "Particles inside names (van, bin, al...).", words(PARTICLES)
        ),
    }
    sizes["typo_reference.txt"] = write_typo_reference(out)
    for name, n in sizes.items():
        print(f"{name:24} {n:7d} lines {(out / name).stat().st_size / 1024:8.0f} KiB")


if __name__ == "__main__":
    main()
