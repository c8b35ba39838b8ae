package org.careflow.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Noto Sans SC maps a Kangxi radical (U+2F00–U+2FDF, say ⼩ U+2F29) and the ideograph it looks like
 * (小 U+5C0F) to the same glyph, and the PDF library writes the lowest code point into the font's
 * ToUnicode map: the page shows 小, but a reader that copies or searches the text gets ⼩, and 王小明 is
 * not found. This rewrites each embedded font's ToUnicode map with the radicals replaced by their
 * ideographs (their Unicode compatibility decomposition), so the text reads as it was written.
 */
final class ToUnicodeFix {

  private ToUnicodeFix() {}

  static boolean radical(int cp) {
    return (cp >= 0x2F00 && cp <= 0x2FDF) || (cp >= 0x2E80 && cp <= 0x2EFF);
  }

  static String unradical(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> b.append(radical(cp) ? Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC)
        : new String(Character.toChars(cp))));
    return b.toString();
  }

  /**
   * For each glyph of the font that a radical maps to, the ideograph that maps to the same glyph
   * (户 for ⼾, not the traditional 戶 that Unicode's decomposition gives); codes in the PDF are the
   * font's glyph ids (Identity-H).
   */
  static Map<Integer, String> ideographs(byte[] ttf) {
    Map<Integer, String> out = new java.util.HashMap<>();
    try (org.apache.fontbox.ttf.TrueTypeFont font = new org.apache.fontbox.ttf.TTFParser()
        .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(ttf))) {
      org.apache.fontbox.ttf.CmapLookup cmap = font.getUnicodeCmapLookup();
      for (int cp = 0x2E80; cp <= 0x2FDF; cp++) {
        int gid = cmap.getGlyphId(cp);
        if (gid <= 0) {
          continue;
        }
        java.util.List<Integer> codes = cmap.getCharCodes(gid);
        if (codes != null) {
          codes.stream().filter(c -> !radical(c)).min(Integer::compare)
              .ifPresent(c -> out.put(gid, new String(Character.toChars(c))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static byte[] apply(byte[] pdf, Map<Integer, String> ideographs) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Set<COSBase> done = new HashSet<>();
      boolean changed = false;
      for (PDPage page : doc.getPages()) {
        PDResources res = page.getResources();
        if (res == null) {
          continue;
        }
        for (COSName name : res.getFontNames()) {
          PDFont font = res.getFont(name);
          if (font instanceof PDType0Font t0 && done.add(font.getCOSObject())) {
            changed |= rewrite(doc, t0, ideographs);
          }
        }
      }
      if (!changed) {
        return pdf;
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(pdf.length);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean rewrite(PDDocument doc, PDType0Font font, Map<Integer, String> ideographs) throws IOException {
    if (font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) == null) {
      return false;
    }
    Map<Integer, String> map = new TreeMap<>();
    boolean radicals = false;
    for (int code = 0; code <= 0xFFFF; code++) {
      String u = font.toUnicode(code);
      if (u != null && !u.isEmpty()) {
        String fixed = u.codePoints().anyMatch(ToUnicodeFix::radical) ? ideographs.getOrDefault(code, unradical(u)) : u;
        radicals |= !fixed.equals(u);
        map.put(code, fixed);
      }
    }
    if (!radicals) {
      return false;
    }
    StringBuilder cmap = new StringBuilder();
    cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
        .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
        .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
        .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    var entries = map.entrySet().stream().toList();
    for (int i = 0; i < entries.size(); i += 100) {
      var chunk = entries.subList(i, Math.min(entries.size(), i + 100));
      cmap.append(chunk.size()).append(" beginbfchar\n");
      for (var e : chunk) {
        cmap.append(String.format("<%04X> <", e.getKey()));
        for (byte b : e.getValue().getBytes(StandardCharsets.UTF_16BE)) {
          cmap.append(String.format("%02X", b & 0xFF));
        }
        cmap.append(">\n");
      }
      cmap.append("endbfchar\n");
    }
    cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    COSStream stream = doc.getDocument().createCOSStream();
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
    }
    font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
    return true;
  }
}
