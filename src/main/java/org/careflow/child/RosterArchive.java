package org.careflow.child;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.careflow.school.SchoolClass;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child's archive as a class roster import fills it: the roster's cells checked by the archive's
 * own rules, the children known by student number, and new children or changed fields written with
 * their history.
 */
@Service
@Transactional
public class RosterArchive {

  private final ChildRepository children;
  private final ArchiveChangeRepository changes;
  private final CareClock clock;
  private final org.careflow.identity.Audit audit;
  private final CaseFacts facts;

  RosterArchive(ChildRepository children, ArchiveChangeRepository changes, CareClock clock, org.careflow.identity.Audit audit,
      CaseFacts facts) {
    this.children = children;
    this.changes = changes;
    this.clock = clock;
    this.audit = audit;
    this.facts = facts;
  }

  /** The archive's own checks on just these fields (a roster row), rejecting into errors under each key. */
  @Transactional(readOnly = true)
  public Map<String, Object> check(FormValues values, java.util.Set<String> keys, FieldErrors errors) {
    Map<String, Object> read = new LinkedHashMap<>();
    LocalDate today = clock.today();
    for (ArchiveField f : ArchiveFields.ALL) {
      if (keys.contains(f.key())) {
        read.put(f.key(), f.read(values, today, errors));
      }
    }
    return read;
  }

  /** Children by student number, for an import: one query. */
  @Transactional(readOnly = true)
  public Map<String, Child> byStudentNo(java.util.Collection<String> studentNos) {
    Map<String, Child> out = new java.util.HashMap<>();
    for (List<String> part : partition(List.copyOf(studentNos), 1000)) {
      children.findByStudentNoIn(part).forEach(c -> out.put(c.getStudentNo(), c));
    }
    return out;
  }

  private static <T> List<List<T>> partition(List<T> list, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      out.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return out;
  }

  /**
   * Writes checked roster values: a new child (one history entry, "imported") or the changed fields of
   * a known one (each change in the history). Returns whether anything changed.
   */
  public boolean importValues(Child existing, SchoolClass schoolClass, Map<String, Object> checked, String actor, Child[] created) {
    if (existing == null) {
      Child child = new Child((String) checked.get("name"), schoolClass);
      for (ArchiveField f : ArchiveFields.ALL) {
        if (checked.containsKey(f.key()) && checked.get(f.key()) != null) {
          f.setter().accept(child, checked.get(f.key()));
        }
      }
      child = children.save(child);
      changes.save(new ArchiveChange(child.getId(), clock.now(), actor, "roster", null, child.getStudentNo()));
      audit.change(actor, org.careflow.identity.Audit.ENROL, child.getId(), null, "roster import");
      created[0] = child;
      return true;
    }
    List<ArchiveChange> changed = new ArrayList<>();
    if (!existing.getSchoolClass().getId().equals(schoolClass.getId())) {
      changed.add(new ArchiveChange(existing.getId(), clock.now(), actor, "class", existing.getSchoolClass().getName(), schoolClass.getName()));
      existing.setSchoolClass(schoolClass);
      facts.childChanged(existing); // its cases' open work counts for the new class
    }
    for (ArchiveField f : ArchiveFields.ALL) {
      if (!checked.containsKey(f.key())) {
        continue;
      }
      Object before = f.getter().apply(existing);
      Object after = checked.get(f.key());
      if (after != null && !Objects.equals(before, after)) {
        f.setter().accept(existing, after);
        changed.add(new ArchiveChange(existing.getId(), clock.now(), actor, f.key(), ArchiveField.display(before), ArchiveField.display(after)));
      }
    }
    changes.saveAll(changed);
    if (!changed.isEmpty()) {
      audit.change(actor, org.careflow.identity.Audit.UPDATE_ARCHIVE, existing.getId(), null,
          "roster import: " + String.join(", ", changed.stream().map(ArchiveChange::getField).toList()));
    }
    return !changed.isEmpty();
  }
}
