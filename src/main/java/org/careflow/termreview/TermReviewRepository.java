package org.careflow.termreview;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TermReviewRepository extends JpaRepository<TermReview, Long> {
  Optional<TermReview> findByCaseIdAndTermId(Long caseId, Long termId);

  List<TermReview> findByCaseIdOrderByWrittenAtDesc(Long caseId);
}
