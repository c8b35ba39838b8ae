// The DMN modeller: decision requirements diagram, decision tables and literal expressions.
import DmnModeler from 'dmn-js/lib/Modeler';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn.css';
import { startEditor } from './editor-page.js';

startEditor(function (canvas) {
  var modeler = new DmnModeler({ container: canvas });
  return {
    load: function (xml) {
      return modeler.importXML(xml).then(function () {
        // open the first decision table: that is where a coordinator changes the rules
        var table = modeler.getViews().filter(function (v) { return v.type === 'decisionTable'; })[0];
        return table ? modeler.open(table) : null;
      });
    },
    onChange: function (listener) {
      // each view (diagram, table, literal expression) has its own command stack
      var watch = function () {
        var viewer = modeler.getActiveViewer();
        if (viewer && !viewer.__careflowWatched) {
          viewer.__careflowWatched = true;
          viewer.on('commandStack.changed', listener);
        }
      };
      watch();
      modeler.on('views.changed', watch);
    },
    save: function () {
      return modeler.saveXML({ format: true }).then(function (r) { return r.xml; });
    }
  };
});
