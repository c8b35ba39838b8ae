package org.careflow.yearend;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * The supervisor's term-end decision on one child (评选优秀留守儿童, 篇29): selected as outstanding or
 * not, and the two points of the mentor's score that the records do not hold: a "三好学生" title and
 * serious misconduct.
 */
@Entity
@Table(name = "cf_commendation", uniqueConstraints = @UniqueConstraint(name = "uq_commendation_term_case", columnNames = {"termId", "caseId"}))
public class Commendation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long termId;
  @Column(nullable = false)
  private Long caseId;
  private boolean outstanding;
  private boolean meritStudent;
  private boolean seriousMisconduct;
  @Column(nullable = false, length = 64)
  private String decidedBy;
  @Column(nullable = false)
  private Instant decidedAt;

  protected Commendation() {}

  Commendation(long termId, long caseId) {
    this.termId = termId;
    this.caseId = caseId;
  }

  void decide(boolean outstanding, boolean meritStudent, boolean seriousMisconduct, String by, Instant at) {
    this.outstanding = outstanding;
    this.meritStudent = meritStudent;
    this.seriousMisconduct = seriousMisconduct;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  public Long getTermId() { return termId; }
  public Long getCaseId() { return caseId; }
  public boolean isOutstanding() { return outstanding; }
  public boolean isMeritStudent() { return meritStudent; }
  public boolean isSeriousMisconduct() { return seriousMisconduct; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
}
