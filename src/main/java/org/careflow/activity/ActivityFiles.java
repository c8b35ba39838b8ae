package org.careflow.activity;

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
}
