package org.careflow.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One access to a child's data: who, what they did, which child and case, when, and what changed
 * (field names and record kinds, not the values). Append-only: nothing updates or deletes it.
 */
@Entity
@Table(name = "cf_audit", indexes = {
    @Index(name = "ix_audit_child", columnList = "childId,at"),
    @Index(name = "ix_audit_actor", columnList = "actor,at")})
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false, updatable = false)
  private Instant at;
  @Column(nullable = false, updatable = false, length = 64)
  private String actor;
  @Column(nullable = false, updatable = false, length = 30)
  private String action;
  @Column(updatable = false)
  private Long childId;
  @Column(updatable = false)
  private Long caseId;
  @Column(updatable = false, length = 500)
  private String detail;

  protected AuditEntry() {}

  AuditEntry(Instant at, String actor, String action, Long childId, Long caseId, String detail) {
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.childId = childId;
    this.caseId = caseId;
    this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
  }

  public Long getId() { return id; }
  public Instant getAt() { return at; }
  public String getActor() { return actor; }
  public String getAction() { return action; }
  public Long getChildId() { return childId; }
  public Long getCaseId() { return caseId; }
  public String getDetail() { return detail; }
}
