/* Refuse an oversized file before sending it, so what was typed in the form is not lost. */
(function () {
  var form = document.querySelector('form[data-max-bytes]');
  var input = form && form.querySelector('input[type=file]');
  if (!input) { return; }
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    var tooLarge = file && file.size > Number(form.dataset.maxBytes);
    input.setCustomValidity(tooLarge ? form.dataset.tooLarge : '');
    if (tooLarge) { input.reportValidity(); }
  });
  form.addEventListener('submit', function (event) {
    if (!input.checkValidity()) { event.preventDefault(); input.reportValidity(); }
  });
}());
