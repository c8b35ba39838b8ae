package org.careflow.support;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RiskAssessmentRepository extends JpaRepository<RiskAssessment, Long> {
  Optional<RiskAssessment> findFirstByCaseIdOrderByIdDesc(Long caseId);

  List<RiskAssessment> findByCaseIdOrderByIdDesc(Long caseId);

  @org.springframework.data.jpa.repository.Query("select new org.careflow.support.RiskAssessed(a.id, a.caseId, a.riskLevel, a.assessedAt)"
      + " from RiskAssessment a order by a.id")
  java.util.stream.Stream<RiskAssessed> streamAllFacts();
}

interface SupportPlanRepository extends JpaRepository<SupportPlan, Long> {
  Optional<SupportPlan> findFirstByCaseIdAndStatusInOrderByIdDesc(Long caseId, Collection<SupportPlan.Status> statuses);

  List<SupportPlan> findByCaseIdInAndStatusIn(Collection<Long> caseIds, Collection<SupportPlan.Status> statuses);

  List<SupportPlan> findByCaseIdOrderByIdDesc(Long caseId);

  @org.springframework.data.jpa.repository.Query("select new org.careflow.support.SupportPlanChanged(p.id, p.caseId, p.openedAt, p.closedAt)"
      + " from SupportPlan p order by p.id")
  List<SupportPlanChanged> allFacts();
}

interface SupportPlanReviewRepository extends JpaRepository<SupportPlanReview, Long> {
  List<SupportPlanReview> findByPlanIdOrderByIdDesc(Long planId);
}
