package org.careflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.careflow.DemoSchoolApp;
import org.careflow.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * No codes and no login names where a reader expects words and names (issue 16, item 5): the demo school
 * (seeded as on a first start) is walked by each demo role in Chinese and in English, following the
 * links of every page from the landing page and the navigation (GET only, a bounded number of pages per
 * kind of address), and every page's visible text and every Excel export's cells are searched for what
 * looks like a code: UPPER_SNAKE words, {@code key:VALUE}, {@code true}/{@code false}, a missing message
 * ({@code ??key??}), or a demo login name where a person's name belongs.
 */
class NoCodesTest {

  static ConfigurableApplicationContext app;
  static int port;

  /** Pages of one kind (same address with the numbers taken out) walked per role and language. */
  static final int PER_KIND = 6;
  static final int MAX_PAGES = 160;

  static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");
  static final Pattern UPPER_SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");
  static final Pattern UPPER_WORD = Pattern.compile("\\b[A-Z]{4,}\\b");
  static final Pattern KEY_VALUE = Pattern.compile("\\b[a-z][A-Za-z]+:[A-Za-z_]{2,}\\b");
  static final Pattern BOOLEAN = Pattern.compile("\\b(true|false)\\b");
  static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[\\w.]+\\?\\?");
  /**
   * Demo login names: never in a Chinese page; in English "teacher" is a word, the numbered ones are not.
   * Part of a file name (forms/assign-mentor.form on the model pages) is not a name.
   */
  static final Pattern LOGIN_ZH = Pattern.compile(
      "(?<![A-Za-z0-9_./-])(teacher2?|mentor[23]?|coordinator|supervisor|counsellor|admin)(?![A-Za-z0-9_./-])");
  static final Pattern LOGIN_EN = Pattern.compile("(?<![A-Za-z0-9_./-])(teacher2|mentor2|mentor3)(?![A-Za-z0-9_./-])");
  /** Pages about accounts, where the user name is the thing shown (staff list, initial passwords). */
  static final Pattern ACCOUNT_PAGES = Pattern.compile("/setup/(staff|passwords)|/account/reminders");
  /**
   * The coordinator's list of activity kinds shows, beside each name, the code the activity-obligations
   * table in /design uses for it: there the code is what the reader needs, once, labelled as such.
   */
  static final Pattern RULE_CODE_PAGES = Pattern.compile("/activities/kinds");
  /** Words in capitals a reader knows (formats and standards named in the pages). */
  static final Set<String> KNOWN_CAPITALS = Set.of("BPMN", "DMN", "JSON", "XLSX", "HTTP", "HTTPS", "HTML", "UTF8", "TOTP", "CSRF", "REST", "JPEG");

