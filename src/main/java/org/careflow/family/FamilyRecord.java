package org.careflow.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the class teacher did for the tie with the parents, written in a task: the month's feedback
 * to the parents on study and life, the term's letter (亲情书信), or what was tried when the parents
 * could not be reached.
 */
@Entity
@Table(name = "cf_family_record", indexes = @Index(name = "ix_family_record_case", columnList = "caseId,kind,recordDate"))
public class FamilyRecord {

  public enum Kind { FEEDBACK, LETTER, UNREACHABLE }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long caseId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private Kind kind;
  /** The month (2026-10) of a feedback, the term's id of a letter, empty for the others. */
  @Column(length = 20)
  private String period;
  @Column(nullable = false)
  private LocalDate recordDate;
  /** How: PHONE, VIDEO, MESSAGE, VISIT for feedback; POST, PHOTO, HANDED for a letter; REACHED, NOT_REACHED after a search. */
  @Column(nullable = false, length = 12)
  private String channel;
  @Column(nullable = false, length = 500)
  private String summary;
  @Column(nullable = false, length = 64)
  private String teacher;
  @Column(nullable = false)
  private Instant recordedAt;

  protected FamilyRecord() {}

  FamilyRecord(long caseId, Kind kind, String period, LocalDate recordDate, String channel, String summary, String teacher,
      Instant recordedAt) {
    this.caseId = caseId;
    this.kind = kind;
    this.period = period;
    this.recordDate = recordDate;
    this.channel = channel;
    this.summary = summary;
    this.teacher = teacher;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public Kind getKind() { return kind; }
  public String getPeriod() { return period; }
  public LocalDate getRecordDate() { return recordDate; }
  public String getChannel() { return channel; }
  public String getSummary() { return summary; }
  public String getTeacher() { return teacher; }
  public Instant getRecordedAt() { return recordedAt; }
}
