package org.careflow.enrolment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of a roster as text cells by row (0-based row and column numbers, as in the file),
 * dates written as ISO dates ({@code 2018-05-06}) whatever the cell's date format. An .xlsx is read as a
 * stream of XML (POI's event API): the whole-workbook model took a fifth of a 10,000-row import's time
 * and most of its memory. Other workbooks POI knows (.xls) are read whole. Reading stops with
 * {@link TooManyRows} at the first row past the limit, before the rest of the sheet is read or kept.
 */
final class RosterSheet {

  /** A row with its cells' text by column; only rows the file has. */
  record Line(int row, Map<Integer, String> cells) {}

  /** The file is not a workbook. */
  static final class Unreadable extends Exception {
    Unreadable(Throwable cause) {
      super(cause);
    }
  }

  /** The sheet has a row past the limit (0-based row number greater than the limit). */
  static final class TooManyRows extends Exception {
    TooManyRows() {
      super(null, null, false, false);
    }
  }

  /** Thrown inside the SAX handler, turned into {@link TooManyRows}. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  /** Formats date cells as ISO dates, other cells as Excel shows them. */
  private static final class IsoDates extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
  }

  private RosterSheet() {}

  /** Every row (tests and callers without a limit). */
  static List<Line> read(InputStream in) throws Unreadable {
    try {
      return read(in, Integer.MAX_VALUE);
    } catch (TooManyRows impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The rows up to row number {@code maxRow} (0-based); a row past it stops the reading at once. */
  static List<Line> read(InputStream in, int maxRow) throws Unreadable, TooManyRows {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new Unreadable(e);
    }
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
      return streamed(pkg, maxRow);
    } catch (Exception notXlsx) {
      if (stopped(notXlsx)) {
        throw new TooManyRows();
      }
      return whole(bytes, maxRow);
    }
  }

  private static boolean stopped(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Stop) {
        return true;
      }
    }
    return false;
  }

  private static List<Line> streamed(OPCPackage pkg, int maxRow) throws Exception {
    XSSFReader reader = new XSSFReader(pkg);
    List<Line> lines = new ArrayList<>();
    XSSFSheetXMLHandler.SheetContentsHandler rows = new XSSFSheetXMLHandler.SheetContentsHandler() {
      Map<Integer, String> cells;

      @Override
      public void startRow(int rowNum) {
        if (rowNum > maxRow) {
          throw new Stop();
        }
        cells = new HashMap<>();
      }

      @Override
      public void endRow(int rowNum) {
        lines.add(new Line(rowNum, cells));
      }

      @Override
      public void cell(String reference, String formattedValue, XSSFComment comment) {
        if (reference != null && formattedValue != null) {
          cells.put(column(reference), formattedValue);
        }
      }
    };
    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    if (!sheets.hasNext()) {
      return lines;
    }
    try (InputStream sheet = sheets.next()) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, new ReadOnlySharedStringsTable(pkg), rows,
          new IsoDates(), false));
      parser.parse(new InputSource(sheet));
    }
    return lines;
  }

  /** The column number of a cell reference such as {@code AB12}. */
  static int column(String reference) {
    int col = 0;
    for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
      col = col * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
    }
    return col - 1;
  }

  private static List<Line> whole(byte[] bytes, int maxRow) throws Unreadable, TooManyRows {
    try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      List<Line> lines = new ArrayList<>();
      if (book.getNumberOfSheets() == 0) {
        return lines;
      }
      Sheet sheet = book.getSheetAt(0);
      if (sheet.getLastRowNum() > maxRow) {
        throw new TooManyRows();
      }
      DataFormatter formatter = new DataFormatter();
      for (Row row : sheet) {
        Map<Integer, String> cells = new HashMap<>();
        for (Cell c : row) {
          String text = c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)
              ? c.getLocalDateTimeCellValue().toLocalDate().toString()
              : formatter.formatCellValue(c);
          cells.put(c.getColumnIndex(), text);
        }
        lines.add(new Line(row.getRowNum(), cells));
      }
      return lines;
    } catch (IOException | RuntimeException e) {
      throw new Unreadable(e);
    }
  }
}
