package org.careflow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careflow.CareflowTest;
import org.careflow.SecondSchool;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register's pages as a class teacher uses them: an activity recorded with its attendance and a
 * photo shows on each attending child's page and nowhere in another school; a file too large or not
 * what its name says is refused with a clear message and nothing is written.
 */
class ActivityPagesTest extends CareflowTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired SecondSchool second;

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** A PNG's signature and a little more: what a phone's photo starts with. */
  static byte[] png(int size) {
    byte[] b = new byte[Math.max(size, 16)];
    byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(sig, 0, b, 0, sig.length);
    return b;
  }

  record Klass(String teacher, SchoolClass c, long childA, long childB, long childC, String nameA, String nameB) {}

  Klass aClass() {
    String teacher = school.newUser("actp", Roles.TEACHER);
    SchoolClass c = school.newClass("四", 4, teacher);
    long[] kids = new long[3];
    for (int i = 0; i < 3; i++) {
      long caseId = school.registeredCase(c, TestSchool.as(teacher, Roles.TEACHER), "AP");
      kids[i] = jdbc.queryForObject("select child_id from cf_case where id = ?", Long.class, caseId);
    }
    String nameA = TestSchool.nextName("活动甲");
    String nameB = TestSchool.nextName("活动乙");
    jdbc.update("update cf_child set name = ? where id = ?", nameA, kids[0]);
    jdbc.update("update cf_child set name = ? where id = ?", nameB, kids[1]);
    return new Klass(teacher, c, kids[0], kids[1], kids[2], nameA, nameB);
  }

  /** Posts the register's form as the browser does (multipart, repeated fields, the page's CSRF token). */
  static HttpResponse<String> submit(WebSession s, String page, List<String[]> fields, String fileName, byte[] file) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).isTrue();
    List<String[]> all = new ArrayList<>(fields);
    all.add(new String[] {"_csrf", m.group(1)});
    WebSession.FilePart[] files = file == null ? new WebSession.FilePart[0]
        : new WebSession.FilePart[] {new WebSession.FilePart("files", fileName, "image/jpeg", file)};
    return s.send(s.multipart("/activities", all, files).build());
  }

  static List<String[]> fields(Klass k, String record, long... children) {
    List<String[]> f = new ArrayList<>(List.of(new String[] {"classId", k.c().getId().toString()}, new String[] {"kind", "BIRTHDAY"},
        new String[] {"date", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()}, new String[] {"place", "少先队活动室"},
        new String[] {"leader", k.teacher()}, new String[] {"record", record}));
    for (long c : children) {
      f.add(new String[] {"children", Long.toString(c)});
    }
    return f;
  }

  @Test
  void anActivityWithAttendanceAndAPhotoShowsOnEachAttendingChildsPageAndNowhereInAnotherSchool() {
    Klass k = aClass();
    WebSession teacher = browser().login(k.teacher(), "pw");
    String page = teacher.get("/activities?classId=" + k.c().getId()).body();
    assertThat(page).contains(k.nameA(), k.nameB(), "生日会", "登记一次活动");
    String record = TestSchool.nextName("十月生日会，唱歌切蛋糕");
    HttpResponse<String> saved = submit(teacher, page, fields(k, record, k.childA(), k.childB()), "生日会.png", png(2048));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    String location = saved.headers().firstValue("Location").orElseThrow();
    long id = Long.parseLong(location.replaceAll(".*/activities/(\\d+).*", "$1"));

    String activity = teacher.get(java.net.URI.create(location).getRawPath() + "?saved").body();
    assertThat(activity).contains("活动已登记", record, k.nameA(), k.nameB(), "少先队活动室", "生日会.png");
    long fileId = jdbc.queryForObject("select id from cf_activity_file where activity_id = ?", Long.class, id);
    HttpResponse<String> file = teacher.get("/activities/" + id + "/files/" + fileId);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
    assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline").contains("filename");
    assertThat(jdbc.queryForObject("select count(*) from cf_audit where actor = ? and child_id = ? and action = 'READ_CHILD' and detail = ?",
        Integer.class, k.teacher(), k.childA(), "activity " + id)).isPositive();

    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    for (long child : List.of(k.childA(), k.childB())) {
      String childPage = teacher.get("/children/" + child).body();
      assertThat(childPage).contains("参加的活动", "/activities/" + id + "\"", today);
    }
    assertThat(teacher.get("/children/" + k.childC()).body()).contains("参加的活动").doesNotContain("/activities/" + id + "\"");

    // another school's people: nothing of it
    second.ensure();
    for (String other : List.of("tteacher3", "tsupervisor2")) {
      WebSession s = browser().login(other, "pw");
      assertThat(s.get("/activities/" + id).statusCode()).as(other).isEqualTo(404);
      assertThat(s.get("/activities/" + id + "/files/" + fileId).statusCode()).as(other).isEqualTo(404);
      String list = s.get("/activities").body();
      assertThat(list).as(other).doesNotContain("/activities/" + id + "\"", k.nameA(), record);
    }
  }

  @Test
  void aFileTooLargeOrAnExeNamedJpgIsRefusedWithAClearMessageAndNothingIsWritten() {
    Klass k = aClass();
    WebSession teacher = browser().login(k.teacher(), "pw");
    String page = teacher.get("/activities?classId=" + k.c().getId()).body();
    HttpResponse<String> big = submit(teacher, page, fields(k, "太大的照片", k.childA()), "大照片.png", png(6 * 1024 * 1024));
    assertThat(big.statusCode()).isEqualTo(400);
    assertThat(big.body()).contains("文件 大照片.png 太大：每个文件不超过 5 MB。尚未保存任何内容。");
    assertThat(big.body()).as("what was typed is kept").contains("太大的照片");

    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    HttpResponse<String> renamed = submit(teacher, big.body(), fields(k, "改名的程序", k.childA()), "photo.jpg", exe);
    assertThat(renamed.statusCode()).isEqualTo(400);
    assertThat(renamed.body()).contains("文件 photo.jpg 不是 JPEG/PNG 照片或 PDF 文件");

    assertThat(jdbc.queryForObject("select count(*) from cf_activity where class_id = ?", Integer.class, k.c().getId())).isZero();
    assertThat(jdbc.queryForObject("select count(*) from cf_activity_attendance where child_id = ?", Integer.class, k.childA())).isZero();
    assertThat(teacher.get("/children/" + k.childA()).body()).contains("还没有该生参加活动的记录");
  }

  @Test
  void theCoordinatorAddsAKindAndTheClassTeachersFormOffersIt() {
    Klass k = aClass();
    String name = TestSchool.nextName("读书会");
    WebSession coordinator = browser().login("tcoordinator", "pw");
    String kinds = coordinator.get("/activities/kinds").body();
    assertThat(kinds).contains("主题班会", "规则表代码：THEME_MEETING");
    HttpResponse<String> empty = coordinator.post("/activities/kinds", java.util.Map.of("nameZh", List.of(" "), "nameEn", List.of("Reading")));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("此项必填");
    coordinator.get("/activities/kinds");
    assertThat(coordinator.post("/activities/kinds", java.util.Map.of("nameZh", List.of(name), "nameEn", List.of("Reading club " + name)))
        .statusCode()).isEqualTo(302);
    WebSession teacher = browser().login(k.teacher(), "pw");
    assertThat(teacher.get("/activities?classId=" + k.c().getId()).body()).contains(name);
    assertThat(teacher.get("/activities/kinds").statusCode()).as("the list is the coordinator's").isEqualTo(404);
  }
}
