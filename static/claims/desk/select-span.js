/* Claimdesk review desk: turn a text selection in the shown article text into offsets.
 *
 * Every element with class "article-text" and a data-start attribute shows the article body
 * from that offset on (escaped; each invisible character is a <code class="invisible-char">
 * marker standing for one character). Selecting text inside one of them fills the inputs
 * named span_start, span_end and span_text of the form around it; the server checks the text
 * against the article at those offsets. No framework, no inline code (the CSP allows only
 * scripts served from the site).
 */
(function () {
  "use strict";

  function isMarker(node) {
    return node.nodeType === Node.ELEMENT_NODE && node.classList.contains("invisible-char");
  }

  function markerChar(node) {
    var hex = node.textContent.replace(/^\[U\+/, "").replace(/\]$/, "");
    return String.fromCodePoint(parseInt(hex, 16));
  }

  // The article characters a node stands for.
  function textOf(node) {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (isMarker(node)) return markerChar(node);
    var out = "";
    for (var i = 0; i < node.childNodes.length; i++) out += textOf(node.childNodes[i]);
    return out;
  }

  // How many article characters of `root` come before the point (container, offset).
  function charsBefore(root, container, offset) {
    var total = 0;
    var done = false;
    function walk(node) {
      if (done) return;
      if (isMarker(node) && node.contains(container)) {
        done = true; // inside a marker: its start
        return;
      }
      if (node === container) {
        if (node.nodeType === Node.TEXT_NODE) {
          total += offset;
        } else {
          for (var i = 0; i < offset; i++) total += textOf(node.childNodes[i]).length;
        }
        done = true;
        return;
      }
      if (node.nodeType === Node.TEXT_NODE || isMarker(node)) {
        total += textOf(node).length;
        return;
      }
      for (var j = 0; j < node.childNodes.length && !done; j++) walk(node.childNodes[j]);
    }
    walk(root);
    return done ? total : null;
  }

  function fill(form, start, end, text) {
    var fields = { span_start: start, span_end: end, span_text: text };
    Object.keys(fields).forEach(function (name) {
      var input = form.querySelector('[name="' + name + '"]');
      if (input) input.value = fields[name];
    });
    var shown = form.querySelector("[data-selection]");
    if (shown) shown.textContent = text ? "“" + text + "” (" + start + "–" + end + ")" : "";
  }

  document.addEventListener("selectionchange", function () {
    var selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    var node = range.commonAncestorContainer;
    var root = (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement).closest(
      ".article-text[data-start]"
    );
    var form = root && root.closest("form");
    if (!form) return;
    var a = charsBefore(root, range.startContainer, range.startOffset);
    var b = charsBefore(root, range.endContainer, range.endOffset);
    if (a === null || b === null || b <= a) return;
    var text = textOf(root).slice(a, b);
    var lead = text.length - text.replace(/^\s+/, "").length;
    var trail = text.length - text.replace(/\s+$/, "").length;
    text = text.slice(lead, text.length - trail);
    if (!text) return;
    var base = parseInt(root.getAttribute("data-start"), 10);
    fill(form, base + a + lead, base + b - trail, text);
  });
})();