  @BeforeAll
  static void startTheDemoSchool() {
    DemoSchoolApp demo = DemoSchoolApp.get();
    app = demo.app;
    port = demo.port;
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
      "teacher,zh-CN", "teacher,en", "mentor,zh-CN", "mentor,en", "coordinator,zh-CN", "coordinator,en",
      "supervisor,zh-CN", "supervisor,en", "counsellor,zh-CN", "counsellor,en", "admin,zh-CN", "admin,en"})
  void noPageShowsACodeOrALoginName(String user, String lang) {
    WebSession s = new WebSession(port).login(user, "demo");
    s.get("/?lang=" + lang);
    Map<String, List<String>> found = new HashMap<>();
    List<String> failed = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Map<String, Integer> perKind = new HashMap<>();
    Deque<String> todo = new ArrayDeque<>(List.of("/"));
    while (!todo.isEmpty() && seen.size() < MAX_PAGES) {
      String path = todo.poll();
      if (!seen.add(path) || perKind.merge(kind(path), 1, Integer::sum) > PER_KIND) {
        continue;
      }
      if (path.endsWith(".xlsx")) {
        HttpResponse<byte[]> r = s.send(HttpRequest.newBuilder(s.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 200) {
          look(path, workbookText(r.body()), lang, found);
        } else if (r.statusCode() >= 500) {
          failed.add(path + " " + r.statusCode());
        }
        continue;
      }
      HttpResponse<String> r;
      try {
        r = s.get(path);
      } catch (IllegalStateException broken) { // the page broke off while rendering
        failed.add(path + " " + broken.getMessage());
        continue;
      }
      if (r.statusCode() >= 500) {
        failed.add(path + " " + r.statusCode());
      }
      if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
        continue;
      }
      look(path, visibleText(r.body()), lang, found);
      Matcher m = HREF.matcher(r.body());
      while (m.find()) {
        String next = m.group(1).replace("&amp;", "&");
        if (follow(next)) {
          todo.add(next);
        }
      }
    }
    org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
    soft.assertThat(seen.size()).as("pages walked by %s", user).isGreaterThanOrEqualTo(2);
    soft.assertThat(failed).as("pages that failed for %s in %s", user, lang).isEmpty();
    soft.assertThat(found).as("codes or login names seen by %s in %s (page → text)", user, lang).isEmpty();
    soft.assertAll();
  }

  /** Pages only: no sign-out, no other language switch, no engine webapps, no scripts or styles, no models. */
  static boolean follow(String path) {
    return !path.startsWith("/logout") && !path.startsWith("/camunda") && !path.startsWith("/engine-rest")
        && !path.startsWith("/vendor") && !path.startsWith("/css") && !path.startsWith("/js") && !path.startsWith("/api/")
        && !path.contains("lang=") && !path.endsWith(".bpmn") && !path.endsWith(".dmn") && !path.contains("/content")
        && !path.contains("diagram-state") && !path.startsWith("/design/file") && !path.startsWith("/login");
  }

  /** The address with its numbers and ids taken out: pages of one kind. */
  static String kind(String path) {
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) + "?" : path;
    return p.replaceAll("/[0-9a-f-]{6,}", "/{id}").replaceAll("/\\d+", "/{id}");
  }

  static String visibleText(String html) {
    String body = html.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?is)<style.*?</style>", " ")
        .replaceAll("(?is)<option[^>]*>", " ").replaceAll("(?is)<!--.*?-->", " ");
    StringBuilder attrs = new StringBuilder();
    Matcher a = Pattern.compile("(?i)\\s(?:title|placeholder|aria-label|alt)=\"([^\"]*)\"").matcher(body);
    while (a.find()) {
      attrs.append(' ').append(a.group(1));
    }
    String text = body.replaceAll("(?s)<[^>]*>", "\n");
    return org.springframework.web.util.HtmlUtils.htmlUnescape(text + "\n" + attrs);
  }

  static String workbookText(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    DataFormatter format = new DataFormatter();
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      for (Sheet sheet : wb) {
        out.append(sheet.getSheetName()).append('\n');
        for (Row row : sheet) {
          for (Cell cell : row) {
            out.append(format.formatCellValue(cell)).append('\n');
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  static void look(String path, String text, String lang, Map<String, List<String>> found) {
    Set<String> hits = new TreeSet<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      if (!RULE_CODE_PAGES.matcher(path).lookingAt()) {
        add(hits, UPPER_SNAKE, l, null);
        add(hits, UPPER_WORD, l, KNOWN_CAPITALS);
      }
      add(hits, KEY_VALUE, l, null);
      add(hits, BOOLEAN, l, null);
      add(hits, MISSING_MESSAGE, l, null);
      if (!ACCOUNT_PAGES.matcher(path).lookingAt()) {
        add(hits, lang.startsWith("zh") ? LOGIN_ZH : LOGIN_EN, l, null);
      }
    }
    if (!hits.isEmpty()) {
      found.put(path, new ArrayList<>(hits));
    }
  }

  static void add(Set<String> hits, Pattern p, String line, Set<String> allowed) {
    Matcher m = p.matcher(line);
    while (m.find()) {
      if (allowed == null || !allowed.contains(m.group())) {
        hits.add(m.group() + "  ‹" + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + "›");
      }
    }
  }

}
