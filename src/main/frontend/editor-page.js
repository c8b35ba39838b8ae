// The page around an editor on /design/edit: loads the model's file, and "save as draft" posts the
// edited file (with the page's CSRF token) to careflow, which keeps it in cf_model_draft without
// deploying it. Each editor bundle (bpmn.js, dmn.js, form.js) calls startEditor with its own editor.
export function startEditor(create) {
  var host = document.getElementById('editor');
  if (!host) {
    return;
  }
  var status = document.getElementById('editor-status');
  var form = document.getElementById('draft-form');
  var say = function (text, bad) {
    status.textContent = text;
    status.className = bad ? 'error' : 'muted';
  };
  var editor;
  try {
    editor = create(document.getElementById('editor-canvas'), document.getElementById('editor-panel'));
  } catch (e) {
    say(host.dataset.loadError, true);
    return;
  }
  // leaving with unsaved changes asks first
  var dirty = false;
  window.addEventListener('beforeunload', function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  fetch(host.dataset.source, { credentials: 'same-origin' })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
    .then(function (text) { return editor.load(text); })
    .then(function () {
      host.setAttribute('data-ready', 'true');
      form.querySelector('button').disabled = false;
      editor.onChange(function () { dirty = true; });
    })
    .catch(function () { say(host.dataset.loadError, true); });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button');
    button.disabled = true;
    say(host.dataset.saving, false);
    Promise.resolve(editor.save())
      .then(function (content) {
        var body = new URLSearchParams();
        body.append('resource', host.dataset.resource);
        body.append('content', content);
        body.append('comment', form.elements.comment.value);
        var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'Accept': 'application/json' };
        headers[host.dataset.csrfHeader] = host.dataset.csrfToken;
        return fetch(host.dataset.save, { method: 'POST', credentials: 'same-origin', headers: headers, body: body });
      })
      .then(function (r) { return r.json().then(function (json) { return { ok: r.ok, json: json }; }); })
      .then(function (answer) {
        if (answer.ok) {
          dirty = false;
          window.location.assign(answer.json.url);
        } else {
          say((answer.json.errors || []).join(' '), true);
          button.disabled = false;
        }
      })
      .catch(function () {
        say(host.dataset.saveError, true);
        button.disabled = false;
      });
  });
}
