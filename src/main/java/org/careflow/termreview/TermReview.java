package org.careflow.termreview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** The class teacher's end-of-term summary for a child (期末总结), and the supervisor's sign-off. */
@Entity
@Table(name = "cf_term_review", indexes = @Index(name = "ix_term_review_case", columnList = "caseId,termId"))
public class TermReview {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long caseId;
  @Column(nullable = false)
  private Long termId;
  @Column(nullable = false, length = 1000)
  private String progress;
  private Integer rankBefore;
  private Integer rankAfter;
  /** continue, close or support. */
  @Column(nullable = false, length = 10)
  private String outcome;
  @Column(nullable = false, length = 1000)
  private String summary;
  @Column(nullable = false, length = 64)
  private String writtenBy;
  @Column(nullable = false)
  private Instant writtenAt;
  /** null until signed off; false when sent back for revision. */
  private Boolean approved;
  @Column(length = 64)
  private String signedOffBy;
  private Instant signedOffAt;
  @Column(length = 500)
  private String signOffComment;

  protected TermReview() {}

  TermReview(Long caseId, Long termId, String writtenBy, Instant writtenAt) {
    this.caseId = caseId;
    this.termId = termId;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
  }

  void write(String progress, Integer rankBefore, Integer rankAfter, String outcome, String summary, String by, Instant at) {
    this.progress = progress;
    this.rankBefore = rankBefore;
    this.rankAfter = rankAfter;
    this.outcome = outcome;
    this.summary = summary;
    this.writtenBy = by;
    this.writtenAt = at;
    this.approved = null;
  }

  void signOff(boolean approved, String comment, String by, Instant at) {
    this.approved = approved;
    this.signOffComment = comment;
    this.signedOffBy = by;
    this.signedOffAt = at;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public Long getTermId() { return termId; }
  public String getProgress() { return progress; }
  public Integer getRankBefore() { return rankBefore; }
  public Integer getRankAfter() { return rankAfter; }
  public String getOutcome() { return outcome; }
  public String getSummary() { return summary; }
  public String getWrittenBy() { return writtenBy; }
  public Instant getWrittenAt() { return writtenAt; }
  public Boolean getApproved() { return approved; }
  public String getSignedOffBy() { return signedOffBy; }
  public Instant getSignedOffAt() { return signedOffAt; }
  public String getSignOffComment() { return signOffComment; }
}
