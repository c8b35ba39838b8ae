package org.careflow.counselling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A child referred to the counsellor (转介心理辅导), from a talk card or the child's page: a task in the counsellors' inbox. */
@Entity
@Table(name = "cf_counselling_referral")
public class CounsellingReferral {

  public static final String KEY_PREFIX = "referral-";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long childId;

  private Long caseId;

  @Column(nullable = false)
  private Long schoolId;

  @Column(nullable = false, length = 500)
  private String reason;

  @Column(nullable = false, length = 12)
  private String source;

  @Column(nullable = false, length = 64)
  private String referredBy;

  @Column(nullable = false)
  private Instant referredAt;

  @Column(length = 64)
  private String processInstanceId;

  private Instant handledAt;

  protected CounsellingReferral() {}

  CounsellingReferral(long childId, Long caseId, long schoolId, String reason, String source, String referredBy, Instant referredAt) {
    this.childId = childId;
    this.caseId = caseId;
    this.schoolId = schoolId;
    this.reason = reason;
    this.source = source;
    this.referredBy = referredBy;
    this.referredAt = referredAt;
  }

  public Long getId() { return id; }
  public Long getChildId() { return childId; }
  public Long getCaseId() { return caseId; }
  public Long getSchoolId() { return schoolId; }
  public String getReason() { return reason; }
  public String getSource() { return source; }
  public String getReferredBy() { return referredBy; }
  public Instant getReferredAt() { return referredAt; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Instant getHandledAt() { return handledAt; }

  public String businessKey() {
    return org.careflow.shared.BusinessKey.prefixed(KEY_PREFIX, id);
  }

  void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void handled(Instant at) {
    this.handledAt = at;
  }

  static Long idOf(String businessKey) {
    return org.careflow.shared.BusinessKey.parse(KEY_PREFIX, businessKey).orElse(null);
  }
}
