package org.careflow.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.careflow.shared.Xlsx;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The statistics as a workbook: a sheet per school (its figures, one per row, then the children who
 * left care in the term and why) and a total sheet with one row per school and the township's total,
 * in the column order of {@link Statistics#FIGURES}.
 */
@Component
class StatisticsWorkbook {

  private final MessageSource messages;

  StatisticsWorkbook(MessageSource messages) {
    this.messages = messages;
  }

  byte[] write(List<Statistics.SchoolFigures> list, String printed, Locale l) {
    return Xlsx.write(book -> {
      Sheet total = book.sheet(msg("reports.stat.totalSheet", l));
      Row title = total.createRow(0);
      book.bold(title, 0, msg("reports.stat.title", l));
      title.createCell(3).setCellValue(msg("reports.printedOn", l, printed));
      Row head = total.createRow(1);
      head.createCell(0).setCellValue(msg("reports.stat.school", l));
      head.createCell(1).setCellValue(msg("reports.term", l));
      book.header(head, 2, Statistics.FIGURES.stream().map(f -> msg("reports.stat." + f, l)).toList());
      head.createCell(2 + Statistics.FIGURES.size()).setCellValue(msg("reports.stat.retentionRate", l));
      int r = 2;
      for (Statistics.SchoolFigures s : list) {
        Row row = total.createRow(r++);
        row.createCell(0).setCellValue(s.schoolName());
        row.createCell(1).setCellValue(s.termName());
        figures(row, s.figures());
      }
      Row sum = total.createRow(r);
      book.bold(sum, 0, msg("reports.stat.total", l));
      figures(sum, Statistics.total(list));
      total.setColumnWidth(0, 20 * 256);
      total.setColumnWidth(1, 18 * 256);

      for (Statistics.SchoolFigures s : list) {
        Sheet sheet = book.sheet(s.schoolName());
        book.bold(sheet.createRow(0), 0, s.schoolName() + " " + s.termName());
        Row p = sheet.createRow(1);
        p.createCell(0).setCellValue(msg("reports.printedOn", l, printed));
        int i = 2;
        for (Map.Entry<String, Integer> e : s.figures().entrySet()) {
          Row row = sheet.createRow(i++);
          row.createCell(0).setCellValue(msg("reports.stat." + e.getKey(), l));
          row.createCell(1).setCellValue(e.getValue());
        }
        Row rr = sheet.createRow(i++);
        rr.createCell(0).setCellValue(msg("reports.stat.retentionRate", l));
        rr.createCell(1).setCellValue(s.retentionRate());
        i++;
        book.bold(sheet.createRow(i++), 0, msg("reports.stat.leavers", l));
        Row lc = sheet.createRow(i++);
        String[] cols = {"archive.name", "reports.class", "reports.stat.closedOn", "reports.stat.reason", "reports.stat.note"};
        for (int c = 0; c < cols.length; c++) {
          lc.createCell(c).setCellValue(msg(cols[c], l));
        }
        for (Statistics.Leaver v : s.leavers()) {
          Row row = sheet.createRow(i++);
          row.createCell(0).setCellValue(v.name());
          row.createCell(1).setCellValue(v.className());
          row.createCell(2).setCellValue(v.closed().toString());
          row.createCell(3).setCellValue(msg("code.close." + v.reason(), l));
          row.createCell(4).setCellValue(v.note() == null ? "" : v.note());
        }
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 16 * 256);
      }
    });
  }

  /**
   * A stored workbook with a child's name (and student number) replaced wherever a cell holds exactly it, and
   * the rest of that row's note (its last cell) blanked: the figures stay as they were handed in.
   */
  static byte[] redact(byte[] xlsx, String name, String studentNo, String replacement) {
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          boolean hit = false;
          for (org.apache.poi.ss.usermodel.Cell cell : row) {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
              String v = cell.getStringCellValue();
              if (v != null && !v.isBlank() && (v.equals(name) || v.equals(studentNo))) {
                cell.setCellValue(replacement);
                hit = true;
              }
            }
          }
          if (hit && row.getLastCellNum() > 4) {
            var note = row.getCell(row.getLastCellNum() - 1);
            if (note != null) {
              note.setCellValue("");
            }
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void figures(Row row, Map<String, Integer> f) {
    for (int i = 0; i < Statistics.FIGURES.size(); i++) {
      row.createCell(2 + i).setCellValue(f.getOrDefault(Statistics.FIGURES.get(i), 0));
    }
    row.createCell(2 + Statistics.FIGURES.size()).setCellValue(Statistics.retention(f));
  }

  private String msg(String code, Locale l, Object... args) {
    return messages.getMessage(code, args, code, l);
  }
}
