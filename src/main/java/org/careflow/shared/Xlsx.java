package org.careflow.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An .xlsx file being written, with what the report workbooks (the appraisal, the statistics, oversight's
 * overdue figures) have in common: one bold style, sheet names made safe for Excel and numbered when two schools share a name, bold
 * titles and header rows, and the bytes at the end.
 */
public final class Xlsx {

  private final XSSFWorkbook book;
  private final CellStyle bold;
  private final Set<String> sheetNames = new HashSet<>();

  private Xlsx(XSSFWorkbook book) {
    this.book = book;
    this.bold = book.createCellStyle();
    Font f = book.createFont();
    f.setBold(true);
    bold.setFont(f);
  }

  /** A new workbook, filled by {@code fill}, as the bytes of an .xlsx file. */
  public static byte[] write(Consumer<Xlsx> fill) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(new Xlsx(book));
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new sheet named {@code name} as Excel allows it; " 2", " 3"… added when a sheet has the name already. */
  public Sheet sheet(String name) {
    String safe = WorkbookUtil.createSafeSheetName(name);
    for (int n = 2; sheetNames.contains(safe); n++) {
      safe = WorkbookUtil.createSafeSheetName(name + " " + n);
    }
    sheetNames.add(safe);
    return book.createSheet(safe);
  }

  /** A cell holding {@code text} in bold (a title, a header). */
  public Cell bold(Row row, int column, String text) {
    Cell c = row.createCell(column);
    c.setCellValue(text);
    c.setCellStyle(bold);
    return c;
  }

  /** The headers in bold, from {@code firstColumn} on. */
  public void header(Row row, int firstColumn, List<String> headers) {
    for (int i = 0; i < headers.size(); i++) {
      bold(row, firstColumn + i, headers.get(i));
    }
  }
}
