package org.careflow.guardianmeeting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.identity.Audit;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.TransactionMemo;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the guardian meetings (家长会): the one place that starts `guardian-meeting`. Every class with
 * running cases has exactly one meeting of its own per term ({@link #ensureForTerm}), started when its
 * first case enters the term's care (at the term's start, or when a case opens later in the term); a
 * coordinator or the class teacher may start another one on purpose, with a reason ({@link #startForClass}).
 */
@Service
public class GuardianMeetings {

  public static final String PROCESS_KEY = GuardianMeetingProcess.KEY;
  /** Audit action of a meeting started by hand from the class's page. */
  public static final String AUDIT_START = "START_MEETING";

  private final GuardianMeetingRepository meetings;
  private final SchoolDirectory schools;
  private final TermCalendar calendar;
  private final RuntimeService runtime;
  private final CareClock clock;
  private final DataSource dataSource;
  private final Audit audit;

  public GuardianMeetings(GuardianMeetingRepository meetings, SchoolDirectory schools, TermCalendar calendar,
      RuntimeService runtime, CareClock clock, DataSource dataSource, Audit audit) {
    this.meetings = meetings;
    this.schools = schools;
    this.calendar = calendar;
    this.runtime = runtime;
    this.clock = clock;
    this.dataSource = dataSource;
    this.audit = audit;
  }

  /**
   * The class's own meeting of the term, started now if the class has none yet; returns its id. Safe
   * when several cases of a class start at once: the row is inserted under a savepoint against the
   * unique (class, term, ordinal 1), and only the transaction whose insert succeeded starts the process.
   */
  @Transactional
  public long ensureForTerm(long classId, long termId) {
    // a roster import opens hundreds of cases of a class in one transaction: the class's meeting is looked
    // up once in it, not once per case (meetings are never deleted, so the answer holds while it runs)
    Map<String, Long> known = TransactionMemo.of(KNOWN_MEETINGS);
    String key = classId + "/" + termId;
    Long id = known == null ? null : known.get(key);
    if (id == null) {
      id = findOrStart(classId, termId);
      if (known != null) {
        known.put(key, id);
      }
    }
    return id;
  }

  private static final Object KNOWN_MEETINGS = new Object();

  private long findOrStart(long classId, long termId) {
    // plain SQL, not a JPA query: no flush of the persistence context for each case of a roster import
    Long existing = termsMeeting(classId, termId);
    if (existing != null) {
      return existing;
    }
    Long id = insertIfAbsent(classId, termId);
    if (id == null) {
      return termsMeeting(classId, termId);
    }
    start(id, classId);
    return id;
  }

  private Long termsMeeting(long classId, long termId) {
    Connection con = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement ps = con.prepareStatement(
        "SELECT id FROM cf_guardian_meeting WHERE class_id = ? AND term_id = ? AND ordinal = 1")) {
      ps.setLong(1, classId);
      ps.setLong(2, termId);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the guardian meeting of class " + classId, e);
    } finally {
      DataSourceUtils.releaseConnection(con, dataSource);
    }
  }

  /**
   * Starts a meeting from the class's page, for the term the school is in (or the next one). Without a
   * meeting this term it is the term's own; a second one needs a reason. Audited.
   */
  @Transactional
  public long startForClass(long classId, String actor, String reason) {
    SchoolClass c = schools.schoolClass(classId);
    Term term = calendar.termOn(c.getSchool().getId(), clock.today());
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > 300) {
      throw InvalidInputException.of("reason", "validation.tooLong", 300);
    }
    long id;
    if (termsMeeting(classId, term.getId()) == null) {
      id = ensureForTerm(classId, term.getId());
    } else {
      if (why == null) {
        throw InvalidInputException.of("reason", "validation.meetingReason");
      }
      int ordinal = meetings.maxOrdinal(classId, term.getId()) + 1;
      GuardianMeeting m = meetings.save(new GuardianMeeting(classId, term.getId(), ordinal, why, actor, clock.now()));
      id = m.getId();
      start(id, classId);
    }
    audit.change(actor, AUDIT_START, null, null, "class " + classId + " (" + c.getName() + "), term " + term.getName()
        + ", meeting " + id + (why == null ? "" : ": " + why));
    return id;
  }

  /** Starts the term's meeting as the system would (kept for the tests and the demo): refused when there is one. */
  @Transactional
  public long startForClass(long classId) {
    return startForClass(classId, "system", null);
  }

  /** Every meeting held, as {@link GuardianMeetingHeld} told it (for a read model filled afresh). */
  @Transactional(readOnly = true)
  public List<GuardianMeetingHeld> heldMeetings() {
    return meetings.findByHeldAtNotNull().stream().map(m -> new GuardianMeetingHeld(m.getId(), m.getClassId(), m.getHeldAt())).toList();
  }

  /** How many meetings have been held (a read model's check that it is complete). */
  @Transactional(readOnly = true)
  public long heldCount() {
    return meetings.countByHeldAtNotNull();
  }

  /** A class's meetings, the latest term first. */
  @Transactional(readOnly = true)
  public List<GuardianMeeting> meetingsOf(long classId) {
    return meetings.findByClassIdOrderByTermIdDescOrdinalDesc(classId);
  }

  private void start(long meetingId, long classId) {
    runtime.startProcessInstanceByKey(PROCESS_KEY, Long.toString(meetingId), Map.of("meetingId", meetingId, "classId", classId));
  }

  /** Inserts the term's own meeting row; null when another transaction has just inserted it. */
  private Long insertIfAbsent(long classId, long termId) {
    Connection con = DataSourceUtils.getConnection(dataSource);
    Savepoint savepoint = null;
    try {
      savepoint = con.setSavepoint();
      try (PreparedStatement ps = con.prepareStatement(
          "INSERT INTO cf_guardian_meeting (class_id, term_id, ordinal, started_by, started_at) VALUES (?, ?, 1, ?, ?)",
          new String[] {"id"})) {
        ps.setLong(1, classId);
        ps.setLong(2, termId);
        ps.setString(3, "system");
        ps.setTimestamp(4, Timestamp.from(clock.now()));
        ps.executeUpdate();
        try (var keys = ps.getGeneratedKeys()) {
          keys.next();
          long id = keys.getLong(1);
          con.releaseSavepoint(savepoint);
          return id;
        }
      }
    } catch (SQLException e) {
      if (savepoint != null && "23505".equals(e.getSQLState())) {
        try {
          con.rollback(savepoint);
        } catch (SQLException rollback) {
          throw new IllegalStateException("could not roll back to the savepoint", rollback);
        }
        return null;
      }
      throw new IllegalStateException("could not record the guardian meeting of class " + classId, e);
    } finally {
      DataSourceUtils.releaseConnection(con, dataSource);
    }
  }
}
