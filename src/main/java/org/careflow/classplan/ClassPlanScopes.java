package org.careflow.classplan;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.shared.CaseScopes;
import org.careflow.shared.PageSections;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskSubjects;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A class's term papers are about the class (and so its school): for the engine's scope and the inbox; and
 * beside their tasks, what the teacher writes about: the class's pairings (plan) or the term's figures (summary).
 */
@Component
class ClassPlanScopes implements CaseScopes, TaskSubjects, PageSections {

  private final SchoolDirectory schools;
  private final ClassTermFigures figures;
  private final ClassPlanForms forms;

  ClassPlanScopes(SchoolDirectory schools, ClassTermFigures figures, ClassPlanForms forms) {
    this.schools = schools;
    this.figures = figures;
    this.forms = forms;
  }

  @Override
  public String processKey() {
    return ClassTermPapers.PROCESS_KEY;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Scope> scopeOf(String businessKey) {
    return ClassTermPapers.KEYS.id(businessKey).flatMap(id -> Optional.ofNullable(schools.classesById(List.of(id)).get(id)))
        .map(c -> new Scope(c.getId(), c.getSchool().getId(), null));
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    List<Long> ids = businessKeys.stream().flatMap(k -> ClassTermPapers.KEYS.id(k).stream()).toList();
    Map<Long, SchoolClass> classes = schools.classesById(ids);
    Map<String, Subject> out = new HashMap<>();
    classes.forEach((id, c) -> out.put(ClassTermPapers.KEYS.key(id), new Subject(c.getName(), c.getName(), id, null)));
    return out;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Section> classTaskSections(TaskContext task, Viewer viewer) {
    if (!ClassTermPapers.PROCESS_KEY.equals(task.processKey())) {
      return List.of();
    }
    long classId = ClassTermPapers.KEYS.idOf(task.businessKey());
    Term t = forms.termOf(task);
    Map<String, Object> model = new HashMap<>();
    model.put("term", t.getName());
    model.put("pairings", null);
    model.put("figures", null);
    if (ClassTermPapers.PLAN_TASK.equals(task.taskKey())) {
      model.put("pairings", figures.currentPairings(classId));
    } else {
      model.put("figures", figures.figures(classId, t));
    }
    return List.of(new Section("classplan/task-section", model));
  }
}
