package org.careflow.absence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One 劝返 follow-up: the days missed a talk card reported, then why and what came of it. */
@Entity
@Table(name = "cf_absence_follow_up")
public class AbsenceFollowUp {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long caseId;
  @Column(nullable = false)
  private Long childId;
  @Column(nullable = false)
  private Long classId;
  @Column(nullable = false)
  private Long schoolId;
  private int daysMissed;
  @Column(nullable = false)
  private LocalDate reportedOn;
  @Column(nullable = false, length = 10)
  private String status;
  @Column(length = 20)
  private String reason;
  @Column(length = 500)
  private String reasonText;
  @Column(length = 20)
  private String outcome;
  @Column(length = 64)
  private String recordedBy;
  private Instant recordedAt;
  @Column(nullable = false)
  private Instant createdAt;

  protected AbsenceFollowUp() {}

  AbsenceFollowUp(long caseId, long childId, long classId, long schoolId, int daysMissed, LocalDate reportedOn, Instant createdAt) {
    this.caseId = caseId;
    this.childId = childId;
    this.classId = classId;
    this.schoolId = schoolId;
    this.daysMissed = daysMissed;
    this.reportedOn = reportedOn;
    this.status = "OPEN";
    this.createdAt = createdAt;
  }

  void record(String reason, String reasonText, String outcome, String by, Instant at) {
    this.reason = reason;
    this.reasonText = reasonText;
    this.outcome = outcome;
    this.recordedBy = by;
    this.recordedAt = at;
    this.status = "DONE";
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public Long getChildId() { return childId; }
  public Long getClassId() { return classId; }
  public Long getSchoolId() { return schoolId; }
  public int getDaysMissed() { return daysMissed; }
  public LocalDate getReportedOn() { return reportedOn; }
  public String getStatus() { return status; }
  public String getReason() { return reason; }
  public String getReasonText() { return reasonText; }
  public String getOutcome() { return outcome; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
  public Instant getCreatedAt() { return createdAt; }
}
