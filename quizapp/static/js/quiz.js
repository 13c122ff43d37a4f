/* Drag a question to reorder: a progressive enhancement over the arrow buttons, which work without it. */
(function () {
  var list = document.querySelector('.quiz-items');
  var form = document.getElementById('order-form');
  if (!list || !form) return;
  var dragged = null;
  list.addEventListener('dragstart', function (event) {
    dragged = event.target.closest('li[data-item]');
    if (dragged) { event.dataTransfer.effectAllowed = 'move'; dragged.classList.add('dragging'); }
  });
  list.addEventListener('dragover', function (event) {
    var over = event.target.closest('li[data-item]');
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    var box = over.getBoundingClientRect();
    list.insertBefore(dragged, event.clientY > box.top + box.height / 2 ? over.nextSibling : over);
  });
  list.addEventListener('drop', function (event) {
    if (!dragged) return;
    event.preventDefault();
    var ids = Array.prototype.map.call(list.querySelectorAll('li[data-item]'), function (li) { return li.dataset.item; });
    form.elements.order.value = ids.join(',');
    form.submit();
  });
  list.addEventListener('dragend', function () { if (dragged) dragged.classList.remove('dragging'); dragged = null; });
})();
