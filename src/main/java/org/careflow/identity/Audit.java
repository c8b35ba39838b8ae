package org.careflow.identity;

import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of children's data (PIPL: minors' data is sensitive). Changes are recorded in the
 * transaction of the change, so a change that rolls back leaves no entry; reads are recorded on their own.
 */
@Service
public class Audit {

  public static final String READ_CHILD = "READ_CHILD";
  public static final String ENROL = "ENROL";
  public static final String UPDATE_ARCHIVE = "UPDATE_ARCHIVE";
  public static final String RECORD = "RECORD";
  public static final String CLOSE_CASE = "CLOSE_CASE";
  public static final String EXPORT = "EXPORT";
  public static final String ANONYMISE = "ANONYMISE";
  /** A change refused at the engine's own doors (a task completed or variables set past careflow's forms). */
  public static final String REFUSED = "REFUSED";
  /** A supervisor graded a teacher's term (appraisal): no child's data, audited as a decision about a person. */
  public static final String APPRAISE = "APPRAISE";

  /** The actions that write a record about a child (a teacher's own work, as the appraisal counts it). */
  public static final java.util.Set<String> RECORD_WRITTEN = java.util.Set.of(ENROL, UPDATE_ARCHIVE, RECORD, CLOSE_CASE);

  private final AuditRepository entries;

  Audit(AuditRepository entries) {
    this.entries = entries;
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public void change(String actor, String action, Long childId, Long caseId, String detail) {
    entries.save(new AuditEntry(ClockUtil.getCurrentTime().toInstant(), actor, action, childId, caseId, detail));
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void read(String actor, Long childId, Long caseId, String what) {
    entries.save(new AuditEntry(ClockUtil.getCurrentTime().toInstant(), actor, READ_CHILD, childId, caseId, what));
  }

  /** A refused change is recorded on its own: the refused call rolls back and changes nothing. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void refused(String actor, Long childId, Long caseId, String what) {
    entries.save(new AuditEntry(ClockUtil.getCurrentTime().toInstant(), actor, REFUSED, childId, caseId, what));
  }

  @Transactional(readOnly = true)
  /** Entries about the children of these schools only ({@code null}: every entry, for administrators). */
  public List<AuditEntry> find(Long child, String actor, int limit, java.util.Set<Long> schools) {
    if (schools == null) {
      return find(child, actor, limit);
    }
    return entries.findInSchools(child, actor == null || actor.isBlank() ? null : actor.strip(),
        schools.isEmpty() ? List.of(-1L) : schools, PageRequest.of(0, Math.max(1, Math.min(limit, 1000))));
  }

  public List<AuditEntry> find(Long child, String actor, int limit) {
    return entries.find(child, actor == null || actor.isBlank() ? null : actor.strip(), PageRequest.of(0, Math.max(1, Math.min(limit, 1000))));
  }

  /** The records (changes to children's data: {@link #RECORD_WRITTEN}) one user wrote in [from, to). */
  @Transactional(readOnly = true)
  public long recordsWritten(String actor, java.time.Instant from, java.time.Instant to) {
    return entries.countByActor(actor, RECORD_WRITTEN, from, to);
  }
}
