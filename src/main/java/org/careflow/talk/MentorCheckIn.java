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

/** The mentor's weekly talk (每周谈一次心), and their first meeting with the child. */
@Entity
@Table(name = "cf_mentor_check_in", indexes = @Index(name = "ix_check_in_case", columnList = "caseId,checkInDate"))
public class MentorCheckIn {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long caseId;
  private boolean firstMeeting;
  @Column(nullable = false)
  private LocalDate checkInDate;
  @Column(length = 100)
  private String topics;
  /** Empty on a check-in written late, when the mentor no longer knows it. */
  @Column(length = 10)
  private String mood;
  /** Written after its week, with the date it really happened (a catch-up of past weeks). */
  @Column(nullable = false)
  private boolean late;
  @Column(length = 500)
  private String notes;
  @Column(length = 500)
  private String plan;
  @Column(nullable = false, length = 64)
  private String mentor;
  @Column(nullable = false)
  private Instant recordedAt;

  protected MentorCheckIn() {}

  MentorCheckIn(Long caseId, boolean firstMeeting, LocalDate checkInDate, String topics, String mood, String notes,
      String plan, String mentor, Instant recordedAt) {
    this.caseId = caseId;
    this.firstMeeting = firstMeeting;
    this.checkInDate = checkInDate;
    this.topics = topics;
    this.mood = mood;
    this.notes = notes;
    this.plan = plan;
    this.mentor = mentor;
    this.recordedAt = recordedAt;
  }

  /** A check-in of a past week written late, with the day it really happened. */
  static MentorCheckIn late(Long caseId, LocalDate date, String mood, String notes, String mentor, Instant recordedAt) {
    MentorCheckIn c = new MentorCheckIn(caseId, false, date, null, mood, notes, null, mentor, recordedAt);
    c.late = true;
    return c;
  }

  public boolean isLate() { return late; }
  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public boolean isFirstMeeting() { return firstMeeting; }
  public LocalDate getCheckInDate() { return checkInDate; }
  public String getTopics() { return topics; }
  public String getMood() { return mood; }
  public String getNotes() { return notes; }
  public String getPlan() { return plan; }
  public String getMentor() { return mentor; }
  public Instant getRecordedAt() { return recordedAt; }
}
