// Complete page-relative copy-link targets ("#ref-17") into full URLs when the site has no
// site_url, so the clipboard always receives a link that works outside this page.
document.querySelectorAll("[data-clipboard-text^='#']").forEach(function (button) {
  var base = location.href.split("#")[0];
  button.setAttribute("data-clipboard-text", base + button.getAttribute("data-clipboard-text"));
});
