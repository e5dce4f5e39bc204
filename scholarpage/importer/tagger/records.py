"""Seeded random bibliographic records (CSL-JSON) of the kinds real reference lists hold.

Why invented records: rendered through official CSL styles they give labelled strings in styles
and languages the hand-labelled corpus lacks (ABNT, Vancouver, GOST, ISO 690, DIN; Polish,
Vietnamese, Chinese, Portuguese, Spanish, German and Russian names; legal acts, theses, reports,
chapters with editors and translators, web pages with access dates). Numbers in one record never
repeat, so each printed number can be traced back to its field.
"""

from __future__ import annotations

import random

# (given names, family names) per naming tradition; particles go in their own CSL fields.
NAMES = {
    "en": ("John Mary Robert Patricia James Linda Michael Susan David Karen Thomas Nancy Paul Emily George "
           "Helen".split(),
           "Smith Johnson Brown Taylor Wilson Anderson Clarke Walker Wright Thompson Harris Robinson Lewis "
           "Hughes".split()),
    "pl": ("Katarzyna Grzegorz Małgorzata Krzysztof Agnieszka Paweł Joanna Tomasz Ewa Piotr Zbigniew Jadwiga".split(),
           "Nowak Kowalski Wiśniewska Wójcik Kamińska Lewandowski Zieliński Szymańska Woźniak Dąbrowski Kozłowska "
           "Mazur Jankowski Brzęczyszczykiewicz Szczepański".split()),
    "vi": ("Văn An;Thị Minh;Quốc Bảo;Thị Hồng;Đức Anh;Minh Tuấn;Thanh Hà;Ngọc Lan;Hữu Phước".split(";"),
           "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương".split()),
    "zh": ("Xiaoming Wei Jian Li Na Hongwei Yan Jing Zhiqiang Xiuying Guoqiang Lei".split(),
           "Wang Li Zhang Liu Chen Yang Huang Zhao Zhou Wu Xu Sun".split()),
    "pt": ("Maria José;João Paulo;Ana Clara;Luiz Carlos;Fernanda;Rodrigo;Márcia;Sérgio;Beatriz;Antônio".split(";"),
           "Silva;Santos;Oliveira;Souza;Pereira;Costa;Rodrigues;Almeida;Carvalho;Ferreira Lima;Souza Santos;"
           "Barbosa;Gonçalves".split(";")),
    "es": ("Juan Carlos;María;José Luis;Carmen;Alejandro;Lucía;Javier;Pilar;Andrés;Rocío".split(";"),
           "García Márquez;Fernández;González;Rodríguez López;Martínez;Sánchez;Pérez Galdós;Gómez;Ruiz;"
           "Díaz".split(";")),
    "de": ("Hans Jürgen;Ursula;Klaus;Brigitte;Wolfgang;Sabine;Jörg;Renate;Dieter;Gisela".split(";"),
           "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schäfer Köhler Groß Hoffmann".split()),
    "ru": ("Aleksandr;Ekaterina;Dmitrii;Ol'ga;Sergei;Tat'iana;Mikhail;Natal'ia;Vladimir;Iuliia".split(";"),
           "Ivanov;Smirnova;Kuznetsov;Popova;Vasil'ev;Petrova;Sokolov;Mikhailova;Fedorov;Morozova".split(";")),
    "fr": ("Jean-Pierre;Marie-Claire;François;Hélène;Jacques;Sylvie;Étienne;Camille".split(";"),
           "Dubois Lefèvre Moreau Laurent Girard Rousseau Fontaine Chevalier".split()),
}
PARTICLES = {"pt": ("da", "de", "dos"), "es": ("de", "del"), "de": ("von",), "en": ("van der",), "fr": ("de",)}
CJK_NAMES = (("王", "小明"), ("李", "娜"), ("张", "伟"), ("刘", "洋"), ("陈", "静"))
ORGANISATIONS = (
    "World Health Organization", "Ministério da Saúde", "U.S. Department of Energy", "Główny Urząd Statystyczny",
    "Instituto Brasileiro de Geografia e Estatística", "European Commission", "OECD", "UNESCO",
    "Bundesministerium für Bildung und Forschung", "Bộ Khoa học và Công nghệ", "National Research Council",
    "Comisión Económica para América Latina y el Caribe", "World Bank", "Statistics Canada",
)
TITLE_WORDS = {
    "en": "intellectual property securitization policy analysis evidence from emerging markets the role of "
          "innovation and growth in regional development a comparative study towards new framework for "
          "measuring public health outcomes digital platforms governance learning climate risk".split(),
    "pt": "a política de inovação no brasil uma análise comparativa dos modelos de gestão pública saúde "
          "coletiva educação desenvolvimento regional propriedade intelectual universidade empresa".split(),
    "es": "la economía del conocimiento en américa latina un estudio de caso sobre políticas públicas y "
          "desarrollo sostenible transferencia tecnológica universidades".split(),
    "pl": "rozwój innowacyjności polskich przedsiębiorstw w latach analiza porównawcza polityki publicznej "
          "zarządzanie wiedzą transfer technologii uczelnie".split(),
    "de": "die entwicklung der innovationspolitik in deutschland eine vergleichende analyse von "
          "wissenstransfer und hochschulen im wandel".split(),
    "vi": "mô hình hoạt động nào cho các sàn giao dịch khoa học và công nghệ chính sách phát triển kinh tế "
          "việt nam".split(),
    "fr": "les politiques de l'innovation en france une analyse comparée des transferts de technologie".split(),
}
JOURNALS = (
    "Journal of {a} Studies", "Revista Brasileira de {a}", "{a} Review", "Przegląd {a}", "Zeitschrift für {a}",
    "Annals of {a}", "Acta {a}", "International Journal of {a} and {b}", "Cadernos de {a}",
    "J {a} Res", "Proc Natl Acad {a}", "{a} & {b}", "Signs: Journal of {a} in {b}", "Revista de {a} y {b}",
    "Tạp chí {a}", "Studia {a}", "Ciência & {a}", "{a} Quarterly", "Research Policy", "Nature",
)
TOPICS = ("Economics", "Saúde Pública", "Innovation", "Management", "Sociologia", "Ekonomii", "Wirtschaft",
          "Public Health", "Education", "Law", "Política", "Khoa học", "Technology", "Medicine", "History")
