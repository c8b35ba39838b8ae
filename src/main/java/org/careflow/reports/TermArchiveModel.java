package org.careflow.reports;

/** The names {@code processes/term-archive.bpmn} and the code share (ModelRulesTest checks each is in the model). */
public final class TermArchiveModel {

  /** Business key: {@code termarchive-<school id>} (see shared.BusinessKey). */
  public static final String KEY = "term-archive";
  public static final String TASK_ARCHIVE = "archiveTerm";

  private TermArchiveModel() {}
}
