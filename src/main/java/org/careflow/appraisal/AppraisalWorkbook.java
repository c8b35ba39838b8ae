package org.careflow.appraisal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The appraisal as a workbook: one sheet per school, a row per teacher (by name), the obligations of
 * each kind done on time and late, the totals, records written, work overdue today, the 篇29 scores, and
 * the supervisor's grade, 评优 selection and comment.
 */
@Component
class AppraisalWorkbook {

  private final MessageSource messages;

  AppraisalWorkbook(MessageSource messages) {
    this.messages = messages;
  }

  byte[] write(List<Appraisals.SchoolAppraisal> list, String printed, Locale l) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = wb.createCellStyle();
      Font f = wb.createFont();
      f.setBold(true);
      bold.setFont(f);
      Set<String> names = new HashSet<>();
      if (list.isEmpty()) {
        Sheet empty = wb.createSheet(msg("appraisal.title", l));
        empty.createRow(0).createCell(0).setCellValue(msg("appraisal.none", l));
      }
      for (Appraisals.SchoolAppraisal s : list) {
        String name = WorkbookUtil.createSafeSheetName(s.schoolName());
        for (int n = 2; names.contains(name); n++) {
          name = WorkbookUtil.createSafeSheetName(s.schoolName() + " " + n);
        }
        names.add(name);
        Sheet sheet = wb.createSheet(name);
        Row t = sheet.createRow(0);
        t.createCell(0).setCellValue(msg("appraisal.title", l) + " " + s.schoolName() + " " + s.termName());
        t.getCell(0).setCellStyle(bold);
        sheet.createRow(1).createCell(0).setCellValue(msg("appraisal.printedOn", l, printed));
        Row head = sheet.createRow(2);
        List<String> headers = AppraisalColumns.headers(messages, l);
        for (int i = 0; i < headers.size(); i++) {
          head.createCell(i).setCellValue(headers.get(i));
          head.getCell(i).setCellStyle(bold);
        }
        int r = 3;
        for (Appraisals.TeacherRow row : s.teachers()) {
          Row x = sheet.createRow(r++);
          List<Object> values = AppraisalColumns.values(row, messages, l);
          for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Number n) {
              x.createCell(i).setCellValue(n.doubleValue());
            } else {
              x.createCell(i).setCellValue(v == null ? "" : v.toString());
            }
          }
        }
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(2, 18 * 256);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String msg(String code, Locale l, Object... args) {
    return messages.getMessage(code, args, l);
  }
}
