package org.careflow.reminders;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.careflow.shared.InvalidInputException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each staff member's user ids on 企业微信 and 钉钉 (an administrator enters them: the set-up workbook's
 * 教职工 sheet or the staff page) and the channels they want (their own /account/reminders). A person linked to
 * a platform gets its messages unless they turned them off.
 */
@Service
public class ReminderContacts {

  /** The platforms' user ids: letters, digits and {@code _ - . @}, at most 64. */
  public static final Pattern PLATFORM_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

  public record Person(String username, String wecomUserId, String dingtalkUserId, boolean wecomOn, boolean dingtalkOn) {
    static Person none(String username) {
      return new Person(username, null, null, true, true);
    }
  }

  private final NamedParameterJdbcTemplate jdbc;

  ReminderContacts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Person of(String username) {
    return find(username).orElse(Person.none(username));
  }

  private Optional<Person> find(String username) {
    return jdbc.query("SELECT username, wecom_user_id, dingtalk_user_id, wecom_on, dingtalk_on FROM cf_rem_person WHERE username = :u",
        new MapSqlParameterSource("u", username), (rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
            rs.getBoolean(5))).stream().findFirst();
  }

  public Map<String, Person> of(Collection<String> usernames) {
    Map<String, Person> out = new HashMap<>();
    if (usernames.isEmpty()) {
      return out;
    }
    jdbc.query("SELECT username, wecom_user_id, dingtalk_user_id, wecom_on, dingtalk_on FROM cf_rem_person WHERE username IN (:u)",
        new MapSqlParameterSource("u", usernames), rs -> {
          out.put(rs.getString(1), new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)));
        });
    return out;
  }

  /** Checks an id as entered (blank = none): a clear error in the user's language, nothing written. */
  public static String checkId(String field, String value) {
    String v = Channels.blankToNull(value);
    if (v != null && !PLATFORM_ID.matcher(v).matches()) {
      throw InvalidInputException.of(field, "reminders.platformId.invalid", v);
    }
    return v;
  }

  /** Sets a person's platform ids (null or blank: none), keeping their choices. */
  @Transactional
  public void link(String username, String wecomUserId, String dingtalkUserId) {
    String w = checkId("wecomUserId", wecomUserId);
    String d = checkId("dingtalkUserId", dingtalkUserId);
    MapSqlParameterSource p = new MapSqlParameterSource("u", username).addValue("w", w).addValue("d", d);
    if (jdbc.update("UPDATE cf_rem_person SET wecom_user_id = :w, dingtalk_user_id = :d WHERE username = :u", p) == 0) {
      jdbc.update("INSERT INTO cf_rem_person (username, wecom_user_id, dingtalk_user_id, wecom_on, dingtalk_on) VALUES (:u, :w, :d, TRUE, TRUE)", p);
    }
  }

  /** The person's own choice of channels. */
  @Transactional
  public void choose(String username, boolean wecomOn, boolean dingtalkOn) {
    MapSqlParameterSource p = new MapSqlParameterSource("u", username).addValue("w", wecomOn).addValue("d", dingtalkOn);
    if (jdbc.update("UPDATE cf_rem_person SET wecom_on = :w, dingtalk_on = :d WHERE username = :u", p) == 0) {
      jdbc.update("INSERT INTO cf_rem_person (username, wecom_on, dingtalk_on) VALUES (:u, :w, :d)", p);
    }
  }
}
