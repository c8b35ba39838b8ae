// The roster import's progress: polls the job's status and updates the bar; when the import has
// ended, reloads the page, which then shows the counts or the rows' errors.
(function () {
  var box = document.getElementById('import-progress');
  if (!box) {
    return;
  }
  var bar = document.getElementById('import-bar');
  var text = document.getElementById('import-status');
  function poll() {
    fetch(box.dataset.status, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (s) {
        if (s.state !== 'CHECKING' && s.state !== 'WRITING') {
          window.location.replace(box.dataset.page);
          return;
        }
        if (s.total > 0) {
          bar.max = s.total;
          bar.value = s.written;
          text.textContent = box.dataset.writing.replace('{0}', s.written).replace('{1}', s.total);
        } else {
          text.textContent = box.dataset.checking;
        }
        setTimeout(poll, 700);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 500);
})();
