package org.careflow.classplan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClassPlanRepository extends JpaRepository<ClassPlan, Long> {
  Optional<ClassPlan> findByClassIdAndTermId(Long classId, Long termId);
}

interface ClassPlanPairingRepository extends JpaRepository<ClassPlanPairing, Long> {
  List<ClassPlanPairing> findByPlanIdOrderById(Long planId);
}

interface ClassSummaryRepository extends JpaRepository<ClassSummary, Long> {
  Optional<ClassSummary> findByClassIdAndTermId(Long classId, Long termId);
}
