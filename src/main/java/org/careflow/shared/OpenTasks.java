package org.careflow.shared;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A case's open tasks as the module that writes a record sees them, so that one record completes every
 * open task it answers (a talk card that told the parents, a call that reached them, a home visit): the
 * tasks are completed through careflow's own completion path (implemented by the inbox), audited like a
 * completion on the task page, in the transaction of the record. The tasks completed this way during a
 * web request are noted, so the page can say what else was done.
 */
public interface OpenTasks {

  /** An open task of a case (of any process whose business key is the case id). */
  record Open(String taskId, String taskKey, String name, Date due, String assignee) {}

  /** The case's open tasks with this BPMN task id, soonest due first. */
  List<Open> of(long caseId, String taskKey);

  /**
   * Completes a task a record just written answers, as careflow's own completion, audited for {@code user}
   * ({@code RECORD} with the task's key). {@code localVariables} are set on the task only (they end with it),
   * {@code variables} complete it.
   */
  void completeAnswered(long caseId, Open task, String user, Map<String, Object> localVariables, Map<String, Object> variables);

  String ANSWERED = "careflow.answeredTasks";

  /** Notes a completed task's name for the page of the current request (no-op outside a request). */
  static void note(String what) {
    RequestAttributes r = RequestContextHolder.getRequestAttributes();
    if (r == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<String> list = (List<String>) r.getAttribute(ANSWERED, RequestAttributes.SCOPE_REQUEST);
    if (list == null) {
      list = new ArrayList<>();
      r.setAttribute(ANSWERED, list, RequestAttributes.SCOPE_REQUEST);
    }
    list.add(what);
  }

  /** What was also completed during the current request: the tasks' names (with the child's), in order. */
  static List<String> answeredInThisRequest() {
    RequestAttributes r = RequestContextHolder.getRequestAttributes();
    if (r == null) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<String> list = (List<String>) r.getAttribute(ANSWERED, RequestAttributes.SCOPE_REQUEST);
    return list == null ? List.of() : List.copyOf(list);
  }
}
