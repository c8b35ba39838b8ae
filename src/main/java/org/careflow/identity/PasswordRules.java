package org.careflow.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * careflow's password policy, one for every account and every way to set a password: the engine's
 * password policy (REST {@code PUT /engine-rest/user/{id}/credentials}, user creation, Camunda Admin; see
 * {@link PasswordPolicyPlugin}), the page {@code /account/password} and the first administrator's password
 * ({@code CAREFLOW_ADMIN_PASSWORD}). A password needs at least {@code careflow.password.min-length} (8)
 * characters, must not contain the user name and must not be one of the common passwords listed in
 * {@code identity/common-passwords.txt}.
 */
@Component
public class PasswordRules {

  public static final int MAX_LENGTH = 128;

  /** The rules, as keys the engine's policy names them by. */
  public enum Rule { LENGTH, USER_NAME, COMMON }

  private final MessageSource messages;
  private final int minLength;
  private final Set<String> common;

  PasswordRules(MessageSource messages, @Value("${careflow.password.min-length:8}") int minLength) {
    this.messages = messages;
    this.minLength = Math.max(8, minLength);
    this.common = load();
  }

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    try (InputStream in = PasswordRules.class.getResourceAsStream("/identity/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("identity/common-passwords.txt is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }

  public int minLength() {
    return minLength;
  }

  /** The rules this password breaks (empty: it may be used); userId may be null when not known. */
  public List<Rule> broken(String userId, String password) {
    List<Rule> out = new ArrayList<>();
    if (password == null || password.codePointCount(0, password.length()) < minLength || password.length() > MAX_LENGTH) {
      out.add(Rule.LENGTH);
    }
    String pw = password == null ? "" : password.toLowerCase(Locale.ROOT);
    // the user name plus a few characters is guessed first; a long pass phrase that contains it is not
    String name = userId == null ? "" : userId.strip().toLowerCase(Locale.ROOT);
    if (name.length() >= 3 && pw.contains(name) && pw.replace(name, "").length() < minLength) {
      out.add(Rule.USER_NAME);
    }
    if (password != null && common.contains(pw.strip())) {
      out.add(Rule.COMMON);
    }
    return out;
  }

  /** What is wrong with this password, in the user's language (empty: it may be used). */
  public List<String> problems(String userId, String password, Locale locale) {
    return broken(userId, password).stream().map(rule -> message(rule, locale)).toList();
  }

  public String message(Rule rule, Locale locale) {
    return switch (rule) {
      case LENGTH -> messages.getMessage("password.rule.length", new Object[] {minLength, MAX_LENGTH}, locale);
      case USER_NAME -> messages.getMessage("password.rule.userName", null, locale);
      case COMMON -> messages.getMessage("password.rule.common", null, locale);
    };
  }
}
