// Reference tools on the article page. Copy link and Copy citation use Material's clipboard
// (data-clipboard-text); Copy BibTeX reads the entry from the reference list's .bib download,
// so the page does not carry every entry twice.
(function () {
  // Complete page-relative copy-link targets ("#ref-17") into full URLs when the site has no
  // site_url, so the clipboard always receives a link that works outside this page.
  var base = location.href.split("#")[0];
  document.querySelectorAll("[data-clipboard-text^='#']").forEach(function (button) {
    button.setAttribute("data-clipboard-text", base + button.getAttribute("data-clipboard-text"));
  });

  var list = document.querySelector("ol[data-bibtex]");
  if (!list) return;
  var bibtex = null;

  function entries() {
    bibtex = bibtex || fetch(list.getAttribute("data-bibtex")).then(function (response) {
      if (!response.ok) throw new Error(response.statusText);
      return response.text();
    });
    return bibtex;
  }

  function entry(source, key) {
    var blocks = source.split(/\n(?=@)/);
    for (var i = 0; i < blocks.length; i++) {
      var head = blocks[i].match(/^@\w+\{([^,]*),/);
      if (head && head[1] === key) return blocks[i].replace(/\s+$/, "") + "\n";
    }
    throw new Error("no BibTeX entry " + key);
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
    var button = event.target.closest("[data-bibtex-key]");
    if (!button) return;
    var text = entries().then(function (source) { return entry(source, button.getAttribute("data-bibtex-key")); });
    var copied = window.ClipboardItem && navigator.clipboard.write
      // A promised item keeps the click's user activation while the file loads (Safari needs it).
      ? navigator.clipboard.write([new ClipboardItem({"text/plain": text.then(function (t) {
          return new Blob([t], {type: "text/plain"});
        })})])
      : text.then(function (t) { return navigator.clipboard.writeText(t); });
    copied.then(function () { announce("Copied to clipboard"); },
                function () { announce("Could not copy the BibTeX entry"); });
  });
})();
