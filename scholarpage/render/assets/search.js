/* Search with Pagefind (issue 15): a search box in the header, in Material's own markup and
   classes (so it takes the site's palette, light and dark, and Material's phone layout), which
   asks Pagefind's index in ../../pagefind/ beside this script.

   Nothing of Pagefind is fetched until the reader opens the search: its script, its
   WebAssembly and the index chunks a query needs come on first use, from this site only.
   The box is made here, by script, so a reader without scripts sees no dead button.
   Keys as with Material's search: "/", "s" or "f" opens it, Escape closes it, the arrow keys
   move through the results. Result text reaches the page as text, never as markup. */
(function () {
  "use strict";

  var script = document.currentScript;
  var header = document.querySelector(".md-header__inner");
  var toggle = document.getElementById("__search");
  // Material's own search, when mkdocs.yml still lists it, keeps the header (the plugin then
  // leaves search to it and this script is not even loaded; the check is for hand-made setups).
  if (!script || !header || !toggle || document.querySelector('[data-md-component="search"]')) return;

  var site = new URL("../../", script.src).href;
  var bundle = site + "pagefind/";
  var PAGE = 10;
  var SVG = {
    magnify: "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5",
    back: "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z",
    close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
  };
  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (error) { config = {}; }
  // The box speaks the site's language (theme.language, which Material writes as the page's
  // lang): the result counts and the prompt in Material's own words from its page config, the
  // box's own labels from this table ("search" and "clear" as Material words them), English
  // where the language is not here.
  var LABELS = {
    en: ["Search", "Clear", "Close search", "More results", "Search options"],
    pl: ["Szukaj", "Wyczyść", "Zamknij wyszukiwanie", "Więcej wyników", "Opcje wyszukiwania"],
    de: ["Suche", "Zurücksetzen", "Suche schließen", "Weitere Ergebnisse", "Suchoptionen"],
    fr: ["Rechercher", "Effacer", "Fermer la recherche", "Plus de résultats", "Options de recherche"],
    es: ["Búsqueda", "Limpiar", "Cerrar la búsqueda", "Más resultados", "Opciones de búsqueda"],
    pt: ["Buscar", "Limpar", "Fechar a busca", "Mais resultados", "Opções de busca"],
    it: ["Cerca", "Cancella", "Chiudi la ricerca", "Altri risultati", "Opzioni di ricerca"],
    nl: ["Zoeken", "Leegmaken", "Zoeken sluiten", "Meer resultaten", "Zoekopties"],
    cs: ["Hledat", "Vyčistit", "Zavřít hledání", "Další výsledky", "Možnosti hledání"],
    uk: ["Пошук", "Очистити", "Закрити пошук", "Більше результатів", "Параметри пошуку"],
    ru: ["Поиск", "Очистить", "Закрыть поиск", "Ещё результаты", "Параметры поиска"],
    vi: ["Tìm kiếm", "Xoá", "Đóng tìm kiếm", "Thêm kết quả", "Tùy chọn tìm kiếm"],
    zh: ["搜索", "清空当前内容", "关闭搜索", "更多结果", "搜索选项"],
    "zh-tw": ["搜尋", "清除", "關閉搜尋", "更多結果", "搜尋選項"],
    ja: ["検索", "クリア", "検索を閉じる", "さらに表示", "検索オプション"]
  };
  LABELS["zh-hant"] = LABELS["zh-tw"];
  var language = (document.documentElement.lang || "en").toLowerCase();
  var label = LABELS[language] || LABELS[language.split("-")[0]] || LABELS.en;
  var words = Object.assign({
    "search.result.placeholder": "Type to start searching",
    "search.result.none": "No matching documents",
    "search.result.one": "1 matching document",
    "search.result.other": "# matching documents"
  }, config.translations || {}, {
    search: label[0], clear: label[1], close: label[2], more: label[3], options: label[4]
  });

  function make(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return element;
  }

  function icon(name) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", SVG[name]);
    svg.appendChild(path);
    return svg;
  }

  // The header button (phones and tablets) and the search dialog, as Material's partials make them.
  var opener = make("label", {class: "md-header__button md-icon sp-search__open", for: "__search", title: words.search},
    [icon("magnify")]);
  var input = make("input", {
    type: "text", class: "md-search__input", name: "query", "aria-label": words.search, placeholder: words.search,
    autocapitalize: "off", autocorrect: "off", autocomplete: "off", spellcheck: "false", enterkeyhint: "search"
  });
  var reset = make("button", {type: "reset", class: "md-search__icon md-icon", title: words.clear, "aria-label": words.clear},
    [icon("close")]);
  var meta = make("div", {class: "md-search-result__meta", role: "status"}, [words["search.result.placeholder"]]);
  var list = make("ol", {class: "md-search-result__list sp-search__list"});
  var more = make("button", {type: "button", class: "md-button sp-search__more", hidden: ""}, [words.more]);
  // aria-busy: true while a query is being answered.
  var results = make("div", {class: "md-search-result", "aria-busy": "false"}, [meta, list, more]);
  var form = make("form", {class: "md-search__form", name: "sp-search", role: "search"}, [
    input,
    make("label", {class: "md-search__icon md-icon", for: "__search", title: words.close}, [icon("magnify"), icon("back")]),
    make("nav", {class: "md-search__options", "aria-label": words.options}, [reset])
  ]);
  var dialog = make("div", {class: "md-search sp-search", role: "dialog", "aria-label": words.search}, [
    make("label", {class: "md-search__overlay", for: "__search"}),
    make("div", {class: "md-search__inner"}, [
      form,
      make("div", {class: "md-search__output"}, [
        make("div", {class: "md-search__scrollwrap", tabindex: "0"}, [
          results
        ])
      ])
    ])
  ]);
  var source = header.querySelector(".md-header__source");
  header.insertBefore(opener, source);
  header.insertBefore(dialog, source);

  // Pagefind, loaded on first use, run on the page's own thread (its documented `noWorker`
  // option): its web worker would be a third file of 11.6 KB gzipped on the first query. A
  // query then holds the page for its time: 1–2 ms for a surname at 10,000 references, up to
  // a tenth of a second for a word in every reference (README, Design decisions).
  var engine = null;
  function pagefind() {
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (module) {
        return module.options({noWorker: true}).then(function () { return module; });
      });
    }
    return engine;
  }

  // A query as the indexer (search_index.py) writes words: a DOI, typed, pasted or as a
  // doi.org link, as one word of its letters and digits; Chinese and Japanese characters one
  // a word; lower case as the browser lowers it (a Greek final sigma stays final).
  var CJK = /([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g;
  var DOI = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?(10\.\d{4,9}\/\S+)$/i;
  function prepared(query) {
    var text = query.trim().toLowerCase();
    var doi = DOI.exec(text);
    if (doi) return doi[1].replace(/[^0-9a-z]/g, "");
    return text.replace(CJK, " $1 ").replace(/\s+/g, " ").trim();
  }

  // Pagefind's excerpt as text, with its <mark>s kept and nothing else.
  function excerpt(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body;
    var out = make("p", {class: "md-search-result__teaser"});
    parsed.querySelectorAll("p").forEach(function (p) {
      p.childNodes.forEach(function (node) {
        out.appendChild(node.nodeName === "MARK" ? make("mark", {}, [node.textContent]) : document.createTextNode(node.textContent));
      });
    });
    return out;
  }

  // One row of the results: a title, a teaser (none for a reference, shown whole), an address.
  function item(row) {
    var body = [make("div", {class: "md-search-result__icon md-icon"}), make("div", {class: "sp-search__title"}, [row.title])];
    if (row.teaser) body.push(excerpt(row.teaser));
    var link = make("a", {href: row.href, class: "md-search-result__link", "data-sp-kind": row.kind},
      [make("article", {class: "md-search-result__article md-typeset sp-search__" + row.kind}, body)]);
    return make("li", {class: "md-search-result__item"}, [link]);
  }

  // A word as compared here: lower case, letters and digits only, accents kept.
  function bare(word) {
    return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  }

  // The rows of one Pagefind result. The article page's records carry their address in their
  // metadata (`url`); its references come ten or more to a Pagefind page (up to 50 on the
  // longest lists: search_index.py), each under its own heading
  // (a sub-result), and each becomes a row of its own: kept when it matches as many different
  // words as the query has, ranked first when it holds the query's words with their accents
  // as typed, then by Pagefind's score of its words.
  function rows(data, terms) {
    var kind = data.meta.kind || "page";
    var href = data.meta.url ? site + data.meta.url.replace(/^\//, "") : data.url;
    if (kind !== "references") {
      return [{title: data.meta.title || data.url, teaser: data.excerpt, href: href, kind: kind}];
    }
    var words = data.content.split(/[\r\n\s]+/g);
    return data.sub_results.filter(function (sub) { return /#ref-\d+$/.test(sub.url); }).map(function (sub) {
      var matched = Array.from(new Set(sub.locations.map(function (at) { return bare(words[at] || ""); })));
      return {
        title: sub.title, teaser: "", href: site + sub.url.replace(/^\//, ""), kind: "reference",
        matched: matched.length,
        exact: terms.filter(function (term) { return matched.indexOf(term) >= 0; }).length,
        score: sub.weighted_locations.reduce(function (sum, at) { return sum + at.balanced_score; }, 0)
      };
    }).filter(function (row) { return row.matched >= terms.length; }).sort(function (a, b) {
      return b.exact - a.exact || b.score - a.score;
    });
  }

  var current = null;   // the last search: Pagefind's results, how many of them are shown, rows shown
  var shown = 0;
  var count = 0;
  var batch = 2;        // how many of Pagefind's results to load next
  var asked = "";

  function counted() {
    var total = shown >= current.results.length ? String(count) : count + "+";
    meta.textContent = count === 0 ? words["search.result.none"] : total === "1" ? words["search.result.one"]
      : words["search.result.other"].replace("#", total);
  }

  // Shows the next results, at least ten rows where there are that many. Pagefind's results
  // are loaded two, then four, eight and ten at a time: one of them can hold 50 matching
  // references, and each is a file to fetch.
  async function showMore() {
    var terms = Array.from(new Set(asked.split(" ").map(bare).filter(Boolean)));
    var added = 0;
    while (added < PAGE && shown < current.results.length) {
      var next = current.results.slice(shown, shown + batch);
      shown += next.length;
      batch = Math.min(PAGE, batch * 2);
      var data = await Promise.all(next.map(function (result) { return result.data(); }));
      data.forEach(function (entry) {
        rows(entry, terms).forEach(function (row) { list.appendChild(item(row)); added += 1; });
      });
    }
    count += added;
    counted();
    more.hidden = shown >= current.results.length;
  }

  async function answer(query) {
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      meta.textContent = words["search.result.placeholder"];
      return;
    }
    var module = await pagefind();
    var search = await module.search(query);
    if (asked !== query || !search) return;  // a newer query has been typed meanwhile
    current = search;
    shown = 0;
    count = 0;
    batch = 2;
    list.replaceChildren();
    await showMore();
  }

  async function run() {
    var query = prepared(input.value);
    asked = query;
    results.setAttribute("aria-busy", "true");
    try {
      await answer(query);
    } finally {
      if (asked === query) results.setAttribute("aria-busy", "false");
    }
  }

  var timer = 0;
  input.addEventListener("input", function () {
    // A search still running for what was typed before no longer shows its results.
    asked = prepared(input.value);
    results.setAttribute("aria-busy", "true");
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  more.addEventListener("click", function () { showMore(); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
    input.select();
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }

  input.addEventListener("focus", function () {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) setTimeout(function () { input.focus(); }, 0);
  });
  // Choosing a result closes the search, so the page shows the reference it lands on.
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) close();
  });

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!toggle.checked) {
      if (!typing(event.target) && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      if (!links.length) return;
      event.preventDefault();
      var at = links.indexOf(document.activeElement);
      var next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
      (next < 0 ? input : links[next]).focus();
    }
  });
})();
