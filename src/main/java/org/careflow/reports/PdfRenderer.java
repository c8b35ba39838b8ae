package org.careflow.reports;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template (well-formed XHTML) to an A4 PDF with OpenHTMLtoPDF. Every text is set in
 * Noto Sans SC (SIL Open Font License 1.1), embedded as a subset: the font is copied into the jar from
 * the npm package {@code @expo-google-fonts/noto-sans-sc} at build time (pom.xml, {@code copy-cjk-font}),
 * so a PDF shows Chinese on any reader, with no font installed on the server.
 */
@Component
public class PdfRenderer {

  static final String FONT = "fonts/400Regular/NotoSansSC_400Regular.ttf";
  static final String FAMILY = "Noto Sans SC";

  private final ITemplateEngine templates;
  private volatile byte[] font;
  private volatile Map<Integer, String> ideographs;

  PdfRenderer(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** The font's bytes, read once (about 10 MB); a missing font is a build error, said plainly. */
  private byte[] font() {
    byte[] f = font;
    if (f == null) {
      try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(FONT)) {
        if (in == null) {
          throw new IllegalStateException("CJK font " + FONT + " is not on the classpath: build with Maven (npm ci copies it)");
        }
        f = in.readAllBytes();
        ideographs = ToUnicodeFix.ideographs(f);
        font = f;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return f;
  }

  public String html(String template, Map<String, Object> model, Locale locale) {
    Context ctx = new Context(locale);
    ctx.setVariables(model);
    return templates.process(template, ctx);
  }

  /** The files' style sheet (A4, margins, the font), kept out of the templates. */
  private static final String CSS;

  static {
    try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream("reports/pdf.css")) {
      CSS = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] pdf(String template, Map<String, Object> model, Locale locale) {
    Map<String, Object> withCss = new java.util.HashMap<>(model);
    withCss.put("css", CSS);
    String html = html(template, withCss, locale);
    byte[] fontBytes = font();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      b.useFont(() -> new ByteArrayInputStream(fontBytes), FAMILY);
      b.withHtmlContent(html, null);
      b.toStream(out);
      b.run();
      return ToUnicodeFix.apply(out.toByteArray(), ideographs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
