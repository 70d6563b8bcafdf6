(function () {
  "use strict";
  var body = document.body;
  // Side-by-side columns are built from the one inline copy of each diff: old = without <ins>, new = without <del>.
  function buildColumns() {
    var nodes = document.querySelectorAll(".entry .diff");
    for (var i = 0; i < nodes.length; i++) {
      var d = nodes[i], cols = d.parentNode;
      if (!cols) continue;
      var oldc = d.cloneNode(true), newc = d.cloneNode(true);
      oldc.className = newc.className = "txt side";
      oldc.removeAttribute("id"); newc.removeAttribute("id");
      Array.prototype.forEach.call(oldc.querySelectorAll("ins"), function (e) { e.remove(); });
      Array.prototype.forEach.call(newc.querySelectorAll("del"), function (e) { e.remove(); });
      cols.appendChild(oldc); cols.appendChild(newc);
    }
  }
  function focusOn(el) {
    if (!el) return;
    var prev = document.querySelectorAll(".focus");
    for (var i = 0; i < prev.length; i++) prev[i].classList.remove("focus");
    el.classList.add("focus");
    el.scrollIntoView({block: "center"});
  }
  function visible(el) { return el.offsetParent !== null; }
  var current = -1;
  function changes() {
    return Array.prototype.filter.call(document.querySelectorAll(".entry:not(.equal)"), visible);
  }
  function step(dir) {
    var list = changes();
    if (!list.length) return;
    var y = window.scrollY + window.innerHeight / 2, idx = -1;
    if (current >= 0 && list[current] && list[current].classList.contains("focus")) idx = current + dir;
    else {
      for (var i = 0; i < list.length; i++) {
        var top = list[i].getBoundingClientRect().top + window.scrollY;
        if (dir > 0 && top > y + 1) { idx = i; break; }
        if (dir < 0 && top < y - 1) idx = i;
      }
      if (idx < 0) idx = dir > 0 ? 0 : list.length - 1;
    }
    idx = Math.max(0, Math.min(list.length - 1, idx));
    current = idx;
    focusOn(list[idx]);
  }
  document.addEventListener("keydown", function (e) {
    if (e.target && /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) return;
    if (e.key === "n") step(1);
    else if (e.key === "p") step(-1);
  });
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[data-jump]") : null;
    if (a) {
      e.preventDefault();
      var target = document.getElementById(a.getAttribute("data-jump"));
      if (target) { focusOn(target); history.replaceState(null, "", "#" + target.id); }
    }
  });
  var map = document.getElementById("changemap");
  if (map) {
    map.addEventListener("click", function (e) {
      var t = e.target;
      if (t.tagName === "I" && t.getAttribute("data-to")) { focusOn(document.getElementById(t.getAttribute("data-to"))); return; }
      var r = map.getBoundingClientRect(), frac = (e.clientY - r.top) / r.height;
      var entries = document.querySelectorAll(".entry");
      focusOn(entries[Math.min(entries.length - 1, Math.floor(frac * entries.length))]);
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[name=filter]"), function (r) {
    r.addEventListener("change", function () {
      body.classList.remove("f-changed", "f-addrem", "f-moved");
      if (r.value !== "all") body.classList.add("f-" + r.value);
    });
  });
  var view = document.getElementById("view-toggle");
  if (view) view.addEventListener("click", function () {
    body.classList.toggle("view-inline");
    view.textContent = body.classList.contains("view-inline") ? "side-by-side view" : "inline view";
  });
  var bp = document.getElementById("hide-boilerplate");
  if (bp) bp.addEventListener("change", function () { body.classList.toggle("hide-boilerplate", bp.checked); });
  // sortable tables
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable th"), function (th, col) {
    th.addEventListener("click", function () {
      var table = th.closest("table"), tbody = table.tBodies[0];
      var rows = Array.prototype.slice.call(tbody.rows), asc = th.getAttribute("data-asc") !== "1";
      rows.sort(function (a, b) {
        var x = a.cells[col].textContent, y = b.cells[col].textContent, nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return asc ? c : -c;
      });
      th.setAttribute("data-asc", asc ? "1" : "0");
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });
  buildColumns();
  body.classList.remove("view-inline");  // without JavaScript the page stays in the inline view
  if (location.hash) focusOn(document.getElementById(location.hash.slice(1)));
})();
