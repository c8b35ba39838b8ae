package org.careflow.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careflow.child.ArchiveChange;
import org.careflow.child.ArchiveChangeText;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.child.ChildArchive;
import org.careflow.reports.ChildFiles.CaseRow;
import org.careflow.reports.ChildFiles.Change;
import org.careflow.reports.ChildFiles.ChildFile;
import org.careflow.reports.ChildFiles.Entry;
import org.careflow.reports.ChildFiles.Field;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Teacher;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.CodedValues;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What one child's file holds, gathered from the modules that keep it (the archive and its history, the
 * cases and their pairing, every record on the child's timeline) and put into plain rows in the reader's
 * language. Runs in the transaction of the {@link ChildFiles} call that asks.
 */
@Component
class ChildFileContent {

  /** Timeline kinds shown in their own sections; every other kind is a record of the term's work. */
  static final List<String> RISK = List.of("timeline.riskAssessment");
  static final List<String> PLANS = List.of("timeline.supportPlanOpened", "timeline.supportPlanWritten", "timeline.supportPlanReview",
      "timeline.supportPlanClosed", "timeline.supportPlanEnded");
  static final List<String> FAMILY = List.of("timeline.familyCall", "timeline.parentFeedback", "timeline.familyLetter",
      "timeline.parentsUnreachable");

  private final ChildArchive archive;
  private final CareCases cases;
  private final SchoolDirectory schools;
  private final TermCalendar calendar;
  private final List<TimelineContributor> timeline;
  private final CodedValues codes;
  private final MessageSource messages;
  private final CareClock clock;
  private final ArchiveLines lines;

  ChildFileContent(ChildArchive archive, CareCases cases, SchoolDirectory schools, TermCalendar calendar, List<TimelineContributor> timeline,
      CodedValues codes, MessageSource messages, CareClock clock, ArchiveLines lines) {
    this.archive = archive;
    this.cases = cases;
    this.schools = schools;
    this.calendar = calendar;
    this.timeline = timeline;
    this.codes = codes;
    this.messages = messages;
    this.clock = clock;
    this.lines = lines;
  }

  /**
   * A child's file. {@code term} given: the records dated within it (and the cases running in it);
   * null: every record of every case of the child.
   */
  ChildFile file(long childId, Term term, Locale locale) {
    Child c = archive.child(childId);
    SchoolClass sc = c.getSchoolClass();
    List<CareCase> childCases = cases.casesOfChild(childId);
    List<CareCase> shown = childCases;
    LocalDate from = term == null ? null : term.getStartDate();
    LocalDate to = term == null ? null : term.getEndDate();
    List<Entry> risk = new ArrayList<>();
    List<Entry> plans = new ArrayList<>();
    List<Entry> family = new ArrayList<>();
    List<Entry> records = new ArrayList<>();
    List<TimelineEntry> entries = new ArrayList<>();
    for (CareCase k : shown) {
      for (TimelineContributor t : timeline) {
        entries.addAll(t.entriesForCase(k.getId()));
      }
    }
    entries.sort(Comparator.comparing(TimelineEntry::at));
    Map<String, String> authors = schools.teacherNames(entries.stream().map(TimelineEntry::author).filter(a -> a != null).distinct().toList());
    for (TimelineEntry e : entries) {
      LocalDate day = e.at().toLocalDate();
      if (from != null && (day.isBefore(from) || day.isAfter(to))) {
        continue;
      }
      List<Field> details = new ArrayList<>();
      for (TimelineEntry.Detail d : e.details()) {
        if (d.value() != null && !d.value().isBlank()) {
          // a person by their name, as the child's page shows them (a reminder's recipient is "user:<id>")
          String value = d.value().startsWith("user:") ? schools.teacherName(d.value().substring(5)) : codes.show(d.value());
          details.add(new Field(msg(d.label(), locale), value));
        }
      }
      Entry row = new Entry(dateTime(e.at(), locale), msg(e.kind(), locale),
          e.author() == null ? "" : authors.getOrDefault(e.author(), e.author()), details);
      if (RISK.contains(e.kind())) {
        risk.add(row);
      } else if (PLANS.contains(e.kind())) {
        plans.add(row);
      } else if (FAMILY.contains(e.kind())) {
        family.add(row);
      } else {
        records.add(row);
      }
    }
    List<CaseRow> caseRows = new ArrayList<>();
    for (CareCase k : shown) {
      String mentorPhone = k.getMentor() == null ? "" : schools.teacher(k.getMentor()).map(Teacher::getPhone).orElse("");
      caseRows.add(new CaseRow(k.getId(), msg("case.status." + k.getStatus(), locale), termName(k.getTermId()),
          date(k.getOpenedAt(), locale), k.getEligibilityReason() == null ? "" : msg("code.eligibility." + k.getEligibilityReason(), locale),
          k.getMentor() == null ? "" : schools.teacherName(k.getMentor()), mentorPhone == null ? "" : mentorPhone,
          buddyName(k.getBuddyChildId()), k.getClosedAt() == null ? "" : date(k.getClosedAt(), locale),
          k.getCloseReason() == null ? "" : msg("code.close." + k.getCloseReason(), locale), k.getCloseNote() == null ? "" : k.getCloseNote()));
    }
    List<Change> history = new ArrayList<>();
    for (ArchiveChange h : archive.history(childId)) {
      LocalDate day = h.getChangedAt().atZone(clock.zone()).toLocalDate();
      if (from != null && (day.isBefore(from) || day.isAfter(to))) {
        continue;
      }
      history.add(new Change(dateTime(h.getChangedAt().atZone(clock.zone()).toLocalDateTime(), locale),
          schools.teacherName(h.getChangedBy()), msg(ArchiveChangeText.fieldLabel(h.getField()), locale),
          shown(h.getField(), h.getOldValue(), locale), shown(h.getField(), h.getNewValue(), locale)));
    }
    String teacher = sc.getClassTeacher() == null ? "" : schools.teacherName(sc.getClassTeacher());
    String teacherPhone = sc.getClassTeacher() == null ? "" : schools.teacher(sc.getClassTeacher()).map(Teacher::getPhone).orElse("");
    String scope = term == null ? msg("reports.scope.case", locale) : msg("reports.scope.term", locale, term.getName());
    return new ChildFile(c.getId(), c.getName(), s(c.getStudentNo()), sc.getSchool().getName(), sc.getName(), teacher, s(teacherPhone), scope,
        lines.archive(c, locale), lines.card(c, locale), caseRows, risk, plans, family, records, history);
  }

  private String buddyName(Long buddyId) {
    if (buddyId == null) {
      return "";
    }
    try {
      return archive.child(buddyId).getName();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private String termName(Long termId) {
    if (termId == null) {
      return "";
    }
    try {
      return calendar.term(termId).getName();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private String date(Instant at, Locale l) {
    return at.atZone(clock.zone()).toLocalDate().format(DateTimeFormatter.ofPattern(msg("format.date", l), l));
  }

  private String dateTime(LocalDateTime at, Locale l) {
    return at.format(DateTimeFormatter.ofPattern(msg("format.dateTime", l), l));
  }

  String today(Locale l) {
    return clock.today().format(DateTimeFormatter.ofPattern(msg("format.date", l), l));
  }

  /** A value of the change log as the child's page shows it: through its message, never the stored code. */
  private String shown(String field, String value, Locale l) {
    ArchiveChangeText.Shown v = ArchiveChangeText.shown(field, value);
    return v.code() != null ? msg(v.code(), l) : v.text();
  }

  private String msg(String code, Locale l, Object... args) {
    return messages.getMessage(code, args, code, l);
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }
}
