// Forms: ask before a delete, show that a request is working, and say in the page's one
// live status when a run starts, ends or fails. No inline handlers, so the
// Content-Security-Policy can forbid inline scripts.
(function () {
  var SHOW_AFTER = 200; // ms: a quicker answer shows no "working…" text

  // Ask before a form marked data-confirm is sent (a delete).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { event.preventDefault(); }
  }, true);

  function liveOf(el) {
    var id = el && el.getAttribute && el.getAttribute("data-live");
    return id ? document.getElementById(id) : null;
  }

  function announce(live, text) {
    if (live && text && live.textContent !== text) { live.textContent = text; }
  }

  function busy(form, target, on) {
    if (on) {
      form.setAttribute("aria-busy", "true");
      form.querySelectorAll("button[type=submit]:not([disabled])").forEach(function (b) {
        b.disabled = true;
        b.setAttribute("data-busy-disabled", "1");
      });
      if (!form.querySelector(".busy-text")) { // a form without its own "working…" text
        var text = document.createElement("span");
        text.className = "busy-text";
        text.setAttribute("aria-hidden", "true");
        text.textContent = document.body.getAttribute("data-working");
        var last = form.querySelector("button[type=submit]");
        if (last) { last.insertAdjacentElement("afterend", text); }
      }
      form._busyTimer = window.setTimeout(function () { form.classList.add("is-busy"); }, SHOW_AFTER);
      if (target) { target.setAttribute("aria-busy", "true"); }
    } else {
      window.clearTimeout(form._busyTimer);
      form.classList.remove("is-busy");
      form.removeAttribute("aria-busy");
      form.querySelectorAll("button[data-busy-disabled]").forEach(function (b) {
        b.disabled = false;
        b.removeAttribute("data-busy-disabled");
      });
      if (target && !target.querySelector(".run[data-status=running]")) {
        target.removeAttribute("aria-busy");
      }
    }
  }

  function formOf(event) {
    var elt = event.detail && event.detail.elt;
    return elt && elt.closest ? elt.closest("form") : null;
  }

  // htmx requests sent by a form (or its buttons): polling a run's progress is not one.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = formOf(event);
    if (!form) { return; }
    busy(form, event.detail.target, true);
    var live = liveOf(form);
    if (live) {
      var results = event.detail.target;
      if (results && results.removeAttribute) { results.removeAttribute("data-last"); }
      announce(live, document.body.getAttribute("data-working"));
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = formOf(event);
    if (form) { busy(form, event.detail.target, false); }
  });
  document.addEventListener("htmx:responseError", function (event) {
    var form = formOf(event);
    var status = event.detail.xhr ? event.detail.xhr.status : "";
    var text = (document.body.getAttribute("data-failed") || "").replace("{status}", status);
    var live = liveOf(form) || liveOf(document.querySelector("[data-live]"));
    if (live) { live.textContent = text; }
  });
  document.addEventListener("htmx:sendError", function (event) {
    var live = liveOf(formOf(event)) || liveOf(document.querySelector("[data-live]"));
    if (live) { live.textContent = (document.body.getAttribute("data-failed") || "").replace("{status}", "-"); }
  });

  // A run's state swapped in: announce it when it differs from the last one announced.
  document.addEventListener("htmx:load", function (event) {
    var el = event.target;
    if (!el || !el.closest) { return; }
    var states = ".run[data-status], .error[role=alert]"; // a problem says itself (an alert)
    var run = el.matches(states) ? el : el.querySelector(states);
    if (!run) { return; }
    var results = run.closest("[data-live]");
    if (!results) { return; }
    var status = run.getAttribute("data-status") || "failed";
    if (status === "running") {
      results.setAttribute("aria-busy", "true");
    } else {
      results.removeAttribute("aria-busy");
    }
    if (results.getAttribute("data-last") !== status) {
      results.setAttribute("data-last", status);
      var live = liveOf(results);
      var text = run.getAttribute("data-announce");
      if (live && text) { announce(live, text); } else if (live) { live.textContent = ""; }
    }
  });

  // A field's message (swapped in beside it out of band) marks the field invalid; a new
  // request from the form clears the old messages first.
  function syncInvalid() {
    document.querySelectorAll(".field-error[id$='-error']").forEach(function (p) {
      var input = document.getElementById(p.id.slice(0, -"-error".length));
      if (!input) { return; }
      if (p.hidden || !p.textContent.trim()) {
        input.removeAttribute("aria-invalid");
      } else {
        input.setAttribute("aria-invalid", "true");
      }
    });
  }
  document.addEventListener("htmx:oobAfterSwap", syncInvalid);
  document.addEventListener("htmx:afterRequest", function () { window.setTimeout(syncInvalid, 0); });
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = formOf(event);
    if (!form || !form.querySelector(".field-error")) { return; }
    form.querySelectorAll(".field-error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    var summary = document.getElementById("builder-errors");
    if (summary) { summary.hidden = true; summary.textContent = ""; }
    syncInvalid();
  });

  // A form sent the ordinary way (an upload): its button says it is working.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.matches || !form.matches("form#upload, form[data-busy]")) {
      return;
    }
    window.setTimeout(function () { busy(form, null, true); }, 0); // after the form is read
  });
  window.addEventListener("pageshow", function () { // back to a page kept in the cache
    document.querySelectorAll("form[aria-busy]").forEach(function (form) { busy(form, null, false); });
  });
})();
