package org.careflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A class teacher records the class's theme meeting on a 375 px phone: the children in care are
 * ticked already, a photo goes with it, and the activity's page lists who took part.
 */
class ActivityOnPhoneInBrowserTest extends CareflowTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void aClassTeacherRecordsAnActivityForTheClassOnAPhone() throws Exception {
    assumeTrue(Browser.available(), "chromium-driver is not installed");
    String teacher = school.newUser("actb", Roles.TEACHER);
    SchoolClass c = school.newClass("五", 5, teacher);
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      long caseId = school.registeredCase(c, TestSchool.as(teacher, Roles.TEACHER), "AB");
      String name = TestSchool.nextName("手机活动");
      jdbc.update("update cf_child set name = ? where id = (select child_id from cf_case where id = ?)", name, caseId);
      names.add(name);
    }
    Path photo = Files.createTempFile("activity", ".png");
    byte[] png = new byte[512];
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
    Files.write(photo, png);
    String base = "http://localhost:" + port;
    ChromeDriver d = Browser.start(true);
    try {
      d.get(base + "/login");
      d.findElement(By.name("username")).sendKeys(teacher);
      d.findElement(By.name("password")).sendKeys("pw");
      d.findElement(By.cssSelector("button[type=submit]")).click();
      CoordinatorEditsInBrowserTest.waiting(d, 10).until(x -> !x.getCurrentUrl().contains("/login"));

      d.get(base + "/activities");
      assertThat(((Number) d.executeScript("return window.innerWidth")).intValue()).isEqualTo(375);
      TeacherInBrowserTest.assertFits(d, "activities");
      for (WebElement box : d.findElements(By.cssSelector("input[name=children]"))) {
        assertThat(box.isSelected()).as("the children in care are ticked").isTrue();
      }
      new Select(d.findElement(By.id("kind"))).selectByValue("THEME_MEETING");
      d.findElement(By.id("place")).sendKeys("五年级教室");
      d.findElement(By.id("record")).sendKeys("主题班会：我的爸爸妈妈在远方");
      d.findElement(By.id("files")).sendKeys(photo.toString());
      Browser.screenshot(d, "activity-form-phone");
      d.findElement(By.cssSelector("#activity-form button[type=submit]")).click();
      CoordinatorEditsInBrowserTest.waiting(d, 10).until(x -> x.getCurrentUrl().matches(".*/activities/\\d+.*"));
      String page = d.findElement(By.tagName("main")).getText();
      assertThat(page).contains("活动已登记", "主题班会", "五年级教室", names.get(0), names.get(1), "activity");
      TeacherInBrowserTest.assertFits(d, "activity");
      Browser.screenshot(d, "activity-phone");
    } finally {
      d.quit();
      Files.deleteIfExists(photo);
    }
  }
}
