"""Small name lists used as evidence of name order, never as a lookup of known authors.

Why lists at all: "Gorton Gary" and "Gary Gorton" have the same shape. Printed reference lists
mix orders (Chicago inverts only the first author; Vietnamese and Chinese names are printed
family name first), so the parser weighs shape (initials, particles), then these lists of the
most common family names of two naming traditions and of common given names, then the list's
convention. The lists are general (census-style top names), not taken from any reference list.
"""

#: The most frequent Vietnamese family names (without and with diacritics).
VIETNAMESE_FAMILY = frozenset("""
nguyen nguyễn tran trần le lê pham phạm hoang huynh hoàng huỳnh phan vu vũ vo võ dang đặng
bui bùi do đỗ ho hồ ngo ngô duong dương ly lý dinh đinh doan đoàn trinh trịnh truong trương
luu lưu lam lâm mai cao ta tạ to tô ha hà chu la quach quách thai thái tong tống kieu kiều
""".split())

#: The most frequent Chinese family names in pinyin (one syllable; rare ones left out on purpose,
#: because many rare surnames are also common given-name syllables).
CHINESE_FAMILY = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei
su lu ding shen ren yao jin shi fu zhong tan dai fan fang kong bao duan qian qiu hou hao shao
mao meng bai cui lai chu chung kang yin ying xue gu wan qin
""".split())

#: Common given names across languages (English, Romance, German, Slavic, Nordic, Hebrew,
#: Japanese, Indian), lower case.
GIVEN_NAMES = frozenset("""
aaron adam adrian alan albert alejandro alessandro alex alexander alexandra alexei alice alicia
amanda amy ana andrea andreas andrew andrzej angela anna anne anthony antonio ariel arthur barbara
ben benjamin bernard bob brian bruce carl carlos carmen caroline catherine charles chris christian
christina christine christopher claire claudia daniel daniela david deborah dennis diana diego
dmitri dmitry donald dorota dov edward elena elisa elizabeth emily emma eric erik eva fernando
francesca francesco francisco frank gabriel gabriela gary george giovanni giuseppe gregory hannah
hans harry heinrich helen henry hiroshi hiroyuki ian igor inger irina isabel ivan jack jacob
james jan jane janice jason javier jean jennifer jessica joan joanna joao joe johan johann john
jonathan jorge jose joseph juan julia julian karen karl katarzyna kenji kevin klaus krzysztof
kumar laura laurent lewis linda lisa luca lucas luis maciej magdalena marc marco maria mario
mariusz mark marta martin mary matthew michael michal michel miguel mikhail miriam monika nancy
naoto natalia nicholas nicole nikolai olga ole oliver olivia pablo patricia patrick paul paulo
pedro peter petra philip piotr rachel rachit rafael rahul ralph raul rebecca richard robert roberto
ronald rosa ryan sandra sanjay sara sarah satoshi sergei sergey simon sofia sophie stanley stefan
stephen steven susan takashi tatiana thomas tim timothy tom tomasz tuulikki victor vladimir
walter wei william wojciech wolfgang yuki yuri
""".split())

#: Name particles that belong to the family name ("van Zyl", "De Sear", "da Silva").
PARTICLES = frozenset("van von der den de del della di da das do dos du la le ter ten bin al el y".split())

#: Words that mark a name as an organisation, kept whole as a literal name.
ORGANISATION_WORDS = frozenset("""
government ministry office bank institute institution organization organisation secretariat
association council committee commission university agency corporation group fund department
bureau foundation center centre society union court parliament congress assembly authority
board inc inc. ltd ltd. company co. plc gmbh press library network forum team project program
programme services service network nations world international national federal republic
ministério ministerio ministère ministerstwo ministerium bundesministerium instituto institut
universidade universidad université universität uniwersytet università universitas secretaria
organización organização organisation comissão comisión commissione conselho consejo conseil
tribunal supremo banco banque direktorat kementerian badan lembaga komisi mahkamah pemerintah
bộ viện sở
""".split())

#: Lower-case words that occur inside titles and organisation names but never inside a name.
FUNCTION_WORDS = frozenset("""
of on for and the in at to with from by a an as is are how why what when into its our your
und der die das für im zur zum et des du pour sur les dans la le o na i w z ze dla od
""".split()) - {"la", "le", "de", "du", "des", "der", "die", "das"}

#: Cities as a publication statement prints them, lower-cased: ABNT prints a periodical's city
#: between its name and its numbers ("Revista Jurídica, São Paulo, v. 12"), and the city is no
#: part of the name. A list of cues, not a gazetteer: the publishing cities of the languages the
#: importer reads most (Brazil's state capitals among them).
CITIES = frozenset(city.strip() for city in """
são paulo, rio de janeiro, brasília, belo horizonte, porto alegre, curitiba, florianópolis,
salvador, recife, fortaleza, belém, manaus, goiânia, campinas, niterói, vitória, natal,
joão pessoa, maceió, aracaju, teresina, são luís, cuiabá, campo grande, porto velho, macapá,
boa vista, palmas, rio branco, londrina, maringá, uberlândia, juiz de fora, pelotas, santa maria,
ribeirão preto, são carlos, lisboa, porto, coimbra, braga, madrid, barcelona, sevilla, valencia,
salamanca, buenos aires, córdoba, rosario, la plata, méxico, ciudad de méxico, guadalajara,
santiago, santiago de chile, bogotá, medellín, lima, caracas, quito, montevideo, asunción,
la paz, san josé, paris, lyon, berlin, münchen, frankfurt am main, hamburg, wien, zürich,
warszawa, kraków, wrocław, poznań, łódź, gdańsk, lublin, toruń, roma, milano, torino, bologna,
firenze, london, oxford, cambridge, new york, boston, chicago, washington, amsterdam, leiden,
bruxelles, hà nội, thành phố hồ chí minh, beijing, shanghai, tokyo, moskva, sankt-peterburg
""".replace("\n", " ").split(",") if city.strip())
