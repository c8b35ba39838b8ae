package org.careflow.child;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.careflow.identity.Accounts;
import org.careflow.identity.CurrentUser;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.ChildPageSection;
import org.careflow.shared.NotFoundException;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The child's page, phone first: a summary card (class, the people to call with {@code tel:} links,
 * mentor and buddy, open tasks, the risk level with its reasons), then the case with its diagram, the
 * records grouped by term and folded, the archive, and the archive's change log, folded. Other
 * modules add sections through {@link ChildPageSection}. Printing unfolds everything (careflow.css).
 */
@Controller
class ChildController {

  /** The processes whose business key is a case id (a guardian meeting's key is a meeting id). */
  private static final List<String> CASE_PROCESSES = org.careflow.shared.CaseProcesses.KEYS;

  private final ChildArchive archive;
  private final CareCases cases;
  private final List<TimelineContributor> timeline;
  private final org.careflow.identity.Audit audit;
  private final Accounts accounts;
  private final TermCalendar terms;
  private final TaskService tasks;
  private final CareClock clock;
  private List<org.careflow.shared.CaseRisk> risks = List.of();
  private List<ChildPageSection> sections = List.of();

  /** The risk rules' view of the cases (risk level, reasons, support plan), when that module is there. */
  private List<org.careflow.shared.PageSections> pageSections = List.of();

  /** Sections other modules add to the page with their own model (study help, carers...). */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setPageSections(List<org.careflow.shared.PageSections> pageSections) {
    this.pageSections = pageSections;
  }

  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setRisks(List<org.careflow.shared.CaseRisk> risks) {
    this.risks = risks;
  }

  /** Sections other modules add to the page. */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setSections(List<ChildPageSection> sections) {
    this.sections = sections.stream().sorted(Comparator.comparingInt(ChildPageSection::order)).toList();
  }

