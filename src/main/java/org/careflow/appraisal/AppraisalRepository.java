package org.careflow.appraisal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppraisalRepository extends JpaRepository<Appraisal, Long> {
  List<Appraisal> findByTermId(Long termId);

  Optional<Appraisal> findByTermIdAndTeacher(Long termId, String teacher);
}
