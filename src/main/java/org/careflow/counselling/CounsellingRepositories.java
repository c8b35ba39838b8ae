package org.careflow.counselling;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CounsellingSessionRepository extends JpaRepository<CounsellingSession, Long> {
  List<CounsellingSession> findByChildIdOrderBySessionDateDescIdDesc(Long childId);

  boolean existsByChildId(Long childId);

  List<CounsellingSession> findTop200BySchoolIdInOrderBySessionDateDescIdDesc(Collection<Long> schoolIds);

  List<CounsellingSession> findTop200ByOrderBySessionDateDescIdDesc();
}

interface CounsellingReferralRepository extends JpaRepository<CounsellingReferral, Long> {
  List<CounsellingReferral> findByChildIdOrderByIdDesc(Long childId);

  List<CounsellingReferral> findBySchoolIdInAndHandledAtIsNullOrderByIdDesc(Collection<Long> schoolIds);

  List<CounsellingReferral> findByHandledAtIsNullOrderByIdDesc();
}
