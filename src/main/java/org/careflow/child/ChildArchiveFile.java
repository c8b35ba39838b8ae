package org.careflow.child;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careflow.school.SchoolClassRepository;
import org.careflow.shared.ChildRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The child module's part of a child's file (privacy.ChildFile): the archive row, its history, the
 * cases, their anonymisation, and which children are due for it.
 */
@Component
public class ChildArchiveFile implements ChildRecords {

  /** The archive's personal columns: removed on anonymisation (care type, flags and class stay for the statistics). */
  static final List<String> PERSONAL_COLUMNS = List.of("student_no", "sex", "birth_date", "personality", "interests", "health",
      "academic_standing", "home_address", "father_name", "father_phone", "father_workplace", "father_employer_address",
      "father_employer_phone", "father_away_since", "mother_name", "mother_phone", "mother_workplace",
      "mother_employer_address", "mother_employer_phone", "mother_away_since", "guardian_name", "guardian_relationship",
      "guardian_phone", "guardian_age", "guardian_health", "guardian_occupation", "hardship", "consent_by");

  /** What the child's name becomes. */
  public static final String ANONYMOUS = "已匿名";

  private final JdbcTemplate jdbc;
  private final SchoolClassRepository classes;

  ChildArchiveFile(JdbcTemplate jdbc, SchoolClassRepository classes) {
    this.jdbc = jdbc;
    this.classes = classes;
  }

  @Override
  public List<ChildTable> childTables() {
    return List.of(
        ChildTable.perChild("cf_archive_change", "old_value", "new_value").section("archiveHistory").orderBy("changed_at, id"),
        ChildTable.perCase("cf_case", "close_note").section("cases").where("id in (:cases)"));
  }

  /** The child's case ids, oldest first. */
  public List<Long> caseIds(long childId) {
    return jdbc.queryForList("select id from cf_case where child_id = ? order by id", Long.class, childId);
  }

  /** The archive row as stored, with its class's name ({@code class_name}); empty when there is no such child. */
  public Optional<Map<String, Object>> archiveRow(long childId) {
    List<Map<String, Object>> rows = jdbc.queryForList("select ch.*, cast(null as varchar(50)) as class_name from cf_child ch where ch.id = ?",
        childId);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = rows.get(0);
    String label = row.keySet().stream().filter(k -> k.equalsIgnoreCase("class_name")).findFirst().orElse("class_name");
    Object classId = row.get("school_class_id");
    row.put(label, classId == null ? null : classes.findById(((Number) classId).longValue()).map(c -> c.getName()).orElse(null));
    return Optional.of(row);
  }

  /** Clears the archive's personal columns and name; false when the child was anonymised already (or is none). */
  public boolean anonymiseArchive(long childId, Instant now) {
    StringBuilder set = new StringBuilder("update cf_child set name = ?, anonymised_at = ?, version = version + 1");
    PERSONAL_COLUMNS.forEach(c -> set.append(", ").append(c).append(" = null"));
    set.append(" where id = ? and anonymised_at is null");
    return jdbc.update(set.toString(), ANONYMOUS, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), childId) > 0;
  }

  /** The children due for anonymisation: not yet anonymised, with cases, none open, the last closed before the cut-off. */
  public List<Long> closedBefore(Instant cutoff) {
    return jdbc.queryForList("""
        select ch.id from cf_child ch
        where ch.anonymised_at is null
          and exists (select 1 from cf_case c where c.child_id = ch.id)
          and not exists (select 1 from cf_case c where c.child_id = ch.id and c.status in ('ENROLLING', 'ACTIVE'))
          and (select max(coalesce(c.closed_at, c.opened_at)) from cf_case c where c.child_id = ch.id) < ?
        order by ch.id""", Long.class, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
  }
}
