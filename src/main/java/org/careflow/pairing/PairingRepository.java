package org.careflow.pairing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PairingRepository extends JpaRepository<Pairing, Long> {
  List<Pairing> findByCaseIdOrderByAssignedAtDesc(Long caseId);

  @org.springframework.data.jpa.repository.Query("select new org.careflow.pairing.MentorAssigned(p.id, p.caseId, p.assignedAt) from Pairing p order by p.id")
  List<MentorAssigned> allFacts();
}
