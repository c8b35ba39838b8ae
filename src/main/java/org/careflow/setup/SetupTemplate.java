package org.careflow.setup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The empty set-up workbook: the four sheets with their headers, date columns as dates, drop-downs for fixed values. */
final class SetupTemplate {

  private SetupTemplate() {}

  static byte[] write() throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font f = book.createFont();
      f.setBold(true);
      bold.setFont(f);
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      int rows = SetupWorkbook.MAX_ROWS;
      for (Map.Entry<String, List<String>> s : SetupWorkbook.COLUMNS.entrySet()) {
        Sheet sheet = book.createSheet(s.getKey());
        Row header = sheet.createRow(0);
        for (int i = 0; i < s.getValue().size(); i++) {
          header.createCell(i).setCellValue(s.getValue().get(i));
          header.getCell(i).setCellStyle(bold);
          sheet.setColumnWidth(i, 16 * 256);
        }
        sheet.createFreezePane(0, 1);
        DataValidationHelper help = sheet.getDataValidationHelper();
        switch (s.getKey()) {
          case SetupWorkbook.CALENDAR -> {
            list(sheet, help, new String[] {SetupWorkbook.TERM, SetupWorkbook.HOLIDAY}, rows, 1, true);
            sheet.setDefaultColumnStyle(2, date);
            sheet.setDefaultColumnStyle(3, date);
            listFrom(sheet, help, "'" + SetupWorkbook.SCHOOLS + "'!$A$2:$A$" + (rows + 1), rows, 4);
          }
          case SetupWorkbook.CLASSES -> {
            list(sheet, help, new String[] {"1", "2", "3", "4", "5", "6", "7", "8", "9"}, rows, 2, true);
            listFrom(sheet, help, "'" + SetupWorkbook.SCHOOLS + "'!$A$2:$A$" + (rows + 1), rows, 0);
            listFrom(sheet, help, "'" + SetupWorkbook.STAFF + "'!$A$2:$A$" + (rows + 1), rows, 3);
          }
          case SetupWorkbook.STAFF -> {
            // several roles may be written in one cell (班主任、帮扶教师): the list helps, it does not forbid
            list(sheet, help, SetupWorkbook.ROLE_NAMES.keySet().toArray(String[]::new), rows, 4, false);
            listFrom(sheet, help, "'" + SetupWorkbook.SCHOOLS + "'!$A$2:$A$" + (rows + 1), rows, 3);
            DataValidation n = help.createValidation(
                help.createIntegerConstraint(org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType.BETWEEN, "0", Integer.toString(SetupWorkbook.MAX_MENTEES_LIMIT)),
                new CellRangeAddressList(1, rows, 5, 5));
            n.setShowErrorBox(true);
            sheet.addValidationData(n);
          }
          default -> { }
        }
      }
      Sheet help = book.createSheet("说明");
      String[] lines = {
          "学校：每所学校一行。校历：学期和假期（寒假、暑假、国庆……），类型选“学期”或“假期”，日期填 Excel 日期或 2026-09-01；"
              + "“学校名称”留空则适用于“学校”表中的每所学校。",
          "班级：班主任工号须是“教职工”表中（或系统中已有的）本校教师。",
          "教职工：工号即登录名（字母和数字）；角色可填多个，用“、”或逗号分隔：" + String.join("、", SetupWorkbook.ROLE_NAMES.keySet())
              + "（也可填 teacher、subject-teacher、mentor、counsellor、coordinator、supervisor）；可带学生数为帮扶教师最多带的学生数。"
              + "企业微信账号、钉钉账号（可不填）：该教师在企业微信通讯录中的账号（UserID）和钉钉的 userId，每日工作提醒发到那里。",
          "整本工作簿先逐行检查，有一处错误就不保存任何内容；再次上传同一工作簿不会重复建立，只更新有变化的内容。",
          "新账号的初始密码在上传后显示一次，首次登录时须修改。"};
      for (int i = 0; i < lines.length; i++) {
        help.createRow(i).createCell(0).setCellValue(lines[i]);
      }
      help.setColumnWidth(0, 120 * 256);
      book.write(out);
      return out.toByteArray();
    }
  }

  /** A drop-down of the names entered on another sheet (schools, staff numbers); other values stay allowed. */
  private static void listFrom(Sheet sheet, DataValidationHelper help, String range, int rows, int column) {
    DataValidation v = help.createValidation(help.createFormulaListConstraint(range), new CellRangeAddressList(1, rows, column, column));
    v.setSuppressDropDownArrow(true);
    v.setShowErrorBox(false);
    sheet.addValidationData(v);
  }

  private static void list(Sheet sheet, DataValidationHelper help, String[] values, int rows, int column, boolean strict) {
    DataValidation v = help.createValidation(help.createExplicitListConstraint(values), new CellRangeAddressList(1, rows, column, column));
    v.setSuppressDropDownArrow(true); // POI's XSSF meaning: show the arrow
    v.setShowErrorBox(strict);
    sheet.addValidationData(v);
  }
}
