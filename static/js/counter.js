// A character counter under a text field with a limit (data-limit), shown from data-counter-from
// on. The field has no maxlength, so a long paste is never cut off silently: the counter says
// how far over the limit the text is, and the server refuses it with the text kept.
(function () {
  "use strict";

  function attach(field) {
    if (field.dataset.counted) {
      return;
    }
    field.dataset.counted = "true";
    var limit = Number(field.dataset.limit);
    var from = Number(field.dataset.counterFrom || 0);
    var counter = document.createElement("small");
    counter.className = "char-counter";
    counter.id = field.id + "_counter";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);

    function update() {
      var count = field.value.length;
      counter.hidden = count < from;
      counter.textContent = field.dataset.counterText
        .replace("{count}", count)
        .replace("{limit}", limit);
      counter.classList.toggle("field-error", count > limit);
    }

    field.addEventListener("input", update);
    update();
  }

  function attachAll(root) {
    Array.prototype.forEach.call(root.querySelectorAll("textarea[data-limit]"), attach);
  }

  attachAll(document);
  document.addEventListener("htmx:load", function (event) { attachAll(event.target); });
})();
