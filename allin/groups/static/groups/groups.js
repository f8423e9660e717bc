// Drag and drop for the groups page (progressive enhancement): dropping a person on a group fills in that
// person's "Verplaats" form and submits it, so the server does the move exactly as without JavaScript.
(function () {
  "use strict";
  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest("li[data-participant][draggable='true']");
    if (!item) return;
    dragged = item;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.dataset.participant);
  });
  document.addEventListener("dragover", function (event) {
    var card = dragged && event.target.closest && event.target.closest(".group-card");
    if (!card) return;
    event.preventDefault();
    card.classList.add("drop-target");
  });
  document.addEventListener("dragleave", function (event) {
    var card = event.target.closest && event.target.closest(".group-card");
    if (card) card.classList.remove("drop-target");
  });
  document.addEventListener("drop", function (event) {
    var card = dragged && event.target.closest && event.target.closest(".group-card");
    if (!card) return;
    event.preventDefault();
    var form = dragged.querySelector("form.move-form");
    var select = form && form.querySelector("select[name='group']");
    if (select && select.value !== card.dataset.group) {
      select.value = card.dataset.group;
      form.submit();
    }
    dragged = null;
  });
})();
