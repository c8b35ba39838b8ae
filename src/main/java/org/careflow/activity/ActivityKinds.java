package org.careflow.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careflow.shared.FieldErrors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kinds of activity a school records, a list its coordinators keep: seeded with the kinds the plans
 * name, each with a fixed code (the code is what the decision {@code activity-obligations} names; it is
 * shown only on the kinds page, for the coordinator who edits that table).
 */
@Service
public class ActivityKinds {

  /** A kind of activity; {@code name(locale)} is what people see. */
  public record Kind(long id, String code, String nameZh, String nameEn, boolean active) {
    public String name(Locale locale) {
      return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
  }

  /** The seed: code, Chinese name, English name. */
  static final List<String[]> DEFAULTS = List.of(
      new String[] {"THEME_MEETING", "主题班会", "Class meeting on a theme"},
      new String[] {"SAFETY", "安全教育", "Safety lesson"},
      new String[] {"SAFETY_DROWNING", "安全教育·防溺水", "Safety: drowning"},
      new String[] {"SAFETY_TRAFFIC", "安全教育·交通", "Safety: traffic"},
      new String[] {"SAFETY_ABDUCTION", "安全教育·防拐骗", "Safety: abduction"},
      new String[] {"SAFETY_LAW", "安全教育·法制", "Safety: the law"},
      new String[] {"MENTAL_HEALTH", "心理健康课", "Mental-health lesson"},
      new String[] {"LECTURE", "法制/安全/心理讲座", "Talk on law, safety or mental health"},
      new String[] {"BIRTHDAY", "生日会", "Birthday gathering"},
      new String[] {"INTEREST_GROUP", "兴趣小组", "Interest group"},
      new String[] {"FAMILY_CALL", "亲情活动/视频通话", "Family time / video call"},
      new String[] {"SPORTS_ARTS", "文体活动（两体两艺）", "Sports and arts"},
      new String[] {"OUTING", "外出活动", "Outing"},
      new String[] {"FESTIVAL", "节日活动（六一/中秋/春节）", "Festival (Children's Day, Mid-Autumn, Spring Festival)"},
      new String[] {"CHILDREN_HOME", "留守儿童之家", "Left-behind children's home"});

  private final JdbcTemplate jdbc;

  ActivityKinds(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The school's kinds, active first in their order; seeded with the defaults on first use. */
  @Transactional
  public List<Kind> of(long schoolId) {
    List<Kind> kinds = read(schoolId);
    if (kinds.isEmpty()) {
      int order = 0;
      for (String[] d : DEFAULTS) {
        jdbc.update("insert into cf_activity_kind (school_id, code, name_zh, name_en, active, sort_order) values (?, ?, ?, ?, true, ?)",
            schoolId, d[0], d[1], d[2], order += 10);
      }
      kinds = read(schoolId);
    }
    return kinds;
  }

  public List<Kind> active(long schoolId) {
    return of(schoolId).stream().filter(Kind::active).toList();
  }

  /** Code → kind, for showing names; reads only (a school not yet seeded shows the seed's names). */
  @Transactional(readOnly = true)
  public Map<String, Kind> byCode(long schoolId) {
    Map<String, Kind> out = new LinkedHashMap<>();
    List<Kind> list = read(schoolId);
    if (list.isEmpty()) {
      DEFAULTS.forEach(d -> out.put(d[0], new Kind(0, d[0], d[1], d[2], true)));
    }
    list.forEach(k -> out.put(k.code(), k));
    return out;
  }

  private List<Kind> read(long schoolId) {
    return new ArrayList<>(jdbc.query("select id, code, name_zh, name_en, active from cf_activity_kind where school_id = ? order by active desc, sort_order, id",
        (rs, n) -> new Kind(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)), schoolId));
  }

  /** Adds a kind (its code made from the next number) or renames / hides / shows one; validation before any write. */
  @Transactional
  public void save(long schoolId, Long id, String nameZh, String nameEn, boolean active) {
    of(schoolId);
    FieldErrors errors = new FieldErrors();
    String zh = nameZh == null ? "" : nameZh.strip();
    String en = nameEn == null ? "" : nameEn.strip();
    if (zh.isEmpty()) {
      errors.reject("nameZh", "validation.required");
    } else if (zh.length() > 50) {
      errors.reject("nameZh", "validation.tooLong", 50);
    }
    if (en.isEmpty()) {
      errors.reject("nameEn", "validation.required");
    } else if (en.length() > 60) {
      errors.reject("nameEn", "validation.tooLong", 60);
    }
    if (id != null && jdbc.queryForObject("select count(*) from cf_activity_kind where id = ? and school_id = ?", Integer.class, id, schoolId) == 0) {
      throw new org.careflow.shared.NotFoundException("kind");
    }
    Integer same = jdbc.queryForObject("select count(*) from cf_activity_kind where school_id = ? and (name_zh = ? or name_en = ?) and id <> ?",
        Integer.class, schoolId, zh, en, id == null ? -1L : id);
    if (same != null && same > 0) {
      errors.reject("nameZh", "activity.kind.duplicate");
    }
    errors.throwIfAny();
    if (id == null) {
      Integer max = jdbc.queryForObject("select coalesce(max(sort_order), 0) from cf_activity_kind where school_id = ?", Integer.class, schoolId);
      Long n = jdbc.queryForObject("select count(*) from cf_activity_kind where school_id = ?", Long.class, schoolId);
      String code = "KIND_" + (n + 1);
      while (jdbc.queryForObject("select count(*) from cf_activity_kind where school_id = ? and code = ?", Integer.class, schoolId, code) > 0) {
        code = code + "X";
      }
      jdbc.update("insert into cf_activity_kind (school_id, code, name_zh, name_en, active, sort_order) values (?, ?, ?, ?, true, ?)",
          schoolId, code, zh, en, (max == null ? 0 : max) + 10);
    } else {
      jdbc.update("update cf_activity_kind set name_zh = ?, name_en = ?, active = ? where id = ? and school_id = ?", zh, en, active, id, schoolId);
    }
  }
}
