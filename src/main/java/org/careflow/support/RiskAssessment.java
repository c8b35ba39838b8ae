package org.careflow.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One evaluation of the `risk-level` decision for a case, after a talk record or a term review: the
 * level, the reasons (codes from the decision) and the inputs it saw. The newest row is the child's
 * current level; the older ones are the history.
 */
@Entity
@Table(name = "cf_risk_assessment", indexes = @Index(name = "ix_risk_assessment_case", columnList = "caseId,assessedAt"))
@jakarta.persistence.EntityListeners(TalkCadence.CadenceInputs.class)
public class RiskAssessment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long caseId;
  /** LOW, MEDIUM or HIGH. */
  @Column(nullable = false, length = 10)
  private String riskLevel;
  /** Reason codes, comma separated (empty for LOW). */
  @Column(nullable = false, length = 500)
  private String reasons;
  /** TALK or TERM_REVIEW. */
  @Column(nullable = false, length = 20)
  private String triggerKind;
  /** The decision's inputs as name=value pairs: counts and codes, never names. */
  @Column(nullable = false, length = 1000)
  private String inputs;
  @Column(nullable = false)
  private Instant assessedAt;

  protected RiskAssessment() {}

  RiskAssessment(Long caseId, String riskLevel, List<String> reasons, String triggerKind, String inputs, Instant assessedAt) {
    this.caseId = caseId;
    this.riskLevel = riskLevel;
    String r = String.join(",", reasons);
    this.reasons = r.length() > 500 ? r.substring(0, 500) : r;
    this.triggerKind = triggerKind;
    this.inputs = inputs.length() > 1000 ? inputs.substring(0, 1000) : inputs;
    this.assessedAt = assessedAt;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public String getRiskLevel() { return riskLevel; }
  public List<String> getReasonList() { return reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")); }
  public String getTriggerKind() { return triggerKind; }
  public String getInputs() { return inputs; }
  public Instant getAssessedAt() { return assessedAt; }
}
