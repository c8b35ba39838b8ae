package org.careflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A set-up workbook as an administrator fills it (sheets 学校, 校历, 班级, 教职工), for the tests that
 * start careflow empty, without the demo; and its upload over {@code POST /api/setup}.
 */
public final class SetupWorkbooks {

  private SetupWorkbooks() {}

  /** One school whose term runs around {@code today}, one class and its class teacher. */
  public static byte[] oneClass(String school, String className, String teacher, String teacherName, LocalDate today) throws IOException {
    return oneClass(school, className, teacher, teacherName, today, List.of());
  }

  /** The same, with more staff: rows of 工号, 姓名, 角色 (group ids). */
  public static byte[] oneClass(String school, String className, String teacher, String teacherName, LocalDate today,
      List<String[]> moreStaff) throws IOException {
    List<Object[]> staff = new java.util.ArrayList<>();
    staff.add(new Object[] {teacher, teacherName, "13800002222", school, "teacher"});
    for (String[] m : moreStaff) {
      staff.add(new Object[] {m[0], m[1], null, school, m[2]});
    }
    try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      sheet(book, date, "学校", List.of("学校名称", "所属乡镇"), List.<Object[]>of(new Object[] {school, "测试镇"}));
      sheet(book, date, "校历", List.of("名称", "类型", "开始日期", "结束日期"),
          List.<Object[]>of(new Object[] {"本学期", "学期", today.minusDays(20), today.plusDays(70)}));
      sheet(book, date, "班级", List.of("学校名称", "班级名称", "年级", "班主任工号"),
          List.<Object[]>of(new Object[] {school, className, 3, teacher}));
      sheet(book, date, "教职工", List.of("工号", "姓名", "手机", "学校名称", "角色", "可带学生数"), staff);
      book.write(out);
      return out.toByteArray();
    }
  }

  public static void sheet(Workbook book, CellStyle date, String name, List<String> header, List<Object[]> rows) {
    Sheet sheet = book.createSheet(name);
    Row h = sheet.createRow(0);
    for (int i = 0; i < header.size(); i++) {
      h.createCell(i).setCellValue(header.get(i));
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      Object[] values = rows.get(r);
      for (int c = 0; c < values.length; c++) {
        if (values[c] instanceof LocalDate d) {
          row.createCell(c).setCellValue(d);
          row.getCell(c).setCellStyle(date);
        } else if (values[c] instanceof Number n) {
          row.createCell(c).setCellValue(n.doubleValue());
        } else if (values[c] != null) {
          row.createCell(c).setCellValue(values[c].toString());
        }
      }
    }
  }

  /** Uploads the workbook as the administrator; answers the new accounts' initial passwords by 工号. */
  public static Map<String, String> upload(int port, String adminPassword, byte[] workbook) throws IOException {
    WebSession api = new WebSession(port);
    HttpResponse<String> r = api.send(api.multipart("/api/setup", Map.of(), new WebSession.FilePart("file", "setup.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook))
        .header("Authorization", WebSession.basicAuth("admin", adminPassword)).build());
    if (r.statusCode() != 200) {
      throw new AssertionError("set-up workbook refused: " + r.statusCode() + " " + r.body());
    }
    Map<String, String> passwords = new HashMap<>();
    for (JsonNode a : new ObjectMapper().readTree(r.body()).path("accounts")) {
      passwords.put(a.path("username").asText(), a.path("password").asText());
    }
    return passwords;
  }

  /** The first page login: the initial password is changed to the user's own on /account/password. */
  public static void chooseOwnPassword(int port, String user, String initial, String own) {
    WebSession s = new WebSession(port).login(user, initial);
    s.get("/account/password");
    HttpResponse<String> r = s.post("/account/password", Map.of("current", List.of(initial), "password", List.of(own),
        "confirm", List.of(own)));
    if (r.statusCode() != 302) {
      throw new AssertionError("password change answered " + r.statusCode() + " " + r.body());
    }
  }
}
