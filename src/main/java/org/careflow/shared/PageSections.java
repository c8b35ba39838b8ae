package org.careflow.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A module adds a section of its own to a page another module owns: the child's page, a class's page, a
 * task's page (the term review). Each section is a Thymeleaf fragment {@code section(s)} in the module's
 * template, given the section itself ({@code s.model()} holds what it shows). A module may also let a user
 * open a child's page who otherwise may not (a subject teacher who helps the child in study): that user then
 * sees the child's name and class and the sections only.
 */
public interface PageSections {

  /** Who asks: the user id and their groups (roles and scope groups). */
  record Viewer(String user, Collection<String> groups) {
    public boolean has(String group) {
      return groups.contains(group);
    }
  }

  record Section(String template, Map<String, Object> model) {}

  /** Sections on the child's page, for a viewer who may see it (fully, or as {@link #opensChildPage} allows). */
  default List<Section> childSections(long childId, Viewer viewer, boolean fullAccess) {
    return List.of();
  }

  /** Sections on a class's page ({@code /classes/{id}}), for a viewer who may see it. */
  default List<Section> classSections(long classId, Viewer viewer) {
    return List.of();
  }

  /** Sections beside a task of a child's case (the term review shows the term's study help). */
  default List<Section> taskSections(TaskContext task, long childId, Viewer viewer) {
    return List.of();
  }

  /** Sections beside a task that is about no one child (a class's help plan shows the class's pairings). */
  default List<Section> classTaskSections(TaskContext task, Viewer viewer) {
    return List.of();
  }

  /** Whether this module lets the viewer open the child's page in its limited form. */
  default boolean opensChildPage(long childId, Viewer viewer) {
    return false;
  }
}
