package org.careflow.classplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 班级关爱帮扶计划: a class's help plan for a term, written once by its class teacher. */
@Entity
@Table(name = "cf_class_plan")
public class ClassPlan {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long schoolId;
  @Column(nullable = false)
  private Long classId;
  @Column(nullable = false)
  private Long termId;
  @Column(nullable = false, length = 2000)
  private String goals;
  @Column(nullable = false, length = 2000)
  private String activities;
  @Column(length = 2000)
  private String helpNotes;
  @Column(nullable = false, length = 64)
  private String writtenBy;
  @Column(nullable = false)
  private Instant writtenAt;

  protected ClassPlan() {}

  ClassPlan(long schoolId, long classId, long termId, String goals, String activities, String helpNotes, String writtenBy, Instant writtenAt) {
    this.schoolId = schoolId;
    this.classId = classId;
    this.termId = termId;
    this.goals = goals;
    this.activities = activities;
    this.helpNotes = helpNotes;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
  }

  public Long getId() { return id; }
  public Long getSchoolId() { return schoolId; }
  public Long getClassId() { return classId; }
  public Long getTermId() { return termId; }
  public String getGoals() { return goals; }
  public String getActivities() { return activities; }
  public String getHelpNotes() { return helpNotes; }
  public String getWrittenBy() { return writtenBy; }
  public Instant getWrittenAt() { return writtenAt; }
}
