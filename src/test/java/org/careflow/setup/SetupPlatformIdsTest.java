package org.careflow.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.careflow.CareflowTest;
import org.careflow.WebSession;
import org.careflow.reminders.ReminderContacts;
import org.careflow.school.SchoolRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The 企业微信 / 钉钉 accounts of the staff (issue 19): from the workbook's 教职工 sheet, on the staff page, the person's own choice. */
class SetupPlatformIdsTest extends CareflowTest {

  @Autowired ReminderContacts contacts;
  @Autowired SchoolRepository schools;

  private HttpResponse<String> upload(byte[] file) {
    return browser().send(browser().multipart("/api/setup", Map.of(), SetupWorkbookTest.workbook(file))
        .header("Authorization", WebSession.basicAuth("tadmin", "pw")).header("Accept-Language", "zh-CN").build());
  }

  private static Map<String, List<Object[]>> school(String p, String wecomOfTeacher) {
    Map<String, List<Object[]>> s = SetupWorkbookTest.school(p, "钱老师");
    s.put("教职工", List.of(new Object[] {p + "c1", "赵主任", "13800001111", p + "中心小学", "coordinator"},
        new Object[] {p + "t1", "钱老师", "13800002222", p + "中心小学", "班主任", null, null, wecomOfTeacher, "dd-" + p},
        new Object[] {p + "m1", "孙老师", null, p + "中心小学", "任课教师、帮扶教师", 3}));
    return s;
  }

  @Test
  void theWorkbookLinksTheAccountsAndRefusesAnIdThatCannotBeOne() throws IOException {
    String p = SetupWorkbookTest.unique();
    HttpResponse<String> bad = upload(SetupWorkbookTest.workbook(school(p, "not an id!")));
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
    assertThat(bad.body()).contains("企业微信账号", "not an id!");
    assertThat(schools.findByName(p + "中心小学")).isEmpty();

    HttpResponse<String> good = upload(SetupWorkbookTest.workbook(school(p, "WX_" + p)));
    assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
    ReminderContacts.Person t1 = contacts.of(p + "t1");
    assertThat(t1.wecomUserId()).isEqualTo("WX_" + p);
    assertThat(t1.dingtalkUserId()).isEqualTo("dd-" + p);
    assertThat(contacts.of(p + "m1").wecomUserId()).isNull(); // an empty cell: not linked

    // the staff page shows it and changes it; a school's coordinator of another school cannot
    long schoolId = schools.findByName(p + "中心小学").orElseThrow().getId();
    WebSession admin = browser().login("tadmin", "pw");
    assertThat(admin.get("/setup/staff?school=" + schoolId).body()).contains("WX_" + p);
    HttpResponse<String> saved = admin.post("/setup/staff/" + p + "m1/platform-ids", Map.of("school", List.of(String.valueOf(schoolId)),
        "wecomUserId", List.of("m1." + p)));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(contacts.of(p + "m1").wecomUserId()).isEqualTo("m1." + p);
    WebSession other = browser().login("tcoordinator", "pw");
    other.get("/setup/staff");
    HttpResponse<String> refused = other.post("/setup/staff/" + p + "m1/platform-ids", Map.of("school", List.of(String.valueOf(schoolId)),
        "wecomUserId", List.of("someone")));
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(contacts.of(p + "m1").wecomUserId()).isEqualTo("m1." + p);
    // a bad id on the page: a clear error, nothing written
    HttpResponse<String> wrong = admin.post("/setup/staff/" + p + "m1/platform-ids", Map.of("school", List.of(String.valueOf(schoolId)),
        "wecomUserId", List.of("a b")));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(contacts.of(p + "m1").wecomUserId()).isEqualTo("m1." + p);
  }

  @Test
  void aPersonChoosesTheirChannels() {
    String user = school.newUser("rem", "teacher");
    contacts.link(user, user, null);
    WebSession s = browser().login(user, "pw");
    assertThat(s.get("/account/reminders").body()).contains(user).contains("钉钉：尚未关联");
    assertThat(s.post("/account/reminders", Map.of()).statusCode()).isEqualTo(302);
    assertThat(contacts.of(user).wecomOn()).isFalse();
    assertThat(contacts.of(user).dingtalkOn()).isTrue(); // not linked: its choice is kept
    s.get("/account/reminders");
    s.post("/account/reminders", Map.of("wecom", List.of("true")));
    assertThat(contacts.of(user).wecomOn()).isTrue();
  }
}
