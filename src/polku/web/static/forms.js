// Ask before a form marked data-confirm is sent (a delete); no inline handlers, so the
// Content-Security-Policy can forbid inline scripts.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) { event.preventDefault(); }
}, true);
