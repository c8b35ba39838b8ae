package org.careflow.holiday;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.family.FamilyCalls;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.springframework.stereotype.Component;

/**
 * The three tasks of a holiday's care. The children are the class's children in care (names from the
 * domain, never process variables); each task writes one row per child, checked whole before anything is
 * written. The Spring Festival meeting's attending families go into the family call log as a face-to-face
 * contact ({@code family.FamilyCalls}, kind MEETING), so the weeks without contact count from it.
 */
@Component
class HolidayForms implements TaskFormHandler {

  static final String LETTER = HolidayCareProcess.TASK_LETTER;
  static final String MENTEE_CONTACT = HolidayCareProcess.TASK_MENTEE_CONTACT;
  static final String PARENTS_MEETING = HolidayCareProcess.TASK_FESTIVAL_MEETING;

  private final HolidayCalendar calendar;
  private final HolidayLetterRepository letters;
  private final HolidayContactRepository contacts;
  private final CareCases cases;
  private final FamilyCalls familyCalls;
  private final CareClock clock;
  private final Audit audit;

  HolidayForms(HolidayCalendar calendar, HolidayLetterRepository letters, HolidayContactRepository contacts, CareCases cases,
      FamilyCalls familyCalls, CareClock clock, Audit audit) {
    this.calendar = calendar;
    this.letters = letters;
    this.contacts = contacts;
    this.cases = cases;
    this.familyCalls = familyCalls;
    this.clock = clock;
    this.audit = audit;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(LETTER, MENTEE_CONTACT, PARENTS_MEETING);
  }

  private HolidayCare care(TaskContext task) {
    return calendar.care(task.businessKey());
  }

  /** The class's children in care; for the mentor's task only the worker's own mentees. */
  private List<CareCase> children(TaskContext task, boolean menteesOnly) {
    List<CareCase> list = cases.openCasesOfClass(care(task).getClassId());
    return menteesOnly ? list.stream().filter(c -> task.user().equals(c.getMentor())).toList() : list;
  }

  @Override
  public Map<String, Object> prefill(TaskContext task) {
    if (PARENTS_MEETING.equals(task.taskKey())) {
      return Map.of("minutes", 60);
    }
    return Map.of();
  }

  @Override
  public List<Option> options(TaskContext task, String valuesKey) {
    boolean mentees = "mentees".equals(valuesKey);
    if (!mentees && !"classChildren".equals(valuesKey)) {
      return List.of();
    }
    return children(task, mentees).stream().map(c -> new Option(c.getId().toString(), c.getChild().getName())).toList();
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues v, FieldErrors errors) {
    HolidayCare care = care(task);
    switch (task.taskKey()) {
      case LETTER -> {
        List<String> guardian = v.list("signedByGuardian");
        List<String> parent = v.list("signedByParent");
        if (guardian.stream().anyMatch(parent::contains)) {
          errors.reject("signedByParent", "holiday.letterSignedTwice");
        }
        if (!errors.isEmpty()) {
          return Map.of();
        }
        for (CareCase c : children(task, false)) {
          String id = c.getId().toString();
          String signer = guardian.contains(id) ? "GUARDIAN" : parent.contains(id) ? "PARENT" : null;
          letters.save(new HolidayLetter(care.getId(), c.getId(), c.getChild().getId(), signer, task.user(), clock.now()));
          audit.change(task.user(), Audit.RECORD, c.getChild().getId(), c.getId(), LETTER);
        }
      }
      case MENTEE_CONTACT -> {
        LocalDate date = contactDate(v, "contactDate", errors);
        List<String> called = v.list("called");
        List<String> visited = v.list("visited");
        String notes = v.text("notes");
        List<CareCase> mentees = children(task, true);
        boolean someoneMissed = mentees.stream().anyMatch(c -> !called.contains(c.getId().toString()) && !visited.contains(c.getId().toString()));
        if (someoneMissed && (notes == null || notes.isBlank())) {
          errors.reject("notes", "holiday.missedNeedsReason");
        }
        if (!errors.isEmpty()) {
          return Map.of();
        }
        for (CareCase c : mentees) {
          String id = c.getId().toString();
          String kind = visited.contains(id) ? "VISIT" : called.contains(id) ? "CALL" : "NONE";
          contacts.save(new HolidayContact(care.getId(), c.getId(), c.getChild().getId(), kind, date, blankToNull(notes), task.user(), clock.now()));
          audit.change(task.user(), Audit.RECORD, c.getChild().getId(), c.getId(), MENTEE_CONTACT);
        }
      }
      default -> {
        LocalDate date = contactDate(v, "meetingDate", errors);
        Integer minutes = v.integer("minutes");
        if (minutes == null || minutes < 1 || minutes > FamilyCalls.MAX_MINUTES) {
          errors.reject("minutes", "validation.range", 1, FamilyCalls.MAX_MINUTES);
        }
        if (!errors.isEmpty()) {
          return Map.of();
        }
        List<String> father = v.list("fatherCame");
        List<String> mother = v.list("motherCame");
        CurrentUser teacher = new CurrentUser(task.user(), List.of(Roles.TEACHER));
        List<CareCase> came = new ArrayList<>();
        for (CareCase c : children(task, false)) {
          String id = c.getId().toString();
          boolean f = father.contains(id);
          boolean m = mother.contains(id);
          if (!f && !m) {
            continue;
          }
          came.add(c);
          String who = f && m ? "BOTH" : f ? "FATHER" : "MOTHER";
          familyCalls.log(c.getChild().getId(), teacher,
              new FamilyCalls.Entry(date, "MEETING", who, minutes.toString(), true, "返乡家长座谈"));
          contacts.save(new HolidayContact(care.getId(), c.getId(), c.getChild().getId(), "PARENT_MEETING", date,
              truncate(v.text("summary")), task.user(), clock.now()));
        }
      }
    }
    return Map.of();
  }

  /** A day of the holiday's work: not in the future, and not long before the holiday. */
  private LocalDate contactDate(FormValues v, String key, FieldErrors errors) {
    LocalDate d = v.date(key);
    if (d == null) {
      errors.reject(key, "validation.required");
    } else if (d.isAfter(clock.today())) {
      errors.reject(key, "validation.pastDate");
    }
    return d;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String truncate(String s) {
    String t = blankToNull(s);
    return t == null || t.length() <= 500 ? t : t.substring(0, 500);
  }
}
