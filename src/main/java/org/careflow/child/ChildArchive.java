package org.careflow.child;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.careflow.school.SchoolClass;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child's archive: creates it from the roster, fills and changes it with every change kept in the
 * history. Everything is validated before anything is written. Its fields are {@link ArchiveFields};
 * what a roster import writes is {@link RosterArchive}.
 */
@Service
@Transactional
public class ChildArchive {

  private final ChildRepository children;
  private final ArchiveChangeRepository changes;
  private final CareClock clock;
  private final org.careflow.identity.Audit audit;

  private final CaseFacts facts;

  public ChildArchive(ChildRepository children, ArchiveChangeRepository changes, CareClock clock, org.careflow.identity.Audit audit,
      CaseFacts facts) {
    this.facts = facts;
    this.audit = audit;
    this.children = children;
    this.changes = changes;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Child child(long id) {
    return children.findWithClassById(id).orElseThrow(() -> new NotFoundException("child " + id));
  }

  /** The children's names by id (a list of children behind a figure): the name only, not the archive. */
  @Transactional(readOnly = true)
  public Map<Long, String> names(java.util.Collection<Long> ids) {
    Map<Long, String> out = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      children.namesOf(ids).forEach(r -> out.put((Long) r[0], (String) r[1]));
    }
    return out;
  }

  /** A child as first known from the class roster: only name and class, until consent is given. */
  public Child enlist(String name, SchoolClass schoolClass, String actor) {
    FieldErrors errors = new FieldErrors();
    if (name == null || name.isBlank()) {
      errors.reject("name", "validation.required");
    } else if (name.strip().length() > 30) {
      errors.reject("name", "validation.tooLong", 30);
    } else if (ArchiveField.nameProblem(name) != null) {
      errors.reject("name", ArchiveField.nameProblem(name));
    }
    errors.throwIfAny();
    Child child = children.save(new Child(name.strip(), schoolClass));
    changes.save(new ArchiveChange(child.getId(), clock.now(), actor, "name", null, child.getName()));
    audit.change(actor, org.careflow.identity.Audit.ENROL, child.getId(), null, "name, class");
    return child;
  }

  /** The archive's values keyed as the registration form names them, to prefill it. */
  @Transactional(readOnly = true)
  public Map<String, Object> formValues(long childId) {
    Child child = child(childId);
    Map<String, Object> values = new LinkedHashMap<>();
    for (ArchiveField f : ArchiveFields.ALL) {
      Object v = f.getter().apply(child);
      if (v != null) {
        values.put(f.key(), v instanceof Enum<?> e ? e.name() : v);
      }
    }
    return values;
  }

  /**
   * Checks every submitted archive field and, only when all are valid, writes the changed ones and
   * keeps each change in the history. With {@code consentBy} set, records the guardian's consent,
   * which the registration requires before more than name and class is kept.
   */
  public void update(long childId, FormValues values, String actor, FieldErrors errors) {
    Child child = child(childId);
    LocalDate today = clock.today();
    Map<ArchiveField, Object> read = new LinkedHashMap<>();
    for (ArchiveField f : ArchiveFields.ALL) {
      read.put(f, f.read(values, today, errors));
    }
    String studentNo = (String) read.get(ArchiveFields.ALL.get(0));
    if (studentNo != null && children.findByStudentNo(studentNo).filter(o -> !o.getId().equals(childId)).isPresent()) {
      errors.reject("studentNo", "validation.studentNoTaken");
    }
    if (!errors.isEmpty()) {
      return;
    }
    List<ArchiveChange> changed = new ArrayList<>();
    for (Map.Entry<ArchiveField, Object> e : read.entrySet()) {
      ArchiveField f = e.getKey();
      Object before = f.getter().apply(child);
      Object after = e.getValue();
      if (f.kind() == ArchiveField.Kind.FLAG && after == null) {
        after = Boolean.FALSE;
      }
      if (!Objects.equals(before, after)) {
        f.setter().accept(child, after);
        changed.add(new ArchiveChange(childId, clock.now(), actor, f.key(), ArchiveField.display(before), ArchiveField.display(after)));
      }
    }
    changes.saveAll(changed);
    if (!changed.isEmpty()) {
      audit.change(actor, org.careflow.identity.Audit.UPDATE_ARCHIVE, childId, null,
          String.join(", ", changed.stream().map(ArchiveChange::getField).toList()));
    }
  }

  /** The archive as the edit page shows it: one row per field, with the kind that picks the input. */
  public record FieldView(String key, String kind, boolean required, int maxLength, String value) {}

