package org.careflow.support;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careflow.child.CareCases;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A `support-plan` task is about the child of its case (business key = case id), as a case task is. */
@Component
class SupportPlanSubjects implements TaskSubjects {

  private final CareCases cases;

  SupportPlanSubjects(CareCases cases) {
    this.cases = cases;
  }

  @Override
  public String processKey() {
    return "support-plan";
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
