package org.careflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.careflow.CareflowApplication;
import org.careflow.SetupWorkbooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real school from nothing, in real Chromium: careflow on an empty database without the demo; the
 * administrator uploads the set-up workbook and reads the initial passwords off the page; the new
 * coordinator changes hers at the first login and imports the roster; the new class teacher changes his,
 * registers a child and finds the child's first monthly talk and the class's guardian meeting in his inbox.
 * Screenshots go to target/screenshots/real-school-*.png.
 */
class RealSchoolInBrowserTest {

  static final String ADMIN_PASSWORD = "Qingshan-Xiaoxue-2026";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @TempDir
  static Path dir;
  static ConfigurableApplicationContext app;
  static String base;

  @BeforeAll
  static void startAnEmptyCareflow() {
    if (!Browser.available()) {
      return;
    }
    app = new SpringApplicationBuilder(CareflowApplication.class).run(
        "--spring.profiles.active=prod",
        "--careflow.admin.password=" + ADMIN_PASSWORD,
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/careflow") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--camunda.bpm.process-engine-name=realschool",
        "--camunda.bpm.job-execution.enabled=false",
        "--careflow.backup-dir=" + dir.resolve("backups"));
    base = "http://localhost:" + ((ServletWebServerApplicationContext) app).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** The school's year around today: the term we are in, the winter holiday, the next term. */
  static Path setupWorkbook() throws IOException {
    LocalDate today = LocalDate.now(ZONE);
    LocalDate termStart = today.minusDays(20);
    LocalDate termEnd = today.plusDays(70);
    try (Workbook book = new XSSFWorkbook()) {
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      SetupWorkbooks.sheet(book, date, "学校", List.of("学校名称", "所属乡镇"), List.<Object[]>of(new Object[] {"青山镇中心小学", "青山镇"}));
      SetupWorkbooks.sheet(book, date, "校历", List.of("名称", "类型", "开始日期", "结束日期"), List.of(
          new Object[] {"本学期", "学期", termStart, termEnd},
          new Object[] {"寒假", "假期", termEnd.plusDays(1), termEnd.plusDays(30)},
          new Object[] {"下学期", "学期", termEnd.plusDays(31), termEnd.plusDays(160)}));
      SetupWorkbooks.sheet(book, date, "班级", List.of("学校名称", "班级名称", "年级", "班主任工号"), List.of(
          new Object[] {"青山镇中心小学", "三年级(1)班", 3, "wanglaoshi"},
          new Object[] {"青山镇中心小学", "三年级(2)班", 3, "lilaoshi"}));
      SetupWorkbooks.sheet(book, date, "教职工", List.of("工号", "姓名", "手机", "学校名称", "角色", "可带学生数"), List.of(
          new Object[] {"zhaozhuren", "赵主任", "13800001111", "青山镇中心小学", "coordinator"},
          new Object[] {"wanglaoshi", "王老师", "13800002222", "青山镇中心小学", "teacher"},
          new Object[] {"lilaoshi", "李老师", "13800003333", "青山镇中心小学", "teacher"},
          new Object[] {"sunlaoshi", "孙老师", "13800004444", "青山镇中心小学", "subject-teacher、mentor", 3}));
      Path file = dir.resolve("学校设置.xlsx");
      try (OutputStream out = Files.newOutputStream(file)) {
        book.write(out);
      }
      return file;
    }
  }

  static Path roster() throws IOException {
    try (Workbook book = new XSSFWorkbook()) {
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      SetupWorkbooks.sheet(book, date, "花名册", List.of("学号", "姓名", "性别", "出生日期", "班级", "留守类型", "监护人姓名", "监护人关系", "监护人电话",
          "父亲姓名", "父亲电话", "父亲务工地", "母亲姓名", "母亲电话", "母亲务工地", "家庭住址"), List.of(
          new Object[] {"Q3101", "周小雨", "女", LocalDate.of(2017, 5, 6), "三年级(1)班", "父母双方外出务工", "周奶奶", "祖母",
              "18700001111", "周建国", "13800005555", "广东深圳", "吴红", "13900006666", "浙江宁波", "青山镇河口村5组"},
          new Object[] {"Q3201", "郑小龙", "男", LocalDate.of(2017, 8, 9), "三年级(2)班", "父母双方外出务工", "郑爷爷", "祖父",
              "18700002222", "郑国强", "13800007777", "福建厦门", "冯丽", "13900008888", "福建厦门", "青山镇石桥村2组"}));
      Path file = dir.resolve("花名册.xlsx");
      try (OutputStream out = Files.newOutputStream(file)) {
        book.write(out);
      }
      return file;
    }
  }

  static WebDriverWait waitUpTo(ChromeDriver d, int seconds) {
    return new WebDriverWait(d, Duration.ofSeconds(seconds));
  }

  static void login(ChromeDriver d, String user, String password) {
    d.manage().deleteAllCookies();
    d.get(base + "/login");
    d.findElement(By.name("username")).sendKeys(user);
    d.findElement(By.name("password")).sendKeys(password);
    d.findElement(By.cssSelector("button[type=submit]")).click();
    waitUpTo(d, 30).until(x -> !x.getCurrentUrl().contains("/login"));
  }

  /** The first page login with an initial password leads to the change of password; then on to the inbox. */
  static void firstLogin(ChromeDriver d, String user, String initial, String own, String shot) throws IOException {
    login(d, user, initial);
    assertThat(d.getCurrentUrl()).endsWith("/account/password");
    assertThat(d.getPageSource()).contains("您使用的是初始密码");
    Browser.screenshot(d, shot);
    d.findElement(By.name("current")).sendKeys(initial);
    d.findElement(By.name("password")).sendKeys(own);
    d.findElement(By.name("confirm")).sendKeys(own);
    d.findElement(By.cssSelector("form[action$='/account/password'] button[type=submit]")).click();
    waitUpTo(d, 30).until(x -> !x.getCurrentUrl().endsWith("/account/password"));
    // and the new password is the one that works from now on
    login(d, user, own);
    assertThat(d.getCurrentUrl()).doesNotContain("/account/password");
  }

  static String initialPassword(ChromeDriver d, String user) {
    for (WebElement row : d.findElements(By.cssSelector("#setup-accounts tbody tr"))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      if (cells.get(0).getText().equals(user)) {
        return cells.get(3).getText().trim();
      }
    }
    throw new AssertionError("no initial password shown for " + user);
  }

  /** Sets a field of the archive card the way a user's typing would, including date inputs (which sendKeys types by locale). */
  static void fill(ChromeDriver d, String name, String value) {
    d.executeScript("const e = document.querySelector('[name=\"' + arguments[0] + '\"]');"
        + "if (e.type === 'radio') { document.querySelector('[name=\"' + arguments[0] + '\"][value=\"' + arguments[1] + '\"]').checked = true; }"
        + "else if (e.type === 'checkbox') { e.checked = arguments[1] === 'true'; } else { e.value = arguments[1]; }", name, value);
  }

  @Test
  void anAdministratorSetsUpASchoolThatThenRunsItsCare() throws IOException {
    assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
    ChromeDriver d = Browser.start(false);
    try {
      // an empty careflow: no school, no demo, only the administrator
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(1);

      // the administrator uploads the workbook and sees what was made, with the initial passwords
      login(d, "admin", ADMIN_PASSWORD);
      d.get(base + "/setup");
      d.findElement(By.id("file")).sendKeys(setupWorkbook().toString());
      d.findElement(By.cssSelector("form[action$='/setup'] button[type=submit]")).click();
      waitUpTo(d, 60).until(x -> !x.findElements(By.id("setup-result")).isEmpty() || !x.findElements(By.id("setup-problems")).isEmpty());
      Browser.screenshot(d, "real-school-1-setup");
      assertThat(Browser.findNow(d, By.id("setup-problems"))).isEmpty();
      assertThat(d.findElement(By.id("setup-result")).getText()).contains("学校", "校历", "班级", "教职工");
      String coordinatorInitial = initialPassword(d, "zhaozhuren");
      String teacherInitial = initialPassword(d, "wanglaoshi");
      assertThat(coordinatorInitial).hasSizeGreaterThanOrEqualTo(8).isNotEqualTo(teacherInitial);

      // the coordinator chooses her own password at the first login, then imports the school's roster
      firstLogin(d, "zhaozhuren", coordinatorInitial, "Zhao-Qingshan-27", "real-school-2-first-login");
      d.get(base + "/import");
      d.findElement(By.id("file")).sendKeys(roster().toString());
      WebElement importButton = d.findElement(By.cssSelector("form[action$='/import'] button[type=submit]"));
      importButton.click();
      // the upload's answer first (the form's page replaced), then the page's own script reloads it when the
      // import is done, as the coordinator sees it. The test used to refresh the page itself, which aborted
      // the script's reload or the upload when the two met ("aborted by navigation", two fresh-clone runs);
      // reading the page while the script reloads it may fail, and is tried again.
      waitUpTo(d, 60).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(importButton));
      waitUpTo(d, 120).ignoring(org.openqa.selenium.WebDriverException.class)
          .until(x -> x.findElements(By.cssSelector("p.notice")).stream().anyMatch(p -> p.getText().contains("导入完成")));
      Browser.screenshot(d, "real-school-3-roster");
      assertThat(d.findElement(By.cssSelector("p.notice")).getText()).contains("新建 2 人");

      // the class teacher registers a child who was not on the roster
      firstLogin(d, "wanglaoshi", teacherInitial, "Wang-Qingshan-27", "real-school-4-teacher-first-login");
      d.get(base + "/enrol");
      d.findElement(By.id("name")).sendKeys("陈小花");
      new Select(d.findElement(By.id("classId"))).selectByVisibleText("三年级(1)班");
      d.findElement(By.cssSelector("form[action$='/enrol'] button[type=submit]")).click();
      waitUpTo(d, 30).until(x -> x.getCurrentUrl().contains("/children/"));
      d.get(base + "/");
      WebElement archiveTask = waitUpTo(d, 30).until(x -> x.findElements(By.cssSelector("ul.tasks li")).stream()
          .filter(li -> li.getText().contains("陈小花") && li.getText().contains("建立档案")).findFirst().orElse(null));
      archiveTask.findElement(By.tagName("a")).click();
      waitUpTo(d, 30).until(x -> !x.findElements(By.name("guardianPhone")).isEmpty());
      fill(d, "consentGiven", "true");
      fill(d, "consentBy", "陈奶奶");
      fill(d, "consentMethod", "IN_PERSON");
      fill(d, "studentNo", "Q3102");
      fill(d, "sex", "F");
      fill(d, "birthDate", "2017-03-15");
      fill(d, "careType", "BOTH_AWAY");
      fill(d, "homeAddress", "青山镇河口村3组");
      fill(d, "guardianName", "陈奶奶");
      fill(d, "guardianRelationship", "祖母");
      fill(d, "guardianPhone", "18700003333");
      fill(d, "fatherName", "陈建军");
      fill(d, "fatherPhone", "13800009999");
      fill(d, "fatherWorkplace", "广东东莞");
      fill(d, "motherName", "林芳");
      fill(d, "motherPhone", "13900001234");
      fill(d, "motherWorkplace", "广东东莞");
      // both parents away for more than half a year: a left-behind child by the county's rule
      fill(d, "fatherAwaySince", "2025-02-10");
      fill(d, "motherAwaySince", "2025-02-10");
      Browser.screenshot(d, "real-school-5-archive");
      String archiveUrl = d.getCurrentUrl();
      d.findElement(By.cssSelector("form button.primary[type=submit]")).click();
      // saved: careflow goes on to the child's next task (the verification visit)
      waitUpTo(d, 30).until(x -> !x.getCurrentUrl().equals(archiveUrl) || !x.findElements(By.cssSelector(".error, .field-error")).isEmpty());
      Browser.screenshot(d, "real-school-5b-archive-saved");
      assertThat(Browser.findNow(d, By.cssSelector(".error, .field-error"))).extracting(WebElement::getText).isEmpty();

      // the inbox: the new child's first monthly talk and the class's guardian meeting
      d.get(base + "/");
      Browser.screenshot(d, "real-school-6-inbox");
      String inbox = d.findElement(By.cssSelector("ul.tasks")).getText();
      assertThat(inbox).as(engine.getTaskService().createTaskQuery().taskAssignee("wanglaoshi").list().toString())
          .contains("陈小花", "每月谈心");
      assertThat(inbox).contains("筹备家长会", "周小雨");
      // the header names the teacher as colleagues know him, not by his login name
      assertThat(d.findElement(By.cssSelector("a.who")).getText()).isEqualTo("王老师");
      // the other class's child and meeting belong to the other class teacher, not to this one
      assertThat(inbox).doesNotContain("郑小龙");
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("guardian-meeting").count()).isEqualTo(2);
      assertThat(engine.getTaskService().createTaskQuery().taskAssignee("lilaoshi").taskName("筹备家长会").count()).isEqualTo(1);
    } finally {
      d.quit();
    }
  }
}
