"""Small word lists the tagger's features look up: cues a reader uses, not a catalogue of works.

Why lists: a CRF sees "Verlag", "Acesso" or "Hrsg." only a few times in training; a shared
feature ("publisher cue", "access cue", "role word") lets what it learned from the English
forms carry over to other languages.
"""

from __future__ import annotations

from scholarpage.importer.plaintext.namedata import CHINESE_FAMILY, GIVEN_NAMES, VIETNAMESE_FAMILY

MONTHS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
januar februar märz maerz mai juni juli oktober dezember
janvier février fevrier mars avril juin juillet août aout septembre octobre novembre décembre
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
janeiro fevereiro março marco maio junho julho setembro outubro dezembro
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia
styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień
jan. fev. mar. abr. mai. jun. jul. ago. set. out. nov. dez. janv. févr. avr. juil. déc.
spring summer autumn fall winter
""".split())

PARTICLES = frozenset("van von der den de da das do dos du del della di le la ten ter zu y e bin ibn al el".split())

ROLE_WORDS = frozenset("""
ed ed. eds eds. (ed.) (eds.) (ed) (eds) editor editors edited hrsg hrsg. (hrsg.) herausgegeben org org.
(org.) (orgs.) orgs. coord. (coord.) red. (red.) (red) trans trans. transl. translated translator tr. übers.
trad. tradução traducción tłum. tłumaczenie przeł. пер. (trans.) (tr.) comp. (comp.) dir. (dir.)
""".split())

ACCESS_WORDS = frozenset("""
accessed retrieved viewed cited consulted acesso acessado acessed consultado consultada consulté
abgerufen zugriff zugegriffen dostęp dostep dostępne available disponível disponible verfügbar
online [online] [internet] internet [cited] [accessed] url
""".split())

PUBLISHER_WORDS = frozenset("""
press verlag editora editorial edições ediciones éditions editions publishing publishers publisher
publications books wydawnictwo wydawnictwa izdatel'stvo izdatelstvo nauka inc inc. ltd ltd. llc gmbh
co. company springer elsevier wiley routledge sage pearson mcgraw-hill cambridge oxford harvard
blackwell palgrave macmillan taylor francis academic university universidade universidad université
universität uniwersytet institute instituto institut ministry ministério ministerio department
""".split())

JOURNAL_WORDS = frozenset("""
journal j. j review rev. rev proceedings proc. proc revista zeitschrift annals ann. bulletin bull.
quarterly letters lett. acta trans. transactions science research studies studia magazine
przegląd kwartalnik cadernos estudos anais archives arch. international int. american am. european
""".split())

GENRE_WORDS = frozenset("""
thesis dissertation phd ph.d. ph.d master's masters msc tese dissertação doutorado mestrado tesis
doctoral doktorarbeit dissertation praca doktorska magisterska report working paper preprint
technical memorandum brief webinar lecture presentation slides
""".split())

EDITION_WORDS = frozenset("ed. edn edn. edition éd. aufl. auflage wyd. wydanie edição edición izd.".split())

LEGAL_WORDS = frozenset("""
act law lei ley gesetz ustawa decree decreto regulation directive u.s.c. stat. §  art. article
v. vs. court supreme dz.u. bgbl. official gazette
""".split())

VOLUME_WORDS = frozenset("vol vol. v. bd. bd t. tom tomo nr nr. no. no n. num. issue iss. heft h. part pt.".split())
PAGE_WORDS = frozenset("p. pp. p pp s. ss. str. pág. págs. page pages seiten".split())

PLACES = frozenset("""
london new york paris berlin oxford cambridge boston chicago amsterdam madrid barcelona lisboa lisbon
são paulo rio de janeiro brasília warszawa warsaw kraków krakow wrocław poznań hanoi hà nội beijing
shanghai tokyo moscow moskva moscou st. petersburg sankt-peterburg washington dc d.c. philadelphia
princeton stanford berkeley los angeles san francisco toronto montreal sydney melbourne singapore
geneva genève zürich zurich wien vienna münchen munich frankfurt hamburg leipzig stuttgart heidelberg
roma rome milano milan torino bologna firenze bruxelles brussels leiden utrecht rotterdam copenhagen
stockholm oslo helsinki dublin edinburgh glasgow manchester basel bern bern lyon bordeaux
buenos aires méxico mexico santiago bogotá lima caracas new delhi delhi mumbai calcutta hong kong
taipei seoul ho chi minh thành phố abingdon thousand oaks hoboken heidelberg dordrecht cham
""".split())

NAME_WORDS = GIVEN_NAMES | CHINESE_FAMILY | VIETNAMESE_FAMILY

STOP_WORDS = frozenset("""
the of and in on for a an to with from by at as is its or la le les des et und der die das el los
las y e o da do de del dos das em na no para com przez w z i na o dla и в на
""".split())
