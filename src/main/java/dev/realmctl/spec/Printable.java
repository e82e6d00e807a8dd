package dev.realmctl.spec;

/**
 * Text from a spec or from Keycloak, made safe to print on one line: control characters (line
 * breaks, ANSI escapes) and the characters that reorder text on screen are written as escapes, so a
 * value can't forge a line of a plan or a log, nor hide one.
 */
public final class Printable {
  private Printable() {}

  public static String of(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escaped = escape(c);
      if (escaped != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (escaped != null) {
          out.append(escaped);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static String escape(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> needsEscape(c) ? String.format("\\u%04x", (int) c) : null;
    };
  }

  private static boolean needsEscape(char c) {
    return Character.isISOControl(c)
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u2028'
        || c == '\u2029';
  }
}
