package org.careflow.reminders;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a school's messages go: its own 企业微信 application and 钉钉 group robot as an administrator entered
 * them on /admin/reminders, else the installation's default ({@code careflow.wecom.*},
 * {@code careflow.dingtalk.robot-*}: an installation with one school, or one application for all). Secrets are
 * stored sealed by {@link SecretBox} and never handed back to a page: a view only says whether one is set.
 */
@Service
public class Channels {

  static final String WECOM_DEFAULT_BASE = "https://qyapi.weixin.qq.com";
  static final String DINGTALK_DEFAULT_BASE = "https://oapi.dingtalk.com";
  private static final Pattern CORP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern AGENT_ID = Pattern.compile("\\d{1,10}");
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]{1,1000}");
  private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{1,200}");

  /** A 企业微信 self-built application; {@code baseUrl} the API's address. */
  record WeCom(String corpId, int agentId, String secret, String baseUrl) {
    @Override
    public String toString() { // never the secret, whoever prints it
      return "WeCom[" + corpId + "/" + agentId + " @ " + baseUrl + "]";
    }
  }

  /** A 钉钉 group robot: its webhook (with its access_token) and signing secret (null: no signature). */
  record Robot(String webhook, String secret) {
    @Override
    public String toString() {
      return "Robot[****]";
    }
  }

  /** What the settings page shows of a school: ids, and only whether each secret is set. */
  public record SchoolView(long schoolId, String corpId, String agentId, boolean wecomSecretSet, boolean robotSet, boolean robotSecretSet,
      boolean wecomFromDefaults, boolean robotFromDefaults) {}

  public record ClassRobotView(long classId, boolean secretSet) {}

  private final JdbcTemplate jdbc;
  private final SecretBox box;
  private final CareClock clock;
  private final String defaultCorpId;
  private final String defaultAgentId;
  private final String defaultSecret;
  private final String wecomBase;
  private final String defaultWebhook;
  private final String defaultRobotSecret;
  private final String dingtalkBase;

  Channels(JdbcTemplate jdbc, SecretBox box, CareClock clock,
      @Value("${careflow.wecom.corp-id:}") String defaultCorpId, @Value("${careflow.wecom.agent-id:}") String defaultAgentId,
      @Value("${careflow.wecom.secret:}") String defaultSecret, @Value("${careflow.wecom.base-url:" + WECOM_DEFAULT_BASE + "}") String wecomBase,
      @Value("${careflow.dingtalk.robot-webhook:}") String defaultWebhook, @Value("${careflow.dingtalk.robot-secret:}") String defaultRobotSecret,
      @Value("${careflow.dingtalk.base-url:" + DINGTALK_DEFAULT_BASE + "}") String dingtalkBase) {
    this.jdbc = jdbc;
    this.box = box;
    this.clock = clock;
    this.defaultCorpId = defaultCorpId.strip();
    this.defaultAgentId = defaultAgentId.strip();
    this.defaultSecret = defaultSecret.strip();
    this.wecomBase = trimSlash(wecomBase.strip().isEmpty() ? WECOM_DEFAULT_BASE : wecomBase.strip());
    this.defaultWebhook = defaultWebhook.strip();
    this.defaultRobotSecret = defaultRobotSecret.strip();
    this.dingtalkBase = trimSlash(dingtalkBase.strip().isEmpty() ? DINGTALK_DEFAULT_BASE : dingtalkBase.strip());
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private record Row(String corpId, String agentId, String secret, String webhook, String robotSecret) {}

  private Optional<Row> row(long schoolId) {
    return jdbc.query("SELECT wecom_corp_id, wecom_agent_id, wecom_secret, dingtalk_webhook, dingtalk_secret FROM cf_rem_school_channel"
        + " WHERE school_id = ?", (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        schoolId).stream().findFirst();
  }

  Optional<WeCom> wecom(long schoolId) {
    Optional<Row> own = row(schoolId).filter(r -> r.corpId() != null && r.agentId() != null && box.open(r.secret()) != null);
    if (own.isPresent()) {
      return Optional.of(new WeCom(own.get().corpId(), Integer.parseInt(own.get().agentId()), box.open(own.get().secret()), wecomBase));
    }
    if (!defaultCorpId.isEmpty() && AGENT_ID.matcher(defaultAgentId).matches() && !defaultSecret.isEmpty()) {
      return Optional.of(new WeCom(defaultCorpId, Integer.parseInt(defaultAgentId), defaultSecret, wecomBase));
    }
    return Optional.empty();
  }

  Optional<Robot> schoolRobot(long schoolId) {
    Optional<Row> own = row(schoolId).filter(r -> box.open(r.webhook()) != null);
    if (own.isPresent()) {
      return Optional.of(new Robot(robotAddress(box.open(own.get().webhook())), box.open(own.get().robotSecret())));
    }
    return defaultWebhook.isEmpty() ? Optional.empty()
        : Optional.of(new Robot(robotAddress(defaultWebhook), defaultRobotSecret.isEmpty() ? null : defaultRobotSecret));
  }

  Optional<Robot> classRobot(long classId) {
    return jdbc.query("SELECT webhook, secret FROM cf_rem_class_robot WHERE class_id = ?",
        (rs, i) -> new Robot(robotAddress(box.open(rs.getString(1))), box.open(rs.getString(2))), classId).stream()
        .filter(r -> r.webhook() != null).findFirst();
  }

  /** A webhook on 钉钉's own address goes to {@code careflow.dingtalk.base-url} when that is set elsewhere (tests, private deployments). */
  String robotAddress(String webhook) {
    if (webhook != null && webhook.startsWith(DINGTALK_DEFAULT_BASE) && !dingtalkBase.equals(DINGTALK_DEFAULT_BASE)) {
      return dingtalkBase + webhook.substring(DINGTALK_DEFAULT_BASE.length());
    }
    return webhook;
  }

  public SchoolView view(long schoolId) {
    Optional<Row> r = row(schoolId);
    boolean ownWecom = r.map(x -> x.corpId() != null).orElse(false);
    boolean ownRobot = r.map(x -> x.webhook() != null).orElse(false);
    return new SchoolView(schoolId, r.map(Row::corpId).orElse(null), r.map(Row::agentId).orElse(null),
        r.map(x -> x.secret() != null).orElse(false), ownRobot, r.map(x -> x.robotSecret() != null).orElse(false),
        !ownWecom && wecom(schoolId).isPresent(), !ownRobot && schoolRobot(schoolId).isPresent());
  }

  public List<ClassRobotView> classRobots(long schoolId) {
    return jdbc.query("SELECT class_id, secret FROM cf_rem_class_robot WHERE school_id = ? ORDER BY class_id",
        (rs, i) -> new ClassRobotView(rs.getLong(1), rs.getString(2) != null), schoolId);
  }

  /**
   * Saves a school's channels. A blank secret (or webhook) keeps the stored one; {@code clear...} removes the
   * channel. Everything is checked before anything is written.
   */
  @Transactional
  public void saveSchool(long schoolId, String corpId, String agentId, String secret, String webhook, String robotSecret,
      boolean clearWecom, boolean clearRobot, String actor) {
    corpId = blankToNull(corpId);
    agentId = blankToNull(agentId);
    secret = blankToNull(secret);
    webhook = blankToNull(webhook);
    robotSecret = blankToNull(robotSecret);
    Row old = row(schoolId).orElse(new Row(null, null, null, null, null));
    FieldErrors errors = new FieldErrors();
    if (!clearWecom && (corpId != null || agentId != null || secret != null)) {
      if (corpId == null || !CORP_ID.matcher(corpId).matches()) {
        errors.reject("corpId", "reminders.corpId.invalid");
      }
      if (agentId == null || !AGENT_ID.matcher(agentId).matches()) {
        errors.reject("agentId", "reminders.agentId.invalid");
      }
      if (secret == null && old.secret() == null) {
        errors.reject("secret", "reminders.secret.required");
      }
    }
    if (secret != null && !SECRET.matcher(secret).matches()) {
      errors.reject("secret", "reminders.secret.invalid");
    }
    if (webhook != null && !URL.matcher(webhook).matches()) {
      errors.reject("webhook", "reminders.webhook.invalid");
    }
    if (robotSecret != null && !SECRET.matcher(robotSecret).matches()) {
      errors.reject("robotSecret", "reminders.secret.invalid");
    }
    if ((secret != null || webhook != null || robotSecret != null) && !box.ready()) {
      errors.reject("secret", "reminders.secretsKey.missing");
    }
    errors.throwIfAny();
    String newCorp = clearWecom ? null : corpId != null ? corpId : old.corpId();
    String newAgent = clearWecom ? null : agentId != null ? agentId : old.agentId();
    String newSecret = clearWecom ? null : secret != null ? box.seal(secret) : old.secret();
    String newWebhook = clearRobot ? null : webhook != null ? box.seal(webhook) : old.webhook();
    String newRobotSecret = clearRobot ? null : robotSecret != null ? box.seal(robotSecret) : old.robotSecret();
    Timestamp now = Timestamp.from(clock.now());
    int n = jdbc.update("UPDATE cf_rem_school_channel SET wecom_corp_id = ?, wecom_agent_id = ?, wecom_secret = ?, dingtalk_webhook = ?,"
        + " dingtalk_secret = ?, updated_by = ?, updated_at = ? WHERE school_id = ?", newCorp, newAgent, newSecret, newWebhook, newRobotSecret,
        actor, now, schoolId);
    if (n == 0) {
      jdbc.update("INSERT INTO cf_rem_school_channel (school_id, wecom_corp_id, wecom_agent_id, wecom_secret, dingtalk_webhook, dingtalk_secret,"
          + " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", schoolId, newCorp, newAgent, newSecret, newWebhook, newRobotSecret, actor, now);
    }
  }

  /** A class's robot: a blank webhook removes it. */
  @Transactional
  public void saveClassRobot(long classId, long schoolId, String webhook, String secret, String actor) {
    webhook = blankToNull(webhook);
    secret = blankToNull(secret);
    if (webhook == null) {
      jdbc.update("DELETE FROM cf_rem_class_robot WHERE class_id = ?", classId);
      return;
    }
    FieldErrors errors = new FieldErrors();
    if (!URL.matcher(webhook).matches()) {
      errors.reject("webhook", "reminders.webhook.invalid");
    }
    if (secret != null && !SECRET.matcher(secret).matches()) {
      errors.reject("robotSecret", "reminders.secret.invalid");
    }
    if (!box.ready()) {
      errors.reject("webhook", "reminders.secretsKey.missing");
    }
    errors.throwIfAny();
    jdbc.update("DELETE FROM cf_rem_class_robot WHERE class_id = ?", classId);
    jdbc.update("INSERT INTO cf_rem_class_robot (class_id, school_id, webhook, secret, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        classId, schoolId, box.seal(webhook), secret == null ? null : box.seal(secret), actor, Timestamp.from(clock.now()));
  }

  static String blankToNull(String s) {
    return s == null || s.strip().isEmpty() ? null : s.strip();
  }
}
