package org.careflow.carers;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.careflow.shared.BusinessKey;
import org.careflow.shared.CareClock;
import org.careflow.shared.CaseScopes;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;

/**
 * The {@code carer-follow-up} process (processes/carer-follow-up.bpmn), one per active carer, business key
 * {@code carer-<id>}: on the first of every month ({@code ${carerCalendar.nextMonth(execution)}}) the class
 * teachers of the carer's children get the task {@code askCarer} (candidate groups
 * {@code ${carerFollowUp.classGroups(execution)}}, due in a week), to ask the carer how it went; the answer is
 * kept in {@code cf_carer_follow_up}. A carer who looks after no child is not asked. The beans take the carer
 * from the business key, never from a variable.
 */
@Component("carerFollowUp")
public class CarerFollowUpProcess implements TaskFormHandler, TaskSubjects, CaseScopes {

  static final List<String> CHANNELS = List.of("PHONE", "VISIT", "MEETING");

  private final Carers carers;
  private final CareClock clock;

  CarerFollowUpProcess(Carers carers, CareClock clock) {
    this.carers = carers;
    this.clock = clock;
  }

  private long carerOf(Object execution) {
    String key = BusinessKey.keyOf(execution);
    return Carers.carerIdOf(key).orElseThrow(() -> new IllegalStateException("not a carer's process: " + key));
  }

  /** Whether the carer is to be asked this month: still active, and looking after a child. */
  public boolean needsAsking(Object execution) {
    long id = carerOf(execution);
    return carers.find(id).map(Carer::isActive).orElse(false) && !carers.classesOf(id).isEmpty();
  }

  /** The class groups of the carer's children: their class teachers are asked. */
  public String classGroups(Object execution) {
    return String.join(",", carers.classesOf(carerOf(execution)).stream().map(c -> Roles.classGroup(c.getId())).toList());
  }

  // -- the task's form ----------------------------------------------------------------------------------

  @Override
  public Set<String> taskKeys() {
    return Set.of(CarerFollowUpModel.TASK_ASK_CARER);
  }

  @Override
  public Map<String, Object> prefill(TaskContext task) {
    return Map.of("askedOn", clock.today().toString());
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues v, FieldErrors errors) {
    long id = Carers.carerIdOf(task.businessKey()).orElseThrow();
    LocalDate asked = v.date("askedOn");
    if (asked != null && asked.isAfter(clock.today())) {
      errors.reject("askedOn", "validation.pastDate");
    }
    String channel = v.text("channel");
    if (channel == null || !CHANNELS.contains(channel)) {
      errors.reject("channel", "validation.option");
    }
    String how = errors.text("howItWent", v.text("howItWent"), 500, true);
    if (!errors.isEmpty()) {
      return Map.of();
    }
    carers.followUp(id, asked == null ? clock.today() : asked, channel, how, task.user());
    return Map.of();
  }

  // -- what a task is about, and who may see it ------------------------------------------------------------

  @Override
  public String processKey() {
    return Carers.PROCESS_KEY;
  }

  @Override
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    Map<String, Subject> out = new LinkedHashMap<>();
    for (String key : businessKeys) {
      Carers.carerIdOf(key).flatMap(carers::find).ifPresent(c -> {
        List<SchoolClass> classes = carers.classesOf(c.getId());
        SchoolClass first = classes.isEmpty() ? null : classes.get(0);
        out.put(key, new Subject(c.getName(), first == null ? null : first.getName(), first == null ? null : first.getId(), null));
      });
    }
    return out;
  }

  @Override
  public Optional<Scope> scopeOf(String businessKey) {
    return Carers.carerIdOf(businessKey).flatMap(id -> {
      List<SchoolClass> classes = carers.classesOf(id);
      return classes.isEmpty() ? Optional.empty()
          : Optional.of(new Scope(classes.get(0).getId(), classes.get(0).getSchool().getId(), null));
    });
  }
}
