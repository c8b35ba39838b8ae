package org.careflow.activity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /activities}: the register (newest first) and the form to record one, for class teachers
 * (their classes) and coordinators (their school's); {@code /activities/{id}} one activity with who
 * took part and its files; {@code /activities/kinds} the coordinator's list of kinds.
 */
@Controller
class ActivityController {

  private final Activities activities;
  private final ActivityRegister register;
  private final ActivityKinds kinds;
  private final ClassActivities obligations;
  private final SchoolDirectory schools;
  private final CareClock clock;

  ActivityController(Activities activities, ActivityRegister register, ActivityKinds kinds, ClassActivities obligations, SchoolDirectory schools, CareClock clock) {
    this.activities = activities;
    this.register = register;
    this.kinds = kinds;
    this.obligations = obligations;
    this.schools = schools;
    this.clock = clock;
  }

  @GetMapping("/activities")
  String register(@RequestParam(required = false) Long classId, Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    fill(u, classId, null, model);
    return "activity/activities";
  }

  @PostMapping("/activities")
  String record(@RequestParam(required = false) Long classId, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String date, @RequestParam(required = false) String place,
      @RequestParam(required = false) String leader, @RequestParam(required = false) List<String> children,
      @RequestParam(required = false) String record, @RequestParam(name = "files", required = false) List<MultipartFile> files,
      Authentication auth, Model model, HttpServletResponse response) throws IOException {
    CurrentUser u = CurrentUser.of(auth);
    Activities.Form form = new Activities.Form(classId, kind, date, place, leader, children == null ? List.of() : children, record);
    List<ActivityUpload> uploads = new ArrayList<>();
    for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
      if (f != null && !f.isEmpty()) {
        uploads.add(new ActivityUpload(f.getOriginalFilename(), f.getBytes()));
      }
    }
    try {
      long id = activities.record(u, form, uploads);
      return "redirect:/activities/" + id + "?saved";
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      fill(u, classId, form, model);
      model.addAttribute("errors", e.errors().all());
      return "activity/activities";
    }
  }

  private void fill(CurrentUser u, Long classId, Activities.Form form, Model model) {
    List<SchoolClass> recordable = activities.recordableClasses(u);
    SchoolClass chosen = null;
    if (classId != null) {
      chosen = recordable.stream().filter(c -> c.getId().equals(classId)).findFirst().orElse(null);
    } else if (!recordable.isEmpty()) {
      chosen = recordable.get(0);
    }
    model.addAttribute("classes", recordable);
    model.addAttribute("chosen", chosen);
    model.addAttribute("rows", register.list(u, classId, 200));
    model.addAttribute("filterClassId", classId);
    model.addAttribute("isCoordinator", u.has(Roles.COORDINATOR));
    if (chosen != null) {
      long schoolId = chosen.getSchool().getId();
      var locale = LocaleContextHolder.getLocale();
      model.addAttribute("kinds", kinds.active(schoolId).stream().map(k -> Map.of("code", k.code(), "name", k.name(locale))).toList());
      model.addAttribute("leaders", activities.leaders(chosen));
      model.addAttribute("pick", activities.pickList(u, chosen));
      var names = kinds.byCode(schoolId);
      model.addAttribute("open", obligations.ofClass(chosen.getId()).stream().filter(o -> "OPEN".equals(o.status()))
          .map(o -> Map.of("kind", names.containsKey(o.kinds().get(0)) ? names.get(o.kinds().get(0)).name(locale) : o.kinds().get(0),
              "code", o.kinds().get(0), "due", o.due())).toList());
    }
    model.addAttribute("form", form != null ? form : new Activities.Form(chosen == null ? null : chosen.getId(), null,
        clock.today().toString(), null, u.id(), null, null));
    model.addAttribute("ticked", form == null ? null : form.children());
  }

  @GetMapping("/activities/{id}")
  String activity(@PathVariable long id, Authentication auth, Model model) {
    model.addAttribute("a", register.detail(CurrentUser.of(auth), id));
    return "activity/activity";
  }

  @GetMapping("/activities/{id}/files/{fileId}")
  ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId, Authentication auth) {
    ActivityRegister.StoredFile f = register.file(CurrentUser.of(auth), id, fileId);
    ContentDisposition disposition = (f.contentType().startsWith("image/") ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(f.name(), StandardCharsets.UTF_8).build();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(f.content());
  }

  // -- the kinds -----------------------------------------------------------------------------------

  private long coordinatorsSchool(CurrentUser u, Long schoolId) {
    if (!u.has(Roles.COORDINATOR) || u.schools().isEmpty()) {
      throw new NotFoundException("kinds");
    }
    if (schoolId != null) {
      if (!u.schools().contains(schoolId)) {
        throw new NotFoundException("kinds");
      }
      return schoolId;
    }
    return u.schools().stream().sorted().findFirst().orElseThrow();
  }

  @GetMapping("/activities/kinds")
  String kinds(@RequestParam(required = false) Long schoolId, Authentication auth, Model model) {
    long school = coordinatorsSchool(CurrentUser.of(auth), schoolId);
    model.addAttribute("schoolId", school);
    model.addAttribute("kinds", kinds.of(school));
    return "activity/kinds";
  }

  @PostMapping("/activities/kinds")
  String saveKind(@RequestParam(required = false) Long schoolId, @RequestParam(required = false) Long id,
      @RequestParam(required = false) String nameZh, @RequestParam(required = false) String nameEn,
      @RequestParam(required = false) String active, Authentication auth, Model model, HttpServletResponse response) {
    long school = coordinatorsSchool(CurrentUser.of(auth), schoolId);
    try {
      kinds.save(school, id, nameZh, nameEn, id == null || active != null);
      return "redirect:/activities/kinds?schoolId=" + school + "&saved";
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("schoolId", school);
      model.addAttribute("kinds", kinds.of(school));
      model.addAttribute("errors", e.errors().all());
      model.addAttribute("errorId", id);
      return "activity/kinds";
    }
  }
}
