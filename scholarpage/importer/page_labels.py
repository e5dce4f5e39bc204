"""What an OJS page calls its parts, in the interface languages OJS ships and common themes.

A copied page carries only the interface's words, so the reader finds the reference list, the
abstract and the dates by these labels. Labels are compared case-folded, without a trailing
colon; each set is data, so adding a language is adding words.
"""

from __future__ import annotations

import re

REFERENCES = frozenset(s.casefold() for s in (
    "References", "Reference", "Reference List", "References List", "Bibliography", "Works Cited", "Literature Cited",
    "Cited Literature", "Literature", "Sources", "Citations",
    "Referências", "Referências Bibliográficas", "Referencias", "Referencias Bibliográficas", "Bibliografía",
    "Bibliografia", "Literatura", "Literatura cytowana", "Przypisy", "Źródła",
    "Bibliographie", "Références", "Références bibliographiques",
    "Literaturverzeichnis", "Literatur", "Quellen", "Quellenverzeichnis", "Literaturhinweise",
    "Riferimenti bibliografici", "Riferimenti", "Bibliografie", "Referenties", "Literatuur",
    "Список литературы", "Литература", "Библиография", "Список використаних джерел", "Список літератури",
    "Tài liệu tham khảo", "Daftar Pustaka", "Referensi", "Rujukan", "Kaynakça", "Kaynaklar",
    "参考文献", "參考文獻", "参考資料", "引用文献", "참고문헌", "المراجع", "مراجع", "Βιβλιογραφία",
    "Irodalom", "Kirjallisuus", "Litteratur", "Referanser", "Literatūra", "Viited",
    # What OJS itself prints over the list (`submission.citations` in pkp-lib's locale files, 3.x),
    # in every language it ships.
    "Referanslar", "Литература (библиография)", "Referències", "سەرچاوەکان", "Referencer", "Αναφορές",
    "Erreferentziak", "Lähdeviitteet", "Citas", "Hivatkozások", "Հղումներ", "Heimildaskrá", "წყაროები",
    "Әдебиеттер тізімі", "Шилтемелер", "Nuorodos", "Atsauces", "Референци", "संदर्भ", "Referánssat",
    "Референце", "Referenser", "การอ้างอิง", "Посилання", "参考", "Referințe", "Referințe bibliografice",
    "Библиографические ссылки", "അവലംബങ്ങള്‍",
))
ABSTRACT = frozenset(s.casefold() for s in (
    "Abstract", "Summary", "Resumo", "Resumen", "Streszczenie", "Abstrakt", "Zusammenfassung", "Résumé",
    "Riassunto", "Sommario", "Samenvatting", "Аннотация", "Анотація", "Резюме", "Tóm tắt", "Abstrak", "Intisari",
    "Özet", "Öz", "Sažetak", "Povzetek", "Souhrn", "Absztrakt", "Tiivistelmä", "Sammanfattning", "摘要", "要旨",
    "초록", "الملخص", "Περίληψη",
    # OJS's own `article.abstract` (its locale files, 2.4 to 3.x), every language it ships.
    "Abstrakti", "Annotatsiya", "Anotacija", "Apstrakt", "Geàrr-chunntas", "Kopsavilkums", "Laburpena", "Resum",
    "Resumé", "Rezumat", "Sammendrag", "Sari", "Sisukokkuvõte", "Xülasə", "Útdráttur", "Čoahkkáigeasut",
    "Абстракт", "Апстракт", "Аңдатпа", "Сажетак", "Хураангуй", "Ամփոփում", "תקציר", "لنډیز", "پوختە", "چکیده",
    "गोषवारा", "सार", "บทคัดย่อ", "ანოტაცია",
))
KEYWORDS = frozenset(s.casefold() for s in (
    "Keywords", "Key words", "Palavras-chave", "Palavras chave", "Palabras clave", "Słowa kluczowe",
    "Schlüsselwörter", "Schlagwörter", "Mots-clés", "Mots clés", "Parole chiave", "Trefwoorden",
    "Ключевые слова", "Ключові слова", "Từ khóa", "Kata Kunci", "Anahtar Kelimeler", "Ključne riječi",
    "Klíčová slova", "关键词", "關鍵詞", "キーワード", "주제어", "الكلمات المفتاحية",
))
DATES = {
    "submitted": ("Submitted", "Received", "Enviado", "Submetido", "Recebido", "Recibido", "Przesłane", "Otrzymano",
                  "Eingereicht", "Soumis", "Reçu", "Inviato", "Поступила", "Получено", "Ngày nhận", "Diterima",
                  "Dikirim", "Gönderilme"),
    "accepted": ("Accepted", "Aceito", "Aceptado", "Przyjęte", "Zaakceptowane", "Angenommen", "Accepté",
                 "Accettato", "Принята", "Ngày chấp nhận", "Disetujui", "Kabul"),
    "published": ("Published", "Publicado", "Opublikowane", "Veröffentlicht", "Publié", "Pubblicato",
                  "Опубликовано", "Опубліковано", "Ngày xuất bản", "Diterbitkan", "Terbit", "Yayınlanmış",
                  "Objavljeno", "Publikováno", "Gepubliceerd",
                  # OJS's own `submissions.published`, every language it ships.
                  "Publicau", "منشور", "Yayımlanıb", "Публикуван", "Publicat", "بڵاو کرایەوە", "Publiceret",
                  "Δημοσιευμένα", "Argitaratua", "Argitaratuta", "چاپ شده", "Julkaistu", "Publiée", "Publié-e",
                  "Publicada", "Publicades", "Megjelent", "Հրատարակվել է", "Útgefið", "発行日", "出版済",
                  "გამოქვეყნებული", "Жарияланды", "Жарыяланган", "Išleista", "Publicēts", "Објавено", "प्रकाशित",
                  "Publisert", "Опубликован", "Опубликована", "Almmuhuvvon", "Објављено", "Publicerad",
                  "ตีพิมพ์แล้ว", "Đã Xuất bản", "Đã xuất bản", "已出版", "出版", "出版日期", "Avaldatud", "Foillsichte",
                  "פורסם", "출판됨", "Нийтлэгдсэн", "Опубликуване", "Publikované", "Nashr qilingan", "Опубліковані"),
}
DATE_LABELS = {label.casefold(): kind for kind, labels in DATES.items() for label in labels}
# Headings after which a section (abstract, references) has ended.
STOP = frozenset(s.casefold() for s in (
    "Downloads", "Download data is not yet available.", "Metrics", "Author Biographies", "Author Biography",
    "Biographies", "How to Cite", "Cite", "License", "Licence", "Copyright", "Issue", "Section", "Published",
    "Most read articles by the same author(s)", "Similar Articles", "Information", "Make a Submission",
    "Funding data", "Supporting Agencies", "Article Details", "Notes", "Endnotes", "Acknowledgements",
    "Descargas", "Cómo citar", "Licencia", "Número", "Sección", "Artículos más leídos del mismo autor/a",
    "Downloads", "Como Citar", "Licença", "Edição", "Seção", "Artigos mais lidos pelo mesmo(s) autor(es)",
    "Pobrania", "Jak cytować", "Licencja", "Numer", "Dział",
    "Downloads", "Zitationsvorschlag", "Lizenz", "Ausgabe", "Rubrik", "Téléchargements", "Comment citer",
    "Licence", "Numéro", "Rubrique", "Come citare", "Licenza", "Fascicolo", "Sezione",
    "Загрузки", "Как цитировать", "Лицензия", "Выпуск", "Раздел",
    "Tải xuống", "Cách trích dẫn", "Giấy phép", "Số", "Chuyên mục",
    "Unduhan", "Cara Mengutip", "Lisensi", "Terbitan", "Bagian",
    "Biografia autora", "Biografie autorów", "Biografía del autor/a", "Biografías de los autores",
    "Biografia do Autor", "Biografia do(s) Autor(es)", "Biographie de l'auteur", "Biographies des auteurs",
    "Biografie", "Biografie der Autoren",
    "Биография автора", "Биографии авторов", "Tiểu sử tác giả", "Biografi Penulis", "Biografi Pengarang",
    "Artículos similares", "Artigos Semelhantes", "Podobne artykuły", "Ähnliche Artikel", "Articles similaires",
    "Cited by", "Citado por", "Cytowane przez", "Statistics", "Estadísticas", "Estatísticas", "Statystyki",
    "Najczęściej czytane artykuły tego samego autora/autorów",
    "Meistgelesene Artikel desselben Autors/derselben Autoren",
    "Keywords", *KEYWORDS,
))
NOISE = re.compile(
    r"^(?:View in Google Scholar|Google Scholar|Cross ?Ref|WorldCat|BASE|Search in .+|Scopus|PubMed|"
    r"PubMed Central|Europe PMC|Semantic Scholar|Article|DOI|Full text|Ver en Google Académico|"
    r"Google Académico|Zobacz w Google Scholar|Google Scholar'da görüntüle|"
    r"(?:PDF|HTML|EPUB|XML|JATS XML|Full Text)(?:\s+(?:PDF|HTML|EPUB|XML|JATS XML))*)$",  # galley links
    re.I,
)


def label_of(line: str) -> str:
    """The line as a label: case-folded, without markdown heading marks or a trailing colon."""
    text = line.strip().lstrip("#").strip().strip("*_").strip()
    return text.rstrip(":：").strip().casefold()


def is_references_heading(line: str) -> bool:
    return len(line) < 60 and label_of(line) in REFERENCES


def is_abstract_heading(line: str) -> bool:
    return len(line) < 40 and label_of(line) in ABSTRACT


def is_stop_heading(line: str) -> bool:
    label = label_of(line)
    # A date label ("Publicado", "Опубликован") ends a section too: in a copied OJS 3 page the
    # article's details follow the reference list.
    return len(line) < 80 and (label in STOP or label in REFERENCES or label in DATE_LABELS
                               or label.split(":")[0].strip() in KEYWORDS)
