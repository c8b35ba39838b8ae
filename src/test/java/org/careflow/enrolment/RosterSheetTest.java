package org.careflow.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A roster past the row limit is refused as soon as the first row too many is read. */
class RosterSheetTest {

  private static byte[] sheet(int dataRows) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = book.createSheet("花名册");
      Row head = s.createRow(0);
      head.createCell(0).setCellValue("学号");
      head.createCell(1).setCellValue("姓名");
      for (int i = 1; i <= dataRows; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue("RS" + i);
        r.createCell(1).setCellValue("学生" + i);
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    }
  }

  /** The same workbook with the sheet's XML broken from a row on: only a reader that stops before it gets through. */
  private static byte[] brokenFromRow(byte[] xlsx, int row) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path file = Files.createTempFile("roster", ".xlsx");
    Files.write(file, xlsx);
    try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] data = in.getInputStream(e).readAllBytes();
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(data, StandardCharsets.UTF_8);
          String at = "<row r=\"" + (row + 1) + "\"";
          assertThat(xml).contains(at);
          data = xml.replace(at, "<<broken " + at).getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(data);
        zip.closeEntry();
      }
    } finally {
      Files.delete(file);
    }
    return out.toByteArray();
  }

  @Test
  void aRosterOverTheLimitIsRefusedAtTheFirstRowTooMany() throws Exception {
    byte[] big = sheet(RosterImport.MAX_ROWS + 1);
    assertThatThrownBy(() -> RosterSheet.read(new ByteArrayInputStream(big), RosterImport.MAX_ROWS))
        .isInstanceOf(RosterSheet.TooManyRows.class);
    assertThat(RosterSheet.read(new ByteArrayInputStream(sheet(RosterImport.MAX_ROWS)), RosterImport.MAX_ROWS))
        .hasSize(RosterImport.MAX_ROWS + 1);
  }

  @Test
  void theRowsAfterTheFirstOneTooManyAreNeverRead() throws Exception {
    byte[] broken = brokenFromRow(sheet(300), 120);
    // read whole, the broken XML makes the file unreadable ...
    assertThatThrownBy(() -> RosterSheet.read(new ByteArrayInputStream(broken))).isInstanceOf(RosterSheet.Unreadable.class);
    // ... with a limit of 100 rows the reading stops at row 101, before the damage
    assertThatThrownBy(() -> RosterSheet.read(new ByteArrayInputStream(broken), 100)).isInstanceOf(RosterSheet.TooManyRows.class);
    assertThat(RosterSheet.read(new ByteArrayInputStream(sheet(100)), 100)).hasSize(101)
        .last().satisfies(l -> assertThat(l.cells()).containsEntry(0, "RS100"));
  }
}