  ChildController(ChildArchive archive, CareCases cases, List<TimelineContributor> timeline,
      org.careflow.identity.Audit audit, Accounts accounts, TermCalendar terms, TaskService tasks, CareClock clock) {
    this.audit = audit;
    this.archive = archive;
    this.cases = cases;
    this.timeline = timeline;
    this.accounts = accounts;
    this.terms = terms;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** A phone number to show and to dial. */
  public record Phone(String label, String person, String number, String dial, String workplace) {}

  /** An open task of the child: its name, due day, whether it is late, and the link to it. */
  public record OpenTask(String id, String name, LocalDate due, boolean overdue) {}

  /** The records of one term, newest first; {@code name} is null for records before the first term. */
  public record TermRecords(String name, List<TimelineEntry> entries) {}

  /** One change of the archive as a reader sees it: names and translated values (message codes or text). */
  public record Change(java.time.Instant at, String who, String fieldLabel, ArchiveChangeText.Shown before, ArchiveChangeText.Shown after) {}

  @GetMapping("/children/{id}")
  String child(@PathVariable long id, Authentication auth, Model model) {
    Child child = archive.child(id);
    List<CareCase> childCases = cases.casesOfChild(id);
    CurrentUser u = CurrentUser.of(auth);
    org.careflow.shared.PageSections.Viewer viewer = new org.careflow.shared.PageSections.Viewer(u.id(), u.roles());
    if (!ChildAccess.maySee(u, child, childCases)) {
      if (pageSections.stream().noneMatch(s -> s.opensChildPage(id, viewer))) {
        throw new NotFoundException("child"); // not theirs: as if it did not exist
      }
      // a subject teacher who helps the child in study: the name, the class and the sections only
      audit.read(auth.getName(), id, null, "child page (limited)");
      model.addAttribute("child", child);
      model.addAttribute("schoolClass", child.getSchoolClass());
      model.addAttribute("sections", pageSections.stream().flatMap(s -> s.childSections(id, viewer, false).stream()).toList());
      return "child/limited";
    }
    audit.read(auth.getName(), id, null, "child page");
    model.addAttribute("moduleSections", pageSections.stream().flatMap(s -> s.childSections(id, viewer, true).stream()).toList());
    List<TimelineEntry> entries = new ArrayList<>();
    for (CareCase c : childCases) {
      for (TimelineContributor t : timeline) {
        entries.addAll(t.entriesForCase(c.getId()));
      }
    }
    entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
    List<ArchiveChange> history = archive.history(id);

    // every person by name: authors, mentors, the class teacher, the archive's editors, people named in records
    List<String> people = new ArrayList<>();
    people.add(child.getSchoolClass().getClassTeacher());
    childCases.forEach(c -> people.add(c.getMentor()));
    entries.forEach(e -> people.add(e.author()));
    entries.forEach(e -> e.details().forEach(d -> {
      if (d.value() != null && d.value().startsWith("user:")) {
        people.add(d.value().substring(5));
      }
    }));
    history.forEach(h -> people.add(h.getChangedBy()));
    Map<String, String> names = accounts.personNames(people);
    entries = entries.stream().map(e -> withNames(e, names)).toList();

    model.addAttribute("child", child);
    model.addAttribute("schoolClass", child.getSchoolClass());
    model.addAttribute("classTeacher", names.getOrDefault(child.getSchoolClass().getClassTeacher(), ""));
    model.addAttribute("cases", childCases);
    model.addAttribute("mentorNames", names);
    model.addAttribute("authorNames", names);
    model.addAttribute("timeline", entries);
    model.addAttribute("recordsByTerm", byTerm(child, entries));
    model.addAttribute("phones", phones(child));
    Map<String, String> tels = new HashMap<>();
    for (String n : java.util.Arrays.asList(child.getFatherPhone(), child.getFatherEmployerPhone(), child.getMotherPhone(),
        child.getMotherEmployerPhone(), child.getGuardianPhone())) {
      if (n != null && org.careflow.shared.PhoneLinks.href(n) != null) {
        tels.put(n, org.careflow.shared.PhoneLinks.href(n));
      }
    }
    model.addAttribute("tels", tels);
    CareCase open = childCases.stream().filter(CareCase::isOpen).findFirst().orElse(null);
    model.addAttribute("openCase", open);
    model.addAttribute("buddy", open == null || open.getBuddyChildId() == null ? null : buddyName(open.getBuddyChildId()));
    model.addAttribute("openTasks", openTasks(childCases));
    model.addAttribute("history", history.stream().map(h -> change(h, names)).toList());
    Map<Long, org.careflow.shared.CaseRisk.Risk> risk = new HashMap<>();
    List<Long> caseIds = childCases.stream().map(CareCase::getId).toList();
    risks.forEach(r -> risk.putAll(r.current(caseIds)));
    model.addAttribute("risks", risk);
    model.addAttribute("currentRisk", open == null ? null : risk.get(open.getId()));
    model.addAttribute("mayEdit", ArchiveEditController.mayEdit(CurrentUser.of(auth), child));
    Map<String, Object> extra = new LinkedHashMap<>();
    List<Long> newestFirst = new ArrayList<>(caseIds);
    java.util.Collections.reverse(newestFirst);
    sections.forEach(s -> s.fill(id, newestFirst, extra));
    model.addAllAttributes(extra);
    model.addAttribute("sections", sections.stream().map(ChildPageSection::template).toList());
    return "child/child";
  }

  private String buddyName(long childId) {
    try {
      return archive.child(childId).getName();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A detail naming a user ("user:teacher") reads as the person's name. */
  private static TimelineEntry withNames(TimelineEntry e, Map<String, String> names) {
    boolean any = e.details().stream().anyMatch(d -> d.value() != null && d.value().startsWith("user:"));
    if (!any) {
      return e;
    }
    List<TimelineEntry.Detail> ds = e.details().stream().map(d -> d.value() != null && d.value().startsWith("user:")
        ? new TimelineEntry.Detail(d.label(), names.getOrDefault(d.value().substring(5), d.value().substring(5))) : d).toList();
    return new TimelineEntry(e.at(), e.kind(), e.author(), ds);
  }

  private List<TermRecords> byTerm(Child child, List<TimelineEntry> entries) {
    List<Term> all = terms.termsOf(child.getSchoolClass().getSchool().getId());
    Map<String, List<TimelineEntry>> groups = new LinkedHashMap<>();
    for (TimelineEntry e : entries) {
      LocalDate day = e.at().toLocalDate();
      Term t = null;
      for (Term candidate : all) {
        if (!candidate.getStartDate().isAfter(day)) {
          t = candidate; // the latest term begun by that day: a holiday's records go with the term before
        }
      }
      groups.computeIfAbsent(t == null ? "" : t.getName(), k -> new ArrayList<>()).add(e);
    }
    List<TermRecords> out = new ArrayList<>();
    groups.forEach((name, list) -> out.add(new TermRecords(name.isEmpty() ? null : name, list)));
    return out;
  }

  private static List<Phone> phones(Child c) {
    List<Phone> out = new ArrayList<>();
    add(out, "archive.guardian", c.getGuardianName() == null ? null
        : c.getGuardianName() + (c.getGuardianRelationship() == null ? "" : "（" + c.getGuardianRelationship() + "）"), c.getGuardianPhone(), null);
    add(out, "archive.father", c.getFatherName(), c.getFatherPhone(), c.getFatherWorkplace());
    add(out, "archive.mother", c.getMotherName(), c.getMotherPhone(), c.getMotherWorkplace());
    return out;
  }

  private static void add(List<Phone> out, String label, String person, String number, String workplace) {
    if ((person == null || person.isBlank()) && (number == null || number.isBlank())) {
      return;
    }
    out.add(new Phone(label, person, number, org.careflow.shared.PhoneLinks.dialable(number), workplace));
  }

  private List<OpenTask> openTasks(List<CareCase> childCases) {
    List<String> keys = childCases.stream().filter(CareCase::isOpen).map(c -> Long.toString(c.getId())).toList();
    if (keys.isEmpty()) {
      return List.of();
    }
    java.util.Date now = java.util.Date.from(clock.now());
    return tasks.createTaskQuery().processInstanceBusinessKeyIn(keys.toArray(String[]::new))
        .processDefinitionKeyIn(CASE_PROCESSES.toArray(String[]::new)).active().orderByDueDate().asc().list().stream()
        .map(t -> new OpenTask(t.getId(), t.getName(), t.getDueDate() == null ? null : clock.dayOf(t.getDueDate()),
            t.getDueDate() != null && t.getDueDate().before(now)))
        .toList();
  }

  private static Change change(ArchiveChange h, Map<String, String> names) {
    String field = h.getField();
    return new Change(h.getChangedAt(), names.getOrDefault(h.getChangedBy(), h.getChangedBy()), ArchiveChangeText.fieldLabel(field),
        ArchiveChangeText.shown(field, h.getOldValue()), ArchiveChangeText.shown(field, h.getNewValue()));
  }
}
