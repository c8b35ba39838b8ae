package org.careflow.design;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Whether a model file is safe to hand to the engine, read as plain XML before the engine parses
 * anything (a timer start event's date is evaluated while deploying): no DOCTYPE, no scripts in any form,
 * no Java classes by name, every expression within {@link ExpressionRules} and every bean from
 * {@link ModelVocabulary}, decisions only in FEEL or the same expression subset. Works on BPMN, DMN
 * and CMMN alike: it looks at every element, attribute and text.
 */
public final class ModelSafety {

  private static final Set<String> TIMER_ELEMENTS = Set.of("timeDate", "timeDuration", "timeCycle");
  private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression", "variableMappingDelegateExpression");
  /** Expression languages a decision may name: FEEL (by name or its OMG address) and the engine's own EL, checked like BPMN. */
  private static final Set<String> TYPE_LANGUAGES = Set.of("http://www.w3.org/2001/XMLSchema", "http://www.w3.org/1999/XPath");

  private ModelSafety() {}

  /** Whether the engine would parse a resource of this name as a model. */
  public static boolean isModel(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".bpmn") || n.endsWith(".bpmn20.xml") || n.endsWith(".dmn") || n.endsWith(".dmn11.xml")
        || n.endsWith(".cmmn") || n.endsWith(".cmmn11.xml");
  }

  /** The broken rules of one file, each naming the element (its own id or its nearest ancestor's). */
  public static List<ModelRules.Violation> check(String resource, byte[] xml) {
    return check(resource, xml, name -> true);
  }

  /**
   * As {@link #check(String, byte[])}; {@code existingBean} tells which names are beans at all: a delegate
   * naming a bean outside the vocabulary is refused here, a name that is no bean is left to {@link ModelRules}
   * (which says it does not exist).
   */
  public static List<ModelRules.Violation> check(String resource, byte[] xml, java.util.function.Predicate<String> existingBean) {
    List<ModelRules.Violation> out = new ArrayList<>();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    Deque<String> ids = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    Deque<StringBuilder> texts = new ArrayDeque<>();
    boolean dmn = resource.toLowerCase(Locale.ROOT).contains(".dmn");
    XMLStreamReader r = null;
    try {
      r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION -> {
            // reported like any file the engine could not read, with the reason in the parenthesis
            out.add(v(resource, "unreadable", "a DOCTYPE or entity is not allowed", resource, "DOCTYPE and entities are not allowed"));
            return out;
          }
          case XMLStreamConstants.START_ELEMENT -> {
            String name = r.getLocalName();
            String id = r.getAttributeValue(null, "id");
            // an event definition is reported as its event, the element a person sees in the modeller
            boolean own = id != null && !id.isBlank() && !(name.endsWith("EventDefinition") && !ids.isEmpty());
            ids.push(own ? id : ids.isEmpty() ? resource : ids.peek());
            names.push(name);
            texts.push(new StringBuilder());
            element(r, name, ids.peek(), existingBean, out);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!texts.isEmpty()) {
              texts.peek().append(r.getText());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            String name = names.pop();
            String text = texts.pop().toString();
            String id = ids.pop();
            text(name, id, text, dmn, out);
          }
          default -> { }
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      out.add(new ModelRules.Violation(resource, "unreadable", "not readable XML: " + why, resource, why.length() > 300 ? why.substring(0, 300) : why));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing to release
        }
      }
    }
    return out;
  }

  private static void element(XMLStreamReader r, String name, String id, java.util.function.Predicate<String> existingBean,
      List<ModelRules.Violation> out) {
    if (name.equals("scriptTask") || name.equals("script")) {
      out.add(v(id, "script", "scripts are not allowed"));
    }
    if (name.equals("constraint") && "validator".equals(r.getAttributeValue(null, "name"))) {
      out.add(v(id, "javaClass", "Java classes are not allowed: validator", "validator"));
    }
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String attribute = r.getAttributeLocalName(i);
      String value = r.getAttributeValue(i);
      if (attribute.equals("scriptFormat") || attribute.equals("language") || attribute.equals("resource") && name.equals("script")) {
        out.add(v(id, "script", "scripts are not allowed"));
      } else if (attribute.equals("class") || attribute.endsWith("Class")) {
        out.add(v(id, "javaClass", "Java classes are not allowed: " + attribute, attribute));
      } else if (attribute.equals("expressionLanguage") || attribute.equals("typeLanguage")) {
        if (!languageAllowed(value)) {
          out.add(v(id, "language", "expression language '" + value + "' is not allowed", value));
        }
      } else if (DELEGATE_ATTRIBUTES.contains(attribute)) {
        String bean = value.strip().matches("[$#]\\{[A-Za-z][A-Za-z0-9]*}") ? value.strip().substring(2, value.strip().length() - 1) : null;
        if (bean != null && !ModelVocabulary.BEANS.contains(bean) && !existingBean.test(bean)) {
          continue; // no such bean: nothing it could run, and ModelRules names it
        }
        if (!ExpressionRules.allowed(value, ExpressionRules.Use.DELEGATE)) {
          out.add(v(id, "delegateBean", attribute + " must name one of careflow's beans: " + value, attribute, shorten(value)));
        }
      } else if (ExpressionRules.hasExpression(value) || value.contains("\\$") || value.contains("\\#")) {
        if (!ExpressionRules.allowed(value, ExpressionRules.Use.GENERAL)) {
          out.add(v(id, "expression", "expression not allowed in " + attribute + ": " + value, attribute, shorten(value)));
        }
      }
    }
  }

  private static void text(String name, String id, String text, boolean dmn, List<ModelRules.Violation> out) {
    if (name.equals("documentation") || text.isBlank()) {
      return;
    }
    if (dmn && text.matches("(?s).*\\bexternal\\b.*")) {
      out.add(v(id, "language", "FEEL external functions are not allowed", "external"));
      return;
    }
    if (TIMER_ELEMENTS.contains(name)) {
      if (ExpressionRules.hasExpression(text) && !ExpressionRules.allowed(text, ExpressionRules.Use.TIMER)) {
        out.add(v(id, "timerExpression", "a timer may only call a calendar: " + text, shorten(text), String.join(", ", new java.util.TreeSet<>(ModelVocabulary.TIMER_BEANS))));
      }
    } else if ((ExpressionRules.hasExpression(text) || text.contains("\\$") || text.contains("\\#"))
        && !ExpressionRules.allowed(text, ExpressionRules.Use.GENERAL)) {
      out.add(v(id, "expression", "expression not allowed in " + name + ": " + text, name, shorten(text)));
    }
  }

  static boolean languageAllowed(String value) {
    String l = value.strip().toLowerCase(Locale.ROOT);
    return l.equals("feel") || l.equals("juel") || TYPE_LANGUAGES.contains(value.strip())
        || l.matches("https?://www\\.omg\\.org/spec/(dmn/\\d+/)?feel/?(\\d+/?)?") || l.matches("https?://www\\.omg\\.org/spec/dmn/\\d+/feel/?");
  }

  private static String shorten(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() > 120 ? t.substring(0, 120) + "…" : t;
  }

  private static ModelRules.Violation v(String elementId, String code, String rule, Object... args) {
    return new ModelRules.Violation(elementId, code, rule, args);
  }
}
