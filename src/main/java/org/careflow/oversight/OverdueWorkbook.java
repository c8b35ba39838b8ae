package org.careflow.oversight;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.careflow.shared.Xlsx;

/** The overdue figures as an Excel workbook, headed in Chinese like the schools' own reports. */
final class OverdueWorkbook {

  static final List<String> HEADERS = List.of("逾期", "3天内到期", "逾期1-7天", "逾期8-30天", "逾期30天以上");

  private OverdueWorkbook() {}

  static String groupHeader(OversightQueries.GroupBy g) {
    return switch (g) {
      case SCHOOL -> "学校";
      case CLASS -> "班级";
      case TEACHER -> "负责教师";
      case OBLIGATION -> "工作事项";
    };
  }

  /** A sheet with its headers in bold on a frozen first row, the first column wider. */
  private static Sheet sheet(Xlsx x, String name, List<String> headers) {
    Sheet sheet = x.sheet(name);
    x.header(sheet.createRow(0), 0, headers);
    for (int i = 0; i < headers.size(); i++) {
      sheet.setColumnWidth(i, (i == 0 ? 24 : 14) * 256);
    }
    sheet.createFreezePane(0, 1);
    return sheet;
  }

  private static void cells(Row x, int from, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof Number n) {
        x.createCell(from + i).setCellValue(n.doubleValue());
      } else {
        x.createCell(from + i).setCellValue(values[i] == null ? "" : values[i].toString());
      }
    }
  }

  /** The children behind a count: class, teacher, child and the child's counts. */
  static void writeChildren(List<OversightQueries.ChildRow> rows, java.util.Map<String, String> teacherNames, OutputStream out) throws IOException {
    out.write(Xlsx.write(book -> {
      List<String> headers = new java.util.ArrayList<>(List.of("班级", "负责教师", "儿童"));
      headers.addAll(HEADERS);
      Sheet sheet = sheet(book, "逾期儿童", headers);
      int r = 1;
      for (OversightQueries.ChildRow c : rows) {
        OversightQueries.Counts n = c.counts();
        cells(sheet.createRow(r++), 0, c.className() == null ? "（无班级）" : c.className(),
            c.teacher().isEmpty() ? "（未指派）" : teacherNames.getOrDefault(c.teacher(), c.teacher()), c.childName(),
            n.overdue(), n.dueSoon(), n.days1to7(), n.days8to30(), n.over30());
      }
    }));
  }

  /** A term's targets, its talks per month, the missed obligations and the open escalations, one sheet each. */
  static void writeTargets(OversightQueries.Targets t, List<OversightQueries.OpenEscalation> escalations, java.util.Map<String, String> teacherNames,
      java.time.ZoneId zone, OutputStream out) throws IOException {
    out.write(Xlsx.write(book -> {
      Sheet targets = sheet(book, "目标", List.of("指标", "数值"));
      Object[][] rows = {{"学期", t.term().name()}, {"建档率", t.archiveRate()}, {"结对帮扶率", t.pairingRate()}, {"按时谈心率", t.onTimeTalkRate()},
          {"家长会召开次数", t.guardianMeetingsHeld()}, {"有个别教育管理方案的重点关注儿童", t.atRiskWithPlan()}, {"无个别教育管理方案的重点关注儿童", t.atRiskWithoutPlan()}, {"帮扶档案数", t.cases()}, {"帮扶中的儿童数", t.activeCases()}};
      for (int i = 0; i < rows.length; i++) {
        cells(targets.createRow(i + 1), 0, rows[i]);
      }
      Sheet months = sheet(book, "每月谈心", List.of("月份", "应谈心人数", "已谈心人数", "按时谈心人数", "按时谈心率"));
      int r = 1;
      for (OversightQueries.MonthRate m : t.talkByMonth()) {
        cells(months.createRow(r++), 0, m.month(), m.activeCases(), m.withTalk(), m.onTime(), Math.round(m.onTimeRate() * 10000) / 10000.0);
      }
      Sheet missed = sheet(book, "未完成的工作", List.of("事项", "次数"));
      Object[][] m = {{"未谈心的月份（人次）", t.missed().talkMonths()}, {"帮扶教师未谈心的周（人次）", t.missed().checkInWeeks()},
          {"未召开家长会的班级", t.missed().guardianMeetings()}, {"登记14天后仍未核实的档案", t.missed().unverifiedArchives()}};
      for (int i = 0; i < m.length; i++) {
        cells(missed.createRow(i + 1), 0, m[i]);
      }
      Sheet esc = sheet(book, "已上报校领导", List.of("工作事项", "儿童", "班级", "负责教师", "到期日", "上报时间"));
      r = 1;
      for (OversightQueries.OpenEscalation e : escalations) {
        cells(esc.createRow(r++), 0, e.taskName(), e.childName(), e.className(),
            e.assignee() == null ? "（未指派）" : teacherNames.getOrDefault(e.assignee(), e.assignee()),
            e.dueDate().atZone(zone).toLocalDate().toString(), e.escalatedAt().atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' '));
      }
    }));
  }

  static void write(OversightQueries.GroupBy g, List<OversightQueries.GroupRow> rows, OutputStream out) throws IOException {
    out.write(Xlsx.write(book -> {
      List<String> headers = new java.util.ArrayList<>(List.of(groupHeader(g)));
      headers.addAll(HEADERS);
      Sheet sheet = sheet(book, "逾期工作", headers);
      int r = 1;
      for (OversightQueries.GroupRow row : rows) {
        Row x = sheet.createRow(r++);
        x.createCell(0).setCellValue(row.label().isEmpty() ? (row.key().isEmpty() ? "（未指派）" : row.key()) : row.label());
        OversightQueries.Counts c = row.counts();
        long[] v = {c.overdue(), c.dueSoon(), c.days1to7(), c.days8to30(), c.over30()};
        for (int i = 0; i < v.length; i++) {
          x.createCell(i + 1).setCellValue(v[i]);
        }
      }
    }));
  }
}
