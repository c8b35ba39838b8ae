package org.careflow.guardianmeeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One child's guardian at a meeting: invited when, and present or not. */
@Entity
@Table(name = "cf_meeting_guest", indexes = {
    @Index(name = "ix_guest_meeting", columnList = "meetingId"),
    @Index(name = "ix_guest_case", columnList = "caseId")})
public class MeetingGuest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long meetingId;
  @Column(nullable = false)
  private Long caseId;
  @Column(nullable = false)
  private Long childId;
  private Instant invitedAt;
  private Boolean present;

  protected MeetingGuest() {}

  MeetingGuest(Long meetingId, Long caseId, Long childId, Instant invitedAt) {
    this.meetingId = meetingId;
    this.caseId = caseId;
    this.childId = childId;
    this.invitedAt = invitedAt;
  }

  void attended(boolean present) {
    this.present = present;
  }

  public Long getId() { return id; }
  public Long getMeetingId() { return meetingId; }
  public Long getCaseId() { return caseId; }
  public Long getChildId() { return childId; }
  public Instant getInvitedAt() { return invitedAt; }
  public Boolean getPresent() { return present; }
}
