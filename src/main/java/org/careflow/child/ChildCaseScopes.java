package org.careflow.child;

import java.util.Optional;
import org.careflow.shared.CaseScopes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A `child-case` instance is about its child's class and school, and the case's mentor. */
@Component
class ChildCaseScopes implements CaseScopes {

  private final CareCaseRepository cases;

  ChildCaseScopes(CareCaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public String processKey() {
    return "child-case";
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Scope> scopeOf(String businessKey) {
    if (!org.careflow.shared.BusinessKey.isId(businessKey)) {
      return Optional.empty();
    }
    return cases.findById(Long.valueOf(businessKey)).map(c -> new Scope(c.getChild().getSchoolClass().getId(),
        c.getChild().getSchoolClass().getSchool().getId(), c.getMentor()));
  }
}
