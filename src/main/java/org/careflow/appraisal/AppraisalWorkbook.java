package org.careflow.appraisal;

import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.careflow.shared.Xlsx;
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
    return Xlsx.write(book -> {
      if (list.isEmpty()) {
        Sheet empty = book.sheet(msg("appraisal.title", l));
        empty.createRow(0).createCell(0).setCellValue(msg("appraisal.none", l));
      }
      for (Appraisals.SchoolAppraisal s : list) {
        Sheet sheet = book.sheet(s.schoolName());
        book.bold(sheet.createRow(0), 0, msg("appraisal.title", l) + " " + s.schoolName() + " " + s.termName());
        sheet.createRow(1).createCell(0).setCellValue(msg("appraisal.printedOn", l, printed));
        book.header(sheet.createRow(2), 0, AppraisalColumns.headers(messages, l));
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
    });
  }

  private String msg(String code, Locale l, Object... args) {
    return messages.getMessage(code, args, l);
  }
}
