package org.careflow.guardianmeeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A class's guardian meeting of a term (家长会). Each class with running cases has the term's own meeting
 * (ordinal 1, unique per class and term); a coordinator or the class teacher may hold another on purpose,
 * with a reason (ordinal 2, 3 …).
 */
@Entity
@Table(name = "cf_guardian_meeting", uniqueConstraints = @UniqueConstraint(name = "uq_guardian_meeting_term",
    columnNames = {"classId", "termId", "ordinal"}))
public class GuardianMeeting {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long classId;
  @Column(nullable = false)
  private Long termId;
  private LocalDate meetingDate;
  @Column(length = 100)
  private String location;
  @Column(length = 1000)
  private String agenda;
  @Column(length = 10)
  private String invitationMethod;
  @Column(length = 2000)
  private String minutes;
  private Instant heldAt;
  @Column(nullable = false)
  private int ordinal = 1;
  @Column(length = 300)
  private String reason;
  @Column(length = 64)
  private String startedBy;
  private Instant startedAt;

  protected GuardianMeeting() {}

  GuardianMeeting(Long classId, Long termId, int ordinal, String reason, String startedBy, Instant startedAt) {
    this.classId = classId;
    this.termId = termId;
    this.ordinal = ordinal;
    this.reason = reason;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  void plan(LocalDate date, String location, String agenda) {
    this.meetingDate = date;
    this.location = location;
    this.agenda = agenda;
  }

  void invited(String method) {
    this.invitationMethod = method;
  }

  void held(String minutes, Instant at) {
    this.minutes = minutes;
    this.heldAt = at;
  }

  public Long getId() { return id; }
  public Long getClassId() { return classId; }
  public Long getTermId() { return termId; }
  public LocalDate getMeetingDate() { return meetingDate; }
  public String getLocation() { return location; }
  public String getAgenda() { return agenda; }
  public String getInvitationMethod() { return invitationMethod; }
  public String getMinutes() { return minutes; }
  public Instant getHeldAt() { return heldAt; }
  public int getOrdinal() { return ordinal; }
  /** Whether this is the term's own meeting, not an extra one. */
  public boolean isFirstOfTerm() { return ordinal == 1; }
  public String getReason() { return reason; }
  public String getStartedBy() { return startedBy; }
  public Instant getStartedAt() { return startedAt; }
}
