// Draws a child's case as a BPMN diagram (bpmn-js viewer) and marks the steps it waits in and has passed.
(function () {
  document.querySelectorAll('.case-diagram').forEach(function (el) {
    if (!window.BpmnJS) {
      el.textContent = el.dataset.error;
      return;
    }
    var viewer = new window.BpmnJS({ container: el });
    fetch(el.dataset.model, { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () { return fetch(el.dataset.state, { credentials: 'same-origin' }); })
      .then(function (r) { return r.json(); })
      .then(function (state) {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        state.passed.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'cf-passed'); } });
        state.active.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'cf-active'); } });
        canvas.zoom('fit-viewport');
        el.setAttribute('data-rendered', state.active.join(' '));
      })
      .catch(function () { el.textContent = el.dataset.error; });
  });
})();
