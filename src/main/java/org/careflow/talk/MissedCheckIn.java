package org.careflow.talk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A school week in which the mentor did not talk with the child, closed as missed with the reason: the
 * week's task ends, and the week still counts as missed on the dashboard (no check-in record stands for it).
 */
@Entity
@Table(name = "cf_missed_check_in", indexes = @Index(name = "ix_missed_check_in_case", columnList = "caseId,weekStart"))
public class MissedCheckIn {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long caseId;
  /** The Monday of the week. */
  @Column(nullable = false)
  private LocalDate weekStart;
  @Column(nullable = false, length = 300)
  private String reason;
  @Column(nullable = false, length = 64)
  private String mentor;
  @Column(nullable = false)
  private Instant recordedAt;

  protected MissedCheckIn() {}

  MissedCheckIn(Long caseId, LocalDate weekStart, String reason, String mentor, Instant recordedAt) {
    this.caseId = caseId;
    this.weekStart = weekStart;
    this.reason = reason;
    this.mentor = mentor;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public LocalDate getWeekStart() { return weekStart; }
  public String getReason() { return reason; }
  public String getMentor() { return mentor; }
  public Instant getRecordedAt() { return recordedAt; }
}