  @Transactional(readOnly = true)
  public List<FieldView> fieldViews(Child child) {
    return ArchiveFields.ALL.stream().map(f -> {
      Object v = f.getter().apply(child);
      return new FieldView(f.key(), f.kind().name(), f.required(), f.maxLength(),
          v == null ? "" : v instanceof Enum<?> e ? e.name() : v.toString());
    }).toList();
  }

  /** The archive changed since the editor loaded it: nothing was written. */
  public static class ArchiveChangedException extends RuntimeException {
    private final transient ArchiveChange last;

    ArchiveChangedException(ArchiveChange last) {
      super("archive changed meanwhile");
      this.last = last;
    }

    public ArchiveChange last() {
      return last;
    }
  }

  /**
   * The edit page's save: the submitted strings converted and checked like the registration form's,
   * written only when the archive is still at the version the editor loaded (optimistic locking; the
   * row's version also guards the commit itself) and only after the guardian's consent.
   */
  public FieldErrors edit(long childId, long expectedVersion, Map<String, List<String>> params, String actor) {
    Child child = child(childId);
    if (child.getConsentAt() == null) {
      throw org.careflow.shared.InvalidInputException.of("consent", "validation.consentRequired");
    }
    if (child.getVersion() != expectedVersion) {
      List<ArchiveChange> h = history(childId);
      throw new ArchiveChangedException(h.isEmpty() ? null : h.get(0));
    }
    FieldErrors errors = new FieldErrors();
    Map<String, Object> converted = new LinkedHashMap<>();
    for (ArchiveField f : ArchiveFields.ALL) {
      List<String> vs = params.get(f.key());
      String raw = vs == null || vs.isEmpty() ? null : vs.get(0);
      if (vs != null && vs.size() > 1 && f.kind() != ArchiveField.Kind.FLAG) {
        errors.reject(f.key(), "validation.option");
        continue;
      }
      if (raw == null || raw.isBlank()) {
        continue;
      }
      raw = raw.strip();
      switch (f.kind()) {
        case FLAG -> converted.put(f.key(), "true".equals(raw) || "on".equals(raw));
        case AGE -> {
          if (raw.matches("-?\\d{1,9}")) {
            converted.put(f.key(), Integer.valueOf(raw));
          } else {
            errors.reject(f.key(), "validation.number");
          }
        }
        case PAST_DATE, BIRTH_DATE -> {
          try {
            converted.put(f.key(), LocalDate.parse(raw));
          } catch (java.time.format.DateTimeParseException e) {
            errors.reject(f.key(), "validation.date");
          }
        }
        default -> converted.put(f.key(), raw);
      }
    }
    FormValues values = new FormValues(converted);
    FieldErrors checked = new FieldErrors();
    errors.all().forEach((k, e) -> checked.reject(k, e.code(), e.args()));
    update(childId, values, actor, checked);
    return checked;
  }

  /** Moves the child to another class (a transfer within the school, a class split): its cases' open work follows. */
  public void moveToClass(long childId, SchoolClass to, String actor) {
    Child child = child(childId);
    if (child.getSchoolClass().getId().equals(to.getId())) {
      return;
    }
    changes.save(new ArchiveChange(childId, clock.now(), actor, "class", child.getSchoolClass().getName(), to.getName()));
    child.setSchoolClass(to);
    facts.childChanged(child);
  }

  public void recordConsent(long childId, String by, String method, String actor) {
    Child child = child(childId);
    child.recordConsent(by, method, clock.now());
    if (child.getRegisteredAt() == null) {
      child.markRegistered(clock.now());
      facts.childChanged(child);
    }
    changes.save(new ArchiveChange(childId, clock.now(), actor, "consent", null, method));
  }

  @Transactional(readOnly = true)
  public List<ArchiveChange> history(long childId) {
    return changes.findByChildIdOrderByChangedAtDescIdDesc(childId);
  }

  /** Whole months a parent has been away on a day: the eligibility rule asks for three or more. */
  @Transactional(readOnly = true)
  public int monthsAway(long childId) {
    Child child = child(childId);
    LocalDate today = clock.today();
    LocalDate since = switch (child.getCareType() == null ? CareType.PARENTS_HOME : child.getCareType()) {
      case BOTH_AWAY -> latest(child.getFatherAwaySince(), child.getMotherAwaySince());
      case ONE_AWAY, SINGLE_PARENT_AWAY -> earliest(child.getFatherAwaySince(), child.getMotherAwaySince());
      default -> null;
    };
    return since == null ? 0 : (int) ChronoUnit.MONTHS.between(since, today);
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    if (a == null || b == null) {
      return null; // both must be away: without both dates we cannot say they have been
    }
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isBefore(b) ? a : b;
  }
}