package org.careflow.child;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.NotFoundException;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The child's page: the archive, the case, every record newest first, and the archive's history. */
@Controller
class ChildController {

  private final ChildArchive archive;
  private final CareCases cases;
  private final SchoolDirectory schools;
  private final List<TimelineContributor> timeline;
  private final org.careflow.identity.Audit audit;
  private List<org.careflow.shared.CaseRisk> risks = List.of();

  /** The risk rules' view of the cases (risk level, reasons, support plan), when that module is there. */
  private List<org.careflow.shared.PageSections> sections = List.of();

  /** Sections other modules add to the page (study help, carers...). */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setSections(List<org.careflow.shared.PageSections> sections) {
    this.sections = sections;
  }

  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setRisks(List<org.careflow.shared.CaseRisk> risks) {
    this.risks = risks;
  }

  ChildController(ChildArchive archive, CareCases cases, SchoolDirectory schools, List<TimelineContributor> timeline,
      org.careflow.identity.Audit audit) {
    this.audit = audit;
    this.archive = archive;
    this.cases = cases;
    this.schools = schools;
    this.timeline = timeline;
  }

  @GetMapping("/children/{id}")
  String child(@PathVariable long id, Authentication auth, Model model) {
    Child child = archive.child(id);
    List<CareCase> childCases = cases.casesOfChild(id);
    CurrentUser u = CurrentUser.of(auth);
    org.careflow.shared.PageSections.Viewer viewer = new org.careflow.shared.PageSections.Viewer(u.id(), u.roles());
    if (!ChildAccess.maySee(u, child, childCases)) {
      if (sections.stream().noneMatch(s -> s.opensChildPage(id, viewer))) {
        throw new NotFoundException("child"); // not theirs: as if it did not exist
      }
      // a subject teacher who helps the child in study: the name, the class and the sections only
      audit.read(auth.getName(), id, null, "child page (limited)");
      model.addAttribute("child", child);
      model.addAttribute("schoolClass", child.getSchoolClass());
      model.addAttribute("sections", sections.stream().flatMap(s -> s.childSections(id, viewer, false).stream()).toList());
      return "child/limited";
    }
    audit.read(auth.getName(), id, null, "child page");
    model.addAttribute("sections", sections.stream().flatMap(s -> s.childSections(id, viewer, true).stream()).toList());
    List<TimelineEntry> entries = new ArrayList<>();
    for (CareCase c : childCases) {
      for (TimelineContributor t : timeline) {
        entries.addAll(t.entriesForCase(c.getId()));
      }
    }
    entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
    model.addAttribute("child", child);
    model.addAttribute("schoolClass", child.getSchoolClass());
    model.addAttribute("classTeacher", schools.teacherName(child.getSchoolClass().getClassTeacher()));
    model.addAttribute("cases", childCases);
    model.addAttribute("mentorNames", schools.teacherNames(childCases.stream().map(CareCase::getMentor).filter(m -> m != null).toList()));
    model.addAttribute("timeline", entries);
    model.addAttribute("authorNames", schools.teacherNames(entries.stream().map(TimelineEntry::author).filter(a -> a != null).distinct().toList()));
    model.addAttribute("history", archive.history(id));
    java.util.Map<Long, org.careflow.shared.CaseRisk.Risk> risk = new java.util.HashMap<>();
    List<Long> caseIds = childCases.stream().map(CareCase::getId).toList();
    risks.forEach(r -> risk.putAll(r.current(caseIds)));
    model.addAttribute("risks", risk);
    model.addAttribute("mayEdit", ArchiveEditController.mayEdit(CurrentUser.of(auth), child));
    return "child/child";
  }

}
