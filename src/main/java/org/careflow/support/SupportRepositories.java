package org.careflow.support;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RiskAssessmentRepository extends JpaRepository<RiskAssessment, Long> {
  Optional<RiskAssessment> findFirstByCaseIdOrderByIdDesc(Long caseId);

  List<RiskAssessment> findByCaseIdOrderByIdDesc(Long caseId);
}

interface SupportPlanRepository extends JpaRepository<SupportPlan, Long> {
  Optional<SupportPlan> findFirstByCaseIdAndStatusInOrderByIdDesc(Long caseId, Collection<SupportPlan.Status> statuses);

  List<SupportPlan> findByCaseIdInAndStatusIn(Collection<Long> caseIds, Collection<SupportPlan.Status> statuses);

  List<SupportPlan> findByCaseIdOrderByIdDesc(Long caseId);
}

interface SupportPlanReviewRepository extends JpaRepository<SupportPlanReview, Long> {
  List<SupportPlanReview> findByPlanIdOrderByIdDesc(Long planId);
}
