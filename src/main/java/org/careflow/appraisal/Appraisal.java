package org.careflow.appraisal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * The supervisor's appraisal of one teacher for one term (考核): a grade, a comment, and whether they are
 * selected as 优秀班主任 and/or 优秀帮扶教师 (评优). One row per teacher and term; grading again replaces it.
 */
@Entity
@Table(name = "cf_appraisal", uniqueConstraints = @UniqueConstraint(name = "uq_appraisal_term_teacher", columnNames = {"termId", "teacher"}))
public class Appraisal {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long termId;
  @Column(nullable = false, length = 64)
  private String teacher;
  @Column(nullable = false, length = 16)
  private String grade;
  @Column(length = 1000)
  private String comment;
  private boolean outstandingClassTeacher;
  private boolean outstandingMentor;
  @Column(nullable = false, length = 64)
  private String gradedBy;
  @Column(nullable = false)
  private Instant gradedAt;

  protected Appraisal() {}

  Appraisal(long termId, String teacher) {
    this.termId = termId;
    this.teacher = teacher;
  }

  void grade(String grade, String comment, boolean outstandingClassTeacher, boolean outstandingMentor, String by, Instant at) {
    this.grade = grade;
    this.comment = comment;
    this.outstandingClassTeacher = outstandingClassTeacher;
    this.outstandingMentor = outstandingMentor;
    this.gradedBy = by;
    this.gradedAt = at;
  }

  public Long getId() { return id; }
  public Long getTermId() { return termId; }
  public String getTeacher() { return teacher; }
  public String getGrade() { return grade; }
  public String getComment() { return comment; }
  public boolean isOutstandingClassTeacher() { return outstandingClassTeacher; }
  public boolean isOutstandingMentor() { return outstandingMentor; }
  public String getGradedBy() { return gradedBy; }
  public Instant getGradedAt() { return gradedAt; }
}
