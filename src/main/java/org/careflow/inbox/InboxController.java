package org.careflow.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careflow.enrolment.ChildCaseProcess;
import org.careflow.identity.CurrentUser;
import org.careflow.shared.InvalidInputException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The teacher's inbox and the task page, where a task's form is filled and the task completed. */
@Controller
class InboxController {

  static final int PAGE_SIZE = 20;

  private final TaskWork work;
  private final AfterSubmit afterSubmit;
  private final TaskPeriods periods;
  private List<org.careflow.shared.PageSections> sections = List.of();

  InboxController(TaskWork work, AfterSubmit afterSubmit, TaskPeriods periods) {
    this.work = work;
    this.afterSubmit = afterSubmit;
    this.periods = periods;
  }

  /** Sections other modules show beside a task of a child (the term review shows the term's study help). */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setSections(List<org.careflow.shared.PageSections> sections) {
    this.sections = sections;
  }

  static TaskWork.Worker worker(Authentication auth) {
    CurrentUser u = CurrentUser.of(auth);
    return new TaskWork.Worker(u.id(), u.roles(), u.isAdmin());
  }

  @GetMapping("/")
  String inbox(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String kind,
      @RequestParam(required = false) Long classId, @RequestParam(required = false) String q, Authentication auth, Model model) {
    int p = Math.max(0, Math.min(page, 10_000));
    InboxFilter filter = new InboxFilter(kind, classId, q);
    TaskWork.Worker w = worker(auth);
    model.addAttribute("inbox", work.inbox(w, filter, p, PAGE_SIZE));
    Map<String, List<TaskWork.Facet>> facets = work.facets(w);
    model.addAttribute("facets", facets);
    model.addAttribute("catchUps", catchUps(w, facets));
    model.addAttribute("filter", filter);
    return "inbox/inbox";
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable String id, @RequestParam(required = false) String kind, @RequestParam(required = false) Long classId,
      @RequestParam(required = false) String q, Authentication auth, Model model) {
    InboxFilter back = new InboxFilter(kind, classId, q);
    model.addAttribute("back", back);
    TaskWork.TaskView view = work.open(id, worker(auth));
    model.addAttribute("values", FormDisplay.of(view.values()));
    return taskPage(view, auth, model);
  }

  /** A child whose mentor owes several overdue weekly check-ins: one link closes them all (the catch-up page). */
  record CatchUp(long childId, String childName, int weeks) {}

  private List<CatchUp> catchUps(TaskWork.Worker w, Map<String, List<TaskWork.Facet>> facets) {
    if (facets.get("kinds").stream().noneMatch(k -> k.value().equals(ChildCaseProcess.TASK_WEEKLY_CHECK_IN))) {
      return List.of();
    }
    Map<Long, CatchUp> byChild = new LinkedHashMap<>();
    for (TaskWork.Row r : work.inbox(w, new InboxFilter(ChildCaseProcess.TASK_WEEKLY_CHECK_IN, null, null), 0, 200).rows()) {
      if (r.childId() != null && r.state() == org.careflow.shared.Deadlines.State.OVERDUE && w.user().equals(r.assignee())) {
        CatchUp c = byChild.get(r.childId());
        byChild.put(r.childId(), new CatchUp(r.childId(), r.subject(), c == null ? 1 : c.weeks() + 1));
      }
    }
    return byChild.values().stream().filter(c -> c.weeks() > 1).toList();
  }

  /** Whether the list the teacher came from holds another task after this one: then the form offers "submit, next". */
  private boolean listHasNext(String taskId, InboxFilter back, TaskWork.Worker w) {
    return work.inbox(w, back == null ? InboxFilter.NONE : back, 0, 2).rows().stream().anyMatch(r -> !r.taskId().equals(taskId));
  }

