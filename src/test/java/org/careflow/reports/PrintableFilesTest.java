package org.careflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.careflow.CareflowTest;
import org.careflow.SecondSchool;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The printable files open in a real PDF reader (PDFBox): A4, the child's name, the headings and the
 * school's name in the text, every font embedded, no character without a glyph; scoped like the pages
 * and audited as reads.
 */
public class PrintableFilesTest extends CareflowTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired SecondSchool second;

  public record Pdf(int pages, String text, List<String> fonts, boolean allEmbedded, float width, float height, int missingGlyphs) {}

  /** Reads the text and counts the characters shown with the font's .notdef glyph (a missing-glyph box). */
  static final class Stripper extends PDFTextStripper {
    int missing;

    @Override
    protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
      if (text.getFont() instanceof org.apache.pdfbox.pdmodel.font.PDType0Font t0) {
        for (int code : text.getCharacterCodes()) {
          try {
            if (t0.codeToGID(code) == 0) {
              missing++;
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      } else {
        missing++; // only the embedded CJK font is expected
      }
      super.processTextPosition(text);
    }
  }

  public static HttpResponse<byte[]> download(WebSession s, String path, String lang) {
    return s.send(HttpRequest.newBuilder(s.uri(path)).header("Accept-Language", lang).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public static Pdf read(byte[] bytes) throws Exception {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      Stripper stripper = new Stripper();
      String text = stripper.getText(doc);
      List<String> fonts = new ArrayList<>();
      boolean embedded = true;
      for (PDPage page : doc.getPages()) {
        PDResources res = page.getResources();
        for (var name : res.getFontNames()) {
          PDFont f = res.getFont(name);
          fonts.add(f.getName());
          embedded &= f.isEmbedded();
        }
      }
      PDRectangle box = doc.getPage(0).getMediaBox();
      return new Pdf(doc.getNumberOfPages(), text, fonts, embedded, box.getWidth(), box.getHeight(), stripper.missing);
    }
  }

  public static void readable(Pdf pdf) {
    assertThat(pdf.width()).as("A4 width in points").isBetween(594f, 597f);
    assertThat(pdf.height()).as("A4 height in points").isBetween(840f, 843f);
    assertThat(pdf.fonts()).isNotEmpty().allMatch(f -> f.contains("NotoSansSC"));
    assertThat(pdf.allEmbedded()).as("fonts embedded").isTrue();
    assertThat(pdf.missingGlyphs()).as("characters without a glyph").isZero();
    assertThat(pdf.text()).doesNotContain("\uFFFD", ".notdef");
    assertThat(pdf.text().codePoints().filter(cp -> cp >= 0x2E80 && cp <= 0x2FDF).count()).as("radicals instead of ideographs").isZero();
  }

  @Test
  void aClassTeacherPrintsTheFileAndTheCardOfAChildOfTheirClass() throws Exception {
    String teacher = school.newUser("pdft", org.careflow.identity.Roles.TEACHER);
    SchoolClass c = school.newClass("三", 3, teacher);
    long caseId = school.caseInCare(c, TestSchool.as(teacher, org.careflow.identity.Roles.TEACHER), "tmentor", "PDF");
    long child = jdbc.queryForObject("SELECT child_id FROM cf_case WHERE id = ?", Long.class, caseId);
    String studentNo = jdbc.queryForObject("SELECT student_no FROM cf_child WHERE id = ?", String.class, child);
    WebSession s = browser().login(teacher, "pw");
    long auditsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM cf_audit WHERE child_id = ? AND action = 'READ_CHILD'", Long.class, child);

    HttpResponse<byte[]> r = download(s, "/children/" + child + "/file.pdf", "zh-CN");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    Pdf file = read(r.body());
    readable(file);
    assertThat(file.text()).contains("王小明", studentNo, "测试小学", "留守儿童一人一档", "基本情况", "结对帮扶", "关注等级变化",
        "个别教育管理方案", "亲情联系", "帮扶记录", "测试帮扶教师", "王奶奶", "广东深圳", "核实家访", "打印日期", c.getName());

    Pdf whole = read(download(s, "/children/" + child + "/file.pdf?scope=case", "zh-CN").body());
    readable(whole);
    assertThat(whole.text()).contains("全部帮扶记录", "核实家访");

    Pdf card = read(download(s, "/children/" + child + "/card.pdf", "zh-CN").body());
    readable(card);
    assertThat(card.text()).contains("留守儿童联系卡", "王小明", "王奶奶", "18712345678", "王建军", "13812345678", "广东深圳", "李秀娟",
        "测试帮扶教师", "测试小学");

    Pdf english = read(download(s, "/children/" + child + "/card.pdf", "en").body());
    readable(english);
    assertThat(english.text()).contains("Contact card", "王小明", "Study buddy");

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_audit WHERE child_id = ? AND action = 'READ_CHILD'", Long.class, child))
        .as("each download audited as a read").isEqualTo(auditsBefore + 4);
    assertThat(download(s, "/children/" + child + "/file.pdf?scope=year", "zh-CN").statusCode()).isEqualTo(422);
  }

  @Test
  void aClassFileHoldsEveryChildOfTheClassInCareThisTerm() throws Exception {
    String teacher = school.newUser("pdfc", org.careflow.identity.Roles.TEACHER);
    SchoolClass c = school.newClass("四", 4, teacher);
    var w = TestSchool.as(teacher, org.careflow.identity.Roles.TEACHER);
    long case1 = school.caseInCare(c, w, "tmentor", "PC");
    long case2 = school.registeredCase(c, w, "PC");
    List<String> numbers = jdbc.queryForList("SELECT ch.student_no FROM cf_case k JOIN cf_child ch ON ch.id = k.child_id WHERE k.id IN (?, ?)",
        String.class, case1, case2);
    WebSession s = browser().login(teacher, "pw");
    HttpResponse<byte[]> r = download(s, "/classes/" + c.getId() + "/file.pdf", "zh-CN");
    assertThat(r.statusCode()).isEqualTo(200);
    Pdf pdf = read(r.body());
    readable(pdf);
    assertThat(pdf.text()).contains("班级留守儿童档案", c.getName(), "2026年秋季学期", numbers.get(0), numbers.get(1), "测试小学");
    assertThat(pdf.pages()).isGreaterThanOrEqualTo(3);
    // the supervisor of the school prints it too; another school's supervisor and teacher get nothing
    assertThat(download(browser().login("tsupervisor", "pw"), "/classes/" + c.getId() + "/file.pdf?term=" + school.autumn.getId(), "zh-CN")
        .statusCode()).isEqualTo(200);
    second.ensure();
    for (String other : List.of("tsupervisor2", "tteacher3", "tteacher2")) {
      WebSession o = browser().login(other, "pw");
      assertThat(download(o, "/classes/" + c.getId() + "/file.pdf", "zh-CN").statusCode()).as(other).isEqualTo(404);
      long child = jdbc.queryForObject("SELECT child_id FROM cf_case WHERE id = ?", Long.class, case1);
      assertThat(download(o, "/children/" + child + "/file.pdf", "zh-CN").statusCode()).as(other).isEqualTo(404);
      assertThat(download(o, "/children/" + child + "/card.pdf", "zh-CN").statusCode()).as(other).isEqualTo(404);
    }
  }
}
