// The BPMN modeller with the Camunda 7 properties panel (assignee, candidate groups, due date, form
// reference, timers, listeners, delegate expressions) and the Camunda 7 modelling behaviours.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import { startEditor } from './editor-page.js';
import { chineseWhenPageIs } from './zh.js';

startEditor(function (canvas, panel) {
  var modeler = new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule
    ].concat(chineseWhenPageIs()),
    moddleExtensions: { camunda: camundaModdle }
  });
  return {
    load: function (xml) {
      return modeler.importXML(xml).then(function () {
        // the whole diagram in view, moved right of the palette so no step hides under it
        var canvas = modeler.get('canvas');
        var palette = 140;
        canvas.zoom('fit-viewport');
        var box = canvas.viewbox();
        canvas.zoom(box.scale * Math.max(0.3, (box.outer.width - palette) / box.outer.width));
        box = canvas.viewbox();
        canvas.scroll({ dx: palette - (box.inner.x - box.x) * box.scale, dy: 0 });
      });
    },
    onChange: function (listener) {
      modeler.on('commandStack.changed', listener);
    },
    save: function () {
      return modeler.saveXML({ format: true }).then(function (r) { return r.xml; });
    }
  };
});
