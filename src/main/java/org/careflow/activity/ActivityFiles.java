package org.careflow.activity;

import java.util.ArrayList;
import java.util.List;
import org.careflow.shared.FieldErrors;

/**
 * What an uploaded file is, from its first bytes rather than its name or the type the browser claims:
 * only JPEG, PNG and PDF are kept, each at most {@value #MAX_BYTES} bytes.
 */
final class ActivityFiles {

  static final int MAX_BYTES = 5 * 1024 * 1024;
  static final int MAX_FILES = 5;

  private ActivityFiles() {}

  /** The content type these bytes really are, or null when they are none of the allowed kinds. */
  static String sniff(byte[] b) {
    if (b == null || b.length < 4) {
      return null;
    }
    if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A
        && b[6] == 0x1A && b[7] == 0x0A) {
      return "image/png";
    }
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return "application/pdf";
    }
    return null;
  }

  /** A file name safe to store and to send back: no path, no control characters, at most 150 characters; with the type's extension unless type is null. */
  static String cleanName(String original, String type) {
    String n = original == null ? "" : original.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>:*?|]", "").strip();
    if (n.isEmpty()) {
      n = "file";
    }
    if (type == null) {
      return n.length() > 150 ? n.substring(n.length() - 150) : n;
    }
    String ext = switch (type) {
      case "image/jpeg" -> ".jpg";
      case "image/png" -> ".png";
      default -> ".pdf";
    };
    String lower = n.toLowerCase(java.util.Locale.ROOT);
    if (!(lower.endsWith(ext) || type.equals("image/jpeg") && lower.endsWith(".jpeg"))) {
      n = n + ext;
    }
    return n.length() > 150 ? n.substring(n.length() - 150) : n;
  }

  /**
   * The uploads to keep, each as {name, content type, bytes}: the empty ones skipped; too many, too large or
   * of another kind rejected into {@code errors}.
   */
  static List<Object[]> accepted(List<ActivityUpload> uploads, FieldErrors errors) {
    List<Object[]> files = new ArrayList<>();
    List<ActivityUpload> given = uploads == null ? List.of() : uploads.stream().filter(x -> x.content() != null && x.content().length > 0).toList();
    if (given.size() > MAX_FILES) {
      errors.reject("files", "activity.file.tooMany", MAX_FILES);
    }
    for (ActivityUpload up : given) {
      if (up.content().length > MAX_BYTES) {
        errors.reject("files", "activity.file.tooLarge", cleanName(up.fileName(), null), MAX_BYTES / 1024 / 1024);
        continue;
      }
      String type = sniff(up.content());
      if (type == null) {
        errors.reject("files", "activity.file.type", cleanName(up.fileName(), null));
        continue;
      }
      files.add(new Object[] {cleanName(up.fileName(), type), type, up.content()});
    }
    return files;
  }
}
