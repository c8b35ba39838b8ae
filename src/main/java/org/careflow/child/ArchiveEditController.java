package org.careflow.child;

import java.util.List;
import java.util.Map;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The class teacher edits the child's archive. The page carries the archive's version: a save over a
 * version someone else has changed meanwhile writes nothing and shows the current values instead.
 */
@Controller
class ArchiveEditController {

  private final ChildArchive archive;
  private final SchoolDirectory schools;
  private final org.careflow.identity.Audit audit;

  ArchiveEditController(ChildArchive archive, SchoolDirectory schools, org.careflow.identity.Audit audit) {
    this.archive = archive;
    this.schools = schools;
    this.audit = audit;
  }

  /** The class teacher of the child's class, the coordinators of the child's school and administrators. */
  static boolean mayEdit(CurrentUser u, Child child) {
    return u.isAdmin() || u.id().equals(child.getSchoolClass().getClassTeacher())
        || (u.has(Roles.COORDINATOR) && u.seesSchool(child.getSchoolClass().getSchool().getId()));
  }

  /** The child, if this user may edit the archive; others get 404. */
  private Child editable(long id, Authentication auth) {
    Child child = archive.child(id);
    if (!mayEdit(CurrentUser.of(auth), child)) {
      throw new NotFoundException("child");
    }
    return child;
  }

  private String show(Child child, Model model) {
    model.addAttribute("child", child);
    model.addAttribute("fields", archive.fieldViews(child));
    model.addAttribute("version", child.getVersion());
    return "child/edit";
  }

  @GetMapping("/children/{id}/edit")
  String form(@PathVariable long id, Authentication auth, Model model) {
    Child child = editable(id, auth);
    audit.read(auth.getName(), id, null, "archive edit page");
    if (child.getConsentAt() == null) {
      model.addAttribute("noConsent", true);
    }
    return show(child, model);
  }

  @PostMapping("/children/{id}/edit")
  String save(@PathVariable long id, @RequestParam(required = false) String version,
      @RequestParam MultiValueMap<String, String> params, Authentication auth, Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    Child child = editable(id, auth);
    if (version == null || !version.matches("\\d{1,18}")) {
      throw org.careflow.shared.InvalidInputException.of("version", "validation.required");
    }
    try {
      FieldErrors errors = archive.edit(id, Long.parseLong(version), Map.copyOf(params), auth.getName());
      if (errors.isEmpty()) {
        return "redirect:/children/" + id + "?saved";
      }
      response.setStatus(422);
      model.addAttribute("errors", errors.all());
      model.addAttribute("submitted", params.toSingleValueMap());
      return show(child, model);
    } catch (ChildArchive.ArchiveChangedException e) {
      Child current = archive.child(id);
      response.setStatus(409);
      model.addAttribute("changed", true);
      if (e.last() != null) {
        model.addAttribute("changedBy", schools.teacherName(e.last().getChangedBy()));
        model.addAttribute("changedAt", e.last().getChangedAt());
      }
      return show(current, model);
    }
  }

}
