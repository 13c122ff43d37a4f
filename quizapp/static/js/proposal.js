/* The proposed quiz: say how many questions are ticked as they are ticked, and dim the ones left out.
   The form works without it: the server reads the boxes when the quiz is published. */
(function () {
  'use strict';
  var form = document.getElementById('proposal-form');
  var summary = document.getElementById('proposal-summary');
  if (!form || !summary) { return; }
  var boxes = form.querySelectorAll('input[type=checkbox][name=questions]');

  function update() {
    var ticked = 0;
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.checked) { ticked += 1; }
      var card = box.closest('.proposal-card');
      if (card) { card.classList.toggle('left-out', !box.checked); }
    });
    summary.textContent = ticked === 1 ? summary.dataset.one : summary.dataset.many.replace('{n}', ticked);
  }

  form.addEventListener('change', function (event) {
    if (event.target.name === 'questions') { update(); }
  });
  update();
}());
