package org.careflow.classplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 班级工作总结: a class's summary of a term, the term's figures as they stood when written and the teacher's comment. */
@Entity
@Table(name = "cf_class_summary")
public class ClassSummary {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long schoolId;
  @Column(nullable = false)
  private Long classId;
  @Column(nullable = false)
  private Long termId;
  private int children;
  private int talks;
  private int talksOnTime;
  private int meetings;
  private int visits;
  private int calls;
  private int activities;
  private int riskChanges;
  @Column(nullable = false, length = 2000)
  private String achievements;
  @Column(length = 2000)
  private String problems;
  @Column(length = 2000)
  private String nextSteps;
  @Column(nullable = false, length = 64)
  private String writtenBy;
  @Column(nullable = false)
  private Instant writtenAt;

  protected ClassSummary() {}

  ClassSummary(long schoolId, long classId, long termId, ClassTermPapers.Figures f, String achievements, String problems, String nextSteps,
      String writtenBy, Instant writtenAt) {
    this.schoolId = schoolId;
    this.classId = classId;
    this.termId = termId;
    this.children = f.children();
    this.talks = f.talks();
    this.talksOnTime = f.talksOnTime();
    this.meetings = f.meetings();
    this.visits = f.visits();
    this.calls = f.calls();
    this.activities = f.activities();
    this.riskChanges = f.riskChanges();
    this.achievements = achievements;
    this.problems = problems;
    this.nextSteps = nextSteps;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
  }

  public Long getId() { return id; }
  public Long getSchoolId() { return schoolId; }
  public Long getClassId() { return classId; }
  public Long getTermId() { return termId; }
  public ClassTermPapers.Figures figures() {
    return new ClassTermPapers.Figures(children, talks, talksOnTime, meetings, visits, calls, activities, riskChanges);
  }
  public String getAchievements() { return achievements; }
  public String getProblems() { return problems; }
  public String getNextSteps() { return nextSteps; }
  public String getWrittenBy() { return writtenBy; }
  public Instant getWrittenAt() { return writtenAt; }
}
