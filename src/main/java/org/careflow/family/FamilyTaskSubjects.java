package org.careflow.family;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careflow.child.CareCases;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which child and class a `family-ties` task is about (its business key is the case id, as in `child-case`). */
@Component
class FamilyTaskSubjects implements TaskSubjects {

  private final CareCases cases;

  FamilyTaskSubjects(CareCases cases) {
    this.cases = cases;
  }

  @Override
  public String processKey() {
    return FamilyTiesProcess.KEY;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    List<Long> ids = businessKeys.stream().filter(k -> k != null && k.matches("\\d{1,18}")).map(Long::valueOf).toList();
    Map<String, Subject> out = new HashMap<>();
    cases.withChildren(ids).forEach((id, c) -> out.put(id.toString(),
        new Subject(c.getChild().getName(), c.getChild().getSchoolClass().getName(),
            c.getChild().getSchoolClass().getId(), c.getChild().getId())));
    return out;
  }
}
