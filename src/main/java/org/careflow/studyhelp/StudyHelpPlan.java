package org.careflow.studyhelp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A study-help plan (学习帮扶计划): a subject teacher helps one child in one subject, at a weekly time, with
 * this content and this goal; at the term's end the effect is checked. While it is active the teacher sees
 * the child (the page's study-help parts only).
 */
@Entity
@Table(name = "cf_study_help")
public class StudyHelpPlan {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long childId;
  @Column(nullable = false)
  private Long schoolId;
  @Column(nullable = false)
  private Long classId;
  @Column(nullable = false)
  private Long termId;
  @Column(nullable = false, length = 64)
  private String teacher;
  @Column(nullable = false, length = 30)
  private String subject;
  @Column(nullable = false, length = 60)
  private String weeklyTime;
  @Column(nullable = false, length = 500)
  private String content;
  @Column(nullable = false, length = 500)
  private String goal;
  @Column(nullable = false)
  private boolean active;
  /** CLEAR, SOME, NONE or WORSE once checked. */
  @Column(length = 12)
  private String effect;
  @Column(length = 500)
  private String effectNote;
  @Column(length = 64)
  private String effectBy;
  private Instant effectAt;
  @Column(nullable = false, length = 64)
  private String createdBy;
  @Column(nullable = false)
  private Instant createdAt;
  @Version
  private long version;

  protected StudyHelpPlan() {}

  StudyHelpPlan(long childId, long schoolId, long classId, long termId, String teacher, String subject, String weeklyTime,
      String content, String goal, String createdBy, Instant createdAt) {
    this.childId = childId;
    this.schoolId = schoolId;
    this.classId = classId;
    this.termId = termId;
    this.teacher = teacher;
    this.subject = subject;
    this.weeklyTime = weeklyTime;
    this.content = content;
    this.goal = goal;
    this.active = true;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void checkEffect(String effect, String note, String by, Instant at) {
    this.effect = effect;
    this.effectNote = note;
    this.effectBy = by;
    this.effectAt = at;
  }

  void end() {
    this.active = false;
  }

  public Long getId() { return id; }
  public Long getChildId() { return childId; }
  public Long getSchoolId() { return schoolId; }
  public Long getClassId() { return classId; }
  public Long getTermId() { return termId; }
  public String getTeacher() { return teacher; }
  public String getSubject() { return subject; }
  public String getWeeklyTime() { return weeklyTime; }
  public String getContent() { return content; }
  public String getGoal() { return goal; }
  public boolean isActive() { return active; }
  public String getEffect() { return effect; }
  public String getEffectNote() { return effectNote; }
  public String getEffectBy() { return effectBy; }
  public Instant getEffectAt() { return effectAt; }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
}
