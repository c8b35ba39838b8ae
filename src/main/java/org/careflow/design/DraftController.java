package org.careflow.design;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.careflow.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editors on /design and the drafts they save: open a deployed model or a draft in its editor,
 * save as draft (JSON for the editor's script), compare a draft with the deployed latest version,
 * deploy it with a comment, or throw it away.
 */
@Controller
class DraftController {

  private final ModelDrafts drafts;
  private final ModelCatalog catalog;
  private final MessageSource messages;

  DraftController(ModelDrafts drafts, ModelCatalog catalog, MessageSource messages) {
    this.drafts = drafts;
    this.catalog = catalog;
    this.messages = messages;
  }

  /** A deployed version of a model in its editor. */
  @GetMapping("/design/edit")
  String edit(@RequestParam String deployment, @RequestParam String resource, Model model) throws java.io.IOException {
    catalog.file(deployment, resource); // 404 for a file that is not there
    model.addAttribute("resource", resource);
    model.addAttribute("kind", ModelDrafts.kindOf(resource));
    model.addAttribute("source", "/design/file?deployment=" + enc(deployment) + "&resource=" + enc(resource));
    return "design/edit";
  }

  /** A draft reopened in its editor. */
  @GetMapping("/design/drafts/{id}/edit")
  String editDraft(@PathVariable long id, Model model) {
    ModelDraft draft = drafts.get(id);
    model.addAttribute("resource", draft.getResource());
    model.addAttribute("kind", draft.getKind());
    model.addAttribute("source", "/design/drafts/" + id + "/content");
    model.addAttribute("draft", draft);
    return "design/edit";
  }

  @GetMapping(value = "/design/drafts/{id}/content", produces = "text/plain;charset=UTF-8")
  @ResponseBody
  String content(@PathVariable long id) {
    return drafts.get(id).getContent();
  }

  /** Save as draft, from the editor's script: {"id", "url"}, or 400 {"errors": [...]} in the user's language. */
  @PostMapping(value = "/design/drafts", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> save(@RequestParam(required = false) String resource, @RequestParam(required = false) String content,
      @RequestParam(required = false) String comment, Principal user) {
    try {
      ModelDraft draft = drafts.save(resource, content, comment, user.getName());
      return ResponseEntity.ok(Map.of("id", draft.getId(), "url", "/design/drafts/" + draft.getId()));
    } catch (InvalidInputException e) {
      List<String> errors = e.errors().all().values().stream()
          .map(x -> messages.getMessage(x.code(), x.args(), LocaleContextHolder.getLocale())).toList();
      return ResponseEntity.badRequest().body(Map.of("errors", errors));
    }
  }

  /** A draft: who saved it and why, what it changes against the deployed latest version, and deploy. */
  @GetMapping("/design/drafts/{id}")
  String draft(@PathVariable long id, Model model) {
    ModelDraft draft = drafts.get(id);
    model.addAttribute("draft", draft);
    model.addAttribute("comparison", drafts.compare(draft));
    return "design/draft";
  }

  @PostMapping("/design/drafts/{id}/deploy")
  String deploy(@PathVariable long id, @RequestParam(required = false) String comment, Principal user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    try {
      ModelDrafts.Deployed deployed = drafts.deploy(id, comment, user.getName());
      redirect.addFlashAttribute("deployed", deployed);
      return "redirect:/design";
    } catch (ProcessEngineException e) {
      // refused by the project's rules or the engine's parser: nothing deployed, the draft stays
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("refusal", problems(e));
      model.addAttribute("comment", comment);
      return draft(id, model);
    }
  }

  @PostMapping("/design/drafts/{id}/discard")
  String discard(@PathVariable long id) {
    drafts.discard(id);
    return "redirect:/design";
  }

  /** Each element and broken rule the engine reported, or its message when it named none. */
  static List<String> problems(ProcessEngineException e) {
    List<String> out = new ArrayList<>();
    if (e instanceof ParseException p) {
      for (ResourceReport report : p.getResorceReports()) {
        for (Problem problem : report.getErrors()) {
          out.add(problem.getMainElementId() == null ? problem.getMessage() : problem.getMainElementId() + ": " + problem.getMessage());
        }
      }
    }
    if (out.isEmpty()) {
      out.add(e.getMessage());
    }
    return out;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
