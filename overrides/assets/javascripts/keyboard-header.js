// The header's menu and search buttons (overrides/main.html puts a real <button> in front of
// each of Material's <label>s). A button works its label, so Material opens the drawer or the
// search as on a click, and says whether it is open. Opened from its button, the navigation
// drawer takes the focus (its links come after the header in the page); it closes with Escape
// (focus back on its button) and when focus leaves it, so a keyboard user never works behind
// an open drawer.
(function () {
  "use strict";
  document.querySelectorAll("button[data-opens]").forEach(function (button) {
    var toggle = document.getElementById(button.getAttribute("data-opens"));
    var label = document.querySelector("label.md-header__button[for='" + toggle.id + "']");
    if (!toggle || !label) return;
    button.addEventListener("click", function () {
      label.click();
      // Material focuses the search field from the label's click, while the field is still
      // hidden (accessibility.css): focus it once it is open.
      var field = document.querySelector(".md-search__input");
      if (toggle.id === "__search" && toggle.checked && field) field.focus();
    });
    var show = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    toggle.addEventListener("change", show);
    show();
  });

  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector("button[data-opens=__drawer]");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!drawer || !menu || !sidebar) return;
  var close = function () { if (drawer.checked) drawer.click(); };  // click: Material listens for it
  drawer.addEventListener("change", function () {
    var first = sidebar.querySelector("a[href], [tabindex='0']");
    if (drawer.checked && document.activeElement === menu && first) first.focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      close();
      menu.focus();
    }
  });
  document.addEventListener("focusin", function (event) {
    if (drawer.checked && event.target !== menu && !sidebar.contains(event.target)) close();
  });
})();
