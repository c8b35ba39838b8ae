package org.careflow.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A teacher of a school; {@code username} is the login, kept in the engine's identity store. */
@Entity
@Table(name = "cf_teacher")
public class Teacher {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String username;

  @Column(nullable = false, length = 50)
  private String name;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private School school;

  /** What they teach (语文, 数学...), shown when a mentor is chosen. */
  @Column(length = 50)
  private String subject;

  /** Whether they volunteered as a mentor (帮扶教师). */
  private boolean mentor;

  /** A mobile or office number, from the set-up workbook or the staff page. */
  @Column(length = 20)
  private String phone;

  /** The most mentees a mentor takes (可带学生数); null: no limit set. */
  private Integer maxMentees;

  /** False once they left the school: their work and mentees went to a colleague, they sign in no more. */
  @Column(nullable = false)
  private boolean active = true;

  protected Teacher() {}

  public Teacher(String username, String name, School school, String subject, boolean mentor) {
    this.username = username;
    this.name = name;
    this.school = school;
    this.subject = subject;
    this.mentor = mentor;
  }

  public Long getId() { return id; }
  public String getUsername() { return username; }
  public String getName() { return name; }
  public School getSchool() { return school; }
  public String getSubject() { return subject; }
  public boolean isMentor() { return mentor; }
  public String getPhone() { return phone; }
  public Integer getMaxMentees() { return maxMentees; }
  public boolean isActive() { return active; }

  public void setName(String name) { this.name = name; }
  public void setSubject(String subject) { this.subject = subject; }
  public void setMentor(boolean mentor) { this.mentor = mentor; }
  public void setPhone(String phone) { this.phone = phone; }
  public void setMaxMentees(Integer maxMentees) { this.maxMentees = maxMentees; }
  public void setActive(boolean active) { this.active = active; }
}
