package org.careflow.pairing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PairingRepository extends JpaRepository<Pairing, Long> {
  List<Pairing> findByCaseIdOrderByAssignedAtDesc(Long caseId);
}
