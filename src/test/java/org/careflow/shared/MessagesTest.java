package org.careflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every user-visible string comes from the message bundles, and both languages have every key. */
class MessagesTest {

  static final Path RESOURCES = Path.of("src/main/resources");

  static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    Set<String> zh = new TreeSet<>(bundle("messages_zh_CN.properties").stringPropertyNames());
    Set<String> en = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
    Set<String> onlyZh = new TreeSet<>(zh);
    onlyZh.removeAll(en);
    Set<String> onlyEn = new TreeSet<>(en);
    onlyEn.removeAll(zh);
    assertThat(onlyZh).as("keys only in Chinese").isEmpty();
    assertThat(onlyEn).as("keys only in English").isEmpty();
    assertThat(zh).hasSizeGreaterThan(100);
  }

  /**
   * The schools' own words (docs/GLOSSARY.md): none of the words of inspection, social work or
   * policing that the care work plans do not use, in the Chinese bundle or in the forms' labels.
   */
  static final List<String> NOT_THE_SCHOOLS_WORDS = List.of("督导", "个案", "结案", "认领", "经办人", "经办教师", "失联",
      "高风险", "中风险", "低风险");

  static List<String> notTheSchoolsWords(String where, String text) {
    return NOT_THE_SCHOOLS_WORDS.stream().filter(text::contains).map(w -> where + ": " + w).toList();
  }

  @Test
  void theChineseTextsUseTheSchoolsOwnWords() throws IOException {
    List<String> found = new ArrayList<>();
    Properties zh = bundle("messages_zh_CN.properties");
    zh.stringPropertyNames().stream().sorted().forEach(k -> found.addAll(notTheSchoolsWords(k, zh.getProperty(k))));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path f : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        found.addAll(notTheSchoolsWords(f.getFileName().toString(), Files.readString(f)));
      }
    }
    assertThat(found).isEmpty();
    assertThat(notTheSchoolsWords("x", "已结案的个案")).containsExactly("x: 个案", "x: 结案");
  }

  @Test
  void everyMessageKeyUsedByATemplateExists() throws IOException {
    Set<String> keys = bundle("messages_zh_CN.properties").stringPropertyNames();
    Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
    List<String> missing = new ArrayList<>();
    for (Path t : templates()) {
      Matcher m = literalKey.matcher(Files.readString(t));
      while (m.find()) {
        if (!keys.contains(m.group(1))) {
          missing.add(t.getFileName() + ": " + m.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
      return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
  }

  /** Attributes that replace an element's content, so the text written inside is only a designer's placeholder. */
  static final Pattern REPLACES = Pattern.compile("\\s(th:text|th:utext|th:replace|th:insert|sec:authentication)=");
  static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][\\w:-]*)([^>]*?)(/?)>", Pattern.DOTALL);
  static final Pattern VISIBLE_ATTRIBUTE = Pattern.compile("\\s(placeholder|title|alt|aria-label)=\"([^\"]*)\"");
  static final Set<String> VOID = Set.of("input", "meta", "link", "br", "img", "hr", "col", "source");

  /** Finds text a user would read that a template writes itself instead of taking from the bundles. */
  static List<String> hardCoded(String html) {
    List<String> found = new ArrayList<>();
    Deque<Boolean> replaced = new ArrayDeque<>();
    replaced.push(false);
    Matcher m = TAG.matcher(html);
    int last = 0;
    while (m.find()) {
      String text = html.substring(last, m.start()).strip();
      if (!replaced.peek() && text.codePoints().anyMatch(Character::isLetter) && !text.startsWith("<!")) {
        found.add("text \"" + text + "\"");
      }
      last = m.end();
      String name = m.group(2).toLowerCase();
      if (name.equals("script") || name.equals("style")) {
        continue;
      }
      Matcher a = VISIBLE_ATTRIBUTE.matcher(m.group(3));
      while (a.find()) {
        if (a.group(2).codePoints().anyMatch(Character::isLetter)) {
          found.add(a.group(1) + "=\"" + a.group(2) + "\"");
        }
      }
      if (m.group(1).equals("/")) {
        if (replaced.size() > 1) {
          replaced.pop();
        }
      } else if (m.group(4).isEmpty() && !VOID.contains(name)) {
        replaced.push(replaced.peek() || REPLACES.matcher(m.group(3)).find());
      }
    }
    return found;
  }

  @Test
  void templatesHoldNoHardCodedUserVisibleText() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path t : templates()) {
      hardCoded(Files.readString(t)).forEach(p -> problems.add(t.getFileName() + ": " + p));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckerCatchesHardCodedText() {
    assertThat(hardCoded("<p>Hello</p><p th:text=\"#{x}\">placeholder</p>")).containsExactly("text \"Hello\"");
    assertThat(hardCoded("<input placeholder=\"姓名\"><input th:placeholder=\"#{x}\">")).containsExactly("placeholder=\"姓名\"");
    assertThat(hardCoded("<div th:replace=\"~{x}\"><span>ok</span></div><span>不行</span>")).containsExactly("text \"不行\"");
  }
}
