package org.careflow.yearend;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommendationRepository extends JpaRepository<Commendation, Long> {
  List<Commendation> findByTermId(Long termId);
}
