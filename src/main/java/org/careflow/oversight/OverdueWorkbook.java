package org.careflow.oversight;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The overdue figures as an Excel workbook, headed in Chinese like the schools' own reports. */
final class OverdueWorkbook {

  static final List<String> HEADERS = List.of("逾期", "3天内到期", "逾期1-7天", "逾期8-30天", "逾期30天以上");

  private OverdueWorkbook() {}

  static String groupHeader(OversightQueries.GroupBy g) {
    return switch (g) {
      case CLASS -> "班级";
      case TEACHER -> "经办教师";
      case OBLIGATION -> "工作事项";
    };
  }

  static void write(OversightQueries.GroupBy g, List<OversightQueries.GroupRow> rows, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("逾期工作");
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row head = sheet.createRow(0);
      head.createCell(0).setCellValue(groupHeader(g));
      for (int i = 0; i < HEADERS.size(); i++) {
        head.createCell(i + 1).setCellValue(HEADERS.get(i));
      }
      head.forEach(c -> c.setCellStyle(bold));
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
      sheet.setColumnWidth(0, 24 * 256);
      for (int i = 1; i <= HEADERS.size(); i++) {
        sheet.setColumnWidth(i, 14 * 256);
      }
      sheet.createFreezePane(0, 1);
      wb.write(out);
    }
  }
}
