// Snelteksten: a row of buttons above a note (a textarea with data-phrases, cases/forms/phrases.py).
// A tap puts the phrase in the note where the cursor was (at the end if the worker has not been
// in the note yet), with a space or a full stop between it and the text around it, and puts the
// cursor after it, so the worker types on. The inserted text is ordinary text in the field.
// Without JavaScript there are no buttons and the note is a plain text field.
(function () {
  "use strict";

  function separated(before, phrase, after) {
    var lead = "";
    if (before && !/\s$/.test(before)) {
      lead = /[.!?:;,]$/.test(before) ? " " : ". ";
    }
    var tail = after === "" || !/^\s/.test(after) ? " " : "";
    return { text: lead + phrase + tail, caret: (lead + phrase + tail).length };
  }

  function insert(field, phrase) {
    var value = field.value;
    var start = value.length;
    var end = value.length;
    if (field.dataset.phrasesTouched) {
      start = field.selectionStart;
      end = field.selectionEnd;
    }
    var before = value.slice(0, start);
    var after = value.slice(end);
    var piece = separated(before, phrase, after);
    field.value = before + piece.text + after;
    var caret = before.length + piece.caret;
    field.focus();
    field.setSelectionRange(caret, caret);
    field.dataset.phrasesTouched = "true";
    // The character counter (counter.js) and anything else listening see the change.
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function attach(field) {
    if (field.dataset.phrasesAttached) {
      return;
    }
    field.dataset.phrasesAttached = "true";
    var phrases;
    try {
      phrases = JSON.parse(field.dataset.phrases);
    } catch (error) {
      return;
    }
    ["focus", "input", "select", "pointerup", "keyup"].forEach(function (name) {
      field.addEventListener(name, function () { field.dataset.phrasesTouched = "true"; });
    });
    var group = document.createElement("div");
    group.className = "phrase-chips";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", field.dataset.phrasesLabel);
    var hint = document.createElement("small");
    hint.className = "phrase-hint";
    hint.id = field.id + "_phrases_hint";
    hint.textContent = field.dataset.phrasesHint;
    group.setAttribute("aria-describedby", hint.id);
    phrases.forEach(function (phrase) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "phrase-chip secondary outline";
      button.textContent = phrase;
      button.addEventListener("click", function () { insert(field, phrase); });
      group.appendChild(button);
    });
    field.insertAdjacentElement("beforebegin", hint);
    field.insertAdjacentElement("beforebegin", group);
  }

  function attachAll(root) {
    Array.prototype.forEach.call(root.querySelectorAll("textarea[data-phrases]"), attach);
  }

  attachAll(document);
  document.addEventListener("htmx:load", function (event) { attachAll(event.target); });
})();
