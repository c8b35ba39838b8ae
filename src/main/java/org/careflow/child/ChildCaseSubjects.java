package org.careflow.child;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Says which child and class a `child-case` task is about: one query for a page of tasks. */
@Component
class ChildCaseSubjects implements TaskSubjects {

  private final CareCases cases;

  ChildCaseSubjects(CareCases cases) {
    this.cases = cases;
  }

  @Override
  public String processKey() {
    return "child-case";
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
