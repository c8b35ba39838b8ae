// careflow's small helpers on every page; the pages work without them.
(function () {
  // Printing unfolds every folded part (records of earlier terms, the archive, the change log) and folds
  // back afterwards what the reader had folded.
  var unfolded = [];
  window.addEventListener('beforeprint', function () {
    unfolded = Array.prototype.filter.call(document.querySelectorAll('details'), function (d) { return !d.open; });
    unfolded.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    unfolded.forEach(function (d) { d.open = false; });
    unfolded = [];
  });

  // A field's error goes away as soon as the field is fixed, not at the next submit.
  function filled(field) {
    var inputs = field.querySelectorAll('input:not([type=hidden]), select, textarea');
    var choices = Array.prototype.filter.call(inputs, function (i) { return i.type === 'checkbox' || i.type === 'radio'; });
    if (choices.length > 0) {
      return choices.some(function (i) { return i.checked; });
    }
    return Array.prototype.every.call(inputs, function (i) { return i.value.trim() !== '' && (!i.checkValidity || i.checkValidity()); });
  }
  function settle(e) {
    var field = e.target.closest && e.target.closest('.field.invalid');
    if (field && filled(field)) {
      field.classList.remove('invalid');
      field.querySelectorAll('.field-error').forEach(function (p) { p.hidden = true; });
      field.querySelectorAll('[aria-invalid]').forEach(function (i) { i.removeAttribute('aria-invalid'); });
    }
  }
  document.addEventListener('input', settle);
  document.addEventListener('change', settle);
})();
