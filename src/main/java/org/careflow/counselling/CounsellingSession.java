package org.careflow.counselling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A counselling session (心理辅导记录) with a child. The reason, what was done and the follow-up are the
 * counsellor's: only the school's counsellors (and whoever wrote it) read them. The shared summary, when
 * the counsellor writes one, is what the class teacher and the others who see the child read.
 */
@Entity
@Table(name = "cf_counselling_session")
public class CounsellingSession {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long childId;

  private Long caseId;

  @Column(nullable = false)
  private Long schoolId;

  @Column(nullable = false)
  private LocalDate sessionDate;

  @Column(nullable = false, length = 500)
  private String reason;

  @Column(nullable = false, length = 2000)
  private String whatWasDone;

  @Column(length = 1000)
  private String followUp;

  @Column(length = 500)
  private String sharedSummary;

  @Column(nullable = false, length = 64)
  private String counsellor;

  @Column(nullable = false)
  private Instant recordedAt;

  protected CounsellingSession() {}

  CounsellingSession(long childId, Long caseId, long schoolId, LocalDate sessionDate, String reason, String whatWasDone, String followUp,
      String sharedSummary, String counsellor, Instant recordedAt) {
    this.childId = childId;
    this.caseId = caseId;
    this.schoolId = schoolId;
    this.sessionDate = sessionDate;
    this.reason = reason;
    this.whatWasDone = whatWasDone;
    this.followUp = followUp;
    this.sharedSummary = sharedSummary;
    this.counsellor = counsellor;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public Long getChildId() { return childId; }
  public Long getCaseId() { return caseId; }
  public Long getSchoolId() { return schoolId; }
  public LocalDate getSessionDate() { return sessionDate; }
  public String getReason() { return reason; }
  public String getWhatWasDone() { return whatWasDone; }
  public String getFollowUp() { return followUp; }
  public String getSharedSummary() { return sharedSummary; }
  public String getCounsellor() { return counsellor; }
  public Instant getRecordedAt() { return recordedAt; }
}
