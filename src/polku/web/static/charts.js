// Draw each chart from its Vega-Lite specification (served with the page), offline.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".chart[data-spec]").forEach(function (el) {
    var spec = JSON.parse(el.getAttribute("data-spec"));
    spec.width = "container";
    var fi = document.documentElement.lang === "fi";
    vegaEmbed(el, spec, {
      renderer: "svg",
      formatLocale: fi ? { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0€"] } : undefined,
      i18n: fi ? { SVG_ACTION: "Tallenna SVG-kuvana", PNG_ACTION: "Tallenna PNG-kuvana",
                   CLICK_TO_VIEW_ACTIONS: "Näytä toiminnot" } : undefined,
      actions: { export: true, source: false, compiled: false, editor: false },
    }).then(function () {
      el.setAttribute("data-ready", "1");
      var svg = el.querySelector("svg");
      if (svg) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", el.getAttribute("data-label"));
        svg.setAttribute("focusable", "false");
      }
      var summary = el.querySelector("details > summary");
      if (summary) { summary.setAttribute("aria-label", el.getAttribute("data-actions-label")); }
    }).catch(function (err) {
      el.textContent = String(err);
    });
  });
});
