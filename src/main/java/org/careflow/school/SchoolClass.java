package org.careflow.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A class (班级) of a school, owned by its class teacher (班主任). */
@Entity
@Table(name = "cf_class", uniqueConstraints = @UniqueConstraint(columnNames = {"school_id", "name"}))
public class SchoolClass {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private School school;

  @Column(nullable = false, length = 50)
  private String name;

  /** 1 to 9: primary and junior middle school grades. */
  private int grade;

  /** The user id of the class teacher. */
  @Column(length = 64)
  private String classTeacher;

  protected SchoolClass() {}

  public SchoolClass(School school, String name, int grade, String classTeacher) {
    this.school = school;
    this.name = name;
    this.grade = grade;
    this.classTeacher = classTeacher;
  }

  public Long getId() { return id; }
  public School getSchool() { return school; }
  public String getName() { return name; }
  public int getGrade() { return grade; }
  public String getClassTeacher() { return classTeacher; }

  public void setClassTeacher(String classTeacher) { this.classTeacher = classTeacher; }
  public void setName(String name) { this.name = name; }
  public void setGrade(int grade) { this.grade = grade; }

  /** The year-end promotion: the class becomes the next grade under its new name, perhaps with a new class teacher. */
  public void promote(String newName, String newClassTeacher) {
    this.name = newName;
    this.grade = grade + 1;
    this.classTeacher = newClassTeacher;
  }

  /** The top grade leaves the school: the class keeps its children's history under a name that frees its own. */
  public void graduate(String graduatedName) {
    this.name = graduatedName;
  }
}
