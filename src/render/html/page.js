"use strict";
// driftcheck's own script: filters by kind and severity, counts, and a click
// on a highlight goes to its finding. It reads only attributes driftcheck
// wrote (kind and severity names, ids) and never the documents' text.
(function () {
  var RANK = { info: 1, warning: 2, error: 3 };
  var NAME = ["", "info", "warning", "error"];
  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }
  var boxes = all("#filters input[data-filter]");
  var only = document.getElementById("only-findings");
  var findings = all("li.finding");
  var marked = all("[data-f]");
  var rows = all("tr.row");
  var shown = {};
  function apply() {
    var off = {};
    boxes.forEach(function (b) {
      if (!b.checked) off[b.value] = true;
    });
    shown = {};
    findings.forEach(function (li) {
      var on = !off[li.dataset.kind] && !off[li.dataset.sev];
      li.hidden = !on;
      if (on) shown[li.id] = RANK[li.dataset.sev] || 0;
    });
    marked.forEach(function (el) {
      var best = 0;
      el.dataset.f.split(" ").forEach(function (id) {
        best = Math.max(best, shown[id] || 0);
      });
      el.dataset.show = NAME[best];
    });
    rows.forEach(function (tr) {
      var has = tr.querySelector("[data-show=error],[data-show=warning],[data-show=info]");
      tr.classList.toggle("has", has !== null);
    });
    document.body.classList.toggle("only-findings", only.checked);
  }
  var counts = {};
  findings.forEach(function (li) {
    [li.dataset.kind, li.dataset.sev].forEach(function (k) {
      counts[k] = (counts[k] || 0) + 1;
    });
  });
  boxes.forEach(function (b) {
    var n = counts[b.value] || 0;
    b.parentNode.querySelector(".count").textContent = String(n);
    b.parentNode.classList.toggle("none", n === 0);
  });
  // report.html?hide=calque,info&only: a filtered view to link to.
  var query = new URLSearchParams(location.search);
  (query.get("hide") || "").split(",").forEach(function (v) {
    boxes.forEach(function (b) {
      if (b.value === v) b.checked = false;
    });
  });
  if (query.has("only")) only.checked = true;
  boxes.concat([only]).forEach(function (b) {
    b.addEventListener("change", apply);
  });
  document.addEventListener("click", function (e) {
    var el = e.target.closest ? e.target.closest("[data-f]") : null;
    if (!el) return;
    var target = el.dataset.f.split(" ").filter(function (id) {
      return shown[id];
    })[0];
    if (target) location.hash = target;
  });
  apply();
  document.documentElement.dataset.ready = "1";
})();
