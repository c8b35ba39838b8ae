package org.careflow.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit page's detail column in the reader's language. The trail stores what the application did in its
 * own words ("child page", "task monthlyTalk", "familyCall", the archive's field names, a close reason's
 * code); the page shows them through messages: a kind of task by its name, an archive field by its label,
 * a code by its translation. Anything not known is shown as it was written.
 */
@Component
public class AuditDetails {

  private static final Pattern OPENED_TASK = Pattern.compile("task ([A-Za-z][A-Za-z0-9]*)");
  private static final Pattern WORD = Pattern.compile("[a-z][A-Za-z0-9]*");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+");
  private static final Pattern NUMBERED = Pattern.compile("(.*?)[ :]+(\\d+)");
  private static final Pattern COUNSELLING_LIST = Pattern.compile("counselling list \\((\\d+) records\\)");
  private static final Pattern HANDOVER = Pattern.compile("handover (.*) -> (.*)");
  private static final Pattern FIELDS = Pattern.compile("(roster import: )?([a-z][A-Za-z]*(, [a-z][A-Za-z]*)*)");

  private final MessageSource messages;

  AuditDetails(MessageSource messages) {
    this.messages = messages;
  }

  public String shown(String detail, Locale l) {
    if (detail == null || detail.isBlank()) {
      return "";
    }
    String d = detail.strip();
    String fixed = phrase(d, l);
    if (fixed != null) {
      return fixed;
    }
    Matcher m = OPENED_TASK.matcher(d);
    if (m.matches() && task(m.group(1), l) != null) {
      return msg("audit.detail.openedTask", l, task(m.group(1), l));
    }
    if (WORD.matcher(d).matches() && task(d, l) != null) {
      return msg("audit.detail.recorded", l, task(d, l));
    }
    if (CODE.matcher(d).matches()) {
      String close = messages.getMessage("code.close." + d, null, null, l);
      if (close != null) {
        return msg("audit.detail.closed", l, close);
      }
    }
    m = COUNSELLING_LIST.matcher(d);
    if (m.matches()) {
      return msg("audit.detail.counsellingList", l, Integer.parseInt(m.group(1)));
    }
    m = HANDOVER.matcher(d);
    if (m.matches()) {
      return msg("audit.detail.handover", l, m.group(1), m.group(2));
    }
    m = NUMBERED.matcher(d);
    if (m.matches()) {
      String what = phrase(m.group(1), l);
      if (what != null) {
        return what + " #" + m.group(2);
      }
    }
    m = FIELDS.matcher(d);
    if (m.matches()) {
      String[] fields = m.group(2).split(", ");
      String labels = Arrays.stream(fields).map(f -> field(f, l)).collect(Collectors.joining(l.getLanguage().equals("zh") ? "、" : ", "));
      if (Arrays.stream(fields).allMatch(f -> field(f, l) != null && !field(f, l).equals(f))) {
        return msg(m.group(1) == null ? "audit.detail.fields" : "audit.detail.rosterFields", l, labels);
      }
    }
    return d;
  }

  /** A known phrase of the trail ("child page", "contact card pdf"), or null. */
  private String phrase(String d, Locale l) {
    String key = d.replaceAll("[^A-Za-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
    return key.isEmpty() ? null : messages.getMessage("audit.detail." + key, null, null, l);
  }

  /** A kind of task (or of record) by its name, or null. */
  private String task(String key, Locale l) {
    for (String prefix : new String[] {"obligation.", "timeline.", "audit.detail."}) {
      String name = messages.getMessage(prefix + key, null, null, l);
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  private String field(String f, Locale l) {
    String label = messages.getMessage(switch (f) {
      case "roster" -> "history.field.roster";
      case "class" -> "history.field.class";
      default -> "archive." + f;
    }, null, null, l);
    return label == null ? f : label;
  }

  private String msg(String code, Locale l, Object... args) {
    return messages.getMessage(code, args, code, l);
  }
}
