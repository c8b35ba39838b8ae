package org.careflow.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The two-weekly review of a support plan: what changed, and whether to go on or ask to close it. */
@Entity
@Table(name = "cf_support_plan_review", indexes = @Index(name = "ix_support_plan_review_plan", columnList = "planId,reviewDate"))
public class SupportPlanReview {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long planId;
  @Column(nullable = false)
  private LocalDate reviewDate;
  @Column(nullable = false, length = 1000)
  private String progress;
  /** continue or close. */
  @Column(nullable = false, length = 10)
  private String recommendation;
  @Column(length = 1000)
  private String nextSteps;
  @Column(nullable = false, length = 64)
  private String writtenBy;
  @Column(nullable = false)
  private Instant writtenAt;

  protected SupportPlanReview() {}

  SupportPlanReview(Long planId, LocalDate reviewDate, String progress, String recommendation, String nextSteps,
      String writtenBy, Instant writtenAt) {
    this.planId = planId;
    this.reviewDate = reviewDate;
    this.progress = progress;
    this.recommendation = recommendation;
    this.nextSteps = nextSteps;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public LocalDate getReviewDate() { return reviewDate; }
  public String getProgress() { return progress; }
  public String getRecommendation() { return recommendation; }
  public String getNextSteps() { return nextSteps; }
  public String getWrittenBy() { return writtenBy; }
  public Instant getWrittenAt() { return writtenAt; }
}