PUBLISHERS = ("Routledge", "Springer", "Editora Atlas", "Wydawnictwo Naukowe PWN", "Suhrkamp Verlag",
              "Cambridge University Press", "Fondo de Cultura Económica", "Nhà xuất bản Khoa học Xã hội",
              "Izdatel'stvo Nauka", "Elsevier", "Oxford University Press", "Editora Vozes", "Peter Lang",
              "Presses Universitaires de France", "Edward Elgar")
PLACES = ("London", "New York", "São Paulo", "Warszawa", "Berlin", "Frankfurt am Main", "Madrid", "Hà Nội",
          "Moskva", "Oxford", "Rio de Janeiro", "Kraków", "Paris", "Cheltenham", "Cambridge, MA", "Beijing")
SCHOOLS = ("Universidade de São Paulo", "Uniwersytet Warszawski", "Stanford Law School",
           "Humboldt-Universität zu Berlin",
           "Universidad de Buenos Aires", "Vietnam National University", "Tsinghua University", "University of Leeds")
GENRES = ("PhD thesis", "Tese (Doutorado)", "Dissertação (Mestrado)", "Praca doktorska", "Doctoral dissertation",
          "Master's thesis", "Dissertation", "Tesis doctoral")
REPORT_GENRES = ("Working Paper", "Technical Report", "Policy Brief", "Relatório técnico", "Raport")
COLLECTIONS = ("Lecture Notes in {a}", "Coleção {a}", "Studies in {a}", "Biblioteka {a}", "Cuadernos de {a}")
LAWS = ("Lei nº {n}, de {d} de {m} de {y}", "Ustawa z dnia {d} {m} {y} r. o szkolnictwie wyższym",
        "Data Protection Act {y}", "Gesetz über Arbeitnehmererfindungen", "Ley {n}/{y}, de {d} de {m}")
SITES = ("The SaigonTime", "BBC News", "Folha de S.Paulo", "Gazeta Wyborcza", "El País", "Der Spiegel", "WIPO")
KINDS = ("article-journal",) * 8 + ("book",) * 3 + ("chapter",) * 3 + ("thesis", "report", "report", "webpage",
                                                                       "webpage", "legislation", "article-newspaper",
                                                                       "paper-conference")


