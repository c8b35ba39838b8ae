package org.careflow.support;

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

/**
 * An individual support plan (个别教育管理方案) for a child: opened when the risk is high or a teacher
 * asks, written by the counsellor with the class teacher, reviewed every two weeks, closed with the
 * supervisor's approval. One `support-plan` process instance per plan, business key = the case id.
 */
@Entity
@Table(name = "cf_support_plan", indexes = @Index(name = "ix_support_plan_case", columnList = "caseId,status"))
@jakarta.persistence.EntityListeners(TalkCadence.CadenceInputs.class)
public class SupportPlan {

  public enum Status {
    /** opened, not yet written */
    OPEN,
    /** written, under review every two weeks */
    ACTIVE,
    /** closing approved by a supervisor */
    CLOSED,
    /** the case ended while the plan ran */
    ENDED;

    public boolean running() {
      return this == OPEN || this == ACTIVE;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long caseId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Status status;
  /** HIGH_RISK, TEACHER_REQUEST or TERM_REVIEW. */
  @Column(nullable = false, length = 20)
  private String reason;
  @Column(nullable = false)
  private Instant openedAt;
  @Column(length = 1000)
  private String problems;
  @Column(length = 1000)
  private String goals;
  @Column(length = 1000)
  private String actions;
  /** Who does what (分工). */
  @Column(length = 1000)
  private String responsibilities;
  @Column(length = 64)
  private String writtenBy;
  private Instant writtenAt;
  private Instant closeRequestedAt;
  @Column(length = 64)
  private String closedBy;
  private Instant closedAt;
  @Column(length = 500)
  private String closeComment;

  protected SupportPlan() {}

  SupportPlan(Long caseId, String reason, Instant openedAt) {
    this.caseId = caseId;
    this.reason = reason;
    this.openedAt = openedAt;
    this.status = Status.OPEN;
  }

  void write(String problems, String goals, String actions, String responsibilities, String by, Instant at) {
    this.problems = problems;
    this.goals = goals;
    this.actions = actions;
    this.responsibilities = responsibilities;
    this.writtenBy = by;
    this.writtenAt = at;
    this.status = Status.ACTIVE;
  }

  void closeRequested(Instant at) {
    this.closeRequestedAt = at;
  }

  /** The supervisor's answer to a request to close: approved closes the plan, otherwise reviews go on. */
  void closeDecided(boolean approved, String comment, String by, Instant at) {
    this.closeComment = comment;
    this.closedBy = by;
    if (approved) {
      this.closedAt = at;
      this.status = Status.CLOSED;
    } else {
      this.closeRequestedAt = null;
    }
  }

  void endWithCase(Instant at) {
    if (status.running()) {
      this.status = Status.ENDED;
      this.closedAt = at;
    }
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public Status getStatus() { return status; }
  public String getReason() { return reason; }
  public Instant getOpenedAt() { return openedAt; }
  public String getProblems() { return problems; }
  public String getGoals() { return goals; }
  public String getActions() { return actions; }
  public String getResponsibilities() { return responsibilities; }
  public String getWrittenBy() { return writtenBy; }
  public Instant getWrittenAt() { return writtenAt; }
  public Instant getCloseRequestedAt() { return closeRequestedAt; }
  public String getClosedBy() { return closedBy; }
  public Instant getClosedAt() { return closedAt; }
  public String getCloseComment() { return closeComment; }
}
