package org.careflow.enrolment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.child.ChildArchive;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.springframework.stereotype.Component;

/**
 * The class teacher's registration task: the guardian's consent first (PIPL), then the archive. The
 * task completes with what the eligibility decision reads: the care type and the months away.
 */
@Component
class RegistrationForm implements TaskFormHandler {

  static final List<String> CONSENT_METHODS = List.of("WRITTEN", "IN_PERSON", "PHONE");

  private final ChildArchive archive;
  private final CareCases cases;

  RegistrationForm(ChildArchive archive, CareCases cases) {
    this.archive = archive;
    this.cases = cases;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ChildCaseProcess.TASK_REGISTER);
  }

  @Override
  public Map<String, Object> prefill(TaskContext task) {
    Child child = cases.careCase(task.caseId()).getChild();
    Map<String, Object> values = new LinkedHashMap<>(archive.formValues(child.getId()));
    if (child.getConsentAt() != null) {
      values.put("consentGiven", true);
      values.put("consentBy", child.getConsentBy());
      values.put("consentMethod", child.getConsentMethod());
    }
    return values;
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues values, FieldErrors errors) {
    long childId = cases.careCase(task.caseId()).getChild().getId();
    if (!values.flag("consentGiven")) {
      errors.reject("consentGiven", "validation.consentRequired");
    }
    if (values.text("consentBy") == null) {
      errors.reject("consentBy", "validation.required");
    }
    if (!CONSENT_METHODS.contains(values.text("consentMethod"))) {
      errors.reject("consentMethod", "validation.option");
    }
    // Checks every field, and writes nothing when anything (the consent included) was rejected:
    // without consent not one more field of the child is stored.
    archive.update(childId, values, task.user(), errors);
    if (!errors.isEmpty()) {
      return Map.of();
    }
    archive.recordConsent(childId, values.text("consentBy"), values.text("consentMethod"), task.user());
    Child child = archive.child(childId);
    return Map.of("careType", child.getCareType().name(), "monthsAway", archive.monthsAway(childId));
  }
}
