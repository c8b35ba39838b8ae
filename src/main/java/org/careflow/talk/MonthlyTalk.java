package org.careflow.talk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The class teacher's talk record card (谈心记录卡): at least one for every calendar month. */
@Entity
@Table(name = "cf_monthly_talk", indexes = @Index(name = "ix_monthly_talk_case", columnList = "caseId,talkMonth"))
public class MonthlyTalk {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long caseId;
  /** The calendar month the talk counts for, as yyyy-MM. */
  @Column(nullable = false, length = 7)
  private String talkMonth;
  @Column(nullable = false)
  private LocalDate talkDate;
  /** study, life, emotions, friends, health: comma separated. */
  @Column(nullable = false, length = 100)
  private String topics;
  @Column(nullable = false, length = 10)
  private String mood;
  @Column(length = 500)
  private String concerns;
  @Column(length = 500)
  private String followUp;
  private boolean parentsInformed;
  /** Behaviour incidents (违纪) since the last talk; read by the risk-level decision. */
  private Integer incidents;
  /** School days missed since the last talk. */
  private Integer daysMissed;
  /** The teacher asks for an individual support plan (个别教育管理方案). */
  @Column(nullable = false)
  private boolean planRequested;
  @Column(nullable = false, length = 64)
  private String teacher;
  @Column(nullable = false)
  private Instant recordedAt;

  protected MonthlyTalk() {}

  MonthlyTalk(Long caseId, String talkMonth, LocalDate talkDate, String topics, String mood, String concerns,
      String followUp, boolean parentsInformed, Integer incidents, Integer daysMissed, boolean planRequested,
      String teacher, Instant recordedAt) {
    this.caseId = caseId;
    this.talkMonth = talkMonth;
    this.talkDate = talkDate;
    this.topics = topics;
    this.mood = mood;
    this.concerns = concerns;
    this.followUp = followUp;
    this.parentsInformed = parentsInformed;
    this.incidents = incidents;
    this.daysMissed = daysMissed;
    this.planRequested = planRequested;
    this.teacher = teacher;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public String getTalkMonth() { return talkMonth; }
  public LocalDate getTalkDate() { return talkDate; }
  public String getTopics() { return topics; }
  public String getMood() { return mood; }
  public String getConcerns() { return concerns; }
  public String getFollowUp() { return followUp; }
  public boolean isParentsInformed() { return parentsInformed; }
  public Integer getIncidents() { return incidents; }
  public Integer getDaysMissed() { return daysMissed; }
  public boolean isPlanRequested() { return planRequested; }
  public String getTeacher() { return teacher; }
  public Instant getRecordedAt() { return recordedAt; }
}
