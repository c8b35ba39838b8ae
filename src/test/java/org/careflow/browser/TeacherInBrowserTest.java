package org.careflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.careflow.DemoSchoolApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo teacher at work in real headless Chromium, on a desktop window and on a 375 px phone:
 * finds an overdue monthly talk, fills its card, sees it on the child's timeline; a card with a
 * required field left out shows the error and writes nothing. Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeacherInBrowserTest {

  static ConfigurableApplicationContext app;
  static String base;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void startTheDemoSchool() {
    DemoSchoolApp demo = DemoSchoolApp.get();
    app = demo.app;
    base = demo.base;
    jdbc = demo.jdbc;
  }

  static String today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
  }

  static void login(ChromeDriver d, String user) {
    d.get(base + "/login");
    d.findElement(By.name("username")).sendKeys(user);
    d.findElement(By.name("password")).sendKeys("demo");
    d.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(d, Browser.PATIENCE).until(x -> x.findElements(By.cssSelector("ul.tasks")).size() > 0);
  }

  /** The first overdue monthly talk in the inbox, narrowed to monthly talks with the filter. */
  static void filterMonthlyTalks(ChromeDriver d) {
    new Select(d.findElement(By.id("kind"))).selectByValue("monthlyTalk");
    d.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    new WebDriverWait(d, Browser.PATIENCE).until(x -> x.getCurrentUrl().contains("kind=monthlyTalk"));
  }

  static void openOverdueTalk(ChromeDriver d) {
    filterMonthlyTalks(d);
    List<WebElement> overdue = d.findElements(By.cssSelector("li.state-OVERDUE a.task-link"));
    assertThat(overdue).as("an overdue monthly talk in the demo teacher's inbox").isNotEmpty();
    assertThat(overdue.get(0).getText()).contains("每月谈心", "已逾期");
    overdue.get(0).click();
    new WebDriverWait(d, Browser.PATIENCE).until(x -> x.findElements(By.id("task-form")).size() > 0);
  }

  static void setDate(ChromeDriver d, String name, String isoDate) {
    d.executeScript("arguments[0].value = arguments[1]", d.findElement(By.name(name)), isoDate);
  }

  static int talks() {
    return jdbc.queryForObject("select count(*) from cf_monthly_talk", Integer.class);
  }

  /** Fills the card and submits it; returns the address of the child's page. */
  static String fillTalkAndSubmit(ChromeDriver d, String concerns) {
    String child = d.findElement(By.cssSelector(".task-meta a")).getAttribute("href");
    setDate(d, "talkDate", today());
    d.findElement(By.cssSelector("input[name=topics][value=study]")).click();
    d.findElement(By.cssSelector("input[name=topics][value=emotions]")).click();
    d.findElement(By.cssSelector("input[name=mood][value=LOW]")).click(); // a radio: one tap on a phone
    d.findElement(By.name("concerns")).sendKeys(concerns);
    d.findElement(By.cssSelector("#task-form button[type=submit]")).click();
    return child;
  }

  /** The class teacher downloads the child's file of the term from the link on the child's page, in her session. */
  static void downloadsTheChildsFile(ChromeDriver d) throws Exception {
    String name = d.findElement(By.cssSelector("h1 > span")).getText();
    WebElement link = d.findElement(By.linkText("本学期一人一档（PDF）"));
    String href = link.getAttribute("href");
    String session = d.manage().getCookieNamed("JSESSIONID").getValue();
    java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(href)).header("Cookie", "JSESSIONID=" + session).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    org.careflow.reports.PrintableFilesTest.Pdf pdf = org.careflow.reports.PrintableFilesTest.read(r.body());
    org.careflow.reports.PrintableFilesTest.readable(pdf);
    assertThat(pdf.text()).contains(name, "留守儿童一人一档", "帮扶记录", "桌面端记录：想念在外打工的妈妈");
  }

  static void seeOnTimeline(ChromeDriver d, String childPage, String concerns) {
    d.get(childPage);
    new WebDriverWait(d, Browser.PATIENCE).until(x -> x.findElements(By.cssSelector("ol.timeline")).size() > 0);
    String timeline = d.findElement(By.cssSelector("ol.timeline")).getText();
    assertThat(timeline).contains("班主任每月谈心", concerns, "学习、情绪", "低落");
  }

  @Test
  @Order(1)
  void onADesktopTheTeacherFillsAnOverdueTalkAndSeesItOnTheTimeline() throws Exception {
    ChromeDriver d = Browser.start(false);
    try {
      login(d, "teacher");
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("我的任务");
      Browser.screenshot(d, "inbox-desktop");
      openOverdueTalk(d);
      int before = talks();
      String child = fillTalkAndSubmit(d, "桌面端记录：想念在外打工的妈妈");
      new WebDriverWait(d, Browser.PATIENCE).until(x -> talks() == before + 1);
      seeOnTimeline(d, child, "桌面端记录：想念在外打工的妈妈");
      WebElement diagram = d.findElement(By.cssSelector(".case-diagram"));
      new WebDriverWait(d, Browser.PATIENCE).until(x -> diagram.getAttribute("data-rendered") != null);
      assertThat(diagram.findElements(By.cssSelector("svg .cf-active"))).isNotEmpty();
      Browser.screenshot(d, "child-desktop");
      downloadsTheChildsFile(d);
    } finally {
      d.quit();
    }
  }

  @Test
  @Order(2)
  void onAPhoneTheSameWorkFitsThe375PixelScreen() throws Exception {
    ChromeDriver d = Browser.start(true);
    try {
      login(d, "teacher");
      assertThat(((Number) d.executeScript("return window.innerWidth")).intValue()).isEqualTo(375);
      // one row of header (brand and 菜单), so the first screen is for the work
      assertThat(((Number) d.executeScript("return document.querySelector('header.bar').getBoundingClientRect().height")).doubleValue())
          .as("header height on a phone").isLessThanOrEqualTo(56);
      d.findElement(By.cssSelector("label.menu-button")).click();
      assertThat(d.findElement(By.cssSelector(".menu nav")).isDisplayed()).as("the menu unfolds").isTrue();
      d.findElement(By.cssSelector("label.menu-button")).click();
      assertFits(d, "inbox");
      Browser.screenshot(d, "inbox-phone");
      openOverdueTalk(d);
      assertFits(d, "task");
      Browser.screenshot(d, "task-phone");
      int before = talks();
      String child = fillTalkAndSubmit(d, "手机端记录：和同学相处融洽");
      new WebDriverWait(d, Browser.PATIENCE).until(x -> talks() == before + 1);
      seeOnTimeline(d, child, "手机端记录：和同学相处融洽");
      // the summary card first, with the family's numbers one tap from a call
      assertThat(d.findElements(By.cssSelector("#summary a[href^='tel:']"))).as("tel: links on the child's summary").isNotEmpty();
      assertThat(d.findElement(By.id("summary")).getLocation().getY()).isLessThan(d.findElement(By.id("records")).getLocation().getY());
      assertFits(d, "child");
      Browser.screenshot(d, "child-phone");
    } finally {
      d.quit();
    }
  }

  @Test
  @Order(3)
  void aCardWithoutTheMoodShowsTheErrorAndWritesNothing() throws Exception {
    ChromeDriver d = Browser.start(true);
    try {
      login(d, "teacher");
      filterMonthlyTalks(d);
      d.findElement(By.cssSelector("a.task-link")).click();
      new WebDriverWait(d, Browser.PATIENCE).until(x -> x.findElements(By.id("task-form")).size() > 0);
      String url = d.getCurrentUrl();
      int before = talks();
      setDate(d, "talkDate", today());
      d.findElement(By.cssSelector("input[name=topics][value=health]")).click();
      d.findElement(By.cssSelector("#task-form button[type=submit]")).click();
      WebElement error = d.findElement(By.cssSelector(".field.invalid .field-error"));
      assertThat(error.getText()).isEqualTo("此项必填。");
      assertThat(d.findElement(By.cssSelector(".field.invalid input[type=radio]")).getAttribute("name")).isEqualTo("mood");
      assertThat(d.findElement(By.cssSelector("input[name=topics][value=health]")).isSelected()).as("what was typed is kept").isTrue();
      assertThat(talks()).isEqualTo(before);
      // the same task page (the inbox's filter rides along in the form, not in the address)
      assertThat(d.getCurrentUrl().split("\\?")[0]).isEqualTo(url.split("\\?")[0]);
      Browser.screenshot(d, "task-error-phone");
      // fixing the field takes its error away at once, before the next submit
      d.findElement(By.cssSelector(".field.invalid input[name=mood][value=CALM]")).click();
      new WebDriverWait(d, Browser.PATIENCE).until(x -> Browser.findNow(x, By.cssSelector(".field.invalid input[name=mood]")).isEmpty());
      assertThat(Browser.findNow(d, By.cssSelector(".field-error")).stream().filter(WebElement::isDisplayed).toList())
          .as("no error left on show").isEmpty();
    } finally {
      d.quit();
    }
  }

  /** No horizontal scrolling, and every link, button and field at least 44 px tall to tap. */
  static void assertFits(ChromeDriver d, String page) {
    long scroll = ((Number) d.executeScript("return document.documentElement.scrollWidth")).longValue();
    assertThat(scroll).as("page width of %s", page).isLessThanOrEqualTo(375);
    @SuppressWarnings("unchecked")
    List<String> small = (List<String>) d.executeScript(
        "return Array.from(document.querySelectorAll('main a, main button, main select, main textarea, main input:not([type=hidden]), header a, header button'))"
            + ".filter(e => e.offsetParent !== null)"
            + ".map(e => (e.type === 'checkbox' || e.type === 'radio') ? e.closest('label') || e : e)"
            + ".filter(e => e.getBoundingClientRect().height < 44)"
            + ".map(e => e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 20) + ' ' + Math.round(e.getBoundingClientRect().height))");
    assertThat(small).as("tap targets under 44px on %s", page).isEmpty();
  }
}
