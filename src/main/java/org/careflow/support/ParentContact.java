package org.careflow.support;

import org.springframework.stereotype.Component;

/**
 * How many weeks the child's parents have gone without contact: an input of the `risk-level` decision.
 * The figure comes from the family call log (`family.ParentContact`, bean `familyContact`): whole weeks
 * since a call last got through, or since the child's first case opened when none ever did.
 */
@Component("parentContact")
public class ParentContact {

  private final org.careflow.family.ParentContact family;

  ParentContact(org.careflow.family.ParentContact family) {
    this.family = family;
  }

  public int weeksWithoutContact(long caseId) {
    return family.weeksWithoutContactOfCase(caseId);
  }
}
