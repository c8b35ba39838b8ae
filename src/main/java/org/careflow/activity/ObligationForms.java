package org.careflow.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The obligation's task ({@code holdActivity}, form {@code activity-obligation}): done by naming the
 * class's activity that fulfils it, one of its kinds held since its period began. Recording such an
 * activity in the register does this by itself.
 */
@Component
class ObligationForms implements TaskFormHandler {

  private final ClassActivities obligations;
  private final ActivityKinds kinds;
  private final JdbcTemplate jdbc;

  ObligationForms(ClassActivities obligations, ActivityKinds kinds, JdbcTemplate jdbc) {
    this.obligations = obligations;
    this.kinds = kinds;
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ClassActivities.TASK_KEY);
  }

  @Override
  public List<Option> options(TaskContext task, String valuesKey) {
    if (!"obligationActivities".equals(valuesKey)) {
      return List.of();
    }
    ClassActivities.Obligation o = obligations.obligationOfTask(task.taskId());
    Map<String, ActivityKinds.Kind> names = kinds.byCode(o.schoolId());
    var locale = LocaleContextHolder.getLocale();
    List<Object> args = new java.util.ArrayList<>(List.of(o.classId(), o.windowStart()));
    args.addAll(o.kinds());
    return jdbc.query("select id, activity_date, kind_code, place from cf_activity where class_id = ? and activity_date >= ? and kind_code in ("
        + String.join(",", o.kinds().stream().map(k -> "?").toList()) + ") order by activity_date desc, id desc", (rs, n) -> {
          ActivityKinds.Kind k = names.get(rs.getString(3));
          return new Option(Long.toString(rs.getLong(1)), rs.getObject(2, LocalDate.class) + " " + (k == null ? "" : k.name(locale))
              + " · " + rs.getString(4));
        }, args.toArray());
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues values, FieldErrors errors) {
    ClassActivities.Obligation o = obligations.obligationOfTask(task.taskId());
    String chosen = values.text("activity");
    if (chosen == null || options(task, "obligationActivities").stream().noneMatch(x -> x.value().equals(chosen))) {
      errors.reject("activity", "validation.option");
      return Map.of();
    }
    obligations.done(o.id(), Long.parseLong(chosen));
    return Map.of();
  }
}
