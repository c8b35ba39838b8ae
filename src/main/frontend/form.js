// The form-js editor for Camunda Forms (the .form files user tasks reference by camunda:formRef).
import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';
import { startEditor } from './editor-page.js';

startEditor(function (canvas) {
  var editor = new FormEditor({ container: canvas });
  return {
    load: function (json) {
      return editor.importSchema(JSON.parse(json));
    },
    onChange: function (listener) {
      editor.on('changed', listener);
    },
    save: function () {
      return JSON.stringify(editor.saveSchema(), null, 2) + '\n';
    }
  };
});
