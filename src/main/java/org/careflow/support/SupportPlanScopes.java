package org.careflow.support;

import java.util.Optional;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.shared.CaseScopes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A `support-plan` instance is about its case (business key = case id): the child's class and school, the mentor. */
@Component
class SupportPlanScopes implements CaseScopes {

  private final CareCases cases;

  SupportPlanScopes(CareCases cases) {
    this.cases = cases;
  }

  @Override
  public String processKey() {
    return "support-plan";
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Scope> scopeOf(String businessKey) {
    if (!org.careflow.shared.BusinessKey.isId(businessKey)) {
      return Optional.empty();
    }
    long id = Long.parseLong(businessKey);
    // not careCase(id): its NotFoundException would mark the engine's transaction for rollback
    CareCase c = cases.withChildren(java.util.List.of(id)).get(id);
    return c == null ? Optional.empty()
        : Optional.of(new Scope(c.getChild().getSchoolClass().getId(), c.getChild().getSchoolClass().getSchool().getId(), c.getMentor()));
  }
}
