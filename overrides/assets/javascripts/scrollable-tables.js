// A table wider than the screen scrolls sideways inside its own box (Material wraps every table
// in .md-typeset__scrollwrap). A keyboard user can scroll that box only if it takes focus
// (WCAG 2.1.1, axe rule scrollable-region-focusable), and a screen reader then names it after
// the heading above the table. Boxes that do not scroll stay out of the tab order.
(function () {
  "use strict";
  function headingBefore(element) {
    for (var node = element.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName) && node.id) return node;
    }
    return null;
  }
  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
        var heading = headingBefore(box);
        if (heading) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-labelledby", heading.id);
        }
      } else {
        ["tabindex", "role", "aria-labelledby"].forEach(function (name) { box.removeAttribute(name); });
      }
    });
  }
  // Material wraps the tables from its own bundle; look again once it has, and on every resize.
  document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("load", update);
  window.addEventListener("resize", update);
})();