  private String taskPage(TaskWork.TaskView view, Authentication auth, Model model) {
    TaskWork.Worker w = worker(auth);
    model.addAttribute("view", view);
    model.addAttribute("listHasNext", listHasNext(view.row().taskId(), (InboxFilter) model.getAttribute("back"), w));
    org.careflow.shared.PageSections.Viewer viewer = new org.careflow.shared.PageSections.Viewer(w.user(), w.groups());
    model.addAttribute("sections", view.row().childId() == null
        ? sections.stream().flatMap(s -> s.classTaskSections(view.context(), viewer).stream()).toList()
        : sections.stream().flatMap(s -> s.taskSections(view.context(), view.row().childId(), viewer).stream()).toList());
    model.addAttribute("comments", work.comments(view.row().taskId(), w));
    model.addAttribute("colleagues", auth.getName().equals(view.row().assignee()) ? work.colleagues(w) : List.of());
    return "inbox/task";
  }

  @PostMapping("/tasks/{id}/comments")
  String comment(@PathVariable String id, @RequestParam(defaultValue = "") String text, Authentication auth) {
    work.comment(id, worker(auth), text);
    return "redirect:/tasks/" + id + "#comments";
  }

  @PostMapping("/tasks/{id}/handover")
  String handOver(@PathVariable String id, @RequestParam(required = false) String colleague,
      @RequestParam(required = false) String note, Authentication auth, RedirectAttributes redirect) {
    work.handOver(id, worker(auth), colleague, note);
    redirect.addFlashAttribute("handedOver", true);
    return "redirect:/";
  }

  @PostMapping("/tasks/{id}")
  String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Authentication auth, Model model,
      RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
    Map<String, List<String>> values = new LinkedHashMap<>(params);
    values.remove("_csrf");
    // the inbox's filter the teacher came from travels with the form, so the list is as it was afterwards
    InboxFilter back = new InboxFilter(params.getFirst("_back_kind"), parseLong(params.getFirst("_back_classId")), params.getFirst("_back_q"));
    values.keySet().removeIf(k -> k.startsWith("_back_"));
    // "submit, next": the next task of the same list opens at once, with what was saved on top (no trip through the list)
    boolean thenNext = "next".equals(params.getFirst("_then"));
    values.remove("_then");
    TaskWork.Worker w = worker(auth);
    try {
      AfterSubmit.Before before = afterSubmit.before(id, w);
      work.complete(id, w, values);
      AfterSubmit.Offers offers = afterSubmit.offers(before, w, back);
      redirect.addFlashAttribute("done", true);
      redirect.addFlashAttribute("saved", new String[] {before.row().subject() == null ? "" : before.row().subject(),
          periods.title(before.row())});
      redirect.addFlashAttribute("alsoDone", org.careflow.shared.OpenTasks.answeredInThisRequest());
      redirect.addFlashAttribute("nextOfChild", offers.nextOfChild());
      redirect.addFlashAttribute("nextInList", offers.nextInList());
      org.springframework.web.util.UriComponentsBuilder to = org.springframework.web.util.UriComponentsBuilder
          .fromPath(thenNext && offers.nextInList() != null ? "/tasks/" + offers.nextInList().taskId() : "/");
      if (back.taskKey() != null) {
        to.queryParam("kind", back.taskKey());
      }
      if (back.classId() != null) {
        to.queryParam("classId", back.classId());
      }
      if (back.childName() != null) {
        to.queryParam("q", back.childName());
      }
      if (offers.nextInList() != null && !thenNext) {
        to.fragment("t-" + offers.nextInList().taskId()); // the list opens where the teacher was
      }
      return "redirect:" + to.encode().build().toUriString();
    } catch (InvalidInputException e) {
      model.addAttribute("back", back);
      response.setStatus(422); // the form again, with what is wrong: nothing was written
      TaskWork.TaskView view = work.open(id, worker(auth));
      model.addAttribute("values", FormDisplay.ofSubmitted(values));
      model.addAttribute("errors", e.errors().all());
      return taskPage(view, auth, model);
    }
  }

  private static Long parseLong(String s) {
    try {
      return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable String id, Authentication auth) {
    work.claim(id, worker(auth));
    return "redirect:/tasks/" + id;
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(@PathVariable String id, Authentication auth) {
    work.unclaim(id, worker(auth));
    return "redirect:/";
  }
}
