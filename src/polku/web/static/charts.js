// Draw each chart from its Vega-Lite specification (served with the page), offline:
// on the first load, and in every part of a page htmx swaps in (a run's results).
(function () {
  var FI_LOCALE = { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0€"],
                    percent: "\u00a0%", minus: "\u2212" };
  var FI_ACTIONS = { SVG_ACTION: "Tallenna SVG-kuvana", PNG_ACTION: "Tallenna PNG-kuvana",
                     CLICK_TO_VIEW_ACTIONS: "Näytä toiminnot" };

  function draw(el) {
    if (el.getAttribute("data-drawn")) { return; }
    el.setAttribute("data-drawn", "1");
    var spec = JSON.parse(el.getAttribute("data-spec"));
    spec.width = "container";
    var fi = (el.closest("[lang]") || document.documentElement).getAttribute("lang") === "fi";
    vegaEmbed(el, spec, {
      renderer: "svg",
      formatLocale: fi ? FI_LOCALE : undefined,
      i18n: fi ? FI_ACTIONS : undefined,
      actions: { export: true, source: false, compiled: false, editor: false },
    }).then(function () {
      var svg = el.querySelector("svg");
      if (svg) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", el.getAttribute("data-label"));
        svg.setAttribute("focusable", "false");
        // the svg is one image, described by its label and the table below it: the
        // marks inside carry no roles of their own (some of Vega's have no label)
        svg.querySelectorAll("[role], [aria-roledescription]").forEach(function (node) {
          node.removeAttribute("role");
          node.removeAttribute("aria-roledescription");
          node.removeAttribute("aria-label");
        });
      }
      var summary = el.querySelector("details > summary");
      if (summary) { summary.setAttribute("aria-label", el.getAttribute("data-actions-label")); }
      el.setAttribute("data-ready", "1");
    }).catch(function (err) {
      el.textContent = String(err);
    });
  }

  function drawIn(root) {
    if (!root || !root.querySelectorAll) { return; }
    if (root.matches && root.matches(".chart[data-spec]")) { draw(root); }
    root.querySelectorAll(".chart[data-spec]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawIn(document); });
  } else {
    drawIn(document);
  }
  document.addEventListener("htmx:load", function (event) { drawIn(event.target); });
})();
