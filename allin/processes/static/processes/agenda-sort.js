// Drag and drop for agenda rows. The ↑/↓ buttons do the same for keyboard and screen-reader users; this only
// adds a faster way for mouse users, and posts the full new order so the server can refuse a stale one.
(function () {
  "use strict";

  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function setup(region) {
    var table = region.querySelector("table[data-reorder-url]");
    if (!table) return;
    var body = table.tBodies[0];
    var dragged = null;
    Array.prototype.forEach.call(body.rows, function (row) {
      row.draggable = true;
      row.addEventListener("dragstart", function (event) {
        dragged = row;
        row.classList.add("dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", row.dataset.itemId);
      });
      row.addEventListener("dragend", function () {
        row.classList.remove("dragging");
      });
      row.addEventListener("dragover", function (event) {
        if (!dragged || dragged === row) return;
        event.preventDefault();
        var box = row.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        body.insertBefore(dragged, after ? row.nextSibling : row);
      });
      row.addEventListener("drop", function (event) {
        event.preventDefault();
      });
    });
    body.addEventListener("drop", function () {
      if (!dragged) return;
      dragged = null;
      var params = new URLSearchParams();
      Array.prototype.forEach.call(body.rows, function (row) {
        params.append("order", row.dataset.itemId);
      });
      fetch(table.dataset.reorderUrl, {
        method: "POST",
        body: params,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), "HX-Request": "true" },
      }).then(function (response) {
        return response.text().then(function (html) {
          if (!response.ok) {
            window.location.reload();
            return;
          }
          region.innerHTML = html;
          if (window.htmx) window.htmx.process(region);
          setup(region);
          var status = region.querySelector("[data-sort-status]");
          if (status) status.textContent = status.dataset.sortStatus;
        });
      });
    });
  }

  function init() {
    var region = document.getElementById("agenda-region");
    if (region) setup(region);
  }

  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target && event.target.id === "agenda-region") init();
  });
})();
