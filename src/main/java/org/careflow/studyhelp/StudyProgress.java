package org.careflow.studyhelp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One entry of the child's progress file (进步档案) under a study-help plan: the day and what improved. */
@Entity
@Table(name = "cf_study_progress")
public class StudyProgress {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long planId;
  @Column(nullable = false)
  private Long childId;
  @Column(nullable = false)
  private LocalDate progressDate;
  @Column(nullable = false, length = 500)
  private String improved;
  @Column(nullable = false, length = 64)
  private String writtenBy;
  @Column(nullable = false)
  private Instant writtenAt;

  protected StudyProgress() {}

  StudyProgress(long planId, long childId, LocalDate progressDate, String improved, String writtenBy, Instant writtenAt) {
    this.planId = planId;
    this.childId = childId;
    this.progressDate = progressDate;
    this.improved = improved;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public Long getChildId() { return childId; }
  public LocalDate getProgressDate() { return progressDate; }
  public String getImproved() { return improved; }
  public String getWrittenBy() { return writtenBy; }
  public Instant getWrittenAt() { return writtenAt; }
}
