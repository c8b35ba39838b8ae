package org.careflow.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The small part of the engine's expression language a model may use: careflow's own beans and their
 * methods ({@code ${caseRoles.classTeacherOf(caseId)}}), process variables by name, {@code execution.<a few
 * properties>}, string, number and boolean literals, comparisons, arithmetic, {@code && || ! ?:} and
 * {@code empty}. No function calls, no calls on anything but an allowed bean, no chained calls, no
 * properties of beans or variables, no brackets: nothing can reach a class, a class loader or the JVM.
 */
public final class ExpressionRules {

  /** How a text is used by the engine, which decides what it may be. */
  public enum Use { GENERAL, TIMER, DELEGATE }

  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
      "div", "mod", "empty", "true", "false", "null", "instanceof");

  /** Methods every object has, none of them a bean's business. */
  static final Set<String> OBJECT_METHODS = Set.of("getClass", "wait", "notify", "notifyAll", "hashCode", "clone", "finalize");

  private ExpressionRules() {}

  /** Whether a text may contain an expression at all: the engine treats ${ and #{ as expressions. */
  public static boolean hasExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** True when the text (literal parts and expressions) is allowed for this use. */
  public static boolean allowed(String text, Use use) {
    if (text == null) {
      return true;
    }
    String t = text.strip();
    if (use == Use.DELEGATE) {
      return t.matches("[$#]\\{[A-Za-z][A-Za-z0-9]*}") && ModelVocabulary.BEANS.contains(t.substring(2, t.length() - 1));
    }
    if (!hasExpression(t)) {
      return !t.contains("\\$") && !t.contains("\\#");
    }
    List<String> expressions = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if ((c == '$' || c == '#') && i + 1 < t.length() && t.charAt(i + 1) == '{') {
        int end = closing(t, i + 2);
        if (end < 0) {
          return false;
        }
        expressions.add(t.substring(i + 2, end));
        i = end + 1;
      } else {
        if (c == '\\') {
          return false; // escapes in the literal part: not worth the doubt
        }
        literal.append(c);
        i++;
      }
    }
    if (use == Use.TIMER && (expressions.size() != 1 || !literal.toString().isBlank())) {
      return false;
    }
    for (String e : expressions) {
      List<String> tokens = tokens(e);
      if (tokens == null || tokens.isEmpty() || !new Parser(tokens).expressionOnly()) {
        return false;
      }
      if (use == Use.TIMER && !timerCall(tokens)) {
        return false;
      }
    }
    return true;
  }

  /** {@code calendarBean.method(...)} and nothing around it. */
  private static boolean timerCall(List<String> t) {
    if (t.size() < 5 || !ModelVocabulary.TIMER_BEANS.contains(t.get(0)) || !t.get(1).equals(".") || !ident(t.get(2))
        || !t.get(3).equals("(") || !t.get(t.size() - 1).equals(")")) {
      return false;
    }
    int depth = 0;
    for (int k = 3; k < t.size(); k++) {
      depth += t.get(k).equals("(") ? 1 : t.get(k).equals(")") ? -1 : 0;
      if (depth == 0 && k < t.size() - 1) {
        return false;
      }
    }
    return true;
  }

  /** Index of the } closing an expression that starts at from, skipping string literals; -1 if none. */
  private static int closing(String s, int from) {
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      } else if (c == '{') {
        return -1;
      }
    }
    return -1;
  }

  private static final List<String> OPERATORS = List.of("&&", "||", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%",
      "!", "(", ")", ",", ".", "?", ":");

  /** Tokens of an expression, or null when it holds anything outside the subset. Strings become "'". */
  static List<String> tokens(String e) {
    List<String> out = new ArrayList<>();
    int i = 0;
    outer:
    while (i < e.length()) {
      char c = e.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < e.length() && e.charAt(j) != c) {
          j += e.charAt(j) == '\\' ? 2 : 1;
        }
        if (j >= e.length()) {
          return null;
        }
        out.add("'");
        i = j + 1;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < e.length() && (Character.isDigit(e.charAt(j)) || e.charAt(j) == '.')) {
          j++;
        }
        if (j < e.length() && Character.isLetter(e.charAt(j))) {
          return null;
        }
        out.add("0");
        i = j;
      } else if (c < 128 && (Character.isLetter(c) || c == '_')) {
        int j = i;
        while (j < e.length() && e.charAt(j) < 128 && (Character.isLetterOrDigit(e.charAt(j)) || e.charAt(j) == '_')) {
          j++;
        }
        out.add(e.substring(i, j));
        i = j;
      } else {
        for (String op : OPERATORS) {
          if (e.startsWith(op, i)) {
            out.add(op);
            i += op.length();
            continue outer;
          }
        }
        return null; // [ ] { } ; = ~ and everything else
      }
    }
    return out;
  }

  static boolean ident(String t) {
    return !t.isEmpty() && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') && !KEYWORDS.contains(t);
  }

  /** Recursive descent over the tokens; any token it does not expect fails the whole expression. */
  private static final class Parser {
    private final List<String> t;
    private int p;

    Parser(List<String> tokens) {
      this.t = tokens;
    }

    boolean expressionOnly() {
      return expr() && p == t.size();
    }

    private String peek() {
      return p < t.size() ? t.get(p) : "";
    }

    private boolean eat(String... options) {
      for (String o : options) {
        if (peek().equals(o)) {
          p++;
          return true;
        }
      }
      return false;
    }

    private boolean expr() {
      if (!binary(0)) {
        return false;
      }
      if (eat("?")) {
        return expr() && eat(":") && expr();
      }
      return true;
    }

    private static final String[][] LEVELS = {
        {"||", "or"}, {"&&", "and"}, {"==", "!=", "eq", "ne"}, {"<", ">", "<=", ">=", "lt", "gt", "le", "ge"},
        {"+", "-"}, {"*", "/", "%", "div", "mod"}};

    private boolean binary(int level) {
      if (level == LEVELS.length) {
        return unary();
      }
      if (!binary(level + 1)) {
        return false;
      }
      while (eat(LEVELS[level])) {
        if (!binary(level + 1)) {
          return false;
        }
      }
      return true;
    }

    private boolean unary() {
      if (eat("!", "not", "-", "empty")) {
        return unary();
      }
      return primary();
    }

    private boolean primary() {
      String tok = peek();
      if (tok.equals("'") || tok.equals("0") || tok.equals("true") || tok.equals("false") || tok.equals("null")) {
        p++;
        return !peek().equals(".") && !peek().equals("(");
      }
      if (eat("(")) {
        return expr() && eat(")") && !peek().equals(".") && !peek().equals("(");
      }
      if (!ident(tok)) {
        return false;
      }
      p++;
      if (peek().equals("(")) {
        return false; // functions
      }
      if (!eat(".")) {
        return true; // a variable, or a bean by name
      }
      String member = peek();
      if (!ident(member)) {
        return false;
      }
      p++;
      if (ModelVocabulary.BEANS.contains(tok)) {
        if (OBJECT_METHODS.contains(member) || !eat("(")) {
          return false; // properties of beans
        }
        if (!eat(")")) {
          do {
            if (!expr()) {
              return false;
            }
          } while (eat(","));
          if (!eat(")")) {
            return false;
          }
        }
      } else if (!(ModelVocabulary.SCOPE_NAMES.contains(tok) && ModelVocabulary.SCOPE_PROPERTIES.contains(member))) {
        return false;
      }
      return !peek().equals(".") && !peek().equals("(");
    }
  }
}
