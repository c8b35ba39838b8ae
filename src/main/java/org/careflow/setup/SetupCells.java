package org.careflow.setup;

import static org.careflow.setup.SetupWorkbook.BAD_NAME;
import static org.careflow.setup.SetupWorkbook.MAX_ROWS;
import static org.careflow.setup.SetupWorkbook.OPTIONAL;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.careflow.setup.SetupWorkbook.Problem;

/**
 * The cells of a set-up workbook's sheet: its rows found by the header's column names, and single cells
 * read as text or dates the way people type them in Excel, each checked with the row's number for the
 * problem list.
 */
final class SetupCells {

  private SetupCells() {}

  /** A sheet's data rows as column name to value (text, or a date for date cells); "#row" holds Excel's row number. */
  static List<Map<String, Object>> rows(Sheet sheet, String name, List<String> columns, List<Problem> problems) {
    DataFormatter formatter = new DataFormatter();
    Row header = sheet.getRow(sheet.getFirstRowNum());
    Map<String, Integer> columnOf = new HashMap<>();
    if (header != null) {
      for (Cell c : header) {
        String text = formatter.formatCellValue(c).strip();
        if (!text.isEmpty()) {
          columnOf.putIfAbsent(text, c.getColumnIndex());
        }
      }
    }
    for (String col : columns) {
      if (!columnOf.containsKey(col) && !OPTIONAL.getOrDefault(name, Set.of()).contains(col)) {
        problems.add(new Problem(name, 1, col, "import.missingColumn", new Object[] {col}));
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    if (header == null || !problems.isEmpty()) {
      return out;
    }
    if (sheet.getLastRowNum() > MAX_ROWS) {
      problems.add(new Problem(name, 0, null, "import.tooManyRows", new Object[] {MAX_ROWS}));
      return out;
    }
    for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, Object> values = new HashMap<>();
      for (String col : columns) {
        Integer i = columnOf.get(col);
        Object v = i == null ? null : value(row.getCell(i), formatter);
        if (v != null) {
          values.put(col, v);
        }
      }
      if (!values.isEmpty()) {
        values.put("#row", r + 1);
        out.add(values);
      }
    }
    return out;
  }

  private static Object value(Cell c, DataFormatter formatter) {
    if (c == null) {
      return null;
    }
    CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
      return c.getLocalDateTimeCellValue().toLocalDate();
    }
    if (type == CellType.NUMERIC) {
      double d = c.getNumericCellValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d); // 工号 1001, a phone number, a grade: never "1.38E10"
      }
    }
    String text = formatter.formatCellValue(c).strip();
    return text.isEmpty() ? null : text;
  }

  static int row(Map<String, Object> r) {
    return (Integer) r.get("#row");
  }

  /** A required or optional text cell, checked for length and characters. */
  static String text(Map<String, Object> r, String sheet, String col, boolean required, int max, Pattern bad,
      List<Problem> problems) {
    Object v = r.get(col);
    String t = v == null ? null : v.toString().strip();
    if (t == null || t.isEmpty()) {
      if (required) {
        problems.add(new Problem(sheet, row(r), col, "validation.required", new Object[0]));
      }
      return null;
    }
    if (t.length() > max) {
      problems.add(new Problem(sheet, row(r), col, "validation.tooLong", new Object[] {max}));
      return null;
    }
    if (bad.matcher(t).find()) {
      problems.add(new Problem(sheet, row(r), col, bad == BAD_NAME ? "validation.nameCharacters" : "validation.characters",
          new Object[0]));
      return null;
    }
    return t;
  }

  static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("yyyy/M/d"),
      DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

  static LocalDate date(Map<String, Object> r, String sheet, String col, List<Problem> problems) {
    Object v = r.get(col);
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v == null) {
      problems.add(new Problem(sheet, row(r), col, "validation.required", new Object[0]));
      return null;
    }
    String text = v.toString().strip();
    for (DateTimeFormatter f : DATES) {
      try {
        return LocalDate.parse(text, f);
      } catch (DateTimeParseException e) {
        // the next way of writing a date
      }
    }
    if (text.matches("\\d{5}")) { // an Excel date in a cell without a date format
      return DateUtil.getLocalDateTime(Double.parseDouble(text)).toLocalDate();
    }
    problems.add(new Problem(sheet, row(r), col, "validation.date", new Object[0]));
    return null;
  }
}
