package org.careflow.classplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who helps whom in a class's plan: a child in care, their mentor and buddy as paired when the plan was written (ids only). */
@Entity
@Table(name = "cf_class_plan_pairing")
public class ClassPlanPairing {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long planId;
  @Column(nullable = false)
  private Long childId;
  @Column(nullable = false)
  private Long caseId;
  @Column(length = 64)
  private String mentor;
  private Long buddyChildId;

  protected ClassPlanPairing() {}

  ClassPlanPairing(long planId, long childId, long caseId, String mentor, Long buddyChildId) {
    this.planId = planId;
    this.childId = childId;
    this.caseId = caseId;
    this.mentor = mentor;
    this.buddyChildId = buddyChildId;
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public Long getChildId() { return childId; }
  public Long getCaseId() { return caseId; }
  public String getMentor() { return mentor; }
  public Long getBuddyChildId() { return buddyChildId; }
}
