package org.careflow.identity;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Supervisors read the audit trail as a page and as JSON (HTTP Basic under /api). */
@Controller
class AuditController {

  record Entry(String actor, String action, Instant at, Long child, Long caseId, String detail) {}

  private final Audit audit;
  private final Accounts accounts;

  AuditController(Audit audit, Accounts accounts) {
    this.audit = audit;
    this.accounts = accounts;
  }

  /** A supervisor reads the entries about their schools' children; an administrator all. */
  private List<Entry> entries(Long child, String actor, int limit, org.springframework.security.core.Authentication auth) {
    CurrentUser u = CurrentUser.of(auth);
    return audit.find(child, actor, limit, u.isAdmin() ? null : u.schools()).stream()
        .map(a -> new Entry(a.getActor(), a.getAction(), a.getAt(), a.getChildId(), a.getCaseId(), a.getDetail())).toList();
  }

  @GetMapping("/audit")
  String page(@RequestParam(required = false) Long child, @RequestParam(required = false) String actor,
      @RequestParam(defaultValue = "200") int limit, org.springframework.security.core.Authentication auth, Model model) {
    List<Entry> entries = entries(child, actor, limit, auth);
    model.addAttribute("entries", entries);
    // who did it, by name (the filter above still takes the user name)
    model.addAttribute("names", accounts.personNames(entries.stream().map(Entry::actor).distinct().toList()));
    model.addAttribute("child", child);
    model.addAttribute("actor", actor);
    return "identity/audit";
  }

  @GetMapping("/api/audit")
  @ResponseBody
  List<Entry> json(@RequestParam(required = false) Long child, @RequestParam(required = false) String actor,
      @RequestParam(defaultValue = "100") int limit, org.springframework.security.core.Authentication auth) {
    return entries(child, actor, limit, auth);
  }
}