class _Numbers:
    """Draws numbers that never repeat within one record (so each can be traced back)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.used = rng, set()

    def draw(self, low: int, high: int) -> int:
        for _ in range(100):
            n = self.rng.randint(low, high)
            if n not in self.used and not any(str(n) in str(u) or str(u) in str(n) for u in self.used):
                self.used.add(n)
                return n
        return n


def _person(rng: random.Random) -> dict:
    culture = rng.choice(list(NAMES))
    if culture == "zh" and rng.random() < 0.25:
        family, given = rng.choice(CJK_NAMES)
        return {"family": family, "given": given}
    given, family = rng.choice(NAMES[culture][0]), rng.choice(NAMES[culture][1])
    person = {"family": family, "given": given}
    if culture in PARTICLES and rng.random() < 0.2:
        key = "dropping-particle" if culture == "de" else "non-dropping-particle"
        person[key] = rng.choice(PARTICLES[culture])
    if culture == "en" and rng.random() < 0.05:
        person["suffix"] = "Jr."
    if rng.random() < 0.15 and culture in ("en", "pt", "es"):
        person["given"] += f" {rng.choice('ABCDEFGHJKLMNPRSTW')}."
    return person


def _people(rng: random.Random, low: int, high: int, org: float = 0.0) -> list[dict]:
    if rng.random() < org:
        return [{"literal": rng.choice(ORGANISATIONS)}]
    return [_person(rng) for _ in range(rng.randint(low, high))]


def _title(rng: random.Random) -> str:
    words = TITLE_WORDS[rng.choice(list(TITLE_WORDS))]
    picked = [rng.choice(words) for _ in range(rng.randint(3, 10))]
    title = " ".join(picked)
    title = title[0].upper() + title[1:]
    if rng.random() < 0.3:
        sub = " ".join(rng.choice(words) for _ in range(rng.randint(2, 6)))
        title += ": " + sub
    elif rng.random() < 0.1:
        title += "?"
    return title


def _fill(pattern: str, rng: random.Random) -> str:
    return pattern.format(a=rng.choice(TOPICS), b=rng.choice(TOPICS))


def _date(rng: random.Random, numbers: _Numbers, low: int, high: int, day: float) -> dict:
    parts = [numbers.draw(low, high)]
    if rng.random() < day:
        parts += [rng.randint(1, 12), numbers.draw(13, 28)]
    return {"date-parts": [parts]}


def record(rng: random.Random, ident: str) -> dict:
    """One random CSL-JSON item of a randomly chosen kind."""
    numbers = _Numbers(rng)
    kind = rng.choice(KINDS)
    item: dict = {"id": ident, "type": kind, "title": _title(rng)}
    item["issued"] = _date(rng, numbers, 1950, 2019, 0.6 if kind in ("webpage", "article-newspaper") else 0.05)
    if kind != "legislation":
        item["author"] = _people(rng, 1, 4, org=0.15 if kind in ("report", "webpage", "book") else 0.03)
    _kind_fields(rng, numbers, kind, item)
    _extra_fields(rng, numbers, kind, item)
    return item


def _kind_fields(rng: random.Random, numbers: _Numbers, kind: str, item: dict) -> None:
    """The fields a kind of work has: a periodical's numbers, a chapter's book and editors, ..."""
    if kind in ("article-journal", "paper-conference"):
        item["container-title"] = _fill(rng.choice(JOURNALS), rng)
        item["volume"] = str(numbers.draw(1, 99))
        if rng.random() < 0.7:
            item["issue"] = rng.choice([str(numbers.draw(1, 12)), f"S{numbers.draw(1, 9)}"])
        first = numbers.draw(100, 900)
        item["page"] = f"{first}-{numbers.draw(first + 1, first + 60)}"
    elif kind == "article-newspaper":
        item["container-title"] = rng.choice(SITES)
    elif kind == "chapter":
        item["container-title"] = _title(rng)
        item["editor"] = _people(rng, 1, 3)
        first = numbers.draw(100, 900)
        item["page"] = f"{first}-{numbers.draw(first + 1, first + 60)}"
    elif kind == "thesis":
        item["publisher"], item["genre"] = rng.choice(SCHOOLS), rng.choice(GENRES)
    elif kind == "report":
        item["publisher"] = rng.choice(ORGANISATIONS)
        item["genre"] = rng.choice(REPORT_GENRES)
        item["number"] = str(numbers.draw(10, 999))
    elif kind == "webpage":
        item["container-title"] = rng.choice(SITES)
    elif kind == "legislation":
        item["title"] = rng.choice(LAWS).format(n=numbers.draw(1000, 15000), d=numbers.draw(1, 28),
                                               m=rng.choice(["março", "stycznia", "mayo"]),
                                               y=item["issued"]["date-parts"][0][0])


def _extra_fields(rng: random.Random, numbers: _Numbers, kind: str, item: dict) -> None:
    """Publisher and place, edition, translator, series, DOI, URL and access date, by chance."""
    if kind in ("book", "chapter", "report", "thesis") and rng.random() < 0.8:
        item.setdefault("publisher", rng.choice(PUBLISHERS))
        item["publisher-place"] = rng.choice(PLACES)
    if kind in ("book", "chapter"):
        if rng.random() < 0.3:
            item["edition"] = str(numbers.draw(2, 9))
        if rng.random() < 0.2:
            item["translator"] = _people(rng, 1, 1)
        if rng.random() < 0.15:
            item["collection-title"] = _fill(rng.choice(COLLECTIONS), rng)
    if kind == "article-journal" and rng.random() < 0.5:
        item["DOI"] = f"10.{numbers.draw(1000, 9999)}/{rng.choice(['j', 's', 'abc'])}.{numbers.draw(1000, 99999)}"
    if kind in ("webpage", "article-newspaper", "report", "legislation") or rng.random() < 0.1:
        slug = "-".join(item["title"].lower().split()[:4]).replace(":", "")
        item["URL"] = f"https://www.{rng.choice(['example', 'gov', 'news', 'repositorio'])}.org/{slug}"
        item["accessed"] = _date(rng, numbers, 2020, 2025, 1.0)
