package org.careflow.studyhelp;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StudyHelpPlanRepository extends JpaRepository<StudyHelpPlan, Long> {
  List<StudyHelpPlan> findByChildIdOrderByCreatedAtDesc(Long childId);

  List<StudyHelpPlan> findByTeacherAndActiveTrueOrderByCreatedAt(String teacher);

  boolean existsByTeacherAndChildIdAndActiveTrue(String teacher, Long childId);

  boolean existsByChildIdAndTeacherAndSubjectAndActiveTrue(Long childId, String teacher, String subject);

  List<StudyHelpPlan> findByClassIdInAndActiveTrueOrderByCreatedAt(Collection<Long> classIds);

  List<StudyHelpPlan> findBySchoolIdInAndActiveTrueOrderByCreatedAt(Collection<Long> schoolIds);
}

interface StudyProgressRepository extends JpaRepository<StudyProgress, Long> {
  List<StudyProgress> findByPlanIdInOrderByProgressDateDescIdDesc(Collection<Long> planIds);
}

interface StudyBuddyRepository extends JpaRepository<StudyBuddy, Long> {
  List<StudyBuddy> findByChildIdOrderByChosenAtDesc(Long childId);

  List<StudyBuddy> findByChildIdAndActiveTrue(Long childId);

  List<StudyBuddy> findByClassIdAndActiveTrueOrderByChosenAt(Long classId);
}
