package org.careflow.classplan;

/** The names {@code processes/class-term-papers.bpmn} and the code share (ModelRulesTest checks each is in the model). */
public final class ClassTermPapersProcess {

  /** Business key: {@code classterm-<class id>} (see shared.BusinessKey). */
  public static final String KEY = "class-term-papers";
  public static final String TASK_PLAN = "writeClassPlan";
  public static final String TASK_SUMMARY = "writeClassSummary";

  private ClassTermPapersProcess() {}
}
