// Reference tools on the article page: Copy link, Copy citation and Copy BibTeX under each
// reference. They are made here, not in the HTML: without a script they could not work, so a
// page read without one shows no dead controls (and the HTML is 186 buttons lighter for 62
// references). Copy link and Copy citation use Material's clipboard (data-clipboard-text and
// data-clipboard-target); Copy BibTeX reads the entry from the reference list's .bib download,
// which holds the references in the page's order, so the page does not carry every entry twice.
// "Cite this article": each style's "Copy … citation" button, made here for the same reason,
// from the citation's plain text that the page carries in data-copy-text.
(function () {
  Array.prototype.forEach.call(document.querySelectorAll(".sp-cite-this__text[data-copy-text]"), function (text) {
    var tools = document.createElement("p");
    tools.className = "sp-cite-this__tools";
    var copy = document.createElement("button");
    copy.type = "button";
    copy.className = "sp-copy";
    copy.textContent = text.getAttribute("data-copy-label");
    copy.setAttribute("data-clipboard-text", text.getAttribute("data-copy-text"));
    tools.append(copy);
    text.after(tools);
  });
})();

(function () {
  var list = document.querySelector("ol[data-bibtex]");
  if (!list) return;
  var bibtex = null;
  // The controls' words in the site's language, from the page (labels.py); "Copied" is
  // Material's own word, from its page config.
  var said = {};
  try { said = JSON.parse(list.getAttribute("data-controls") || "{}") || {}; } catch (error) { said = {}; }
  var material = {};
  try { material = JSON.parse(document.getElementById("__config").textContent).translations || {}; } catch (error) { material = {}; }
  function word(name, number) {
    var english = {
      copy_link: "Copy link", copy_link_of: "Copy link to reference {number}",
      copy_citation: "Copy citation", copy_citation_of: "Copy citation of reference {number}",
      copy_bibtex: "Copy BibTeX", copy_bibtex_of: "Copy BibTeX of reference {number}",
      copy_failed: "Could not copy the BibTeX entry"
    };
    return (said[name] || english[name]).replace("{number}", number);
  }

  // The page's address for links that work outside it: the canonical URL when the site has a
  // site_url, else this page's own address.
  var canonical = document.querySelector("link[rel=canonical]");
  var base = (canonical ? canonical.href : location.href).split("#")[0];

  function button(text, label, data) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "sp-ref__copy";
    element.textContent = text;
    element.setAttribute("aria-label", label);
    for (var name in data) element.setAttribute(name, data[name]);
    return element;
  }

  Array.prototype.forEach.call(list.children, function (item, index) {
    var heading = item.querySelector("h3[id]");
    var tools = item.querySelector(".sp-ref__tools");
    if (!heading || !tools) return;
    var number = index + 1;
    tools.append(
      " ", button(word("copy_link"), word("copy_link_of", number), {"data-clipboard-text": base + "#" + heading.id}),
      " ", button(word("copy_citation"), word("copy_citation_of", number), {"data-clipboard-target": "#" + heading.id}),
      " ", button(word("copy_bibtex"), word("copy_bibtex_of", number), {"data-bibtex-index": index}));
  });

  function entries() {
    bibtex = bibtex || fetch(list.getAttribute("data-bibtex")).then(function (response) {
      if (!response.ok) throw new Error(response.statusText);
      return response.text();
    });
    return bibtex;
  }

  function entry(source, index) {
    var blocks = source.split(/\n(?=@)/).filter(function (block) { return /^@\w+\{/.test(block); });
    if (!blocks[index]) throw new Error("no BibTeX entry " + (index + 1));
    return blocks[index].replace(/\s+$/, "") + "\n";
  }

  // Material's own toast, so every copy control gives the same feedback.
  function announce(message) {
    var dialog = document.querySelector("[data-md-component=dialog]");
    var inner = dialog && dialog.querySelector(".md-dialog__inner");
    if (!inner) return;
    inner.textContent = message;
    dialog.classList.add("md-dialog--active");
    setTimeout(function () { dialog.classList.remove("md-dialog--active"); }, 2000);
  }

  list.addEventListener("click", function (event) {
    var control = event.target.closest("[data-bibtex-index]");
    if (!control) return;
    var index = Number(control.getAttribute("data-bibtex-index"));
    var text = entries().then(function (source) { return entry(source, index); });
    var copied = window.ClipboardItem && navigator.clipboard.write
      // A promised item keeps the click's user activation while the file loads (Safari needs it).
      ? navigator.clipboard.write([new ClipboardItem({"text/plain": text.then(function (t) {
          return new Blob([t], {type: "text/plain"});
        })})])
      : text.then(function (t) { return navigator.clipboard.writeText(t); });
    copied.then(function () { announce(material["clipboard.copied"] || "Copied to clipboard"); },
                function () { announce(word("copy_failed")); });
  });
})();
