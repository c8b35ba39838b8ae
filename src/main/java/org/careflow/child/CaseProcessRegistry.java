package org.careflow.child;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.careflow.shared.CaseProcesses;
import org.careflow.shared.CaseScopes;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an instance of any case process ({@link CaseProcesses#KEYS}: child-case, family-ties,
 * support-plan; business key = case id) is about, in one place: its scope (the child's class and school,
 * the case's mentor) for the engine's authorizations and the pages, and its subject (child and class) for
 * the inbox. A new case-keyed process is one more key in {@link CaseProcesses#KEYS}, no new adapter.
 */
@Component
class CaseProcessRegistry implements CaseScopes, TaskSubjects {

  private final CareCases cases;

  CaseProcessRegistry(CareCases cases) {
    this.cases = cases;
  }

  @Override
  public String processKey() {
    return CaseProcesses.CHILD_CASE;
  }

  @Override
  public Collection<String> processKeys() {
    return CaseProcesses.KEYS;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Scope> scopeOf(String businessKey) {
    Optional<Long> id = org.careflow.shared.BusinessKey.parse(businessKey);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    // not careCase(id): its NotFoundException would mark the engine's transaction for rollback
    return cases.withChild(id.get()).map(c -> new Scope(c.getChild().getSchoolClass().getId(),
        c.getChild().getSchoolClass().getSchool().getId(), c.getMentor(), c.getChild().getId()));
  }

  @Override
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    return cases.subjectsOf(businessKeys);
  }
}
