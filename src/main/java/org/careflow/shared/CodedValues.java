package org.careflow.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows a record's coded value in the user's language: "mood:LOW" reads as 低落 or "low"; a list
 * such as "topics:study,life" is translated item by item; anything else is shown as written.
 */
@Component("codes")
public class CodedValues {

  private final MessageSource messages;

  public CodedValues(MessageSource messages) {
    this.messages = messages;
  }

  public String show(String value) {
    if (value == null) {
      return "";
    }
    int colon = value.indexOf(':');
    if (colon <= 0 || !value.substring(0, colon).matches("[a-z][A-Za-z]*")) {
      return value;
    }
    String prefix = value.substring(0, colon);
    Locale locale = LocaleContextHolder.getLocale();
    return Arrays.stream(value.substring(colon + 1).split(","))
        .map(code -> messages.getMessage("code." + prefix + "." + code, null, code, locale))
        .collect(Collectors.joining("、"));
  }
}
