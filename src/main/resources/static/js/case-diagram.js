// Draws a child's case as a BPMN diagram (bpmn-js viewer) and marks the steps it waits in and has passed.
// The diagram sits folded under the case; unfolded it takes the card's full width, fits itself, and zooms
// with the buttons above it (or by dragging and the mouse wheel).
(function () {
  document.querySelectorAll('.case-diagram').forEach(function (el) {
    if (!window.BpmnJS) {
      el.textContent = el.dataset.error;
      return;
    }
    var viewer = new window.BpmnJS({ container: el });
    var fold = el.closest('details');
    var canvas;
    function fit() {
      if (canvas && el.offsetParent !== null) {
        canvas.resized();
        canvas.zoom('fit-viewport', 'auto');
      }
    }
    if (fold) {
      fold.addEventListener('toggle', function () { if (fold.open) { fit(); } });
      fold.querySelectorAll('[data-zoom]').forEach(function (b) {
        b.addEventListener('click', function () {
          if (!canvas) { return; }
          var how = b.getAttribute('data-zoom');
          if (how === 'fit') { fit(); return; }
          canvas.zoom(canvas.zoom() * (how === 'in' ? 1.4 : 1 / 1.4), 'auto');
        });
      });
    }
    fetch(el.dataset.model, { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () { return fetch(el.dataset.state, { credentials: 'same-origin' }); })
      .then(function (r) { return r.json(); })
      .then(function (state) {
        canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        state.passed.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'cf-passed'); } });
        state.active.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'cf-active'); } });
        fit();
        el.setAttribute('data-rendered', state.active.join(' '));
      })
      .catch(function () { el.textContent = el.dataset.error; });
  });
})();
