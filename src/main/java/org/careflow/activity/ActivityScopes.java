package org.careflow.activity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CaseScopes;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A class's activity obligations are about the class (and so its school): for the engine's scope and the inbox. */
@Component
class ActivityScopes implements CaseScopes, TaskSubjects {

  private final SchoolDirectory schools;

  ActivityScopes(SchoolDirectory schools) {
    this.schools = schools;
  }

  @Override
  public String processKey() {
    return ClassActivities.PROCESS_KEY;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Scope> scopeOf(String businessKey) {
    return ClassActivities.KEYS.id(businessKey).flatMap(id -> Optional.ofNullable(schools.classesById(List.of(id)).get(id)))
        .map(c -> new Scope(c.getId(), c.getSchool().getId(), null));
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    List<Long> ids = businessKeys.stream().flatMap(k -> ClassActivities.KEYS.id(k).stream()).toList();
    Map<Long, SchoolClass> classes = schools.classesById(ids);
    Map<String, Subject> out = new HashMap<>();
    classes.forEach((id, c) -> out.put(ClassActivities.KEYS.key(id), new Subject(c.getName(), c.getName(), id, null)));
    return out;
  }
}
